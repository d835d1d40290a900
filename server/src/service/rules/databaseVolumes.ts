/**
 * A database whose data directory no volume holds: its files live in the container (the image's
 * `VOLUME` is an anonymous volume of that container under containerd, a plain directory of its
 * root under CRI-O) and are gone whenever the container is re-created — after a crash, an update,
 * an eviction. Only official images whose data directory is documented are judged
 * (rules/imageWritePaths.ts, rules/statefulImages.ts), and only where they run the server: not a
 * client or a test run in the image. Redis only when its arguments ask for persistence or a StatefulSet gives it a claim of
 * its own, as it is a cache otherwise. A data directory that settings we cannot read (a config
 * file, an env value from a ConfigMap) may have moved onto a volume mounted elsewhere is not
 * guessed at.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { normalizeHostPath } from './nodePlumbing';
import {
  dataSettingsElsewhere,
  imageDeclaredVolumes,
  knownDataDirs,
  parseImage,
  redisAskedToPersist,
  runsDatabaseServer,
} from './imageWritePaths';
import { dataMountFix, relocatedMountFix } from './fixes/workloadFixes';
import type { Rule } from './types';
import {
  claimTemplatesOf,
  containersOf,
  isAtOrBelow,
  mountsOf,
  podSpecOf,
  str,
  volumesOf,
  type ContainerAt,
  type MountAt,
  type PodSpecAt,
} from './util';
import { keepsNoData } from './workloadVolumes';
import { nodeNameAdvice, rabbitNodeNameChanges } from './rabbitmqNodeName';

/** Workloads that keep running: a Job's or CronJob's database is thrown away by design. */
const SERVING_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
];

/** Where PostgreSQL images before 18 keep their data, and where volumes are often still mounted. */
const OLD_POSTGRES_DATA = '/var/lib/postgresql/data';

/** Volumes that hold configuration, not data a database could be pointed at. */
const CONFIG_SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected'] as const;

/**
 * The container's writable mounts of volumes that can hold data (not a ConfigMap or Secret), with
 * whether each is a StatefulSet claim template: a claim of this replica's own.
 */
function dataMounts(
  at: PodSpecAt,
  data: Record<string, unknown>,
  c: ContainerAt,
): { mount: MountAt; template: boolean }[] {
  const volumes = new Map(volumesOf(at).map((v) => [v.volume.name, v.volume]));
  const templates = new Set(claimTemplatesOf(data).map((t) => t.name));
  return mountsOf(c)
    .filter((m) => m.field === 'volumeMounts' && m.mount.readOnly !== true)
    .flatMap((mount): { mount: MountAt; template: boolean }[] => {
      const volume = volumes.get(mount.mount.name);
      if (volume) {
        const config = CONFIG_SOURCES.some((k) => volume[k] !== undefined);
        return config ? [] : [{ mount, template: false }];
      }
      return templates.has(mount.mount.name) ? [{ mount, template: true }] : [];
    });
}

interface Unheld {
  dirs: string[];
  /** A Redis claim template mounted where Redis keeps nothing: the reason to report it. */
  strayClaim?: MountAt;
}

/** The data directories of a database container no mount holds. */
function unheldDataDirs(at: PodSpecAt, data: Record<string, unknown>, c: ContainerAt): Unheld {
  const none = { dirs: [] };
  const container = c.container;
  if (c.group !== 'containers' || keepsNoData(container)) return none;
  // A client or a test in the database's image (`command: [sleep, infinity]`) keeps no data.
  if (!runsDatabaseServer(container)) return none;
  const known = knownDataDirs(container)?.filter((d) => d.startsWith('/'));
  if (!known?.length) return none;
  const mounted = mountsOf(c)
    .filter((m) => m.field === 'volumeMounts')
    .map((m) => str(m.mount.mountPath))
    .filter((p): p is string => !!p)
    .map(normalizeHostPath);
  const dirs = known
    .map(normalizeHostPath)
    .filter((dir) => !mounted.some((m) => isAtOrBelow(dir, m)));
  if (!dirs.length) return none;
  const writable = dataMounts(at, data, c);
  // A config file or an env value we cannot read may have put the data on that other volume.
  if (dataSettingsElsewhere(container) && writable.length) return none;
  if (parseImage(str(container.image) ?? '').repository !== 'redis') return { dirs };
  if (redisAskedToPersist(container)) return { dirs };
  // A Redis nothing asks to persist is a cache, unless it was given a claim of its own.
  const strayClaim = writable.find((w) => w.template)?.mount;
  return strayClaim ? { dirs, strayClaim } : none;
}

/**
 * Where a volume for this data directory goes: the image's own `VOLUME` above it (PostgreSQL 18's
 * `/var/lib/postgresql`, RabbitMQ's `/var/lib/rabbitmq` with the Erlang cookie), else the directory.
 */
export function volumeMountPathFor(container: Container, dir: string): string {
  const declared = imageDeclaredVolumes(container)
    .map(normalizeHostPath)
    .filter((v) => isAtOrBelow(dir, v));
  return declared.sort((a, b) => a.length - b.length)[0] ?? dir;
}

/** Why the data directory is reported, when there is more to say than that no volume is there. */
type Reason =
  { kind: 'stalePostgres' } | { kind: 'strayClaim'; name: string; path: string } | { kind: 'none' };

function advice(reason: Reason, dir: string): LocalizedText {
  if (reason.kind === 'stalePostgres')
    return {
      en: "From PostgreSQL 18 on, the official image keeps its data below `/var/lib/postgresql` (`PGDATA` is `/var/lib/postgresql/<major>/docker`): the volume at `/var/lib/postgresql/data` holds none of it, and the image refuses to start when it finds files there (a new volume's `lost+found` is enough). Mount it at `/var/lib/postgresql`.",
      ru: 'Начиная с PostgreSQL 18 официальный образ хранит данные внутри `/var/lib/postgresql` (`PGDATA` — `/var/lib/postgresql/<major>/docker`): в том, смонтированный в `/var/lib/postgresql/data`, они не попадут, а если образ найдёт в нём файлы (хватит и `lost+found` нового тома), он не запустится. Смонтируйте том в `/var/lib/postgresql`.',
    };
  if (reason.kind === 'strayClaim')
    return localize(
      {
        en: 'Claim template `{name}` is mounted at `{path}`, where Redis keeps nothing: it writes its RDB dumps and append-only file to its working directory `{dir}`. Mount the claim at `{dir}` (or point `--dir` at `{path}`).',
        ru: 'Шаблон заявки `{name}` смонтирован в `{path}`, а Redis там ничего не хранит: дампы RDB и журнал AOF он пишет в рабочий каталог `{dir}`. Смонтируйте заявку в `{dir}` (или укажите `--dir {path}`).',
      },
      { name: reason.name, path: reason.path, dir },
    );
  return {
    en: 'Mount a PersistentVolumeClaim there (in a StatefulSet, from `volumeClaimTemplates`).',
    ru: 'Смонтируйте туда заявку на том (в StatefulSet — из `volumeClaimTemplates`).',
  };
}

function message(image: string, dir: string, reason: Reason, kind?: string): LocalizedText {
  const lost = localize(
    {
      en: '`{image}` keeps its data in `{dir}`, but no volume is mounted there: the data lives in the container and is lost whenever the container is re-created (a restart after a crash, an update, an eviction).',
      ru: '`{image}` хранит данные в `{dir}`, но туда не смонтирован ни один том: данные живут внутри контейнера и пропадут, как только его пересоздадут (при перезапуске после сбоя, обновлении, вытеснении).',
    },
    { image, dir },
  );
  const parts = [lost, advice(reason, dir), ...(kind ? [nodeNameAdvice(kind)] : [])];
  return {
    en: parts.map((p) => p.en).join(' '),
    ru: parts.map((p) => p.ru).join(' '),
  };
}

export const databaseDataNotOnVolume: Rule = {
  id: 'database-data-not-on-volume',
  family: 'workloads',
  severity: 'warning',
  kinds: SERVING_KINDS,
  fixable: true,
  title: {
    en: 'A database keeps its data inside the container',
    ru: 'СУБД хранит данные внутри контейнера',
  },
  docs: {
    en: "The container runs a database image whose data directory is known (PostgreSQL, MySQL, MariaDB, MongoDB, RabbitMQ, Elasticsearch, OpenSearch, ZooKeeper, etcd, Cassandra, Confluent's Kafka; Apache Kafka when its `server.properties` is written from the `KAFKA_*` env: the directory in `KAFKA_LOG_DIRS`, else Kafka's default `/tmp/kafka-logs`, which a volume at `/var/lib/kafka/data` (the image's `VOLUME`) does not cover; Redis when `--appendonly yes` or a `--save` rule asks it to persist, or a StatefulSet gives it a claim template of its own that is mounted elsewhere), and no volume is mounted at that directory or above it. The files then live in the container itself (the image's `VOLUME` is an anonymous volume that belongs to the container), and are lost whenever the container is re-created: a restart after a crash, an update, an eviction, a move to another node. Mount a PersistentVolumeClaim at the data directory, in a StatefulSet from `volumeClaimTemplates`. Jobs and CronJobs are not reported (their databases are thrown away by design), nor are containers that keep no data (a MongoDB arbiter, `mongos`, Redis Sentinel, an Elasticsearch or OpenSearch node whose `node.roles` holds no master or data role), nor a database whose data directory may be set where it is not read (a config file such as `mongod --config` or `redis-server redis.conf`, `my.cnf` in `/etc/mysql`, a mounted `elasticsearch.yml`, `zoo.cfg`, `cassandra.yaml` or Kafka's `server.properties`, etcd's `--config-file`, `PGDATA` from a ConfigMap) while a volume is mounted elsewhere in the container. PostgreSQL 18 moved its data to `/var/lib/postgresql/18/docker`: a volume still mounted at `/var/lib/postgresql/data` holds none of it, and the image refuses to start when it finds files there. RabbitMQ names its data directory after its node name, `rabbit@<hostname>`: in a Deployment, whose every new pod gets a new hostname, the message also says to fix the name (the pod's `hostname` or `RABBITMQ_NODENAME`) or to run it as a StatefulSet.",
    ru: 'Контейнер запускает образ СУБД с известным каталогом данных (PostgreSQL, MySQL, MariaDB, MongoDB, RabbitMQ, Elasticsearch, OpenSearch, ZooKeeper, etcd, Cassandra, Kafka от Confluent; Apache Kafka — если её `server.properties` собирается из переменных окружения `KAFKA_*`: каталог из `KAFKA_LOG_DIRS`, а без неё — каталог Kafka по умолчанию `/tmp/kafka-logs`, который том в `/var/lib/kafka/data` (это `VOLUME` образа) не покрывает; Redis — если `--appendonly yes` или правило `--save` велит сохранять данные на диск либо StatefulSet даёт ему собственный шаблон заявки, смонтированный в другое место), а ни в этот каталог, ни в один из родительских не смонтирован том. Тогда файлы живут в самом контейнере (`VOLUME` образа — анонимный том, который принадлежит контейнеру) и пропадают всякий раз, когда контейнер пересоздаётся: при перезапуске после сбоя, обновлении, вытеснении, переносе на другой узел. Смонтируйте в каталог данных заявку на том, в StatefulSet — из `volumeClaimTemplates`. Не отмечаются Job и CronJob (их базы и задуманы одноразовыми), контейнеры, которые не хранят данных (арбитр MongoDB, `mongos`, Redis Sentinel, узел Elasticsearch или OpenSearch, в `node.roles` которого нет ни роли master, ни роли data), и СУБД, чей каталог данных может быть задан там, где мы его не читаем (в файле конфигурации, например `mongod --config` или `redis-server redis.conf`, в `my.cnf` из `/etc/mysql`, в смонтированном `elasticsearch.yml`, `zoo.cfg`, `cassandra.yaml` или `server.properties` Kafka, в `--config-file` etcd, в `PGDATA` из ConfigMap), если в контейнер смонтирован том в другое место. В PostgreSQL 18 данные переехали в `/var/lib/postgresql/18/docker`: в том, который по-прежнему смонтирован в `/var/lib/postgresql/data`, они не попадут, а если образ найдёт в нём файлы, он не запустится. RabbitMQ называет каталог данных по имени своего узла, `rabbit@<имя хоста>`: в Deployment, где каждый новый под получает новое имя хоста, сообщение советует ещё и закрепить это имя (`hostname` пода или `RABBITMQ_NODENAME`) либо запустить RabbitMQ как StatefulSet.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const c of containersOf(at)) {
      const { dirs, strayClaim } = unheldDataDirs(at, data, c);
      if (!dirs.length) continue;
      const image = str(c.container.image) ?? '';
      const dir = dirs[0]!;
      const target = volumeMountPathFor(c.container, dir);
      const stale =
        parseImage(image).repository === 'postgres'
          ? mountsOf(c).find(
              (m) => normalizeHostPath(str(m.mount.mountPath) ?? '') === OLD_POSTGRES_DATA,
            )
          : undefined;
      const moved = stale ?? strayClaim;
      const reason: Reason = stale
        ? { kind: 'stalePostgres' }
        : strayClaim
          ? {
              kind: 'strayClaim',
              name: strayClaim.mount.name,
              path: str(strayClaim.mount.mountPath) ?? '',
            }
          : { kind: 'none' };
      ctx.report(
        moved ? [...moved.path, 'mountPath'] : [...c.path, 'image'],
        message(
          image,
          dir,
          reason,
          rabbitNodeNameChanges(object.kind, at, c) ? object.kind : undefined,
        ),
        {
          fix: () =>
            moved
              ? relocatedMountFix(object, [...moved.path, 'mountPath'], target)
              : dataMountFix(object, data, at, c, target),
        },
      );
    }
  },
};
