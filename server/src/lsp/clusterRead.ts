/**
 * `kubeStorage/clusterSnapshot`: the cluster snapshot the client read with kubectl ("Read Storage
 * From Cluster"), kept in memory under a `kube-storage-cluster:` URI. It joins the index like a
 * `kubeStorage.cluster.snapshots` file (lsp/cluster.ts treats the scheme as a snapshot): its
 * objects satisfy links and take part in binding, and it is never linted. One at a time: a new
 * snapshot (another context, a refresh) replaces the previous one.
 */
import {
  CLUSTER_READ_SCHEME,
  ClusterSnapshotRequest,
  type ClusterSnapshotParams,
  type ClusterSnapshotResult,
} from '../protocol';
import type { ServerContext } from './context';
import type { Feature } from './feature';
import { onRequest } from './runner';

/** A snapshot larger than this is refused (kubectl's own output cap is 64 MB per kind). */
export const MAX_SNAPSHOT_CHARS = 256 * 1024 * 1024;

const failed = {
  en: 'The language server could not take the cluster snapshot; see its log.',
  ru: 'Языковой сервер не смог принять снимок кластера, подробности в его журнале.',
};

const invalid = {
  en: 'The cluster snapshot was not sent in the expected form.',
  ru: 'Снимок кластера пришёл не в том виде, в каком его ждут.',
};

export function isClusterReadUri(uri: string): boolean {
  return uri.startsWith(`${CLUSTER_READ_SCHEME}:`);
}

function applySnapshot(
  ctx: ServerContext,
  current: { uri?: string },
  params: ClusterSnapshotParams | undefined,
): ClusterSnapshotResult {
  const snapshot = params?.snapshot;
  if (
    snapshot !== null &&
    (!snapshot ||
      typeof snapshot.uri !== 'string' ||
      !isClusterReadUri(snapshot.uri) ||
      typeof snapshot.text !== 'string' ||
      snapshot.text.length > MAX_SNAPSHOT_CHARS)
  )
    return { ok: false, error: invalid };
  if (current.uri && current.uri !== snapshot?.uri) ctx.service.removeFile(current.uri);
  current.uri = snapshot?.uri;
  if (snapshot) ctx.service.setFile(snapshot.uri, snapshot.text, 'disk');
  ctx.revalidateOpenDocuments();
  const objects = snapshot ? (ctx.service.objectCount(snapshot.uri) ?? 0) : 0;
  return { ok: true, objects };
}

export const clusterReadFeature: Feature = {
  capabilities: {},
  register(ctx) {
    const current: { uri?: string } = {};
    onRequest(ctx, ClusterSnapshotRequest, { ok: false, error: failed }, (params) =>
      applySnapshot(ctx, current, params),
    );
  },
};
