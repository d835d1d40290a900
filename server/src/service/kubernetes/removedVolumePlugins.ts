/**
 * The in-tree volume plugins Kubernetes no longer has. The API still accepts their volume sources
 * (the fields stay for compatibility: the 1.36 API describes each as "deprecated and the in-tree
 * <type> type is no longer supported"), but no kubelet can mount them and no controller provisions
 * their StorageClasses. Not listed: the sources that CSI migration redirects to a CSI driver
 * (`awsElasticBlockStore` to `ebs.csi.aws.com` and the like), which still work where that driver
 * is installed.
 */

/** A removed plugin: its volume source field, the provisioner its StorageClasses named. */
export interface RemovedVolumePlugin {
  source: string;
  provisioner?: string;
  /** The CSI driver that took its place, where one is the known successor. */
  csiDriver?: string;
  /** The release that removed it, where the release notes say so. */
  removedIn?: string;
}

export const REMOVED_VOLUME_PLUGINS: readonly RemovedVolumePlugin[] = [
  {
    source: 'rbd',
    provisioner: 'kubernetes.io/rbd',
    csiDriver: 'rbd.csi.ceph.com',
    removedIn: '1.31',
  },
  { source: 'cephfs', csiDriver: 'cephfs.csi.ceph.com', removedIn: '1.31' },
  { source: 'glusterfs', provisioner: 'kubernetes.io/glusterfs', removedIn: '1.26' },
  { source: 'quobyte', provisioner: 'kubernetes.io/quobyte' },
  { source: 'storageos', provisioner: 'kubernetes.io/storageos' },
  { source: 'scaleIO', provisioner: 'kubernetes.io/scaleio' },
  { source: 'flocker', provisioner: 'kubernetes.io/flocker' },
  { source: 'photonPersistentDisk', provisioner: 'kubernetes.io/photon-pd' },
];

/** The removed plugin of a volume source, if it is one. */
export function removedPluginOfSource(source: string): RemovedVolumePlugin | undefined {
  return REMOVED_VOLUME_PLUGINS.find((p) => p.source === source);
}

/** The removed plugin a StorageClass's provisioner names, if any. */
export function removedPluginOfProvisioner(provisioner: string): RemovedVolumePlugin | undefined {
  return REMOVED_VOLUME_PLUGINS.find((p) => p.provisioner === provisioner);
}
