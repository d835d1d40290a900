/**
 * hostPath volumes: an application's data on one node's directory (and hostPath PersistentVolumes
 * tied to no node), mounts that expose the node, writable mounts of node files.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import type { Rule, RuleContext } from './types';
import {
  hostPathRole,
  hostPathUses,
  isBidirectional,
  isNodeAgent,
  isPlumbingWrite,
  isPodVolumeAgentMount,
  isSocketOrDeviceType,
  isUnconfined,
  isWritableMount,
  kubeletVolumeDir,
  nodeSecrets,
  type HostPathRole,
  type HostPathUse,
  type KubeletVolumeDir,
  type NodeSecrets,
} from './nodePlumbing';
import { podSpecOf, str, strings, workloadKinds, type MountAt, type PodSpecAt } from './util';
import { wholeTreeOf, wholeTreeText } from './wholeTree';
import { isDatabaseDataPath } from './workloadVolumes';
import { isNodeInstallPath, isNodeSoftwarePath } from './nodeSoftware';
import { setValueFix } from './fixes/storageFixes';
import { dataVolumeToClaimFix, readOnlyMountsFix } from './fixes/workloadFixes';

/** Every kind with a pod template but DaemonSet: a pod of these may land on any node. */
const APPLICATION_KINDS = workloadKinds.filter((k) => k !== 'DaemonSet');

/**
 * A hostPath volume where an application (not a node agent) keeps its data: `hostpath-in-workload`.
 * The node's programs and Kubernetes state only read (kube-bench's `/usr/bin`, `/lib/systemd`) are
 * the node's, not data the pod keeps there.
 */
function isWorkloadDataVolume(kind: string, at: PodSpecAt, use: HostPathUse): boolean {
  return (
    APPLICATION_KINDS.includes(kind) &&
    !isNodeAgent(kind, at) &&
    use.role === 'data' &&
    !use.socketOrDevice &&
    !(isNodeInstallPath(use.path) && readsOnly(use))
  );
}

/** The volume is mounted, and never writable (`isWritableMount`). */
function readsOnly(use: HostPathUse): boolean {
  return use.mounts.length > 0 && !use.mounts.some(isWritableMount);
}

/**
 * Of those, the ones where writing is the application's purpose, so `writable-host-path` does not
 * ask for `readOnly`: not under the node's programs, homes or Kubernetes state (`/usr/local/bin`,
 * `/home/x/.kube`, `/var/lib/rancher/k3s`), where writing changes the node.
 */
function isOwnDataVolume(kind: string, at: PodSpecAt, use: HostPathUse): boolean {
  return isWorkloadDataVolume(kind, at, use) && !isNodeSoftwarePath(use.path);
}

/** Required node affinity with at least one term: the volume belongs to the nodes it names. */
export function hasRequiredNodeAffinity(pv: PersistentVolume): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  return Array.isArray(terms) && terms.length > 0;
}

const HOSTPATH_IN_WORKLOAD: LocalizedText = {
  en: 'Volume `{name}` is a `hostPath`: the data stays on one node, and the next pod of this {kind} may land on another node and not see it. Use a PersistentVolumeClaim (or a `local` PV with node affinity).',
  ru: 'Том `{name}` — это `hostPath`: данные остаются на одном узле, а следующий под этого {kind} может попасть на другой узел и их не увидит. Используйте заявку на том (или постоянный том `local` с привязкой к узлам).',
};

/** A bare Pod has no next pod: whoever re-creates it may land it on another node. */
const HOSTPATH_IN_POD: LocalizedText = {
  en: 'Volume `{name}` is a `hostPath`: the data stays on one node, and a re-created Pod may land on another node and not see it. Use a PersistentVolumeClaim (or a `local` PV with node affinity).',
  ru: 'Том `{name}` — это `hostPath`: данные остаются на одном узле, а пересозданный Pod может попасть на другой узел и их не увидит. Используйте заявку на том (или постоянный том `local` с привязкой к узлам).',
};

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
    en: "A `hostPath` volume is a directory on whichever node the pod lands on. When a pod of a Deployment, StatefulSet, Job, CronJob or a bare Pod is recreated on another node it sees an empty (or someone else's) directory: the data is silently \"lost\". Use a PersistentVolumeClaim; for node-local disks use a `local` PersistentVolume with node affinity. A hostPath PersistentVolume without `nodeAffinity` has the same problem: pods using it may run on any node (one that offers `ReadWriteMany` or `ReadOnlyMany` is left to `shared-mode-on-node-local-volume`, which says what sharing it across nodes means). Node plumbing is not reported: DaemonSets, pods with a privileged (or `CAP_SYS_ADMIN`) container or with mount propagation (node agents, CSI and CNI plugins), sockets and devices, and the node's own directories (`/dev`, `/sys`, `/proc`, `/run`, logs, the kubelet's directories; `sensitive-host-path` judges those), nor the node's programs and Kubernetes state mounted only read-only (`/usr/bin`, `/lib/systemd`, `/srv/kubernetes`, `/var/lib/kube-scheduler`, GKE's `/home/kubernetes`, Flatcar's `/opt/bin`, as a node checker such as kube-bench reads them); other folders under `/home` or `/opt` hold files of that one node, read-only or not.",
    ru: 'Том `hostPath` — это каталог на том узле, куда попал под. Если под Deployment, StatefulSet, Job, CronJob или отдельный Pod пересоздадут на другом узле, он увидит пустой (или чужой) каталог: данные молча «пропадут». Используйте заявку на том (PVC), а для локальных дисков узла — постоянный том типа `local` с привязкой к узлам. У постоянного тома `hostPath` без `nodeAffinity` та же беда: поды с ним могут запуститься на любом узле (том с `ReadWriteMany` или `ReadOnlyMany` оставлен правилу `shared-mode-on-node-local-volume`, которое объясняет, что значит делить его между узлами). Служебные тома узла не отмечаются: DaemonSet, поды с привилегированным контейнером (или с `CAP_SYS_ADMIN`) либо с распространением монтирования (агенты узла, CSI- и CNI-плагины), сокеты и устройства, собственные каталоги узла (`/dev`, `/sys`, `/proc`, `/run`, логи, каталоги kubelet) — их оценивает правило `sensitive-host-path`, — а также программы узла и состояние Kubernetes на нём, смонтированные только для чтения (`/usr/bin`, `/lib/systemd`, `/srv/kubernetes`, `/var/lib/kube-scheduler`, `/home/kubernetes` в GKE, `/opt/bin` во Flatcar: так их читают средства проверки узла вроде kube-bench); прочие каталоги в `/home` и `/opt` хранят файлы одного конкретного узла — неважно, смонтированы они только для чтения или нет.',
  },
  check(object, data, ctx) {
    if (object.kind === 'PersistentVolume') {
      checkHostPathVolume(data as PersistentVolume, ctx);
      return;
    }
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const use of hostPathUses(at)) {
      if (!isWorkloadDataVolume(object.kind, at, use)) continue;
      const v = use.volume;
      ctx.report(
        [...v.path, 'hostPath'],
        localize(object.kind === 'Pod' ? HOSTPATH_IN_POD : HOSTPATH_IN_WORKLOAD, {
          name: v.volume.name,
          kind: object.kind,
        }),
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
  // Offered to pods on several nodes: `shared-mode-on-node-local-volume` says what that means.
  if (strings(pv.spec?.accessModes).some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany')) {
    return;
  }
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

/** What a `node-config` path holds, and why reading it is enough to hurt. */
const SECRETS: Record<NodeSecrets, LocalizedText> = {
  'node-etc': {
    en: "Host path `{path}` is the node's whole configuration with its secrets: the kubelet's and the cluster's certificates and keys, SSH host keys, password hashes. A compromised container can read them and take over the node, even with `readOnly`. Mount only the files it needs, read-only.",
    ru: 'Путь `{path}` — это все настройки узла вместе с его секретами: сертификатами и ключами kubelet и кластера, ключами SSH узла, хешами паролей. Взломанный контейнер прочитает их и захватит узел даже при `readOnly`. Монтируйте только нужные файлы и только для чтения.',
  },
  'cluster-credentials': {
    en: "Host path `{path}` is where the kubelet and the cluster keep their configuration and credentials (certificates, keys, kubeconfigs). A compromised container can read them and take over the node or the whole cluster, even with `readOnly`. Give the pod its own credentials (a service account, a Secret) instead of the node's.",
    ru: 'По пути `{path}` kubelet и кластер хранят свои настройки и учётные данные (сертификаты, ключи, kubeconfig). Взломанный контейнер прочитает их и захватит узел или весь кластер даже при `readOnly`. Выдайте поду собственные учётные данные (сервисный аккаунт, Secret), а не учётные данные узла.',
  },
  'kubelet-state': {
    en: "Host path `{path}` lies in the kubelet's own directory, where it keeps its configuration and, on some distributions, its kubeconfig. A compromised container can read them, even with `readOnly`. Mount only the files it needs, read-only.",
    ru: 'Путь `{path}` лежит в собственном каталоге kubelet, где он хранит свои настройки, а в некоторых дистрибутивах и kubeconfig. Взломанный контейнер прочитает их даже при `readOnly`. Монтируйте только нужные файлы и только для чтения.',
  },
  'etcd-data': {
    en: "Host path `{path}` is etcd's data: every object of the cluster, Secrets included. A compromised container can read them and take over the cluster, even with `readOnly`. Only etcd itself (and its backup job) should mount it.",
    ru: 'Путь `{path}` — это данные etcd: все объекты кластера, включая Secret. Взломанный контейнер прочитает их и захватит кластер даже при `readOnly`. Монтировать его должен только сам etcd (и задание его резервного копирования).',
  },
  'ssh-keys': {
    en: "Host path `{path}` belongs to the node's SSH configuration, which holds the node's private host keys. A compromised container can read them and pose as the node, even with `readOnly`. Do not mount it; give the pod its own keys in a Secret.",
    ru: 'Путь `{path}` относится к настройкам SSH узла, где лежат его закрытые ключи. Взломанный контейнер прочитает их и сможет выдать себя за узел даже при `readOnly`. Не монтируйте его, а собственные ключи передайте поду в Secret.',
  },
  'password-hashes': {
    en: "Host path `{path}` holds the node's password hashes. A compromised container can read them and crack the passwords offline, even with `readOnly`. Do not mount it.",
    ru: 'По пути `{path}` лежат хеши паролей узла. Взломанный контейнер прочитает их и подберёт пароли офлайн даже при `readOnly`. Не монтируйте его.',
  },
  'tls-keys': {
    en: "Host path `{path}` holds the node's TLS private keys. A compromised container can read them and pose as the node's services, even with `readOnly`. Mount only the public certificates it needs (`/etc/ssl/certs`), read-only.",
    ru: 'По пути `{path}` лежат закрытые TLS-ключи узла. Взломанный контейнер прочитает их и сможет выдать себя за службы узла даже при `readOnly`. Монтируйте только нужные открытые сертификаты (`/etc/ssl/certs`) и только для чтения.',
  },
  'root-home': {
    en: "Host path `{path}` is root's home directory on the node, where root keeps its SSH keys, kubeconfig and shell history. A compromised container can read them and take over the node, even with `readOnly`. Mount only the files it needs, read-only.",
    ru: 'Путь `{path}` — домашний каталог root на узле, где лежат его ключи SSH, kubeconfig и история команд. Взломанный контейнер прочитает их и захватит узел даже при `readOnly`. Монтируйте только нужные файлы и только для чтения.',
  },
};

/** Why a host path exposes the node: one text per role of the path (`node-config`: `SECRETS`). */
const EXPOSURE: Partial<Record<HostPathRole, LocalizedText>> = {
  'node-root': {
    en: "Host path `{path}` is the node's whole filesystem: the kubelet's credentials, every pod's secrets and volumes. A compromised container can take over the node, even with `readOnly`. Mount only the directories it needs, read-only.",
    ru: 'Путь `{path}` — это вся файловая система узла: учётные данные kubelet, секреты и тома всех подов. Взломанный контейнер сможет захватить узел даже при `readOnly`. Монтируйте только нужные каталоги и только для чтения.',
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
  'host-config': {
    en: "Host path `{path}` is mounted writable: the container can change the node's own settings, which its system services read. Mount it `readOnly: true`.",
    ru: 'Путь `{path}` смонтирован с правом записи: контейнер может изменить настройки самого узла, которые читают его системные службы. Монтируйте с `readOnly: true`.',
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

/** How the kubelet's pod and plugin directories are mounted without being reported. */
const POD_VOLUME_AGENTS: LocalizedText = {
  en: "Node agents that work with pod volumes (a CSI node plugin, a backup agent such as Velero's node agent) mount it from a DaemonSet with `mountPropagation: HostToContainer` or `Bidirectional`, and are not reported; anywhere else mount a narrower path.",
  ru: 'Агенты узла, которые работают с томами подов (CSI-плагин узла, агент резервного копирования вроде node agent Velero), монтируют его из DaemonSet с `mountPropagation: HostToContainer` или `Bidirectional`, и правило их не отмечает; в остальных случаях монтируйте более узкий путь.',
};

function withAgents(text: LocalizedText): LocalizedText {
  return { en: `${text.en} ${POD_VOLUME_AGENTS.en}`, ru: `${text.ru} ${POD_VOLUME_AGENTS.ru}` };
}

/** What each of the kubelet's volume directories holds (the `kubelet-volumes` role). */
const KUBELET_VOLUMES: Record<KubeletVolumeDir, LocalizedText> = {
  'kubelet-root': {
    en: "Host path `{path}` is the kubelet's whole directory: its credentials (`pki`, on some distributions its kubeconfig), the volumes of every pod on the node with their Secrets and service account tokens, and the volumes attached to the node. A compromised container can read them, even with `readOnly`. A CSI node plugin mounts it with `mountPropagation: Bidirectional` and is not reported; anywhere else mount a narrower path.",
    ru: 'Путь `{path}` — весь каталог kubelet: его учётные данные (`pki`, а в некоторых дистрибутивах и kubeconfig), тома всех подов узла вместе с их секретами и токенами сервисных аккаунтов и тома, подключённые к узлу. Взломанный контейнер прочитает их даже при `readOnly`. CSI-плагин узла монтирует его с `mountPropagation: Bidirectional`, и правило его не отмечает; в остальных случаях монтируйте более узкий путь.',
  },
  pods: withAgents({
    en: "Host path `{path}` is the kubelet's pod directory, where it mounts the volumes of every pod on the node, Secrets and service account tokens included. A compromised container can read them, even with `readOnly`.",
    ru: 'Путь `{path}` — каталог подов kubelet: сюда он монтирует тома всех подов узла, в том числе секреты и токены сервисных аккаунтов. Взломанный контейнер прочитает их даже при `readOnly`.',
  }),
  'pod-inside': withAgents({
    en: "Host path `{path}` lies in the kubelet's pod directory `/var/lib/kubelet/pods`, where it mounts the volumes of the node's pods, Secrets and service account tokens included. A compromised container can read them, even with `readOnly`.",
    ru: 'Путь `{path}` лежит в каталоге подов kubelet `/var/lib/kubelet/pods`, куда он монтирует тома подов узла, в том числе секреты и токены сервисных аккаунтов. Взломанный контейнер прочитает их даже при `readOnly`.',
  }),
  plugins: withAgents({
    en: "Host path `{path}` is the kubelet's plugin directory: the sockets of the node's CSI and DRA drivers and, under `kubernetes.io`, the staging mounts of the volumes attached to the node, with their data, whichever pod uses them. A compromised container can read that data, even with `readOnly`, and call any driver through its socket.",
    ru: 'Путь `{path}` — каталог плагинов kubelet: сокеты CSI- и DRA-драйверов узла, а в `kubernetes.io` — промежуточные точки монтирования (staging) томов, подключённых к узлу, с их данными, какой бы под их ни использовал. Взломанный контейнер прочитает эти данные даже при `readOnly` и через сокет обратится к любому драйверу.',
  }),
  staging: withAgents({
    en: 'Host path `{path}` lies in `/var/lib/kubelet/plugins/kubernetes.io`, where the kubelet stages the volumes attached to the node: their data, whichever pod uses them. A compromised container can read it, even with `readOnly`.',
    ru: 'Путь `{path}` лежит в `/var/lib/kubelet/plugins/kubernetes.io`, где kubelet держит промежуточные точки монтирования (staging) томов, подключённых к узлу: их данные, какой бы под их ни использовал. Взломанный контейнер прочитает их даже при `readOnly`.',
  }),
};

/**
 * Roles that expose the node only through a writable mount; never through a socket or a device
 * node, which `readOnly` does not restrict (see `isSocketOrDeviceType`).
 */
const EXPOSED_WHEN_WRITTEN: ReadonlySet<HostPathRole> = new Set([
  'kernel',
  'runtime-data',
  'system',
  'host-config',
  'network',
]);

/** The text for a host path that exposes the node (what it holds for a `node-config` path). */
function exposureText(role: HostPathRole, path: string): LocalizedText | undefined {
  if (role === 'kubelet-volumes') {
    const dir = kubeletVolumeDir(path);
    return dir && KUBELET_VOLUMES[dir];
  }
  const secrets = role === 'node-config' ? nodeSecrets(path) : undefined;
  return secrets ? SECRETS[secrets] : EXPOSURE[role];
}

/** A mount `readOnly` would restrict: writable, by a confined container, without propagation. */
function isPlainWrite(m: MountAt): boolean {
  return isWritableMount(m) && !isUnconfined(m.container) && !isBidirectional(m);
}

/** Does mounting this host path give the pod power over the node it should not have? */
function exposesNode(use: HostPathUse, kind: string, nodeAgent: boolean): boolean {
  if (use.socketOrDevice && EXPOSED_WHEN_WRITTEN.has(use.role)) return false;
  switch (use.role) {
    case 'node-root':
    case 'node-config':
      return true;
    case 'kubelet-volumes':
      // A CSI node plugin (`Bidirectional`), or a DaemonSet following the pods' volumes.
      return (
        !use.mounts.length ||
        !use.mounts.every((m) => isBidirectional(m) || isPodVolumeAgentMount(kind, use, m))
      );
    case 'control-socket':
      return !nodeAgent;
    case 'network':
      return !nodeAgent && use.mounts.some(isPlainWrite);
    case 'kernel':
    case 'runtime-data':
    case 'system':
    case 'host-config':
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
    en: "Mounting `/`, `/etc` itself, a place where the node keeps secrets or the kubelet's directories (`/var/lib/kubelet`, its pod directory `/var/lib/kubelet/pods`, its plugin directory `/var/lib/kubelet/plugins`) gives the pod power over the node even read-only: a compromised container reads the kubelet's credentials, other pods' secrets and volumes. `/` and `/etc` as a whole are judged by who reads them, since their secrets are files the node keeps from other users: the kubelet creates its directories (`/var/lib/kubelet` with its pod and plugin directories, `/var/log/pods`) `0750`, owned by root, kubeadm and k3s write keys and kubeconfigs `0600`, and `/etc/shadow`, SSH host keys and `/etc/ssl/private` are closed to others too. A read-only mount of them is not reported when every container mounting it is an ordinary user of the node: not privileged, a non-root user (`runAsUser` other than 0, or `runAsNonRoot: true`) with a non-zero `runAsGroup`, no `fsGroup: 0` or 0 in `supplementalGroups`, `allowPrivilegeEscalation: false` and no added capability that reads any file or changes the user (`DAC_READ_SEARCH`, `DAC_OVERRIDE`, `SETUID`, `SYS_ADMIN`…; `SYS_TIME` and the like are fine). Such a container reads only what every user of the node may, as node-exporter does with `--path.rootfs`; warning about it would put the same finding on every monitoring install and teach users to ignore the rule (to forbid host paths outright, use `kubeStorage.policy.allowedHostPaths`). A non-root container short of any of these settings is told which it lacks: without `allowPrivilegeEscalation: false` a setuid program (under `/`, the node's own too) makes it root; without `runAsGroup` the runtime gives group 0 to a user its image does not list, and root's group opens the kubelet's directories (a group the image's own `/etc/group` gives the user is not visible in a manifest). A privileged container is told about its privilege instead: it owns the node whatever it mounts, and `readOnly` restricts nothing for it. Root, or a user the manifest does not pin, gets the warning that it can take over the node. The places with secrets are the kubelet's and the cluster's configuration (`/etc/kubernetes`, `/etc/kubelet…`, `/etc/rancher`, `/etc/etcd`, `/var/lib/kubelet/pki` and the kubelet's other files), etcd's data (`/var/lib/etcd`), SSH host keys (`/etc/ssh`), password hashes (`/etc/shadow`, `/etc/gshadow`), TLS private keys (`/etc/ssl/private`, `/etc/pki/tls/private`, and `/etc/ssl` or `/etc/pki` as a whole) and root's home `/root`; the message says which. Any other file or folder under `/etc` (`/etc/hosts`, `/etc/udev`, `/etc/projid`…) holds settings, not secrets, and is reported like a system folder. The container runtime's socket (`/var/run/docker.sock`, containerd, CRI-O) and `/run` itself are reported in applications, not in node agents (DaemonSets, privileged pods) whose job they are. `/proc`, `/sys`, `/dev`, `/boot`, kernel modules, the runtime's data, CNI files, the node's settings under `/etc` and system folders are reported only when a container `readOnly` could restrict mounts them writable: node agents read them all the time, and a privileged (or `CAP_SYS_ADMIN`) container or a `Bidirectional` mount writes there by design. A hostPath of `type: Socket`, `CharDevice` or `BlockDevice` is never reported for being writable: `readOnly` restricts neither. Node plumbing is never reported: a driver's own plugin directory `/var/lib/kubelet/plugins/<driver>`, `plugins_registry`, `device-plugins`, daemons' `/run/…` sockets, the Secrets Store CSI Driver's provider sockets and the Konnectivity server's socket (`/etc/kubernetes/secrets-store-csi-providers`, `/etc/kubernetes/konnectivity-server`: beside the cluster's credentials, not among them), the node's log sockets (syslog's `/dev/log`, journald's `/run/systemd/journal`), the kubelet's directories mounted `Bidirectional` (a CSI node plugin), and the kubelet's pod and plugin directories mounted by a DaemonSet with `mountPropagation: HostToContainer` or `Bidirectional`: a node agent that works with pod volumes, such as a CSI node plugin or Velero's node agent (it backs pod volumes up and restores them). The same folders are reported in a Deployment, a Pod, a DaemonSet without propagation (which does not even see the volumes mounted after its container started) and for the whole `/var/lib/kubelet` without `Bidirectional`, since it also holds the kubelet's credentials. hostPath PersistentVolumes are checked as if mounted writable. Mount only the narrow path you need, read-only.",
    ru: 'Монтирование `/`, самого `/etc`, места, где узел хранит секреты, или каталогов kubelet (`/var/lib/kubelet`, его каталога подов `/var/lib/kubelet/pods` и каталога плагинов `/var/lib/kubelet/plugins`) даёт поду власть над узлом даже только для чтения: взломанный контейнер прочитает учётные данные kubelet, секреты и тома чужих подов. `/` и `/etc` целиком оцениваются по тому, кто их читает: их секреты — это файлы, которые узел закрывает от остальных пользователей. Kubelet создаёт свои каталоги (`/var/lib/kubelet` с каталогами подов и плагинов, `/var/log/pods`) с правами `0750` и владельцем root, kubeadm и k3s записывают ключи и kubeconfig с правами `0600`, а `/etc/shadow`, ключи SSH узла и `/etc/ssl/private` тоже закрыты от чужих. Монтирование их только для чтения не отмечается, если каждый монтирующий их контейнер — обычный пользователь узла: не привилегированный, работает не от root (`runAsUser` не 0 или `runAsNonRoot: true`) с ненулевым `runAsGroup`, без `fsGroup: 0` и без 0 в `supplementalGroups`, с `allowPrivilegeEscalation: false` и без добавленных capabilities, которые читают любые файлы или меняют пользователя (`DAC_READ_SEARCH`, `DAC_OVERRIDE`, `SETUID`, `SYS_ADMIN`…; `SYS_TIME` и подобные не мешают). Такой контейнер прочитает лишь то, что доступно на узле любому пользователю, — так работает node-exporter с `--path.rootfs`; предупреждение о нём появлялось бы при каждой установке мониторинга и приучало бы пропускать это правило мимо глаз (чтобы запретить пути узла вовсе, задайте `kubeStorage.policy.allowedHostPaths`). Контейнеру не от root, которому не хватает хотя бы одной из этих настроек, сообщение называет недостающие: без `allowPrivilegeEscalation: false` setuid-программа (при монтировании `/` — и собственная программа узла) сделает его root; без `runAsGroup` среда выполнения даёт группу 0 пользователю, которого нет в образе, а группа root открывает каталоги kubelet (группу, которую пользователю даёт `/etc/group` самого образа, по манифесту не видно). Привилегированному контейнеру сообщение говорит о самой привилегии: узел в его власти, что бы он ни монтировал, и `readOnly` его ничем не ограничивает. Контейнер от root или с пользователем, не заданным в манифесте, получает предупреждение о захвате узла. Места с секретами — это настройки kubelet и кластера (`/etc/kubernetes`, `/etc/kubelet…`, `/etc/rancher`, `/etc/etcd`, `/var/lib/kubelet/pki` и прочие файлы kubelet), данные etcd (`/var/lib/etcd`), ключи SSH узла (`/etc/ssh`), хеши паролей (`/etc/shadow`, `/etc/gshadow`), закрытые TLS-ключи (`/etc/ssl/private`, `/etc/pki/tls/private`, а также `/etc/ssl` или `/etc/pki` целиком) и домашний каталог root `/root`; что именно лежит по пути, сказано в сообщении. Любой другой файл или каталог в `/etc` (`/etc/hosts`, `/etc/udev`, `/etc/projid`…) хранит настройки, а не секреты, и отмечается как системный каталог. Сокет среды выполнения контейнеров (`/var/run/docker.sock`, containerd, CRI-O) и сам `/run` отмечаются в приложениях, но не в агентах узла (DaemonSet, привилегированные поды), которым они нужны по работе. `/proc`, `/sys`, `/dev`, `/boot`, модули ядра, данные среды выполнения, файлы CNI, настройки узла в `/etc` и системные каталоги отмечаются, только если их монтирует с правом записи контейнер, которого `readOnly` может ограничить: агенты узла постоянно их читают, а привилегированный контейнер (или с `CAP_SYS_ADMIN`) и монтирование с `Bidirectional` пишут туда по замыслу. Том `hostPath` с `type: Socket`, `CharDevice` или `BlockDevice` никогда не отмечается за право записи: `readOnly` не ограничивает ни сокет, ни устройство. Служебные пути узла не отмечаются никогда: собственный каталог драйвера `/var/lib/kubelet/plugins/<драйвер>`, `plugins_registry`, `device-plugins`, сокеты служб в `/run/…`, сокеты провайдеров Secrets Store CSI Driver и сокет сервера Konnectivity (`/etc/kubernetes/secrets-store-csi-providers`, `/etc/kubernetes/konnectivity-server`: они лежат рядом с учётными данными кластера, а не среди них), сокеты журналов узла (`/dev/log` для syslog, `/run/systemd/journal` для journald), каталоги kubelet, смонтированные с `Bidirectional` (CSI-плагин узла), а также каталоги подов и плагинов kubelet, которые DaemonSet монтирует с `mountPropagation: HostToContainer` или `Bidirectional`: это агент узла, работающий с томами подов, например CSI-плагин узла или node agent Velero (он делает резервные копии томов подов и восстанавливает их). Те же каталоги отмечаются в Deployment, в Pod, в DaemonSet без распространения монтирования (он даже не увидит тома, смонтированные после запуска его контейнера) и для всего `/var/lib/kubelet` без `Bidirectional`: там ещё и учётные данные kubelet. Постоянные тома `hostPath` проверяются так, будто смонтированы с правом записи. Монтируйте только нужный узкий путь и только для чтения.',
  },
  check(object, data, ctx) {
    if (object.kind === 'PersistentVolume') {
      // A claim's pods may mount it anywhere and writable: every exposure counts.
      const hostPath = (data as PersistentVolume).spec?.hostPath;
      const path = str(hostPath?.path);
      const role = path ? hostPathRole(path) : undefined;
      if (!path || !role) return;
      if (isSocketOrDeviceType(hostPath?.type) && EXPOSED_WHEN_WRITTEN.has(role)) return;
      const text = exposureText(role, path);
      if (text) ctx.report(['spec', 'hostPath', 'path'], localize(text, { path }));
      return;
    }
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const nodeAgent = isNodeAgent(object.kind, at);
    for (const use of hostPathUses(at)) {
      const generic = use.path ? exposureText(use.role, use.path) : undefined;
      if (!generic || !exposesNode(use, object.kind, nodeAgent)) continue;
      const tree = wholeTreeOf(use.path);
      const text = tree ? wholeTreeText(tree, use, at, generic) : generic;
      if (!text) continue;
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
    en: "A writable `hostPath` mount lets the container change files on the node, which outlive the pod and are shared with everything else on that node. Mount it with `readOnly: true` when the pod only reads the node's files (the quick fix sets it). Not reported where writing is the container's job or `readOnly` would restrict nothing: privileged and `CAP_SYS_ADMIN` containers, mounts with `mountPropagation: Bidirectional`, sockets and devices (a hostPath of `type: Socket`, `CharDevice` or `BlockDevice`; the node's log sockets `/dev/log` and `/run/systemd/journal`), plugin registration directories (`/var/lib/kubelet/plugins/<driver>`, `plugins_registry`, `/run/…`), a volume where an application keeps its data (a path outside the node's own directories and its programs, homes and Kubernetes state such as `/usr/local/bin`, `~/.kube` or `/var/lib/rancher`, in a Deployment, StatefulSet, Job, CronJob or bare Pod that is not a node agent: `hostpath-in-workload` reports it and tells what keeping it on the node costs, and `readOnly` would break the application), a database's data directory, CNI files written by a node agent, and the kubelet's pod and plugin directories mounted by a DaemonSet with `mountPropagation: HostToContainer`: a node agent that works with pod volumes, such as Velero's node agent, writes into them to restore a backup (and `readOnly` would not even cover the volumes mounted below: it is not recursive, and `recursiveReadOnly` cannot be combined with propagation).",
    ru: 'Монтирование `hostPath` с правом записи позволяет контейнеру менять файлы на узле: они переживут под и видны всему остальному на этом узле. Монтируйте с `readOnly: true`, если под только читает файлы узла (быстрое исправление добавит это поле). Не отмечается там, где запись — работа контейнера или где `readOnly` ничего не ограничит: привилегированные контейнеры и контейнеры с `CAP_SYS_ADMIN`, монтирование с `mountPropagation: Bidirectional`, сокеты и устройства (том `hostPath` с `type: Socket`, `CharDevice` или `BlockDevice`; сокеты журналов узла `/dev/log` и `/run/systemd/journal`), каталоги регистрации плагинов (`/var/lib/kubelet/plugins/<драйвер>`, `plugins_registry`, `/run/…`), том, в котором приложение хранит свои данные (путь вне собственных каталогов узла, его программ, домашних каталогов и состояния Kubernetes вроде `/usr/local/bin`, `~/.kube` или `/var/lib/rancher`, у Deployment, StatefulSet, Job, CronJob или отдельного Pod, если это не агент узла: о нём сообщает `hostpath-in-workload` и объясняет, чем грозит хранить данные на узле, а `readOnly` сломал бы приложение), каталог данных базы данных, файлы CNI, которые пишет агент узла, а также каталоги подов и плагинов kubelet, которые DaemonSet монтирует с `mountPropagation: HostToContainer`: агент узла, работающий с томами подов (например, node agent Velero), пишет в них при восстановлении из резервной копии (а `readOnly` не защитил бы даже смонтированные ниже тома: оно не рекурсивно, а `recursiveReadOnly` несовместим с распространением монтирования).',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const nodeAgent = isNodeAgent(object.kind, at);
    for (const use of hostPathUses(at)) {
      if (isPlumbingWrite(use, nodeAgent)) continue;
      // The application's own data: hostpath-in-workload tells the risk, and writing is the point.
      if (isOwnDataVolume(object.kind, at, use)) continue;
      for (const m of use.mounts) {
        if (m.field !== 'volumeMounts' || !isPlainWrite(m)) continue;
        // A backup agent restores into pod volumes: writing is its job.
        if (isPodVolumeAgentMount(object.kind, use, m)) continue;
        // So is a database's on its data directory (hostpath-in-workload tells the risk there).
        if (isDatabaseDataPath(str(m.mount.mountPath) ?? '', m.container.container)) continue;
        ctx.report(
          [...m.path, 'name'],
          localize(
            {
              en: 'Container `{container}` mounts host path volume `{name}` writable. Files it writes stay on the node and affect everything else there. Add `readOnly: true` unless the container must write.',
              ru: 'Контейнер `{container}` монтирует том hostPath `{name}` с правом записи. Записанные файлы останутся на узле и затронут всё, что на нём работает. Добавьте `readOnly: true`, если запись не нужна.',
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

export const hostPathRules: Rule[] = [hostPathInWorkload, sensitiveHostPath, writableHostPath];
