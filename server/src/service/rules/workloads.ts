/** Workloads: how Deployments, StatefulSets and pods use their volumes. */
import type { HostPathVolumeSource } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { Rule } from './types';
import {
  claimTemplatesOf,
  containersOf,
  get,
  isRecord,
  mountsOf,
  namespaceOf,
  podSpecOf,
  str,
  strings,
  volumesOf,
  workloadKinds,
  type PodSpecAt,
} from './util';
import { setValueFix } from './fixes/storageFixes';

function replicasOf(data: Record<string, unknown>): number {
  const r = get(data, ['spec', 'replicas']);
  return typeof r === 'number' ? r : 1;
}

export const sharedSingleNodeClaim: Rule = {
  id: 'shared-rwo-claim-replicas',
  family: 'workloads',
  severity: 'warning',
  kinds: ['Deployment', 'ReplicaSet', 'ReplicationController'],
  title: {
    en: 'Several replicas share a ReadWriteOnce or ReadWriteOncePod claim',
    ru: 'Несколько реплик делят заявку `ReadWriteOnce` или `ReadWriteOncePod`',
  },
  docs: {
    en: 'All replicas of a Deployment mount the same claim. With `ReadWriteOnce` the volume attaches to one node only, so replicas scheduled elsewhere hang in `ContainerCreating` (and a rolling update can deadlock); with `ReadWriteOncePod` only one pod may use it at all. Use a StatefulSet with `volumeClaimTemplates` (one claim per replica), a `ReadWriteMany` volume, or `replicas: 1` with the `Recreate` strategy.',
    ru: 'Все реплики Deployment монтируют одну и ту же заявку. С `ReadWriteOnce` том подключается только к одному узлу, и реплики на других узлах зависнут в `ContainerCreating` (а плавное обновление может застрять); с `ReadWriteOncePod` том может использовать вообще только один под. Используйте StatefulSet с `volumeClaimTemplates` (по заявке на реплику), том `ReadWriteMany` или `replicas: 1` со стратегией `Recreate`.',
  },
  check(object, data, ctx) {
    const replicas = replicasOf(data);
    if (replicas <= 1) return;
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const v of volumesOf(at)) {
      const name = str(v.volume.persistentVolumeClaim?.claimName);
      const claim = name ? ctx.lookups.claim(namespaceOf(object), name) : undefined;
      if (!claim) continue;
      const modes = strings(claim.spec.accessModes);
      const single =
        modes.find((m) => m === 'ReadWriteOncePod') ??
        (modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany')
          ? undefined
          : modes.find((m) => m === 'ReadWriteOnce'));
      if (!single) continue;
      ctx.report(
        [...v.path, 'persistentVolumeClaim', 'claimName'],
        localize(
          {
            en: '{replicas} replicas share claim `{name}` with access mode `{mode}`. Replicas on other nodes (or any second pod, for `ReadWriteOncePod`) cannot mount it and hang in `ContainerCreating`. Use a StatefulSet with `volumeClaimTemplates`, a `ReadWriteMany` volume, or one replica.',
            ru: 'Все реплики ({replicas}) делят заявку `{name}` с режимом доступа `{mode}`. Реплики на других узлах (а для `ReadWriteOncePod` — любой второй под) не смогут смонтировать том и зависнут в `ContainerCreating`. Используйте StatefulSet с `volumeClaimTemplates`, том `ReadWriteMany` или одну реплику.',
          },
          { replicas, name: name!, mode: single },
        ),
      );
    }
  },
};

export const hostPathInWorkload: Rule = {
  id: 'hostpath-in-workload',
  family: 'workloads',
  severity: 'warning',
  kinds: ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'],
  title: {
    en: 'A Deployment or StatefulSet keeps data on a hostPath volume',
    ru: 'Deployment или StatefulSet хранит данные в томе `hostPath`',
  },
  docs: {
    en: 'A `hostPath` volume is a directory on whichever node the pod lands on. When the pod is rescheduled to another node it sees an empty (or someone else\'s) directory: the data is silently "lost". Use a PersistentVolumeClaim; for node-local disks use a `local` PersistentVolume with node affinity. `hostPath` belongs in DaemonSets that work with the node itself.',
    ru: 'Том `hostPath` — это каталог на том узле, куда попал под. Если под переедет на другой узел, он увидит пустой (или чужой) каталог: данные молча «пропадут». Используйте заявку на том (PVC), а для локальных дисков узла — постоянный том типа `local` с привязкой к узлам. `hostPath` уместен в DaemonSet, которые работают с самим узлом.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const v of volumesOf(at)) {
      if (!isRecord(v.volume.hostPath)) continue;
      ctx.report(
        [...v.path, 'hostPath'],
        localize(
          {
            en: 'Volume `{name}` is a `hostPath`: the data stays on one node, and a {kind} pod moved to another node will not see it. Use a PersistentVolumeClaim (or a `local` PV with node affinity).',
            ru: 'Том `{name}` — это `hostPath`: данные остаются на одном узле, и под {kind}, переехав на другой узел, их не увидит. Используйте заявку на том (или постоянный том `local` с привязкой к узлам).',
          },
          { name: v.volume.name, kind: object.kind },
        ),
        { onKey: true },
      );
    }
  },
};

/** Dangerous even read-only: runtime sockets (full control), node and cluster secrets. */
const SENSITIVE_ALWAYS = [
  '/etc',
  '/root',
  '/var/lib/kubelet',
  '/var/lib/etcd',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio',
  '/run/crio',
];
/** Read by node agents (metrics, logs) all the time; dangerous when writable. */
const SENSITIVE_WRITABLE = [
  '/proc',
  '/sys',
  '/boot',
  '/dev',
  '/var/lib/docker',
  '/var/lib/containerd',
];
const SENSITIVE_EXACT_ALWAYS = new Set(['/']);
const SENSITIVE_EXACT_WRITABLE = new Set([
  '/var',
  '/usr',
  '/lib',
  '/bin',
  '/sbin',
  '/run',
  '/var/run',
  '/home',
]);

/** `/var//run/../lib/` -> `/var/lib`. */
export function normalizeHostPath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

const under = (p: string, list: readonly string[]): boolean =>
  list.some((s) => p === s || p.startsWith(s + '/'));

/** True when mounting `path` gives control over the node (`writable`: some mount can write). */
export function isSensitiveHostPath(path: string, writable = true): boolean {
  const p = normalizeHostPath(path);
  if (SENSITIVE_EXACT_ALWAYS.has(p) || under(p, SENSITIVE_ALWAYS)) return true;
  return writable && (SENSITIVE_EXACT_WRITABLE.has(p) || under(p, SENSITIVE_WRITABLE));
}

export const sensitiveHostPath: Rule = {
  id: 'sensitive-host-path',
  family: 'workloads',
  severity: 'warning',
  kinds: workloadKinds,
  title: {
    en: 'A hostPath volume exposes a sensitive part of the node',
    ru: 'Том `hostPath` открывает поду важную часть узла',
  },
  docs: {
    en: "Mounting `/`, `/etc`, `/var/lib/kubelet`, `/root` or the container runtime's socket (`/var/run/docker.sock`, containerd, CRI-O) gives the pod control over the node even read-only: a compromised container can read secrets of other pods or start privileged containers. `/proc`, `/sys`, `/dev`, `/boot`, the runtime's data directories and system folders are reported only when mounted writable, since metrics and log agents read them all the time. Mount only the narrow path you need, read-only, and only in DaemonSets that truly need it.",
    ru: 'Монтирование `/`, `/etc`, `/var/lib/kubelet`, `/root` или сокета среды выполнения контейнеров (`/var/run/docker.sock`, containerd, CRI-O) даёт поду власть над узлом даже только для чтения: взломанный контейнер прочитает секреты других подов или запустит привилегированные контейнеры. `/proc`, `/sys`, `/dev`, `/boot`, каталоги данных среды выполнения и системные каталоги отмечаются, только если смонтированы с правом записи: агенты метрик и логов постоянно их читают. Монтируйте только нужный узкий путь, только для чтения и только в DaemonSet, которым это действительно нужно.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const writable = new Set<string>();
    for (const c of containersOf(at)) {
      for (const m of mountsOf(c)) {
        if (m.field === 'volumeDevices' || m.mount.readOnly !== true) writable.add(m.mount.name);
      }
    }
    for (const v of volumesOf(at)) {
      const path = str((v.volume.hostPath as HostPathVolumeSource | undefined)?.path);
      if (!path || !isSensitiveHostPath(path, writable.has(v.volume.name))) continue;
      ctx.report(
        [...v.path, 'hostPath', 'path'],
        localize(
          {
            en: 'Host path `{path}` gives the pod access to the node itself (its configuration, processes or container runtime). A compromised container can take over the node. Mount a narrower path, read-only.',
            ru: 'Путь `{path}` на узле даёт поду доступ к самому узлу (его настройкам, процессам или среде выполнения контейнеров). Взломанный контейнер сможет захватить узел. Монтируйте более узкий путь и только для чтения.',
          },
          { path },
        ),
      );
    }
  },
};

function hostPathVolumes(at: PodSpecAt): Set<string> {
  return new Set(
    volumesOf(at)
      .filter((v) => isRecord(v.volume.hostPath))
      .map((v) => v.volume.name),
  );
}

export const writableHostPath: Rule = {
  id: 'writable-host-path',
  family: 'workloads',
  severity: 'warning',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A container mounts a hostPath volume writable',
    ru: 'Контейнер монтирует `hostPath` с правом записи',
  },
  docs: {
    en: 'A writable `hostPath` mount lets the container change files on the node, which outlive the pod and are shared with everything else on that node. Mount it with `readOnly: true` unless writing is the point (the quick fix sets it).',
    ru: 'Монтирование `hostPath` с правом записи позволяет контейнеру менять файлы на узле: они переживут под и видны всему остальному на этом узле. Монтируйте с `readOnly: true`, если запись не нужна по сути задачи (быстрое исправление добавит это поле).',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const hostPaths = hostPathVolumes(at);
    if (!hostPaths.size) return;
    for (const c of containersOf(at)) {
      for (const m of mountsOf(c)) {
        if (
          m.field !== 'volumeMounts' ||
          !hostPaths.has(m.mount.name) ||
          m.mount.readOnly === true
        ) {
          continue;
        }
        ctx.report(
          [...m.path, 'name'],
          localize(
            {
              en: 'Container `{container}` mounts host path volume `{name}` writable. Files it writes stay on the node and affect everything else there. Add `readOnly: true` unless the container must write.',
              ru: 'Контейнер `{container}` монтирует `hostPath`-том `{name}` с правом записи. Записанное останется на узле и повлияет на всё остальное на нём. Добавьте `readOnly: true`, если запись не нужна.',
            },
            { container: String(c.container.name ?? '?'), name: m.mount.name },
          ),
          {
            fix: setValueFix(object, m.path, 'readOnly', true, {
              en: 'Mount read-only (`readOnly: true`)',
              ru: 'Монтировать только для чтения (`readOnly: true`)',
            }),
          },
        );
      }
    }
  },
};

/** Data directories of well-known databases and message brokers. */
const DATA_PATHS = [
  '/var/lib/postgresql',
  '/var/lib/pgsql',
  '/var/lib/mysql',
  '/var/lib/mariadb',
  '/data/db',
  '/data/configdb',
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

export function isDatabaseDataPath(mountPath: string, image: string | undefined): boolean {
  const p = normalizeHostPath(mountPath);
  if (DATA_PATHS.some((d) => p === d || p.startsWith(d + '/'))) return true;
  return !!image && DB_IMAGE.test(image.toLowerCase()) && (p === '/data' || p.startsWith('/data/'));
}

export const emptyDirForDatabase: Rule = {
  id: 'emptydir-for-database-data',
  family: 'workloads',
  severity: 'warning',
  kinds: workloadKinds,
  title: {
    en: 'A database keeps its data on an emptyDir volume',
    ru: 'База данных хранит данные в томе `emptyDir`',
  },
  docs: {
    en: 'An `emptyDir` lives exactly as long as the pod. When the pod is deleted, evicted or moved to another node (an update, a node drain), the database files are gone. Mount the data directory from a PersistentVolumeClaim, in a StatefulSet from a `volumeClaimTemplates` entry.',
    ru: 'Том `emptyDir` живёт ровно столько, сколько под. Когда под удалят, вытеснят или перенесут на другой узел (обновление, вывод узла на обслуживание), файлы базы исчезнут. Монтируйте каталог данных из заявки на том (PVC), а в StatefulSet — из шаблона заявки в `volumeClaimTemplates`.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const emptyDirs = new Set(
      volumesOf(at)
        .filter((v) => v.volume.emptyDir !== undefined)
        .map((v) => v.volume.name),
    );
    if (!emptyDirs.size) return;
    for (const c of containersOf(at)) {
      if (c.group !== 'containers') continue;
      for (const m of mountsOf(c)) {
        const mountPath = str(m.mount.mountPath);
        if (!emptyDirs.has(m.mount.name) || !mountPath) continue;
        if (!isDatabaseDataPath(mountPath, str(c.container.image))) continue;
        ctx.report(
          [...m.path, 'mountPath'],
          localize(
            {
              en: '`{path}` holds database data, but volume `{name}` is an `emptyDir`: the data is deleted with the pod (on every update, eviction or node drain). Use a PersistentVolumeClaim or a StatefulSet claim template.',
              ru: 'В `{path}` лежат данные базы, а том `{name}` — это `emptyDir`: данные удалятся вместе с подом (при каждом обновлении, вытеснении или выводе узла). Используйте заявку на том или шаблон заявки в StatefulSet.',
            },
            { path: mountPath, name: m.mount.name },
          ),
        );
      }
    }
  },
};

export const unsafeSubPath: Rule = {
  id: 'unsafe-sub-path',
  family: 'workloads',
  severity: 'error',
  kinds: workloadKinds,
  title: {
    en: 'A subPath is absolute or climbs out with `..`',
    ru: '`subPath` абсолютный или выходит наружу через `..`',
  },
  docs: {
    en: '`subPath` is a path inside the volume. The API server rejects an absolute `subPath` or one with a `..` segment, because it could reach files outside the volume. Write it relative to the volume root, without `..`.',
    ru: '`subPath` — путь внутри тома. API-сервер отклонит абсолютный `subPath` или путь с сегментом `..`, потому что так можно добраться до файлов вне тома. Указывайте путь относительно корня тома и без `..`.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const c of containersOf(at)) {
      for (const m of mountsOf(c)) {
        const subPath = str(m.mount.subPath);
        if (!subPath) continue;
        if (!subPath.startsWith('/') && !subPath.split('/').includes('..')) continue;
        ctx.report(
          [...m.path, 'subPath'],
          localize(
            {
              en: '`subPath: {subPath}` must be a relative path inside the volume without `..`. The API server rejects it. Write it relative to the volume root.',
              ru: '`subPath: {subPath}` должен быть относительным путём внутри тома без `..`. API-сервер такой не примет. Укажите путь относительно корня тома.',
            },
            { subPath },
          ),
        );
      }
    }
  },
};

export const claimTemplateWithoutStorage: Rule = {
  id: 'claim-template-without-storage',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'A claim template has no storage request',
    ru: 'В шаблоне заявки нет запроса ёмкости',
  },
  docs: {
    en: "Every claim made from a `volumeClaimTemplates` entry needs `spec.resources.requests.storage`; the API server rejects the claims without it and the StatefulSet's pods never start. Add a request (the quick fix adds `1Gi`; set the size you need). Claim templates cannot be changed later without recreating the StatefulSet, so choose the size with room to grow.",
    ru: 'Каждой заявке из `volumeClaimTemplates` нужен `spec.resources.requests.storage`; без него API-сервер не примет заявки, и поды StatefulSet не запустятся. Добавьте запрос (быстрое исправление подставит `1Gi` — укажите нужный размер). Шаблоны заявок нельзя поменять без пересоздания StatefulSet, так что берите размер с запасом.',
  },
  check(object, data, ctx) {
    for (const t of claimTemplatesOf(data)) {
      if (get(t.template, ['spec', 'resources', 'requests', 'storage']) !== undefined) continue;
      ctx.report(
        [...t.path, 'metadata', 'name'],
        localize(
          {
            en: 'Claim template `{name}` has no `resources.requests.storage`. Its claims are rejected and the pods never start. Add a storage request.',
            ru: 'В шаблоне заявки `{name}` нет `resources.requests.storage`. Заявки не создадутся, поды не запустятся. Добавьте запрос ёмкости.',
          },
          { name: t.name || '?' },
        ),
        {
          fix: setValueFix(object, [...t.path, 'spec', 'resources', 'requests'], 'storage', '1Gi', {
            en: 'Add a storage request (`1Gi`)',
            ru: 'Добавить запрос ёмкости (`1Gi`)',
          }),
        },
      );
    }
  },
};

export const claimTemplateWithoutAccessModes: Rule = {
  id: 'claim-template-without-access-modes',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'A claim template has no access modes',
    ru: 'В шаблоне заявки нет режимов доступа',
  },
  docs: {
    en: 'A claim needs at least one access mode; the API server rejects claims made from a template without `spec.accessModes`. For one replica per volume, which is what a StatefulSet wants, use `ReadWriteOnce` (the quick fix adds it) or `ReadWriteOncePod`.',
    ru: 'Заявке нужен хотя бы один режим доступа; заявки из шаблона без `spec.accessModes` API-сервер не примет. Для StatefulSet, где у каждой реплики свой том, подходит `ReadWriteOnce` (его добавит быстрое исправление) или `ReadWriteOncePod`.',
  },
  check(object, data, ctx) {
    for (const t of claimTemplatesOf(data)) {
      if (strings(get(t.template, ['spec', 'accessModes'])).length) continue;
      ctx.report(
        [...t.path, 'metadata', 'name'],
        localize(
          {
            en: 'Claim template `{name}` has no `accessModes`. Its claims are rejected and the pods never start. Add `accessModes: [ReadWriteOnce]`.',
            ru: 'В шаблоне заявки `{name}` нет `accessModes`. Заявки не создадутся, поды не запустятся. Добавьте `accessModes: [ReadWriteOnce]`.',
          },
          { name: t.name || '?' },
        ),
        {
          fix: setValueFix(object, [...t.path, 'spec'], 'accessModes', ['ReadWriteOnce'], {
            en: 'Add `accessModes: [ReadWriteOnce]`',
            ru: 'Добавить `accessModes: [ReadWriteOnce]`',
          }),
        },
      );
    }
  },
};

export const selectorTemplateMismatch: Rule = {
  id: 'selector-template-mismatch',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet', 'Deployment', 'ReplicaSet', 'DaemonSet'],
  fixable: true,
  title: {
    en: "The selector does not match the pod template's labels",
    ru: 'Селектор не совпадает с метками шаблона пода',
  },
  docs: {
    en: 'Every `spec.selector.matchLabels` entry must appear with the same value in `spec.template.metadata.labels`; the API server rejects the object otherwise. For a StatefulSet this matters twice: the selector is immutable, and a StatefulSet recreated with another selector no longer owns its pods, while the old claims are still there. Keep the two in step.',
    ru: 'Каждая пара из `spec.selector.matchLabels` должна быть с тем же значением в `spec.template.metadata.labels`, иначе API-сервер отклонит объект. Для StatefulSet это важно вдвойне: селектор неизменяемый, а пересозданный с другим селектором StatefulSet уже не владеет своими подами, хотя старые заявки остаются. Держите селектор и метки согласованными.',
  },
  check(object, data, ctx) {
    const matchLabels = get(data, ['spec', 'selector', 'matchLabels']);
    if (!isRecord(matchLabels)) return;
    const labels = get(data, ['spec', 'template', 'metadata', 'labels']);
    const have = isRecord(labels) ? labels : {};
    for (const [k, v] of Object.entries(matchLabels)) {
      if (have[k] === v) continue;
      ctx.report(
        ['spec', 'selector', 'matchLabels', k],
        localize(
          {
            en: 'The selector wants `{key}: {value}`, but the pod template {actual}. The API server rejects the object. Make the template labels match the selector.',
            ru: 'Селектор ждёт `{key}: {value}`, а в шаблоне пода {actualRu}. API-сервер отклонит объект. Приведите метки шаблона в соответствие с селектором.',
          },
          {
            key: k,
            value: String(v),
            actual: k in have ? `has \`${k}: ${String(have[k])}\`` : 'has no such label',
            actualRu: k in have ? `\`${k}: ${String(have[k])}\`` : 'такой метки нет',
          },
        ),
        {
          onKey: true,
          fix: setValueFix(
            object,
            ['spec', 'template', 'metadata', 'labels'],
            k,
            v,
            localize(
              {
                en: 'Set label `{key}: {value}` on the pod template',
                ru: 'Задать шаблону пода метку `{key}: {value}`',
              },
              { key: k, value: String(v) },
            ),
          ),
        },
      );
    }
  },
};

export const rollingUpdateWithOnDelete: Rule = {
  id: 'statefulset-rolling-update-with-on-delete',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet'],
  title: {
    en: 'rollingUpdate settings with the OnDelete update strategy',
    ru: 'Параметры `rollingUpdate` при стратегии `OnDelete`',
  },
  docs: {
    en: 'With `updateStrategy.type: OnDelete` the controller never replaces pods on its own: a new template applies only to pods you delete by hand. `rollingUpdate` (`partition`, `maxUnavailable`) is only allowed with `RollingUpdate`, and the API server rejects the combination. Either switch to `RollingUpdate` or remove `rollingUpdate`.',
    ru: 'При `updateStrategy.type: OnDelete` контроллер сам поды не заменяет: новый шаблон применится только к подам, которые вы удалите вручную. `rollingUpdate` (`partition`, `maxUnavailable`) разрешён только с `RollingUpdate`, и такую комбинацию API-сервер отклонит. Переключитесь на `RollingUpdate` или уберите `rollingUpdate`.',
  },
  check(_object, data, ctx) {
    if (get(data, ['spec', 'updateStrategy', 'type']) !== 'OnDelete') return;
    if (get(data, ['spec', 'updateStrategy', 'rollingUpdate']) === undefined) return;
    ctx.report(
      ['spec', 'updateStrategy', 'rollingUpdate'],
      {
        en: '`rollingUpdate` has no effect with `type: OnDelete`, and the API server rejects it. With `OnDelete` pods are updated only when you delete them. Remove `rollingUpdate` or use `type: RollingUpdate`.',
        ru: '`rollingUpdate` не действует при `type: OnDelete`, и API-сервер такое не примет. С `OnDelete` поды обновляются, только когда вы их удаляете. Уберите `rollingUpdate` или укажите `type: RollingUpdate`.',
      },
      { onKey: true },
    );
  },
};

export const partitionBlocksUpdate: Rule = {
  id: 'statefulset-partition-blocks-update',
  family: 'workloads',
  severity: 'warning',
  kinds: ['StatefulSet'],
  title: {
    en: 'The rolling update partition is not below the replica count',
    ru: '`partition` не меньше числа реплик',
  },
  docs: {
    en: 'During a rolling update only pods with an ordinal at or above `rollingUpdate.partition` get the new template. With `partition` at or above `replicas` no pod is updated at all, and people wonder why their change "did not apply". This is fine for a staged rollout; otherwise lower `partition` (usually to 0).',
    ru: 'При плавном обновлении новый шаблон получают только поды с порядковым номером не меньше `rollingUpdate.partition`. Если `partition` не меньше `replicas`, не обновится ни один под — и изменение «не применяется». Для поэтапного выката это нормально, иначе уменьшите `partition` (обычно до 0).',
  },
  check(_object, data, ctx) {
    const partition = get(data, ['spec', 'updateStrategy', 'rollingUpdate', 'partition']);
    if (typeof partition !== 'number' || partition <= 0) return;
    const replicas = replicasOf(data);
    const start = get(data, ['spec', 'ordinals', 'start']);
    const first = typeof start === 'number' ? start : 0;
    if (partition < first + replicas) return;
    ctx.report(
      ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      localize(
        {
          en: '`partition: {partition}` is not below the last ordinal ({last}), so no pod gets the new template. Lower `partition` unless you are holding the rollout on purpose.',
          ru: '`partition: {partition}` не меньше последнего порядкового номера ({last}), поэтому новый шаблон не получит ни один под. Уменьшите `partition`, если не придерживаете выкат намеренно.',
        },
        { partition, last: first + replicas - 1 },
      ),
    );
  },
};

export const claimRetentionDeletesData: Rule = {
  id: 'claim-retention-deletes-data',
  family: 'workloads',
  severity: 'warning',
  kinds: ['StatefulSet'],
  title: {
    en: 'The StatefulSet deletes its claims when deleted or scaled down',
    ru: 'StatefulSet удаляет свои заявки при удалении или уменьшении',
  },
  docs: {
    en: 'By default claims made from `volumeClaimTemplates` outlive the StatefulSet: a `helm uninstall` or a scale-down keeps the data. `persistentVolumeClaimRetentionPolicy` with `Delete` removes the claims, and with the usual `Delete` reclaim policy of provisioned volumes the data is gone for good. Keep `Retain` for data you care about, or make sure backups exist.',
    ru: 'По умолчанию заявки из `volumeClaimTemplates` переживают StatefulSet: после `helm uninstall` или уменьшения числа реплик данные остаются. `persistentVolumeClaimRetentionPolicy` со значением `Delete` удаляет заявки, а при обычной для динамически выделенных томов политике освобождения `Delete` данные пропадают навсегда. Для важных данных оставьте `Retain` или убедитесь, что есть резервные копии.',
  },
  check(_object, data, ctx) {
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      if (get(data, ['spec', 'persistentVolumeClaimRetentionPolicy', field]) !== 'Delete') continue;
      ctx.report(
        ['spec', 'persistentVolumeClaimRetentionPolicy', field],
        field === 'whenDeleted'
          ? {
              en: 'Deleting the StatefulSet also deletes its claims, and usually the data with them. Use `Retain` unless the data is disposable or backed up.',
              ru: 'При удалении StatefulSet удалятся и его заявки, а обычно и данные. Оставьте `Retain`, если данные не одноразовые и нет резервных копий.',
            }
          : {
              en: 'Scaling the StatefulSet down deletes the claims of the removed replicas, and usually their data. Use `Retain` unless the data is disposable or backed up.',
              ru: 'При уменьшении числа реплик удалятся заявки убранных реплик, а обычно и их данные. Оставьте `Retain`, если данные не одноразовые и нет резервных копий.',
            },
      );
    }
  },
};

export const workloadRules: Rule[] = [
  sharedSingleNodeClaim,
  hostPathInWorkload,
  sensitiveHostPath,
  writableHostPath,
  emptyDirForDatabase,
  unsafeSubPath,
  claimTemplateWithoutStorage,
  claimTemplateWithoutAccessModes,
  selectorTemplateMismatch,
  rollingUpdateWithOnDelete,
  partitionBlocksUpdate,
  claimRetentionDeletesData,
];
