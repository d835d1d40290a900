/**
 * Provisioners whose volumes live on one node (a directory, an LVM or ZFS volume, a disk of that
 * node) and are tied to it by node affinity or CSI topology, so binding should wait until the
 * pod's node is chosen: one list, checked by name. A name is never guessed from its words:
 * `cluster.local/…` is the cluster domain Helm charts put in front of any provisioner (NFS ones
 * included), not a sign of local storage. Names as the projects' own manifests spell them.
 *
 * Not listed: the in-tree `kubernetes.io/host-path` provisioner. It ignores the selected node and
 * makes a hostPath volume without node affinity on the controller manager's node (testing only,
 * "WILL NOT WORK in a multi-node cluster", kubernetes/kubernetes `pkg/volume/hostpath`), so
 * waiting for the consumer changes nothing.
 */
import { NO_PROVISIONER } from '../binding/state';

/** rancher/local-path-provisioner's name in its manifests. */
const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';

export const NODE_LOCAL_PROVISIONERS: ReadonlySet<string> = new Set([
  // `local` PersistentVolumes made by hand or by sig-storage-local-static-provisioner.
  NO_PROVISIONER,
  // rancher/local-path-provisioner's manifests.
  LOCAL_PATH_PROVISIONER,
  // OpenEBS LocalPV: hostpath and device, LVM, ZFS.
  'openebs.io/local',
  'local.csi.openebs.io',
  'zfs.csi.openebs.io',
  // TopoLVM, before and after v0.19 renamed its driver.
  'topolvm.io',
  'topolvm.cybozu.com',
  // metal-stack csi-driver-lvm.
  'lvm.csi.metal-stack.io',
  // kubernetes-csi/csi-driver-host-path (its distributed deployment waits for the consumer).
  'hostpath.csi.k8s.io',
  // KubeVirt's hostpath-provisioner (CSI).
  'kubevirt.io.hostpath-provisioner',
  // MinIO DirectPV.
  'directpv-min-io',
  // Alibaba open-local.
  'local.csi.aliyun.com',
]);

/**
 * rancher/local-path-provisioner's Helm chart names its provisioner
 * `cluster.local/<release>-local-path-provisioner` unless `storageClass.provisionerName` is set
 * (`local-path-provisioner.provisionerName` in its `_helpers.tpl`).
 */
const LOCAL_PATH_CHART_NAME = /^[^/]+\/[^/]*local-path-provisioner[^/]*$/;

/** The provisioner creates volumes that live on one node. */
export function isNodeLocalProvisioner(provisioner: string): boolean {
  return NODE_LOCAL_PROVISIONERS.has(provisioner) || LOCAL_PATH_CHART_NAME.test(provisioner);
}

/**
 * The provisioner is rancher/local-path-provisioner, whose configuration may serve a class from a
 * filesystem shared by every node instead (kubernetes/localPathConfig.ts).
 */
export function isLocalPathProvisioner(provisioner: string): boolean {
  return provisioner === LOCAL_PATH_PROVISIONER || LOCAL_PATH_CHART_NAME.test(provisioner);
}
