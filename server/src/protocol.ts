/**
 * Every custom LSP request and notification of kube-storage, and the data they carry, defined
 * once and imported by the client, the server and the webviews.
 */

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
} from './service/binding/types';

/** Which objects take part: the whole workspace, the files under a folder URI, or one file. */
export type BindingsScope = 'workspace' | { folder: string } | { uri: string };

export interface BindingsParams {
  scope: BindingsScope;
  /** Labels of the node a consumer pod lands on (enables the scheduler's path for `WaitForFirstConsumer`). */
  nodeLabels?: Record<string, string>;
  /** Language of the result's `lang` field; every text carries both languages anyway. */
  lang?: 'en' | 'ru';
}

export type BindingsResult =
  | { ok: true; lang: 'en' | 'ru'; data: BindingResult }
  | { ok: false; lang: 'en' | 'ru'; error: { en: string; ru: string } };

/** Request: simulate the PV controller over the scope. */
export const BindingsRequest = 'kubeStorage/bindings';

