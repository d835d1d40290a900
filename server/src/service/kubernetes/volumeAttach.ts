/**
 * Which PersistentVolumes Kubernetes attaches to a node. `ReadWriteOnce` ("one node") is enforced
 * only by attaching: the attach/detach controller refuses to attach a volume to a second node
 * (the Multi-Attach error) and the pod there waits in `ContainerCreating`. A volume whose plugin
 * has no attacher never enters that controller (kubernetes/kubernetes,
 * `pkg/controller/volume/attachdetach/util/util.go`, `ProcessPodVolumes`: "it does not implement
 * attacher interface", skipped), and no other component checks the mode: pods on several nodes
 * mount such a volume whatever its access modes say.
 */
import type { PersistentVolumeSpec } from 'kubernetes-types/core/v1';

/**
 * The in-tree sources of a PersistentVolume with no attacher that Kubernetes 1.36 still serves:
 * a directory of the node (`hostPath`), a local disk (`local`, whose node affinity keeps its pods
 * on one node anyway) and an NFS export. A CSI volume depends on its driver (`attachRequired`),
 * so it is not listed.
 */
const UNATTACHED_SOURCES = ['hostPath', 'local', 'nfs'] as const;

/** True when the volume's source is one Kubernetes never attaches to a node. */
export function isNeverAttached(spec: PersistentVolumeSpec | undefined): boolean {
  if (!spec) return false;
  return UNATTACHED_SOURCES.some((source) => spec[source] !== undefined && spec[source] !== null);
}
