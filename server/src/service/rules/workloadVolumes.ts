/**
 * How a workload's pods use their volumes: one single-node claim shared by replicas, a database's
 * data on an emptyDir, a subPath that leaves its volume.
 */
import type { Container, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { Rule } from './types';
import type { ClaimEntry, Lookups } from './lookups';
import { isNeverAttached } from '../kubernetes/volumeAttach';
import { normalizeHostPath } from './nodePlumbing';
import {
  knownDataDirs,
  mongoDataDir,
  parseImage,
  redisAskedToPersist,
  redisReadsConfig,
} from './imageWritePaths';
import {
  commandWords,
  containersOf,
  get,
  isAtOrBelow,
  isRecord,
  mountsOf,
  namespaceOf,
  type PodSpecAt,
  podSpecOf,
  replicasOf,
  str,
  strings,
  volumesOf,
  workloadKinds,
} from './util';
import type { YamlPath } from '../parse/nodes';
import { dataVolumeToClaimFix, relativeSubPathFix, singleReplicaFix } from './fixes/workloadFixes';

export const sharedSingleNodeClaim: Rule = {
  id: 'shared-rwo-claim-replicas',
  family: 'workloads',
  severity: 'warning',
  kinds: ['Deployment', 'ReplicaSet', 'ReplicationController'],
  fixable: true,
  title: {
    en: 'Several replicas share a ReadWriteOnce or ReadWriteOncePod claim',
    ru: 'Несколько реплик делят заявку `ReadWriteOnce` или `ReadWriteOncePod`',
  },
  docs: {
    en: 'All replicas of a Deployment mount the same claim. With `ReadWriteOnce` the volume attaches to one node only, so replicas scheduled elsewhere hang in `ContainerCreating` (and a rolling update can deadlock); with `ReadWriteOncePod` only one pod may use it at all. Use a StatefulSet with `volumeClaimTemplates` (one claim per replica), a `ReadWriteMany` volume, or `replicas: 1` with the `Recreate` strategy. Not reported when the claim can bind only `hostPath`, `local` or `nfs` volumes written in the workspace (its `volumeName`, or every `ReadWriteOnce` volume of a class nothing provisions): Kubernetes enforces `ReadWriteOnce` by attaching a volume to one node, and never attaches these, so pods on several nodes mount them (a `hostPath` volume is then a different directory on each node, which `hostpath-in-workload` reports).',
    ru: 'Все реплики Deployment монтируют одну и ту же заявку. С `ReadWriteOnce` том подключается только к одному узлу, и реплики на других узлах зависнут в `ContainerCreating` (а плавное обновление может застрять); с `ReadWriteOncePod` том может использовать вообще только один под. Используйте StatefulSet с `volumeClaimTemplates` (по заявке на реплику), том `ReadWriteMany` или `replicas: 1` со стратегией `Recreate`. Не отмечается заявка, которая может привязаться только к томам `hostPath`, `local` или `nfs`, описанным в рабочей области (к тому, названному в её `volumeName`, или к томам `ReadWriteOnce` её класса, если тома для этого класса никто не выделяет): `ReadWriteOnce` Kubernetes соблюдает, подключая том только к одному узлу, а такие тома он к узлам не подключает, и поды на разных узлах их монтируют (том `hostPath` тогда на каждом узле — свой каталог, об этом сообщает `hostpath-in-workload`).',
  },
  check(object, data, ctx) {
    const replicas = replicasOf(data);
    if (replicas <= 1) return;
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const v of volumesOf(at)) {
      const name = str(v.volume.persistentVolumeClaim?.claimName);
      const claim = name ? ctx.lookups.claim(namespaceOf(object), name, object.uri) : undefined;
      if (!claim) continue;
      const modes = strings(claim.spec.accessModes);
      const single =
        modes.find((m) => m === 'ReadWriteOncePod') ??
        (modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany')
          ? undefined
          : modes.find((m) => m === 'ReadWriteOnce'));
      if (!single || (single === 'ReadWriteOnce' && bindsOnlyUnattached(claim, ctx.lookups)))
        continue;
      ctx.report(
        [...v.path, 'persistentVolumeClaim', 'claimName'],
        localize(
          {
            en: '{replicas} replicas share claim `{name}` with access mode `{mode}`. Replicas on other nodes (or any second pod, for `ReadWriteOncePod`) cannot mount it and hang in `ContainerCreating`. Use a StatefulSet with `volumeClaimTemplates`, a `ReadWriteMany` volume, or one replica.',
            ru: 'Реплики (их {replicas}) делят одну заявку `{name}` с режимом доступа `{mode}`. Реплики на других узлах (а для `ReadWriteOncePod` — любой второй под) не смогут смонтировать том и зависнут в `ContainerCreating`. Используйте StatefulSet с `volumeClaimTemplates`, том `ReadWriteMany` или одну реплику.',
          },
          { replicas, name: name!, mode: single },
        ),
        { fix: () => singleReplicaFix(object, data) },
      );
    }
  },
};

/** A class whose volumes are written by hand: `""` or a `kubernetes.io/no-provisioner` class. */
function staticClass(className: string, lookups: Lookups, near: string): boolean {
  if (className === '') return true;
  const provisioner = lookups.storageClass(className, near)?.data.provisioner;
  return provisioner === 'kubernetes.io/no-provisioner';
}

/**
 * The claim can bind only volumes Kubernetes never attaches (`isNeverAttached`): the one its
 * `volumeName` names, or, for a class nothing provisions, every `ReadWriteOnce` volume of that
 * class in the workspace. Then `ReadWriteOnce` holds no replica back.
 */
function bindsOnlyUnattached(claim: ClaimEntry, lookups: Lookups): boolean {
  const near = claim.object.uri;
  const volumeName = str(claim.spec.volumeName);
  if (volumeName) return isNeverAttached(lookups.volume(volumeName, near)?.data.spec);
  const className = claim.spec.storageClassName;
  if (typeof className !== 'string' || !staticClass(className, lookups, near)) return false;
  const candidates = (lookups.volumesByClass.get(className) ?? []).filter(({ data }) =>
    strings(data.spec?.accessModes).includes('ReadWriteOnce'),
  );
  return candidates.length > 0 && candidates.every(({ data }) => isNeverAttached(data.spec));
}

/** Data directories of well-known databases and message brokers. */
const DATA_PATHS = [
  '/var/lib/postgresql',
  '/var/lib/pgsql',
  '/var/lib/mysql',
  '/var/lib/mariadb',
  '/data/db',
  '/var/lib/rabbitmq',
  '/var/lib/cassandra',
  '/var/lib/clickhouse',
  '/var/lib/etcd',
  '/var/lib/kafka',
  '/var/lib/zookeeper',
  '/var/lib/neo4j',
  '/var/lib/influxdb',
  '/var/lib/influxdb2',
  '/var/lib/mongodb',
  '/var/lib/redis',
  '/var/lib/redpanda/data',
  '/var/opt/mssql',
  '/usr/share/elasticsearch/data',
  '/usr/share/opensearch/data',
  '/bitnami/postgresql',
  '/bitnami/mysql',
  '/bitnami/mariadb',
  '/bitnami/mongodb',
  '/bitnami/redis',
  '/bitnami/rabbitmq',
  '/bitnami/kafka',
  '/bitnami/zookeeper',
  '/bitnami/etcd',
  '/cockroach/cockroach-data',
  '/opt/couchdb/data',
];
const DB_IMAGE =
  /(^|\/)(postgres|postgresql|postgis|mysql|mariadb|mongo|mongodb|rabbitmq|cassandra|elasticsearch|opensearch|clickhouse(-server)?|etcd|kafka|zookeeper|neo4j|influxdb|cockroach|couchdb|minio|timescaledb|percona[\w-]*)(:|@|$)/;

/** Images of key-value stores that snapshot to `/data` unless told not to. */
const REDIS_IMAGE = /(^|\/)(redis|redis-stack-server|valkey|keydb)(:|@|$)/;

type ContainerShape = Pick<Container, 'image' | 'command' | 'args' | 'env' | 'volumeMounts'>;

/**
 * Redis writes RDB snapshots by default and an AOF with `appendonly yes`; a cache turns both off
 * (`--save ""` without `--appendonly yes`), and then nothing it keeps outlives the process.
 */
function redisPersists(c: ContainerShape): boolean {
  const argv = commandWords(c);
  const saveAt = argv.indexOf('--save');
  const line = argv.join(' ');
  const noSnapshots =
    (saveAt >= 0 && argv[saveAt + 1] === '') || /--save\s*(""|'')(\s|$)/.test(line);
  return !noSnapshots || /--appendonly\s+yes\b/.test(line);
}

/** Images whose defaults we know: with nothing on their command line they run as a cache. */
const OFFICIAL_REDIS = ['redis', 'valkey/valkey', 'ghcr.io/valkey-io/valkey'];

/**
 * The official Redis (or Valkey) image run with its defaults: it writes RDB dumps to `/data`, but
 * nothing asks it to keep them (no `--appendonly yes`, no `--save` rule, no config file or start
 * script that could), so it is a cache, as for database-data-not-on-volume.
 */
export function isDefaultRedisCache(c: ContainerShape): boolean {
  const { repository } = parseImage(str(c.image) ?? '');
  return OFFICIAL_REDIS.includes(repository) && !redisReadsConfig(c) && !redisAskedToPersist(c);
}

/**
 * Where RabbitMQ keeps its message store, in any image that runs it: `RABBITMQ_MNESIA_DIR`, else
 * below `RABBITMQ_MNESIA_BASE` (RabbitMQ's `rabbitmq-env` script reads both). Bitnami's chart
 * sets `RABBITMQ_MNESIA_DIR` to `<persistence.mountPath>/$(RABBITMQ_NODE_NAME)` for its image,
 * whose own default is `/bitnami/rabbitmq/mnesia`.
 */
const DATA_DIR_ENV = ['RABBITMQ_MNESIA_DIR', 'RABBITMQ_MNESIA_BASE'];

/** The data directories a container's env names, each up to its first `$(…)` reference. */
function envDataDirs(container: ContainerShape): string[] {
  const env = Array.isArray(container.env) ? container.env : [];
  return env
    .filter((e) => DATA_DIR_ENV.includes(e.name) && typeof e.value === 'string')
    .map((e) => e.value!.split('$(')[0]!)
    .filter((dir) => dir.startsWith('/'))
    .map(normalizeHostPath);
}

/** Another mount of the container, below `mountPath`, holds `dir`: that one is where it lives. */
function deeperMountHolds(container: ContainerShape, mountPath: string, dir: string): boolean {
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
  return mounts.some((m) => {
    const other = normalizeHostPath(str(m.mountPath) ?? '');
    return other !== mountPath && isAtOrBelow(other, mountPath) && isAtOrBelow(dir, other);
  });
}

/** MongoDB's data directory as a config server (`mongoDataDir`). */
const MONGO_CONFIG_DIR = '/data/configdb';

/**
 * True when `mountPath` of this container holds a database's (or broker's) files. For an official
 * image whose data directory is known (`knownDataDirs`: Redis `/data` or its `--dir`, MongoDB
 * `/data/db` or `/data/configdb` of a config server, PostgreSQL's `PGDATA`…), the mount must be
 * at that directory or above it: a mount below it (`/data/redis` for Redis) is not where the data
 * goes. For other images, the well-known data directories and, for database images, `/data`.
 */
export function isDatabaseDataPath(mountPath: string, container: ContainerShape): boolean {
  const p = normalizeHostPath(mountPath);
  const image = (str(container.image) ?? '').toLowerCase();
  const persists = !REDIS_IMAGE.test(image) || redisPersists(container);
  const known = knownDataDirs(container as Container);
  if (known) {
    const dirs = known.filter((d) => d.startsWith('/')).map(normalizeHostPath);
    return persists && dirs.some((d) => isAtOrBelow(d, p));
  }
  if (envDataDirs(container).some((d) => isAtOrBelow(d, p) && !deeperMountHolds(container, p, d)))
    return true;
  // MongoDB keeps data in `/data/configdb` only as a config server; charts otherwise keep
  // `mongod.conf` and key files there.
  if (isAtOrBelow(p, MONGO_CONFIG_DIR)) return mongoDataDir(container) === MONGO_CONFIG_DIR;
  if (DATA_PATHS.some((d) => isAtOrBelow(p, d))) return true;
  if (!isAtOrBelow(p, '/data')) return false;
  if (DB_IMAGE.test(image)) return true;
  return REDIS_IMAGE.test(image) && persists;
}

/** A container beside a database that keeps none of its data: a MongoDB arbiter, Redis Sentinel. */
const NO_DATA_NAME = /(^|[-_])(arbiter|sentinel|mongos)([-_]|$)/i;
/** MongoDB's sharding router (`mongos`, not the `mongosh` shell): it keeps no data of its own. */
const MONGOS_PROGRAM = /(^|[\s/])mongos(\s|$)/;
const NO_DATA_IMAGE = /(^|\/)redis-sentinel(:|@|$)/;

export function keepsNoData(c: Container): boolean {
  if (NO_DATA_NAME.test(str(c.name) ?? '')) return true;
  if (NO_DATA_IMAGE.test((str(c.image) ?? '').toLowerCase())) return true;
  const argv = commandWords(c);
  if (argv.some((a) => /(^|\s)--sentinel(\s|$)/.test(a))) return true;
  if (argv.length && MONGOS_PROGRAM.test(argv[0]!)) return true;
  if (argv.some((a) => /(^|[;&|]\s*|\bexec\s+)mongos(\s|$)/.test(a))) return true;
  const env = Array.isArray(c.env) ? c.env : [];
  return env.some(
    (e) =>
      isRecord(e) &&
      /(MODE|ROLE)$/i.test(String(e.name)) &&
      /^arbiter$/i.test(String(e.value ?? '')),
  );
}

export const emptyDirForDatabase: Rule = {
  id: 'emptydir-for-database-data',
  family: 'workloads',
  severity: 'warning',
  // A Job's or CronJob's database is thrown away by design (as for database-data-not-on-volume).
  kinds: workloadKinds.filter((k) => k !== 'Job' && k !== 'CronJob'),
  fixable: true,
  title: {
    en: 'A database keeps its data on an emptyDir or a generic ephemeral volume',
    ru: 'СУБД хранит данные в томе `emptyDir` или в универсальном эфемерном томе',
  },
  docs: {
    en: 'An `emptyDir` lives exactly as long as the pod, and so does the claim of a generic ephemeral volume (`ephemeral.volumeClaimTemplate`): the pod owns it, and it is deleted with the pod, its volume too under the usual `Delete` reclaim policy. When the pod is deleted, evicted or moved to another node (an update, a node drain), the database files are gone. Mount the data directory from a PersistentVolumeClaim, in a StatefulSet from a `volumeClaimTemplates` entry. Redis counts too unless it is a cache: the official image run with its defaults (nothing on its command line asks it to persist with `--appendonly yes` or a `--save` rule, and no config file or start script could), as for `database-data-not-on-volume`, or any Redis whose arguments turn persistence off (`--save ""` without `--appendonly yes`); containers that keep no data, such as a MongoDB arbiter, the MongoDB router `mongos`, Redis Sentinel or an Elasticsearch or OpenSearch node whose `node.roles` holds no master or data role (a coordinating-only node), read-only mounts, and Jobs and CronJobs (their databases are thrown away by design) are not reported.',
    ru: 'Том `emptyDir` живёт ровно столько, сколько под, и так же живёт заявка универсального эфемерного тома (`ephemeral.volumeClaimTemplate`): она принадлежит поду и удаляется вместе с ним, а при обычной политике освобождения `Delete` удаляется и её том. Когда под удалят, вытеснят или перенесут на другой узел (обновление, вывод узла на обслуживание), файлы базы исчезнут. Монтируйте каталог данных из заявки на том (PVC), а в StatefulSet — из шаблона заявки в `volumeClaimTemplates`. Redis тоже считается, если это не кэш. Кэш — это официальный образ с настройками по умолчанию (аргументы не требуют сохранять данные через `--appendonly yes` или правило `--save`, и нет файла конфигурации или скрипта запуска, где это могло бы быть задано), как и для `database-data-not-on-volume`, или любой Redis, чьи аргументы отключают сохранение (`--save ""` без `--appendonly yes`); контейнеры, которые данных не хранят (арбитр MongoDB, маршрутизатор `mongos`, Redis Sentinel, узел Elasticsearch или OpenSearch, в `node.roles` которого нет ни роли master, ни роли data, — узел, который только координирует запросы), монтирование только для чтения, а также Job и CronJob (их базы выбрасываются намеренно) не отмечаются.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const endWithPod = volumesEndingWithPod(at);
    if (!endWithPod.size) return;
    for (const c of containersOf(at)) {
      if (c.group !== 'containers' || keepsNoData(c.container)) continue;
      for (const m of mountsOf(c)) {
        const mountPath = str(m.mount.mountPath);
        const volume = endWithPod.get(m.mount.name);
        if (!volume || !mountPath || m.mount.readOnly === true) continue;
        if (!isDatabaseDataPath(mountPath, c.container) || isDefaultRedisCache(c.container))
          continue;
        const args = { path: mountPath, name: m.mount.name };
        ctx.report(
          [...m.path, 'mountPath'],
          volume.source === 'ephemeral'
            ? localize(EPHEMERAL_DATA_MESSAGE, args)
            : localize(EMPTY_DIR_DATA_MESSAGE, args),
          {
            fix: () =>
              dataVolumeToClaimFix(
                object,
                volume.path,
                m.mount.name,
                volume.source,
                volume.claimSpec,
              ),
          },
        );
      }
    }
  },
};

const EMPTY_DIR_DATA_MESSAGE = {
  en: '`{path}` holds database data, but volume `{name}` is an `emptyDir`: the data is deleted with the pod (on every update, eviction or node drain). Use a PersistentVolumeClaim or a StatefulSet claim template.',
  ru: 'В `{path}` лежат данные базы, а том `{name}` — это `emptyDir`: данные удалятся вместе с подом — при каждом обновлении, вытеснении или выводе узла на обслуживание (drain). Используйте заявку на том или шаблон заявки в StatefulSet.',
};

const EPHEMERAL_DATA_MESSAGE = {
  en: '`{path}` holds database data, but volume `{name}` is a generic ephemeral volume. Its claim belongs to the pod and is deleted with it on every update, eviction or node drain; under the usual `Delete` reclaim policy the volume goes with it. Use a PersistentVolumeClaim or a StatefulSet claim template.',
  ru: 'В `{path}` лежат данные базы, а том `{name}` — универсальный эфемерный том. Его заявка принадлежит поду и удаляется вместе с ним при каждом обновлении, вытеснении или выводе узла на обслуживание (drain); при обычной политике освобождения `Delete` вместе с заявкой удаляется и том. Используйте заявку на том или шаблон заявки в StatefulSet.',
};

/**
 * The pod's volumes that end with the pod, by name: `emptyDir`, and generic ephemeral volumes,
 * whose claim the pod owns (the ephemeral volume controller sets the pod as its controller owner, so
 * the garbage collector deletes the claim with the pod).
 */
function volumesEndingWithPod(at: PodSpecAt): Map<string, PodLifetimeVolume> {
  const found = new Map<string, PodLifetimeVolume>();
  for (const v of volumesOf(at)) {
    if (!v.volume.name) continue;
    if (v.volume.emptyDir !== undefined) {
      found.set(v.volume.name, { source: 'emptyDir', path: v.path });
      continue;
    }
    const spec = get(v.volume, ['ephemeral', 'volumeClaimTemplate', 'spec']);
    if (isRecord(v.volume.ephemeral))
      found.set(v.volume.name, {
        source: 'ephemeral',
        path: v.path,
        ...(isRecord(spec) ? { claimSpec: spec as PersistentVolumeClaimSpec } : {}),
      });
  }
  return found;
}

interface PodLifetimeVolume {
  source: 'emptyDir' | 'ephemeral';
  path: YamlPath;
  /** An ephemeral volume's claim spec, for the claim a fix makes instead. */
  claimSpec?: PersistentVolumeClaimSpec;
}

/** `validateLocalDescendingPath`: relative, and no `..` segment (split on `/` on the API server). */
function escapesVolume(subPath: string): boolean {
  return subPath.startsWith('/') || subPath.split('/').includes('..');
}

export const unsafeSubPath: Rule = {
  id: 'unsafe-sub-path',
  family: 'workloads',
  severity: 'error',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A subPath or subPathExpr is absolute, climbs out with `..`, or both are set',
    ru: '`subPath` или `subPathExpr` абсолютный, выходит наружу через `..` или заданы оба',
  },
  docs: {
    en: '`subPath` and `subPathExpr` are paths inside the volume (`subPathExpr` after `$(VAR)` expansion). The API server rejects an absolute one or one with a `..` segment, because it could reach files outside the volume, and rejects a mount that sets both. Write one of them, relative to the volume root, without `..`.',
    ru: '`subPath` и `subPathExpr` — пути внутри тома (`subPathExpr` — после подстановки `$(VAR)`). API-сервер отклонит абсолютный путь или путь с сегментом `..`, потому что так можно добраться до файлов вне тома, а также монтирование, где заданы оба поля. Укажите одно из них, относительно корня тома и без `..`.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const c of containersOf(at)) {
      for (const m of mountsOf(c)) {
        for (const field of ['subPath', 'subPathExpr'] as const) {
          const value = str(m.mount[field]);
          if (!value || !escapesVolume(value)) continue;
          ctx.report(
            [...m.path, field],
            localize(
              {
                en: '`{field}: {value}` must be a relative path inside the volume without `..`. The API server rejects it. Write it relative to the volume root.',
                ru: '`{field}: {value}` должен быть относительным путём внутри тома без `..`. API-сервер такой не примет. Укажите путь относительно корня тома.',
              },
              { field, value },
            ),
            { fix: () => relativeSubPathFix(object, [...m.path, field], value) },
          );
        }
        if (str(m.mount.subPath) && str(m.mount.subPathExpr)) {
          ctx.report(
            [...m.path, 'subPathExpr'],
            {
              en: '`subPath` and `subPathExpr` are mutually exclusive: the API server rejects a mount with both. Keep one of them.',
              ru: '`subPath` и `subPathExpr` взаимоисключающие: монтирование с обоими API-сервер отклонит. Оставьте одно из них.',
            },
            { onKey: true },
          );
        }
      }
    }
  },
};
