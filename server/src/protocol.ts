/**
 * Every custom LSP request and notification of kube-storage, and the data they carry, defined
 * once and imported by the client, the server and the webviews (as vscode-eslint's shared
 * protocol file). A request is a `RequestType<Params, Result, void>`: the client sends it with
 * `client.sendRequest(HelmInspectRequest, params)`, the server answers it with
 * `onRequest(ctx, HelmInspectRequest, …)` (lsp/runner.ts); no method name is written anywhere
 * else. The webviews' messages are in webviewProtocol.ts beside this file.
 */

import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { ValueRow } from './service/helm/report';
import type { Lang, LocalizedText } from './service/types';

export type { Lang, LocalizedText };

// ---- Helm values inspector ----

/** Where the inspector's chart comes from: a path on disk (folder, Chart.yaml, .tgz) or files the client fetched (helm CLI). */
export type HelmChartSource =
  { kind: 'path'; path: string } | { kind: 'files'; name: string; files: Record<string, string> };

export interface HelmInspectParams {
  chart: HelmChartSource;
  /** The user's values file to compare with the defaults (its open text is used when it is open). */
  valuesUri?: string;
}

/** One value of the chart (or of the override only) as the inspector shows it. */
export type HelmValueRow = ValueRow & {
  /** The storage explanation in both languages, when this is a storage value. */
  storageText?: LocalizedText;
};

export interface HelmInspectData {
  chart: { name: string; version?: string; appVersion?: string; description?: string };
  /** Chart folder on disk (to open templates and values.yaml); absent for archives and repository charts. */
  chartDir?: string;
  sourceLabel: string;
  hasSchema: boolean;
  /** The chart's values.yaml text (what `helm show values` prints). */
  defaultsText: string;
  /** The storage values as a YAML block, with the override applied. */
  storageBlock: string;
  rows: HelmValueRow[];
  valuesUri?: string;
  diagnostics: {
    line: number;
    severity: string;
    code: string;
    message: LocalizedText;
  }[];
  problems: LocalizedText[];
}

export type HelmInspectResult =
  { ok: true; data: HelmInspectData } | { ok: false; error: LocalizedText };

/** Request: the inspector's data for a chart and an optional values file. */
export const HelmInspectRequest = new RequestType<HelmInspectParams, HelmInspectResult, void>(
  'kubeStorage/helmValues/inspect',
);

export interface HelmLinkParams {
  /** The values file. */
  uri: string;
  /** Chart folder, Chart.yaml or .tgz on disk; null unlinks (back to automatic linking). */
  chart: string | null;
}

export type HelmLinkResult = { ok: true; chartName?: string } | { ok: false; error: LocalizedText };

/** Request: tie a values file to a chart (the "link values file" command). */
export const HelmLinkRequest = new RequestType<HelmLinkParams, HelmLinkResult, void>(
  'kubeStorage/helmValues/link',
);

// ---- What a values file's render creates (the inspector's "Rendered storage") ----

export type {
  RenderedStorage,
  RenderedClaimRow,
  RenderedWorkloadRow,
  RenderedLink,
} from './service/rendered/storage';
import type { RenderedStorage } from './service/rendered/storage';

export interface HelmRenderedParams {
  /** The values file whose render is asked for. */
  valuesUri: string;
}

/** Request: the claims and workloads the render of a values file creates, traced and bound. */
export const HelmRenderedRequest = new RequestType<HelmRenderedParams, RenderedStorage, void>(
  'kubeStorage/helmValues/rendered',
);

/** Notification from the server: a values file was rendered again (or failed to be). */
export const HelmRenderedNotification = new NotificationType<HelmRenderedParams>(
  'kubeStorage/helmValues/renderedChanged',
);

// ---- Workspace trust (helm runs only in a trusted workspace) ----

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/**
 * Notification from the client: the workspace is (now) trusted. The first answer comes in
 * `initializationOptions.workspaceTrusted`; this one when the user grants trust later.
 */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>(
  'kubeStorage/workspaceTrust',
);

// ---- Workspace index (status bar) ----

export interface IndexState {
  /** `indexing`: the workspace is being read; `ready`: read; `partial`: the user cancelled. */
  state: 'indexing' | 'ready' | 'partial';
  /** Files read so far, of `total`. */
  files: number;
  total: number;
}

/** Notification from the server: how far reading the workspace has come (lsp/indexProgress.ts). */
export const IndexStateNotification = new NotificationType<IndexState>('kubeStorage/indexState');

// ---- Binding preview (PV/PVC binding simulation) ----

import type { BindingResult } from './service/binding/types';

export type { BindingResult };
export type {
  ClaimResult,
  VolumeResult,
  StorageClassResult,
  WorkloadResult,
  RejectedVolume,
  Reason as BindingReason,
  SourceRef,
  ClaimOutcome,
  RenderedChart,
  RenderedSource,
} from './service/binding/types';

/** Which objects take part: the whole workspace, the files under a folder URI, or one file. */
export type BindingsScope = 'workspace' | { folder: string } | { uri: string };

export interface BindingsParams {
  scope: BindingsScope;
  /** Labels of the node a consumer pod lands on (enables the scheduler's path for `WaitForFirstConsumer`). */
  nodeLabels?: Record<string, string>;
  /** Language of the result's `lang` field; every text carries both languages anyway. */
  lang?: Lang;
  /**
   * The objects of charts rendered with helm take part (default); `false` simulates the
   * workspace's own manifests alone. The rendered charts are listed in `charts` either way.
   */
  renderedCharts?: boolean;
}

export type BindingsResult =
  { ok: true; lang: Lang; data: BindingResult } | { ok: false; lang: Lang; error: LocalizedText };

/** Request: simulate the PV controller over the scope. */
export const BindingsRequest = new RequestType<BindingsParams, BindingsResult, void>(
  'kubeStorage/bindings',
);

// ---- Cluster read with kubectl ("Read Storage From Cluster") ----

/**
 * URI scheme of a cluster snapshot read with kubectl and kept in memory (never a file): its
 * objects are in the cluster, like those of `kubeStorage.cluster.snapshots` files.
 */
export const CLUSTER_READ_SCHEME = 'kube-storage-cluster';

export interface ClusterSnapshotParams {
  /** The snapshot the client read, or null to forget it. */
  snapshot: {
    /** `kube-storage-cluster:/<context>.yaml`; the client shows the text under this URI. */
    uri: string;
    context: string;
    /** What kubectl printed, one `kind: List` document per kind (service/clusterRead). */
    text: string;
  } | null;
}

export type ClusterSnapshotResult =
  { ok: true; objects: number } | { ok: false; error: LocalizedText };

/** Request: use (or forget) the cluster snapshot read with kubectl; answered once it is indexed. */
export const ClusterSnapshotRequest = new RequestType<
  ClusterSnapshotParams,
  ClusterSnapshotResult,
  void
>('kubeStorage/clusterSnapshot');
