/**
 * Node plumbing: what a host path is to the node, and which pods are node agents that mount the
 * node's own directories on purpose. The one place the hostPath rules (and anything else that
 * judges a `hostPath`) learn it from.
 *
 * CSI node plugins, CNI plugins, device plugins and metrics or log agents mount the kubelet's
 * plugin and registration directories, `/dev`, `/sys`, `/lib/modules` and `/run/…` sockets by
 * design (see the CSI deployment guide: the node plugin is a privileged DaemonSet that mounts
 * `/var/lib/kubelet` with `mountPropagation: Bidirectional`, its own socket directory
 * `/var/lib/kubelet/plugins/<driver>` and `/var/lib/kubelet/plugins_registry`). An application
 * keeping its data on a node mounts an ordinary directory instead.
 */
import type { HostPathVolumeSource } from 'kubernetes-types/core/v1';
import { addedCapabilities, isPrivileged } from '../kubernetes/securityContext';
import {
  containersOf,
  isRecord,
  mountsOf,
  str,
  volumesOf,
  type ContainerAt,
  type MountAt,
  type PodSpecAt,
  type VolumeAt,
  isAtOrBelow,
} from './util';

/**
 * What a host path is to the node:
 * - `node-root`: `/`, the whole filesystem of the node;
 * - `node-config`: where the node keeps secrets (see `nodeSecrets`): `/etc` as a whole, the
 *   kubelet's and the cluster's credentials, etcd's data, SSH host keys, password hashes, TLS
 *   private keys, root's home;
 * - `host-config`: any other file or folder under `/etc` (`/etc/hosts`, `/etc/udev`,
 *   `/etc/projid`…): the node's own settings, no secrets: harmless to read, not to write;
 * - `kubelet-volumes`: where the kubelet mounts every pod's volumes (and keeps its credentials,
 *   see `KubeletVolumeDir`); node agents that work with pod volumes mount it with propagation (a
 *   CSI node plugin `Bidirectional`, a backup agent `HostToContainer`);
 * - `control-socket`: the container runtime's socket or state, systemd and D-Bus: whoever talks
 *   to them runs anything on the node;
 * - `log-socket`: the node's log sockets, syslog's `/dev/log` and journald's
 *   `/run/systemd/journal`: a container sends its log lines there, nothing more;
 * - `plugin-socket`: a plugin's socket or registration directory (`/var/lib/kubelet/plugins/<driver>`,
 *   `plugins_registry`, `device-plugins`, `pod-resources`, the Secrets Store CSI Driver's
 *   `/etc/kubernetes/secrets-store-csi-providers`, the Konnectivity server's
 *   `/etc/kubernetes/konnectivity-server`) or a daemon's `/run/…` directory;
 * - `kernel`: `/proc`, `/sys`, `/dev`, `/boot`, kernel modules: read by agents, dangerous to write;
 * - `network`: CNI configuration and binaries, the iptables lock: what a network plugin installs;
 * - `runtime-data`: the runtime's images and containers;
 * - `node-logs`: `/var/log`, the node's and the pods' logs, tailed by log agents;
 * - `host-info`: time zone, machine id, OS release, CA certificates: harmless to read;
 * - `system`: a top-level system directory (`/var`, `/usr`, `/lib`…) as a whole;
 * - `data`: anything else, a directory an application may keep its data in.
 */
export type HostPathRole =
  | 'node-root'
  | 'node-config'
  | 'host-config'
  | 'kubelet-volumes'
  | 'control-socket'
  | 'log-socket'
  | 'plugin-socket'
  | 'kernel'
  | 'network'
  | 'runtime-data'
  | 'node-logs'
  | 'host-info'
  | 'system'
  | 'data';

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

/** `p` is one of `prefixes` or lies below one. */
function under(p: string, prefixes: readonly string[]): boolean {
  return prefixes.some((s) => isAtOrBelow(p, s));
}

/** `/var/run` is a symlink to `/run` on every current distribution. */
function withRunAlias(paths: readonly string[]): string[] {
  return paths.flatMap((p) => (p.startsWith('/run/') ? [p, '/var' + p] : [p]));
}

const HOST_INFO = [
  '/etc/localtime',
  '/etc/timezone',
  '/usr/share/zoneinfo',
  '/etc/machine-id',
  '/var/lib/dbus/machine-id',
  '/etc/os-release',
  '/usr/lib/os-release',
  '/etc/hostname',
  '/etc/ssl/certs',
  '/etc/pki/tls/certs',
  '/etc/pki/ca-trust',
  '/etc/ca-certificates',
  '/usr/share/ca-certificates',
];
const NETWORK = ['/etc/cni', '/opt/cni', '/var/lib/cni', ...withRunAlias(['/run/xtables.lock'])];
/**
 * Plugin sockets kept under `/etc/kubernetes`, beside (not among) the cluster's credentials: the
 * Secrets Store CSI Driver's provider directory, where the driver and every provider (Azure, AWS,
 * GCP, Vault) meet over `<provider>.sock` (its `--additional-provider-volume-paths` default), and
 * the Konnectivity server's directory, where it creates the socket the API server sends its
 * egress through (`udsName` of the egress selector configuration; kubernetes/website,
 * `docs/tasks/extend-kubernetes/setup-konnectivity.md`, mounts it writable in both pods).
 */
const ETC_PLUGIN_SOCKETS = [
  '/etc/kubernetes/secrets-store-csi-providers',
  '/etc/kubernetes/konnectivity-server',
];

/**
 * What a `node-config` path holds:
 * - `node-etc`: `/etc` itself, every setting and secret of the node;
 * - `cluster-credentials`: the kubelet's and the cluster's certificates, keys and kubeconfigs
 *   (`/etc/kubernetes`, `/etc/kubelet…`, k3s and RKE2's `/etc/rancher`, `/etc/etcd`,
 *   `/var/lib/kubelet/pki`);
 * - `kubelet-state`: any other file of the kubelet's directory (`/var/lib/kubelet/config.yaml`,
 *   on some distributions its kubeconfig);
 * - `etcd-data`: etcd's data, every object of the cluster with its Secrets;
 * - `ssh-keys`: the node's SSH host keys (`/etc/ssh`);
 * - `password-hashes`: `/etc/shadow`, `/etc/gshadow`;
 * - `tls-keys`: TLS private keys (`/etc/ssl/private`, `/etc/pki/tls/private`), or a folder
 *   holding them (`/etc/ssl`, `/etc/pki`);
 * - `root-home`: root's home directory, `/root`.
 */
export type NodeSecrets =
  | 'node-etc'
  | 'cluster-credentials'
  | 'kubelet-state'
  | 'etcd-data'
  | 'ssh-keys'
  | 'password-hashes'
  | 'tls-keys'
  | 'root-home';

/** Where the node keeps secrets, and what they are. */
const SECRET_LOCATIONS: readonly (readonly [string, NodeSecrets])[] = [
  ['/etc/kubernetes', 'cluster-credentials'],
  ['/etc/rancher', 'cluster-credentials'],
  ['/etc/etcd', 'cluster-credentials'],
  ['/var/lib/kubelet/pki', 'cluster-credentials'],
  ['/var/lib/etcd', 'etcd-data'],
  ['/etc/ssh', 'ssh-keys'],
  ['/etc/shadow', 'password-hashes'],
  ['/etc/shadow-', 'password-hashes'],
  ['/etc/gshadow', 'password-hashes'],
  ['/etc/gshadow-', 'password-hashes'],
  ['/etc/ssl/private', 'tls-keys'],
  ['/etc/pki/tls/private', 'tls-keys'],
  ['/etc/pki/CA/private', 'tls-keys'],
  ['/root', 'root-home'],
];

/**
 * The secrets at a normalised path: `/etc` itself, a secret location, a path inside one, or a
 * folder of `/etc` that contains one (`/etc/ssl` holds `/etc/ssl/private`).
 */
function secretsAt(p: string): NodeSecrets | undefined {
  if (p === '/etc') return 'node-etc';
  if (/^\/etc\/kubelet[^/]*(\/|$)/.test(p)) return 'cluster-credentials';
  for (const [at, holds] of SECRET_LOCATIONS) {
    if (under(p, [at]) || (p.startsWith('/etc/') && at.startsWith(p + '/'))) return holds;
  }
  return undefined;
}

/** What the node keeps at a `node-config` path (undefined for any other role). */
export function nodeSecrets(path: string): NodeSecrets | undefined {
  if (hostPathRole(path) !== 'node-config') return undefined;
  // Whatever else is node-config lies in the kubelet's directory (see `hostPathRole`).
  return secretsAt(normalizeHostPath(path)) ?? 'kubelet-state';
}

/** Syslog's socket and journald's sockets (`socket`, `stdout`, `dev-log`). */
const LOG_SOCKETS = ['/dev/log', ...withRunAlias(['/run/systemd/journal'])];
const KUBELET_PLUGIN_DIRS = [
  '/var/lib/kubelet/plugins_registry',
  '/var/lib/kubelet/device-plugins',
  '/var/lib/kubelet/pod-resources',
];
const KUBELET_ROOT = '/var/lib/kubelet';
/** Where the kubelet mounts every pod's volumes. */
const KUBELET_PODS = '/var/lib/kubelet/pods';
/** The drivers' sockets and, under `kubernetes.io`, the staging mounts of every driver's volumes. */
const KUBELET_PLUGINS = '/var/lib/kubelet/plugins';
const KUBELET_STAGING = '/var/lib/kubelet/plugins/kubernetes.io';
const CONTROL_SOCKETS = withRunAlias([
  '/run/docker.sock',
  '/run/docker',
  '/run/containerd',
  '/run/crio',
  '/run/cri-dockerd.sock',
  '/run/dockershim.sock',
  '/run/podman',
  '/run/dbus',
  '/run/systemd',
]);
const KERNEL = ['/proc', '/sys', '/dev', '/boot', '/lib/modules', '/usr/lib/modules', '/usr/src'];
const RUNTIME_DATA = ['/var/lib/docker', '/var/lib/containerd', '/var/lib/containers'];
const NODE_LOGS = ['/var/log', ...withRunAlias(['/run/log/journal'])];
const SYSTEM = new Set([
  '/var',
  '/var/lib',
  '/usr',
  '/usr/local',
  '/lib',
  '/lib64',
  '/bin',
  '/sbin',
  '/opt',
  '/home',
]);

/** What the host path is to the node (see `HostPathRole`). */
export function hostPathRole(path: string): HostPathRole {
  const p = normalizeHostPath(path);
  if (p === '/') return 'node-root';
  if (under(p, HOST_INFO)) return 'host-info';
  if (under(p, NETWORK)) return 'network';
  if (under(p, ETC_PLUGIN_SOCKETS)) return 'plugin-socket';
  if (secretsAt(p)) return 'node-config';
  if (under(p, ['/etc'])) return 'host-config';
  if (kubeletVolumeDirAt(p)) return 'kubelet-volumes';
  if (under(p, KUBELET_PLUGIN_DIRS) || p.startsWith('/var/lib/kubelet/plugins/')) {
    return 'plugin-socket';
  }
  if (under(p, LOG_SOCKETS)) return 'log-socket';
  if (p === '/run' || p === '/var/run' || under(p, CONTROL_SOCKETS)) return 'control-socket';
  if (under(p, ['/run', '/var/run'])) return 'plugin-socket';
  if (under(p, KERNEL)) return 'kernel';
  if (under(p, RUNTIME_DATA)) return 'runtime-data';
  if (under(p, NODE_LOGS)) return 'node-logs';
  if (SYSTEM.has(p)) return 'system';
  if (p.startsWith('/var/lib/kubelet/')) return 'node-config';
  return 'data';
}

/**
 * Which of the kubelet's volume directories a `kubelet-volumes` path is:
 * - `kubelet-root`: `/var/lib/kubelet` itself, with the kubelet's credentials beside the volumes;
 * - `pods`: the pod directory `/var/lib/kubelet/pods`, where the kubelet mounts every pod's
 *   volumes (Secrets and service account tokens among them);
 * - `pod-inside`: a path inside it;
 * - `plugins`: the plugin directory `/var/lib/kubelet/plugins`: the drivers' sockets and, under
 *   `kubernetes.io`, the staging (global) mounts of the volumes attached to the node;
 * - `staging`: `/var/lib/kubelet/plugins/kubernetes.io` or a path inside it.
 */
export type KubeletVolumeDir = 'kubelet-root' | 'pods' | 'pod-inside' | 'plugins' | 'staging';

function kubeletVolumeDirAt(p: string): KubeletVolumeDir | undefined {
  if (p === KUBELET_ROOT) return 'kubelet-root';
  if (p === KUBELET_PODS) return 'pods';
  if (under(p, [KUBELET_PODS])) return 'pod-inside';
  if (p === KUBELET_PLUGINS) return 'plugins';
  if (under(p, [KUBELET_STAGING])) return 'staging';
  return undefined;
}

/** Which kubelet volume directory the path is (undefined unless its role is `kubelet-volumes`). */
export function kubeletVolumeDir(path: string): KubeletVolumeDir | undefined {
  return kubeletVolumeDirAt(normalizeHostPath(path));
}

/**
 * hostPath `type`s that name a socket or a device, never a directory of data. `readOnly`
 * restricts neither: a read-only mount stops writes to files and folders only, and the kernel
 * exempts special files (`do_dentry_open`), so a container still connects to the socket and
 * writes to the device through it.
 */
const NOT_DATA_TYPES = new Set(['Socket', 'CharDevice', 'BlockDevice']);

/** The hostPath `type` names a socket or a device (see `NOT_DATA_TYPES`). */
export function isSocketOrDeviceType(type: unknown): boolean {
  return typeof type === 'string' && NOT_DATA_TYPES.has(type);
}

/** A `hostPath` volume of the pod, with the role of its path and every mount of it. */
export interface HostPathUse {
  volume: VolumeAt;
  path: string;
  role: HostPathRole;
  /** The hostPath `type` names a socket or a device. */
  socketOrDevice: boolean;
  mounts: MountAt[];
}

export function hostPathUses(at: PodSpecAt): HostPathUse[] {
  const mounts = containersOf(at).flatMap(mountsOf);
  const out: HostPathUse[] = [];
  for (const volume of volumesOf(at)) {
    const source = volume.volume.hostPath as HostPathVolumeSource | undefined;
    if (!isRecord(source)) continue;
    const path = str(source.path) ?? '';
    out.push({
      volume,
      path,
      role: path ? hostPathRole(path) : 'data',
      socketOrDevice: isSocketOrDeviceType(source.type),
      mounts: mounts.filter((m) => m.mount.name === volume.volume.name),
    });
  }
  return out;
}

/** The mount may write: a device, or a mount without `readOnly: true`. */
export function isWritableMount(m: MountAt): boolean {
  return m.field === 'volumeDevices' || m.mount.readOnly !== true;
}

/**
 * `mountPropagation: Bidirectional`: the container mounts things the node must see (a CSI
 * driver publishing volumes). The API server allows it only in privileged containers.
 */
export function isBidirectional(m: MountAt): boolean {
  return m.mount.mountPropagation === 'Bidirectional';
}

/**
 * A container `readOnly` cannot hold: privileged, or with `CAP_SYS_ADMIN` (it may mount and
 * remount anything on the node).
 */
export function isUnconfined(c: ContainerAt): boolean {
  return isPrivileged(c.container) || addedCapabilities(c.container).includes('SYS_ADMIN');
}

/**
 * A pod that works with the node itself rather than keeping an application's data on it: a
 * DaemonSet, a pod with a privileged (or `CAP_SYS_ADMIN`) container, or one that propagates
 * mounts between the node and a container (a CSI plugin's `Bidirectional`, an agent's
 * `HostToContainer`).
 */
export function isNodeAgent(kind: string, at: PodSpecAt): boolean {
  if (kind === 'DaemonSet') return true;
  const containers = containersOf(at);
  if (containers.some(isUnconfined)) return true;
  return containers
    .flatMap(mountsOf)
    .some(
      (m) =>
        m.mount.mountPropagation === 'Bidirectional' ||
        m.mount.mountPropagation === 'HostToContainer',
    );
}

/**
 * The mount follows the mounts the node makes below it: `mountPropagation: HostToContainer` or
 * `Bidirectional`. Without propagation a container sees only what was mounted before it started,
 * so no volume the kubelet mounts later.
 */
export function followsNodeMounts(m: MountAt): boolean {
  return (
    m.mount.mountPropagation === 'HostToContainer' || m.mount.mountPropagation === 'Bidirectional'
  );
}

/**
 * A mount of a node agent that works with the volumes of the node's pods: a DaemonSet (one pod
 * on every node) mounting the kubelet's pod or plugin directory (not the kubelet's root, which
 * holds its credentials too) with mount propagation, so that it sees the volumes the kubelet
 * mounts there. CSI node plugins do it (`Bidirectional`) and so do backup agents: Velero's node
 * agent mounts `/var/lib/kubelet/pods` and `/var/lib/kubelet/plugins` with `HostToContainer`,
 * reads pod volumes to back them up and writes into them to restore.
 */
export function isPodVolumeAgentMount(kind: string, use: HostPathUse, m: MountAt): boolean {
  if (kind !== 'DaemonSet' || use.role !== 'kubelet-volumes') return false;
  const dir = use.path ? kubeletVolumeDir(use.path) : undefined;
  return dir !== undefined && dir !== 'kubelet-root' && followsNodeMounts(m);
}

/**
 * Writing here is the container's job: sockets and registration directories (creating a socket
 * needs a writable directory, and `readOnly` does not restrict connecting to one), and, for a node
 * agent, CNI files it installs, the logs it tails (log agents keep their positions beside them)
 * and its own state directory (a storage agent's replicas). The node's configuration, `/sys`,
 * `/proc`, system folders and the runtime's data stay reported.
 */
export function isPlumbingWrite(use: HostPathUse, nodeAgent: boolean): boolean {
  if (
    use.socketOrDevice ||
    use.role === 'plugin-socket' ||
    use.role === 'control-socket' ||
    use.role === 'log-socket'
  ) {
    return true;
  }
  return nodeAgent && (use.role === 'network' || use.role === 'node-logs' || use.role === 'data');
}
