/**
 * A database whose data directory no volume holds: its files live in the container (the image's
 * `VOLUME` is an anonymous volume of that container under containerd, a plain directory of its
 * root under CRI-O) and are gone whenever the container is re-created — after a crash, an update,
 * an eviction. Only official images whose data directory is documented are judged
 * (rules/imageWritePaths.ts), and only where they run the server: not a client or a test run in the
 * image. Redis only when its arguments ask for persistence, as it is a cache otherwise.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { normalizeHostPath } from './nodePlumbing';
import {
  imageDeclaredVolumes,
  knownDataDirs,
  parseImage,
  runsDatabaseServer,
} from './imageWritePaths';
import { dataMountFix, relocatedMountFix } from './fixes/workloadFixes';
import type { Rule } from './types';
import { containersOf, mountsOf, podSpecOf, str, strings, type ContainerAt } from './util';
import { keepsNoData } from './workloadVolumes';

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

/** Redis keeps nothing worth a volume unless told to: `--appendonly yes` or a `--save` rule. */
function redisAskedToPersist(c: Container): boolean {
  const argv = [...strings(c.command), ...strings(c.args)];
  const line = argv.join(' ');
  if (/--appendonly\s+yes\b/.test(line)) return true;
  const save = argv.indexOf('--save');
  return save >= 0 && /^\d+\s+\d+/.test(argv[save + 1] ?? '');
}

/** The data directories of a database container no mount holds, with the container's image. */
function unheldDataDirs(c: ContainerAt): string[] {
  const container = c.container;
  if (c.group !== 'containers' || keepsNoData(container)) return [];
  // A client or a test in the database's image (`command: [sleep, infinity]`) keeps no data.
  if (!runsDatabaseServer(container)) return [];
  const dirs = knownDataDirs(container)?.filter((d) => d.startsWith('/'));
  if (!dirs?.length) return [];
  const { repository } = parseImage(str(container.image) ?? '');
  if (repository === 'redis' && !redisAskedToPersist(container)) return [];
  const mounted = mountsOf(c)
    .filter((m) => m.field === 'volumeMounts')
    .map((m) => str(m.mount.mountPath))
    .filter((p): p is string => !!p)
    .map(normalizeHostPath);
  return dirs.map(normalizeHostPath).filter((dir) => !mounted.some((m) => holds(m, dir)));
}

/** A mount at `mountPath` holds `dir`: the same directory or one above it. */
function holds(mountPath: string, dir: string): boolean {
  return mountPath === '/' || mountPath === dir || dir.startsWith(mountPath + '/');
}

/**
 * Where a volume for this data directory goes: the image's own `VOLUME` above it (PostgreSQL 18's
 * `/var/lib/postgresql`, RabbitMQ's `/var/lib/rabbitmq` with the Erlang cookie), else the directory.
 */
export function volumeMountPathFor(container: Container, dir: string): string {
  const declared = imageDeclaredVolumes(container)
    .map(normalizeHostPath)
    .filter((v) => holds(v, dir));
  return declared.sort((a, b) => a.length - b.length)[0] ?? dir;
}

function message(image: string, dir: string, stalePostgresMount: boolean): LocalizedText {
  const lost = localize(
    {
      en: '`{image}` keeps its data in `{dir}`, but no volume is mounted there: the data lives in the container and is lost whenever the container is re-created (a restart after a crash, an update, an eviction).',
      ru: '`{image}` хранит данные в `{dir}`, но туда не смонтирован ни один том: данные живут внутри контейнера и пропадут, как только его пересоздадут (при перезапуске после сбоя, обновлении, вытеснении).',
    },
    { image, dir },
  );
  const advice: LocalizedText = stalePostgresMount
    ? {
        en: "From PostgreSQL 18 on, the official image keeps its data below `/var/lib/postgresql` (`PGDATA` is `/var/lib/postgresql/<major>/docker`): the volume at `/var/lib/postgresql/data` holds none of it, and the image refuses to start when it finds files there (a new volume's `lost+found` is enough). Mount it at `/var/lib/postgresql`.",
        ru: 'Начиная с PostgreSQL 18 официальный образ хранит данные внутри `/var/lib/postgresql` (`PGDATA` — `/var/lib/postgresql/<major>/docker`): в том, смонтированный в `/var/lib/postgresql/data`, они не попадут, а если образ найдёт в нём файлы (хватит и `lost+found` нового тома), он не запустится. Смонтируйте том в `/var/lib/postgresql`.',
      }
    : {
        en: 'Mount a PersistentVolumeClaim there (in a StatefulSet, from `volumeClaimTemplates`).',
        ru: 'Смонтируйте туда заявку на том (в StatefulSet — из `volumeClaimTemplates`).',
      };
  return { en: `${lost.en} ${advice.en}`, ru: `${lost.ru} ${advice.ru}` };
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
    en: "The container runs a database image whose data directory is known (PostgreSQL, MySQL, MariaDB, MongoDB, RabbitMQ; Redis when `--appendonly yes` or a `--save` rule asks it to persist), and no volume is mounted at that directory or above it. The files then live in the container itself (the image's `VOLUME` is an anonymous volume that belongs to the container), and are lost whenever the container is re-created: a restart after a crash, an update, an eviction, a move to another node. Mount a PersistentVolumeClaim at the data directory, in a StatefulSet from `volumeClaimTemplates`. Jobs and CronJobs are not reported (their databases are thrown away by design), nor are containers that keep no data (a MongoDB arbiter, `mongos`, Redis Sentinel). PostgreSQL 18 moved its data to `/var/lib/postgresql/18/docker`: a volume still mounted at `/var/lib/postgresql/data` holds none of it, and the image refuses to start when it finds files there.",
    ru: 'Контейнер запускает образ СУБД с известным каталогом данных (PostgreSQL, MySQL, MariaDB, MongoDB, RabbitMQ; Redis — если `--appendonly yes` или правило `--save` велит сохранять данные на диск), а ни в этот каталог, ни в один из родительских не смонтирован том. Тогда файлы живут в самом контейнере (`VOLUME` образа — анонимный том, который принадлежит контейнеру) и пропадают всякий раз, когда контейнер пересоздаётся: при перезапуске после сбоя, обновлении, вытеснении, переносе на другой узел. Смонтируйте в каталог данных заявку на том, в StatefulSet — из `volumeClaimTemplates`. Не отмечаются Job и CronJob (их базы и задуманы одноразовыми), а также контейнеры, которые не хранят данных (арбитр MongoDB, `mongos`, Redis Sentinel). В PostgreSQL 18 данные переехали в `/var/lib/postgresql/18/docker`: в том, который по-прежнему смонтирован в `/var/lib/postgresql/data`, они не попадут, а если образ найдёт в нём файлы, он не запустится.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const c of containersOf(at)) {
      const dirs = unheldDataDirs(c);
      if (!dirs.length) continue;
      const image = str(c.container.image) ?? '';
      const stale = mountsOf(c).find(
        (m) => normalizeHostPath(str(m.mount.mountPath) ?? '') === OLD_POSTGRES_DATA,
      );
      const stalePostgresMount = !!stale && parseImage(image).repository === 'postgres';
      const dir = dirs[0]!;
      const target = volumeMountPathFor(c.container, dir);
      ctx.report(
        stalePostgresMount ? [...stale.path, 'mountPath'] : [...c.path, 'image'],
        message(image, dir, stalePostgresMount),
        {
          fix: () =>
            stalePostgresMount
              ? relocatedMountFix(object, [...stale.path, 'mountPath'], target)
              : dataMountFix(object, data, at, c, target),
        },
      );
    }
  },
};
