/** Turns plain PersistentVolume / PersistentVolumeClaim objects into the simulation's state. */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { accessModesKey } from './match';
import { compileLabelSelector, provisionersRefuse } from './selectors';
import { storageOf } from './capacity';
import {
  ANN_BETA_STORAGE_CLASS,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  claimKey,
  type ClaimState,
  type VolumeState,
} from './state';
import type { ClaimPhase, SourceRef, VolumePhase } from './types';

const VOLUME_PHASES: readonly string[] = ['Pending', 'Available', 'Bound', 'Released', 'Failed'];
const CLAIM_PHASES: readonly string[] = ['Pending', 'Bound', 'Lost'];

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const stringMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = String(x);
  }
  return out;
};
const quantityText = (list: unknown): string | null => {
  const raw = (list as Record<string, unknown> | undefined)?.['storage'];
  return raw === undefined || raw === null ? null : String(raw);
};

export function volumeState(
  pv: PersistentVolume,
  index: number,
  source: SourceRef | undefined,
): VolumeState | undefined {
  const name = str(pv?.metadata?.name);
  if (!name) return undefined;
  const spec = pv.spec ?? {};
  const annotations = stringMap(pv.metadata?.annotations);
  const modes = strings(spec.accessModes);
  const ref = spec.claimRef;
  const phase = str(pv.status?.phase);
  return {
    name,
    index,
    object: pv,
    source,
    modes,
    modesKey: accessModesKey(modes),
    capacity: storageOf(spec.capacity as Record<string, unknown> | undefined),
    capacityText: quantityText(spec.capacity),
    volumeMode: str(spec.volumeMode) ?? 'Filesystem',
    attributesClass: str(spec.volumeAttributesClassName) ?? '',
    storageClass: annotations[ANN_BETA_STORAGE_CLASS] ?? str(spec.storageClassName) ?? '',
    labels: stringMap(pv.metadata?.labels),
    deleting: !!pv.metadata?.deletionTimestamp,
    nodeAffinity: spec.nodeAffinity,
    reclaimPolicy: str(spec.persistentVolumeReclaimPolicy) ?? 'Retain',
    provisionedBy: annotations[ANN_PROVISIONED_BY],
    claimRef: ref
      ? { namespace: str(ref.namespace) ?? '', name: str(ref.name) ?? '', uid: str(ref.uid) ?? '' }
      : null,
    boundByController: ANN_BOUND_BY_CONTROLLER in annotations,
    phase: phase && VOLUME_PHASES.includes(phase) ? (phase as VolumePhase) : 'Pending',
    deleted: false,
    reclaimed: false,
  };
}

export function claimState(
  pvc: PersistentVolumeClaim,
  defaultNamespace: string,
  source: SourceRef | undefined,
  fromStatefulSet: string | null,
): ClaimState | undefined {
  const name = str(pvc?.metadata?.name);
  if (!name) return undefined;
  const namespace = str(pvc.metadata?.namespace) || defaultNamespace;
  const spec = pvc.spec ?? {};
  const annotations = stringMap(pvc.metadata?.annotations);
  const modes = strings(spec.accessModes);
  const selector = compileLabelSelector(spec.selector);
  const statusPhase = str(pvc.status?.phase);
  const phase =
    statusPhase && CLAIM_PHASES.includes(statusPhase) ? (statusPhase as ClaimPhase) : 'Pending';
  const hadStatus = !!statusPhase;
  const key = claimKey(namespace, name);
  const specClass = spec.storageClassName;
  return {
    key,
    namespace,
    name,
    // A claim being created gets a fresh uid, never equal to an old claimRef's.
    uid: str(pvc.metadata?.uid) ?? `kube-storage-simulated:${key}`,
    object: pvc,
    source,
    fromStatefulSet,
    order: 0,
    modes,
    modesKey: accessModesKey(modes),
    request: storageOf(spec.resources?.requests as Record<string, unknown> | undefined),
    requestText: quantityText(spec.resources?.requests),
    volumeMode: str(spec.volumeMode) ?? 'Filesystem',
    attributesClass: str(spec.volumeAttributesClassName) ?? '',
    classAnnotation: annotations[ANN_BETA_STORAGE_CLASS],
    specClass: typeof specClass === 'string' ? specClass : undefined,
    selector: selector.ok ? selector.matches : undefined,
    selectorError: selector.ok ? undefined : selector.error,
    hasSelector: provisionersRefuse(spec.selector),
    volumeName: str(spec.volumeName) ?? '',
    // `syncClaim` decides by the annotation alone: a Bound status without it is synced as unbound.
    bindCompleted: ANN_BIND_COMPLETED in annotations,
    boundByController: ANN_BOUND_BY_CONTROLLER in annotations,
    selectedNode: annotations[ANN_SELECTED_NODE],
    phase,
    hadStatus,
    initiallyBound: phase === 'Bound',
    consumers: [],
    competitors: new Set(),
    contestedVolumes: new Set(),
  };
}
