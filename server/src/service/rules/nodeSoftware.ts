/**
 * Where a node keeps its programs, its users' homes and its distribution's Kubernetes: a host path
 * under these is not an application's own data directory, and writing there changes the node (a
 * binary on its `PATH`, a kubeconfig, k3s's state). Paths `hostPathRole` (nodePlumbing.ts) calls
 * `data` may still be such a place: it names the node's own directories exactly.
 */
import { normalizeHostPath } from './nodePlumbing';
import { isAtOrBelow } from './util';

const NODE_SOFTWARE: readonly string[] = [
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib64',
  '/boot',
  '/home',
  '/root',
  '/snap',
  '/var/lib/rancher',
  '/var/lib/k0s',
  '/var/lib/minikube',
  // The control plane's own state and keys: kube-up's `/srv/kubernetes`, the components' folders.
  '/srv/kubernetes',
  '/var/lib/kube-scheduler',
  '/var/lib/kube-controller-manager',
  '/var/lib/kube-proxy',
  // Flatcar's `/usr` is read-only: kubeadm's install puts kubelet, kubeadm and kubectl in `/opt/bin`
  // (kubernetes/website, install-kubeadm.md, `DOWNLOAD_DIR="/opt/bin"`).
  '/opt/bin',
];

/**
 * Users' homes: writing there changes the node (a kubeconfig, an SSH key), but what a pod reads
 * there is someone's files, on this node only — save the tools' dot folders and GKE's
 * `/home/kubernetes`, where COS keeps the kubelet's binaries and configuration (aquasecurity
 * kube-bench `job-gke.yaml` mounts it read-only).
 */
const HOMES = '/home';
const NODE_KUBERNETES_IN_HOME = '/home/kubernetes';
const TOOL_DOT_FOLDER = /\/\.(kube|ssh|docker|config)(\/|$)/;

/** True for a path under the node's programs, homes or Kubernetes state, or a dot folder of tools. */
export function isNodeSoftwarePath(path: string): boolean {
  const p = normalizeHostPath(path);
  return NODE_SOFTWARE.some((root) => isAtOrBelow(p, root)) || TOOL_DOT_FOLDER.test(p);
}

/**
 * True for the node's own installation — its programs, its Kubernetes state, the tools' dot
 * folders — which a node checker mounted read-only reads (kube-bench). Not a user's home folder:
 * files there are data of this one node, as under `/opt/<app>` or `/srv`.
 */
export function isNodeInstallPath(path: string): boolean {
  const p = normalizeHostPath(path);
  if (isAtOrBelow(p, HOMES) && !isAtOrBelow(p, NODE_KUBERNETES_IN_HOME) && !TOOL_DOT_FOLDER.test(p))
    return false;
  return isNodeSoftwarePath(p);
}
