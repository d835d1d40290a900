/**
 * What "Read Storage From Cluster" asks kubectl for: the storage kinds, each read on its own so a
 * kind the server does not serve (no snapshot CRDs, an old cluster without
 * VolumeAttributesClass) or one RBAC forbids drops only that kind, and the nodes' labels.
 */

export interface ClusterResource {
  /** The resource name kubectl takes (`kubectl get <plural>`). */
  plural: string;
  kind: string;
  /** Namespaced: read with `-A`, and in the context's namespace when RBAC forbids all namespaces. */
  namespaced: boolean;
}

/** The storage kinds, in the order they are read and written to the snapshot. */
export const STORAGE_RESOURCES: readonly ClusterResource[] = [
  { plural: 'storageclasses', kind: 'StorageClass', namespaced: false },
  { plural: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false },
  { plural: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true },
  { plural: 'volumeattributesclasses', kind: 'VolumeAttributesClass', namespaced: false },
  { plural: 'volumesnapshotclasses', kind: 'VolumeSnapshotClass', namespaced: false },
];

/** Nodes: only their names and labels are kept (what scheduling a consumer pod looks at). */
export const NODE_RESOURCE: ClusterResource = { plural: 'nodes', kind: 'Node', namespaced: false };

export const CLUSTER_RESOURCES: readonly ClusterResource[] = [...STORAGE_RESOURCES, NODE_RESOURCE];

export function isClusterResource(plural: string): boolean {
  return CLUSTER_RESOURCES.some((r) => r.plural === plural);
}
