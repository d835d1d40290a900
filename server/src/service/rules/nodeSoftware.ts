/**
 * Where a node keeps its programs, its users' homes and its distribution's Kubernetes: a host path
 * under these is not an application's own data directory, and writing there changes the node (a
 * binary on its `PATH`, a kubeconfig, k3s's state). Paths `hostPathRole` (nodePlumbing.ts) calls
 * `data` may still be such a place: it names the node's own directories exactly.
 */
import { normalizeHostPath } from './nodePlumbing';

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
];

/** True for a path under the node's programs, homes or Kubernetes state, or a dot folder of tools. */
export function isNodeSoftwarePath(path: string): boolean {
  const p = normalizeHostPath(path);
  return (
    NODE_SOFTWARE.some((root) => p === root || p.startsWith(`${root}/`)) ||
    /\/\.(kube|ssh|docker|config)(\/|$)/.test(p)
  );
}
