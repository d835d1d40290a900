/**
 * Kinds whose every field may change a storage finding or a binding: the storage signature
 * (rules/signature.ts) reads them in full, and the index keeps their plain data for files nobody
 * opened (parse/summary.ts).
 */
export const STORAGE_STATE_KINDS: readonly string[] = [
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StorageClass',
  'Service',
  'VolumeSnapshot',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
  'ReferenceGrant',
  // A driver's `volumeLifecycleModes` decide whether its inline and persistent volumes mount.
  'CSIDriver',
  // A CRD decides how its custom resources are checked (diagnostics/customResourceDiagnostics.ts).
  'CustomResourceDefinition',
];
