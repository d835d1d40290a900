/** The simulation's mutable view of volumes and claims, built once from the plain objects. */
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  VolumeNodeAffinity,
} from 'kubernetes-types/core/v1';
import type { LocalizedText } from '../types';
import { claimClassOf } from '../kubernetes/storageClass';
import type { Labels, LabelPredicate } from './selectors';
import type { ClaimPhase, ConsumerRef, EphemeralOrigin, SourceRef, VolumePhase } from './types';

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export { BETA_CLAIM_CLASS_ANNOTATION as ANN_BETA_STORAGE_CLASS } from '../kubernetes/storageClass';
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export interface ClaimRefState {
  namespace: string;
  name: string;
  uid: string;
}

export interface VolumeState {
  name: string;
  /** Position in the input. */
  index: number;
  object: PersistentVolume;
  source?: SourceRef;
  modes: string[];
  modesKey: string;
  capacity: bigint;
  capacityText: string | null;
  volumeMode: string;
  attributesClass: string;
  storageClass: string;
  labels: Labels;
  deleting: boolean;
  nodeAffinity?: VolumeNodeAffinity;
  reclaimPolicy: string;
  provisionedBy?: string;
  claimRef: ClaimRefState | null;
  boundByController: boolean;
  phase: VolumePhase;
  deleted: boolean;
  reclaimed: boolean;
  /** Key of the claim the controller bound it to during this simulation (it was free before). */
  takenBy?: string;
  note?: { key: string; text: LocalizedText };
}

export interface ClaimState {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  object: PersistentVolumeClaim;
  source?: SourceRef;
  fromStatefulSet: string | null;
  /** Created for a pod's generic ephemeral volume. */
  ephemeral?: EphemeralOrigin;
  /** Position in the processing order. */
  order: number;
  modes: string[];
  modesKey: string;
  request: bigint;
  requestText: string | null;
  volumeMode: string;
  attributesClass: string;
  classAnnotation?: string;
  /** `spec.storageClassName`; undefined when unset (null in the API). */
  specClass?: string;
  selector?: LabelPredicate;
  selectorError?: string;
  /** `spec.selector` is set: provisioners refuse the claim (`provisionersRefuse`). */
  hasSelector: boolean;
  volumeName: string;
  bindCompleted: boolean;
  boundByController: boolean;
  selectedNode?: string;
  phase: ClaimPhase;
  hadStatus: boolean;
  initiallyBound: boolean;
  consumers: ConsumerRef[];
  /** The reason's key and its parameters (a parameter may differ per language). */
  decision?: { key: string; params: DecisionParams };
  classNote?: { key: 'admissionDefault' | 'retroactiveDefault'; className: string };
  /** The claim got the cluster's default class, whose name is not known (`clusterDefault` unnamed). */
  unnamedClusterDefault?: boolean;
  competitors: Set<string>;
  contestedVolumes: Set<string>;
}

/** Parameters of a reason; one may differ per language (a node description, a rejection). */
export type DecisionParams = Record<string, string | LocalizedText>;

export function claimKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** `GetPersistentVolumeClaimClass` (kubernetes/storageClass.ts `claimClassOf`); unset is `""`. */
export function claimClass(claim: ClaimState): string {
  return claimClassOf(claim.classAnnotation, claim.specClass) ?? '';
}

/** `PersistentVolumeClaimHasClass`: `""` counts as a class (“no class”), only unset does not. */
export function claimHasClass(claim: ClaimState): boolean {
  return claimClassOf(claim.classAnnotation, claim.specClass) !== undefined;
}
