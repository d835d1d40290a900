/**
 * What the workspace knows about the cluster its manifests go to: which files are snapshots of
 * its state (`kubeStorage.cluster.snapshots`, the CLI's `--cluster`), and its default
 * StorageClass when no class the workspace sees is marked default
 * (`kubeStorage.cluster.defaultStorageClass`, the CLI's `--default-class`).
 */

/**
 * The cluster's default StorageClass as the user describes it: `unknown` (the setting is unset:
 * the cluster has a default class, name unknown — what managed clusters ship), `none` (it has
 * none), or `named`.
 */
export type ClusterDefaultClass =
  { mode: 'unknown' } | { mode: 'none' } | { mode: 'named'; name: string };

export interface ClusterSettings {
  /** True for a file that holds the cluster's current state (its objects exist there). */
  isSnapshot(uri: string): boolean;
  defaultStorageClass: ClusterDefaultClass;
}

export const defaultClusterSettings: ClusterSettings = {
  isSnapshot: () => false,
  defaultStorageClass: { mode: 'unknown' },
};

/** The setting's text: a class name, `none`, or empty/unset for "a default class, name unknown". */
export function parseDefaultClass(text: unknown): ClusterDefaultClass {
  if (typeof text !== 'string' || !text.trim()) return { mode: 'unknown' };
  const name = text.trim();
  return name === 'none' ? { mode: 'none' } : { mode: 'named', name };
}
