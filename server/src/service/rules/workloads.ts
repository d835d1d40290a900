/** Workloads: how Deployments, StatefulSets and pods use their volumes. */
import type { Container, PersistentVolume } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import type { Rule, RuleContext } from './types';
import {
  hostPathRole,
  hostPathUses,
  isBidirectional,
  isNodeAgent,
  isPlumbingWrite,
  isUnconfined,
  isWritableMount,
  normalizeHostPath,
  type HostPathRole,
  type HostPathUse,
} from './nodePlumbing';
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
  type MountAt,
} from './util';
import { setValueFix } from './fixes/storageFixes';
import {
  dataVolumeToClaimFix,
  onDeleteFixes,
  readOnlyMountsFix,
  relativeSubPathFix,
  replaceScalarFix,
  singleReplicaFix,
} from './fixes/findingFixes';

function replicasOf(data: Record<string, unknown>): number {
  const r = get(data, ['spec', 'replicas']);
  return typeof r === 'number' ? r : 1;
}

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
        { fix: () => singleReplicaFix(object, data) },
      );
    }
  },
};

/** Every kind with a pod template but DaemonSet: a pod of these may land on any node. */
const APPLICATION_KINDS = workloadKinds.filter((k) => k !== 'DaemonSet');

/** Required node affinity with at least one term: the volume belongs to the nodes it names. */
function hasRequiredNodeAffinity(pv: PersistentVolume): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  return Array.isArray(terms) && terms.length > 0;
}

export const hostPathInWorkload: Rule = {
  id: 'hostpath-in-workload',
  family: 'workloads',
  severity: 'warning',
  kinds: [...APPLICATION_KINDS, 'PersistentVolume'],
  fixable: true,
  title: {
    en: 'An application keeps its data on a hostPath volume',
    ru: 'Приложение хранит данные в томе `hostPath`',
  },
  docs: {
    en: "A `hostPath` volume is a directory on whichever node the pod lands on. When a pod of a Deployment, StatefulSet, Job, CronJob or a bare Pod is recreated on another node it sees an empty (or someone else's) directory: the data is silently \"lost\". Use a PersistentVolumeClaim; for node-local disks use a `local` PersistentVolume with node affinity. A hostPath PersistentVolume without `nodeAffinity` has the same problem: pods using it may run on any node. Node plumbing is not reported: DaemonSets, pods with a privileged (or `CAP_SYS_ADMIN`) container or with mount propagation (node agents, CSI and CNI plugins), sockets and devices, and the node's own directories (`/dev`, `/sys`, `/proc`, `/run`, logs, the kubelet's directories; `sensitive-host-path` judges those).",
    ru: 'Том `hostPath` — это каталог на том узле, куда попал под. Если под Deployment, StatefulSet, Job, CronJob или отдельный Pod пересоздадут на другом узле, он увидит пустой (или чужой) каталог: данные молча «пропадут». Используйте заявку на том (PVC), а для локальных дисков узла — постоянный том типа `local` с привязкой к узлам. У постоянного тома `hostPath` без `nodeAffinity` та же беда: поды с ним могут запуститься на любом узле. Служебные тома узла не отмечаются: DaemonSet, поды с привилегированным контейнером (или с `CAP_SYS_ADMIN`) либо с распространением монтирования (агенты узла, CSI- и CNI-плагины), сокеты и устройства, а также собственные каталоги узла (`/dev`, `/sys`, `/proc`, `/run`, логи, каталоги kubelet) — их оценивает правило `sensitive-host-path`.',
  },
  check(object, data, ctx) {
    if (object.kind === 'PersistentVolume') {
      checkHostPathVolume(data as PersistentVolume, ctx);
      return;
    }
    const at = podSpecOf(object.kind, data);
    if (!at || isNodeAgent(object.kind, at)) return;
    for (const use of hostPathUses(at)) {
      if (use.role !== 'data' || use.socketOrDevice) continue;
      const v = use.volume;
      ctx.report(
        [...v.path, 'hostPath'],
        localize(
          {
            en: 'Volume `{name}` is a `hostPath`: the data stays on one node, and the next pod of this {kind} may land on another node and not see it. Use a PersistentVolumeClaim (or a `local` PV with node affinity).',
            ru: 'Том `{name}` — это `hostPath`: данные остаются на одном узле, а следующий под этого {kind} может попасть на другой узел и их не увидит. Используйте заявку на том (или постоянный том `local` с привязкой к узлам).',
          },
          { name: v.volume.name, kind: object.kind },
        ),
        {
          onKey: true,
          fix: () => dataVolumeToClaimFix(object, v.path, v.volume.name, 'hostPath'),
        },
      );
    }
  },
};

function checkHostPathVolume(pv: PersistentVolume, ctx: RuleContext): void {
  const path = str(pv.spec?.hostPath?.path);
  if (!path || hostPathRole(path) !== 'data' || hasRequiredNodeAffinity(pv)) return;
  ctx.report(
    ['spec', 'hostPath'],
    localize(
      {
        en: 'This volume is directory `{path}` on whichever node a pod using it lands on: nothing ties it to one node, so a pod on another node sees other files. Add `nodeAffinity.required` naming the node (or use a `local` volume).',
        ru: 'Этот том — каталог `{path}` на том узле, куда попадёт использующий его под: к одному узлу том ничем не привязан, и под на другом узле увидит другие файлы. Добавьте `nodeAffinity.required` с нужным узлом (или возьмите том `local`).',
      },
      { path },
    ),
    { onKey: true },
  );
}

/** Why a host path exposes the node: one text per role of the path. */
const EXPOSURE: Partial<Record<HostPathRole, LocalizedText>> = {
  'node-root': {
    en: "Host path `{path}` is the node's whole filesystem: the kubelet's credentials, every pod's secrets and volumes. A compromised container can take over the node, even with `readOnly`. Mount only the directories it needs, read-only.",
    ru: 'Путь `{path}` — это вся файловая система узла: учётные данные kubelet, секреты и тома всех подов. Взломанный контейнер сможет захватить узел даже при `readOnly`. Монтируйте только нужные каталоги и только для чтения.',
  },
  'node-config': {
    en: "Host path `{path}` holds the node's configuration and secrets (kubelet and cluster certificates, keys). A compromised container can read them and take over the node, even with `readOnly`. Mount only the files it needs, read-only.",
    ru: 'По пути `{path}` лежат настройки и секреты узла (сертификаты kubelet и кластера, ключи). Взломанный контейнер прочитает их и захватит узел даже при `readOnly`. Монтируйте только нужные файлы и только для чтения.',
  },
  'kubelet-volumes': {
    en: "Host path `{path}` holds the volumes and secrets of every pod on the node. Only a CSI node plugin mounts it, with `mountPropagation: Bidirectional`; any other pod gets other pods' data. Mount a narrower path.",
    ru: 'По пути `{path}` лежат тома и секреты всех подов узла. Его монтирует только CSI-плагин узла, с `mountPropagation: Bidirectional`; любой другой под получит данные чужих подов. Монтируйте более узкий путь.',
  },
  'control-socket': {
    en: 'Host path `{path}` reaches the container runtime (or systemd): whoever talks to it starts privileged containers on the node, and `readOnly` does not restrict a socket. Node agents (DaemonSets) mount it; an application should not.',
    ru: 'Путь `{path}` ведёт к среде выполнения контейнеров (или к systemd): кто к ней обратится, запустит на узле привилегированный контейнер, а `readOnly` сокет не защищает. Его монтируют агенты узла (DaemonSet), но не приложения.',
  },
  kernel: {
    en: "Host path `{path}` is mounted writable: the container can change kernel settings or write to the node's devices. Mount it `readOnly: true`; only a privileged node agent writes here.",
    ru: 'Путь `{path}` смонтирован с правом записи: контейнер может менять настройки ядра или писать в устройства узла. Монтируйте с `readOnly: true` — писать сюда нужно только привилегированному агенту узла.',
  },
  'runtime-data': {
    en: "Host path `{path}` is mounted writable: the container can change the runtime's images and containers. Mount it `readOnly: true`.",
    ru: 'Путь `{path}` смонтирован с правом записи: контейнер может изменить образы и контейнеры среды выполнения. Монтируйте с `readOnly: true`.',
  },
  system: {
    en: "Host path `{path}` is mounted writable: the container can change the node's system files. Mount it `readOnly: true`, or a narrower path.",
    ru: 'Путь `{path}` смонтирован с правом записи: контейнер может изменить системные файлы узла. Монтируйте с `readOnly: true` или более узкий путь.',
  },
  network: {
    en: "Host path `{path}` holds the node's network plugins (CNI): writing there changes the network of every pod on the node. That is a network plugin's DaemonSet's job; mount it `readOnly: true`.",
    ru: 'По пути `{path}` лежат сетевые плагины узла (CNI): запись туда меняет сеть всех подов узла. Это дело DaemonSet сетевого плагина; монтируйте с `readOnly: true`.',
  },
};

/** Roles that expose the node only through a writable mount. */
const EXPOSED_WHEN_WRITTEN: ReadonlySet<HostPathRole> = new Set([
  'kernel',
  'runtime-data',
  'system',
  'network',
]);

/** A mount `readOnly` would restrict: writable, by a confined container, without propagation. */
function isPlainWrite(m: MountAt): boolean {
  return isWritableMount(m) && !isUnconfined(m.container) && !isBidirectional(m);
}

/** Does mounting this host path give the pod power over the node it should not have? */
function exposesNode(use: HostPathUse, nodeAgent: boolean): boolean {
  switch (use.role) {
    case 'node-root':
    case 'node-config':
      return true;
    case 'kubelet-volumes':
      return !use.mounts.length || !use.mounts.every(isBidirectional);
    case 'control-socket':
      return !nodeAgent;
    case 'network':
      return !nodeAgent && use.mounts.some(isPlainWrite);
    case 'kernel':
    case 'runtime-data':
    case 'system':
      return use.mounts.some(isPlainWrite);
    default:
      return false;
  }
}

export const sensitiveHostPath: Rule = {
  id: 'sensitive-host-path',
  family: 'workloads',
  severity: 'warning',
  kinds: [...workloadKinds, 'PersistentVolume'],
  fixable: true,
  title: {
    en: 'A hostPath volume exposes a sensitive part of the node',
    ru: 'Том `hostPath` открывает поду важную часть узла',
  },
  docs: {
    en: "Mounting `/`, `/etc`, `/root` or the kubelet's pod directory `/var/lib/kubelet/pods` gives the pod power over the node even read-only: a compromised container reads the kubelet's credentials and other pods' secrets. The container runtime's socket (`/var/run/docker.sock`, containerd, CRI-O) and `/run` itself are reported in applications, not in node agents (DaemonSets, privileged pods) whose job they are. `/proc`, `/sys`, `/dev`, `/boot`, kernel modules, the runtime's data, CNI files and system folders are reported only when a container `readOnly` could restrict mounts them writable: node agents read them all the time, and a privileged (or `CAP_SYS_ADMIN`) container or a `Bidirectional` mount writes there by design. Node plumbing is never reported: a driver's own plugin directory `/var/lib/kubelet/plugins/<driver>`, `plugins_registry`, `device-plugins`, daemons' `/run/…` sockets, and the kubelet's directories mounted `Bidirectional` by a CSI node plugin. hostPath PersistentVolumes are checked as if mounted writable. Mount only the narrow path you need, read-only.",
    ru: 'Монтирование `/`, `/etc`, `/root` или каталога подов kubelet `/var/lib/kubelet/pods` даёт поду власть над узлом даже только для чтения: взломанный контейнер прочитает учётные данные kubelet и секреты чужих подов. Сокет среды выполнения контейнеров (`/var/run/docker.sock`, containerd, CRI-O) и сам `/run` отмечаются в приложениях, но не в агентах узла (DaemonSet, привилегированные поды), которым они нужны по работе. `/proc`, `/sys`, `/dev`, `/boot`, модули ядра, данные среды выполнения, файлы CNI и системные каталоги отмечаются, только если их монтирует с правом записи контейнер, которого `readOnly` может ограничить: агенты узла постоянно их читают, а привилегированный контейнер (или с `CAP_SYS_ADMIN`) и монтирование с `Bidirectional` пишут туда по замыслу. Служебные пути узла не отмечаются никогда: собственный каталог драйвера `/var/lib/kubelet/plugins/<драйвер>`, `plugins_registry`, `device-plugins`, сокеты служб в `/run/…` и каталоги kubelet, которые CSI-плагин узла монтирует с `Bidirectional`. Постоянные тома `hostPath` проверяются так, будто смонтированы с правом записи. Монтируйте только нужный узкий путь и только для чтения.',
  },
  check(object, data, ctx) {
    if (object.kind === 'PersistentVolume') {
      // A claim's pods may mount it anywhere and writable: every exposure counts.
      const path = str((data as PersistentVolume).spec?.hostPath?.path);
      const text = path ? EXPOSURE[hostPathRole(path)] : undefined;
      if (path && text) ctx.report(['spec', 'hostPath', 'path'], localize(text, { path }));
      return;
    }
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const nodeAgent = isNodeAgent(object.kind, at);
    for (const use of hostPathUses(at)) {
      const text = EXPOSURE[use.role];
      if (!use.path || !text || !exposesNode(use, nodeAgent)) continue;
      const v = use.volume;
      ctx.report(
        [...v.path, 'hostPath', 'path'],
        localize(text, { path: use.path }),
        EXPOSED_WHEN_WRITTEN.has(use.role)
          ? { fix: () => readOnlyMountsFix(object, at, v.volume.name) }
          : undefined,
      );
    }
  },
};

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
    en: "A writable `hostPath` mount lets the container change files on the node, which outlive the pod and are shared with everything else on that node. Mount it with `readOnly: true` unless writing is the point (the quick fix sets it). Not reported where writing is the container's job or `readOnly` would restrict nothing: privileged and `CAP_SYS_ADMIN` containers, mounts with `mountPropagation: Bidirectional`, sockets, devices and plugin registration directories (`/var/lib/kubelet/plugins/<driver>`, `plugins_registry`, `/run/…`), and CNI files written by a node agent.",
    ru: 'Монтирование `hostPath` с правом записи позволяет контейнеру менять файлы на узле: они переживут под и видны всему остальному на этом узле. Монтируйте с `readOnly: true`, если запись не нужна по сути задачи (быстрое исправление добавит это поле). Не отмечается там, где запись — работа контейнера или где `readOnly` ничего не ограничит: привилегированные контейнеры и контейнеры с `CAP_SYS_ADMIN`, монтирование с `mountPropagation: Bidirectional`, сокеты, устройства и каталоги регистрации плагинов (`/var/lib/kubelet/plugins/<драйвер>`, `plugins_registry`, `/run/…`), а также файлы CNI, которые пишет агент узла.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const nodeAgent = isNodeAgent(object.kind, at);
    for (const use of hostPathUses(at)) {
      if (isPlumbingWrite(use, nodeAgent)) continue;
      for (const m of use.mounts) {
        if (m.field !== 'volumeMounts' || !isPlainWrite(m)) continue;
        ctx.report(
          [...m.path, 'name'],
          localize(
            {
              en: 'Container `{container}` mounts host path volume `{name}` writable. Files it writes stay on the node and affect everything else there. Add `readOnly: true` unless the container must write.',
              ru: 'Контейнер `{container}` монтирует `hostPath`-том `{name}` с правом записи. Записанное останется на узле и повлияет на всё остальное на нём. Добавьте `readOnly: true`, если запись не нужна.',
            },
            { container: String(m.container.container.name ?? '?'), name: m.mount.name },
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

/** Images of key-value stores that snapshot to `/data` unless told not to. */
const REDIS_IMAGE = /(^|\/)(redis|redis-stack-server|valkey|keydb)(:|@|$)/;

type ContainerShape = Pick<Container, 'image' | 'command' | 'args'>;

function argvOf(c: ContainerShape): string[] {
  return [...strings(c.command), ...strings(c.args)];
}

/**
 * Redis writes RDB snapshots by default and an AOF with `appendonly yes`; a cache turns both off
 * (`--save ""` without `--appendonly yes`), and then nothing it keeps outlives the process.
 */
function redisPersists(c: ContainerShape): boolean {
  const argv = argvOf(c);
  const saveAt = argv.indexOf('--save');
  const line = argv.join(' ');
  const noSnapshots =
    (saveAt >= 0 && argv[saveAt + 1] === '') || /--save\s*(""|'')(\s|$)/.test(line);
  return !noSnapshots || /--appendonly\s+yes\b/.test(line);
}

/** True when `mountPath` of this container holds a database's (or broker's) files. */
export function isDatabaseDataPath(mountPath: string, container: ContainerShape): boolean {
  const p = normalizeHostPath(mountPath);
  if (DATA_PATHS.some((d) => p === d || p.startsWith(d + '/'))) return true;
  if (p !== '/data' && !p.startsWith('/data/')) return false;
  const image = (str(container.image) ?? '').toLowerCase();
  if (DB_IMAGE.test(image)) return true;
  return REDIS_IMAGE.test(image) && redisPersists(container);
}

/** A container beside a database that keeps none of its data: a MongoDB arbiter, Redis Sentinel. */
const NO_DATA_NAME = /(^|[-_])(arbiter|sentinel)([-_]|$)/i;
const NO_DATA_IMAGE = /(^|\/)redis-sentinel(:|@|$)/;

export function keepsNoData(c: Container): boolean {
  if (NO_DATA_NAME.test(str(c.name) ?? '')) return true;
  if (NO_DATA_IMAGE.test((str(c.image) ?? '').toLowerCase())) return true;
  if (argvOf(c).some((a) => /(^|\s)--sentinel(\s|$)/.test(a))) return true;
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
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A database keeps its data on an emptyDir volume',
    ru: 'База данных хранит данные в томе `emptyDir`',
  },
  docs: {
    en: 'An `emptyDir` lives exactly as long as the pod. When the pod is deleted, evicted or moved to another node (an update, a node drain), the database files are gone. Mount the data directory from a PersistentVolumeClaim, in a StatefulSet from a `volumeClaimTemplates` entry. Redis counts too unless its arguments turn persistence off (`--save ""` without `--appendonly yes`: a cache); containers that keep no data, such as a MongoDB arbiter or Redis Sentinel, and read-only mounts are not reported.',
    ru: 'Том `emptyDir` живёт ровно столько, сколько под. Когда под удалят, вытеснят или перенесут на другой узел (обновление, вывод узла на обслуживание), файлы базы исчезнут. Монтируйте каталог данных из заявки на том (PVC), а в StatefulSet — из шаблона заявки в `volumeClaimTemplates`. Redis тоже считается, если его аргументы не отключают сохранение на диск (`--save ""` без `--appendonly yes` — это кэш); контейнеры, которые данных не хранят (арбитр MongoDB, Redis Sentinel), и монтирование только для чтения не отмечаются.',
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
      if (c.group !== 'containers' || keepsNoData(c.container)) continue;
      for (const m of mountsOf(c)) {
        const mountPath = str(m.mount.mountPath);
        if (!emptyDirs.has(m.mount.name) || !mountPath || m.mount.readOnly === true) continue;
        if (!isDatabaseDataPath(mountPath, c.container)) continue;
        ctx.report(
          [...m.path, 'mountPath'],
          localize(
            {
              en: '`{path}` holds database data, but volume `{name}` is an `emptyDir`: the data is deleted with the pod (on every update, eviction or node drain). Use a PersistentVolumeClaim or a StatefulSet claim template.',
              ru: 'В `{path}` лежат данные базы, а том `{name}` — это `emptyDir`: данные удалятся вместе с подом (при каждом обновлении, вытеснении или выводе узла). Используйте заявку на том или шаблон заявки в StatefulSet.',
            },
            { path: mountPath, name: m.mount.name },
          ),
          {
            fix: () => {
              const v = volumesOf(at).find((x) => x.volume.name === m.mount.name);
              return v && dataVolumeToClaimFix(object, v.path, m.mount.name, 'emptyDir');
            },
          },
        );
      }
    }
  },
};

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
      // A `{{…}}` slot of another template language is filled in later: nothing to compare yet.
      if (isTemplateSlotValue(v) || isTemplateSlotValue(have[k])) continue;
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

/** Label values are strings; a mapping there is a `{{…}}` placeholder (schema/templateSlots.ts). */
function isTemplateSlotValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

export const rollingUpdateWithOnDelete: Rule = {
  id: 'statefulset-rolling-update-with-on-delete',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'rollingUpdate settings with the OnDelete update strategy',
    ru: 'Параметры `rollingUpdate` при стратегии `OnDelete`',
  },
  docs: {
    en: 'With `updateStrategy.type: OnDelete` the controller never replaces pods on its own: a new template applies only to pods you delete by hand. `rollingUpdate` (`partition`, `maxUnavailable`) is only allowed with `RollingUpdate`, and the API server rejects the combination. Either switch to `RollingUpdate` or remove `rollingUpdate`.',
    ru: 'При `updateStrategy.type: OnDelete` контроллер сам поды не заменяет: новый шаблон применится только к подам, которые вы удалите вручную. `rollingUpdate` (`partition`, `maxUnavailable`) разрешён только с `RollingUpdate`, и такую комбинацию API-сервер отклонит. Переключитесь на `RollingUpdate` или уберите `rollingUpdate`.',
  },
  check(object, data, ctx) {
    if (get(data, ['spec', 'updateStrategy', 'type']) !== 'OnDelete') return;
    if (get(data, ['spec', 'updateStrategy', 'rollingUpdate']) === undefined) return;
    ctx.report(
      ['spec', 'updateStrategy', 'rollingUpdate'],
      {
        en: '`rollingUpdate` has no effect with `type: OnDelete`, and the API server rejects it. With `OnDelete` pods are updated only when you delete them. Remove `rollingUpdate` or use `type: RollingUpdate`.',
        ru: '`rollingUpdate` не действует при `type: OnDelete`, и API-сервер такое не примет. С `OnDelete` поды обновляются, только когда вы их удаляете. Уберите `rollingUpdate` или укажите `type: RollingUpdate`.',
      },
      { onKey: true, fix: () => onDeleteFixes(object) },
    );
  },
};

export const partitionBlocksUpdate: Rule = {
  id: 'statefulset-partition-blocks-update',
  family: 'workloads',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'The rolling update partition is not below the replica count',
    ru: '`partition` не меньше числа реплик',
  },
  docs: {
    en: 'During a rolling update only pods with an ordinal at or above `rollingUpdate.partition` get the new template. With `partition` at or above `replicas` no pod is updated at all, and people wonder why their change "did not apply". This is fine for a staged rollout; otherwise lower `partition` (usually to 0).',
    ru: 'При плавном обновлении новый шаблон получают только поды с порядковым номером не меньше `rollingUpdate.partition`. Если `partition` не меньше `replicas`, не обновится ни один под — и изменение «не применяется». Для поэтапного выката это нормально, иначе уменьшите `partition` (обычно до 0).',
  },
  check(object, data, ctx) {
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
      {
        fix: () =>
          replaceScalarFix(object, ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], 0, {
            en: 'Set `partition: 0` (update every pod)',
            ru: 'Указать `partition: 0` (обновить все поды)',
          }),
      },
    );
  },
};

export const claimRetentionDeletesData: Rule = {
  id: 'claim-retention-deletes-data',
  family: 'workloads',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'The StatefulSet deletes its claims when it is deleted',
    ru: 'StatefulSet удаляет свои заявки вместе с собой',
  },
  docs: {
    en: 'By default claims made from `volumeClaimTemplates` outlive the StatefulSet: a `helm uninstall` keeps the data. `persistentVolumeClaimRetentionPolicy.whenDeleted: Delete` removes the claims with the StatefulSet, and with the usual `Delete` reclaim policy of provisioned volumes the data is gone for good. Keep `Retain` for data you care about, or make sure backups exist. `whenScaled: Delete` is not reported: dropping the claims of replicas removed by a scale-down is a deliberate choice for per-replica data that is disposable (a cache) or copied again from the other replicas.',
    ru: 'По умолчанию заявки из `volumeClaimTemplates` переживают StatefulSet: после `helm uninstall` данные остаются. `persistentVolumeClaimRetentionPolicy.whenDeleted: Delete` удаляет заявки вместе со StatefulSet, а при обычной для динамически выделенных томов политике освобождения `Delete` данные пропадают навсегда. Для важных данных оставьте `Retain` или убедитесь, что есть резервные копии. `whenScaled: Delete` не отмечается: удалять заявки реплик, убранных при уменьшении числа реплик, — осознанный выбор для данных, которые не жалко (кэш) или которые снова скопируются с других реплик.',
  },
  check(object, data, ctx) {
    const path = ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted'];
    if (get(data, path) !== 'Delete') return;
    ctx.report(
      path,
      {
        en: 'Deleting the StatefulSet also deletes its claims, and usually the data with them. Use `Retain` unless the data is disposable or backed up.',
        ru: 'При удалении StatefulSet удалятся и его заявки, а обычно и данные. Оставьте `Retain`, если данные не одноразовые и нет резервных копий.',
      },
      {
        fix: () =>
          replaceScalarFix(object, path, 'Retain', {
            en: 'Use `Retain`',
            ru: 'Заменить на `Retain`',
          }),
      },
    );
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
