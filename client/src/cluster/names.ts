/** Names of a cluster snapshot read with kubectl. No 'vscode' import: tests read it. */
import type { ClusterRead } from '../../../server/src/node/kubectl/readCluster';

/**
 * A file name (and URI path) from a context name: EKS contexts are ARNs
 * (`arn:aws:eks:eu-west-1:123456789012:cluster/prod`), GKE ones `gke_project_zone_name`.
 */
export function fileNameOf(context: string): string {
  const name = context.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${name || 'cluster'}.yaml`;
}

/** "StorageClass 2 · PersistentVolume 5 · …": kinds stay in English (docs/glossary.md). */
export function countsText(read: Pick<ClusterRead, 'counts'>): string {
  return Object.entries(read.counts)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(' · ');
}
