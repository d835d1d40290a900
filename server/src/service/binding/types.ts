/** Input and output of the binding simulation. Objects are plain Kubernetes objects (`kubernetes-types`). */
import type { PersistentVolume, PersistentVolumeClaim, PodSpec } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { LocalizedText, Range } from '../types';
import type { ClusterDefaultClass } from '../workspace/cluster';
import type { PodName } from '../kubernetes/ephemeral';

export type { ClusterDefaultClass };

/** Where an object was written: the file and the range of its `---` document (or list item). */
export interface SourceRef {
  uri: string;
  range: Range;
  /**
   * The line it starts on (`range.start.line`), where it is known without the range: the binding
   * orders every claim by it, and a range costs the line starts of the claim's whole chunk.
   */
  line?: number;
  /** The object is in a cluster snapshot: it exists in the cluster already. */
  inCluster?: boolean;
  /** The object is in a chart rendered with helm (`uri` is then the render's virtual file). */
  rendered?: RenderedSource;
}

/** Where an object of a rendered chart comes from: its chart, template line and values. */
export interface RenderedSource {
  /** The render (`BindingResult.charts[].id`). */
  chart: string;
  /**
   * The template that printed the object (chart-relative), the 0-based line of its name, and the
   * template's URI (absent for a packaged chart: nothing to open).
   */
  template?: { file: string; line?: number; uri?: string };
  /** The values behind the object's fields, where traced (the name's first, then size, class). */
  values: RenderedValueRef[];
}

export interface RenderedValueRef {
  /** The field of the object, as the API names it: `metadata.name`, `storageClassName`… */
  field: string;
  /** The value's path: `persistence.size`. */
  path: string;
  /** The values file's name (`values-prod.yaml`, the chart's `postgresql/values.yaml`, `--set`). */
  label: string;
  uri?: string;
  /** 0-based line in that file (absent for `--set`). */
  line?: number;
}

/** A chart rendered with helm whose objects the result may include. */
export interface RenderedChart {
  id: string;
  /** The chart's name (`postgresql`). */
  name: string;
  release?: string;
  /** The values files given to helm, in order (labels; the chart's own values.yaml first). */
  valuesFiles: string[];
  /** The values file the render is for (opened from the preview). */
  valuesUri?: string;
  /** How many claims, volumes, classes and workloads of the result come from it. */
  objects: number;
  /** Why the chart could not be rendered (helm's message), instead of objects. */
  problem?: LocalizedText;
}

export interface Sourced<T> {
  object: T;
  source?: SourceRef;
}

/** A workload whose pods mount claims: Pod, Deployment, ReplicaSet, DaemonSet, Job, CronJob, StatefulSet… */
export interface WorkloadInput {
  kind: string;
  namespace?: string;
  name: string;
  podSpec?: PodSpec;
  source?: SourceRef;
  /**
   * The pods it runs at once (`kubernetes/ephemeral.ts` `workloadPods`): each gets its own claim
   * of every generic ephemeral volume. Absent: a Pod is itself, another workload runs one pod.
   */
  pods?: PodName[];
}

export interface BindingInput {
  volumes: Sourced<PersistentVolume>[];
  claims: Sourced<PersistentVolumeClaim>[];
  storageClasses: Sourced<StorageClass>[];
  statefulSets: Sourced<StatefulSet>[];
  /** Every workload (StatefulSets included) whose pod template may mount claims. */
  workloads: WorkloadInput[];
  /**
   * The cluster's default StorageClass when no class in the input is marked default. Absent:
   * `none` (only the input counts, as in the upstream tests); the workspace passes its setting.
   */
  clusterDefaultClass?: ClusterDefaultClass;
}

export interface BindingOptions {
  /** Labels of the node a consumer pod is scheduled to: enables the scheduler's path for `WaitForFirstConsumer`. */
  nodeLabels?: Record<string, string>;
  /** Namespace of objects written without one (kubectl's default). */
  defaultNamespace?: string;
  /** At most this many rejected volumes are listed per claim (closest first). Default 100. */
  maxRejected?: number;
  /** Only the claims with these outcomes are listed (their reasons built). Default: every claim. */
  outcomes?: readonly ClaimOutcome[];
  /** Rounds of the controller loop before giving up on a stable state. Default 20. */
  maxRounds?: number;
}

export type ClaimPhase = 'Pending' | 'Bound' | 'Lost';
export type VolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
export type ClaimOutcome = 'bound' | 'provision' | 'wait-for-first-consumer' | 'pending' | 'lost';

export interface Reason extends LocalizedText {
  code: string;
}

export interface RejectedVolume extends Reason {
  volume: string;
  /** What would make this volume bind to the claim, when something would. */
  fix?: LocalizedText;
}

export interface ConsumerRef {
  kind: string;
  namespace: string;
  name: string;
  source?: SourceRef;
}

/** A claim the ephemeral volume controller creates for a pod's generic ephemeral volume. */
export interface EphemeralOrigin {
  /** The kind of the workload whose pod has the volume (`Pod` for a bare pod). */
  kind: string;
  workload: string;
  /** The volume's name in the pod spec. */
  volume: string;
  /** The pod's name; `…` stands for the part its controller generates. */
  pod: string;
  /** The pod's name, and so the claim's, is partly generated: `name` holds a placeholder. */
  generated: boolean;
  /** Where the claim comes from, in both languages. */
  about: LocalizedText;
}

/** What a claim's volume is filled from (`dataSourceRef` / `dataSource`). */
export interface ClaimDataSource {
  /** `restore` from a VolumeSnapshot, `clone` of a claim, else an object a populator fills from. */
  type: 'restore' | 'clone' | 'populator';
  kind: string;
  apiGroup?: string;
  name: string;
  namespace: string;
  /** Where the new volume's data comes from, in both languages (the preview shows it). */
  about: LocalizedText;
}

export interface ClaimResult {
  namespace: string;
  name: string;
  source?: SourceRef;
  phase: ClaimPhase;
  volume: string | null;
  outcome: ClaimOutcome;
  /** The class the controller uses: the annotation, else `spec.storageClassName`, else the default class; `""` means no class. */
  storageClass: string;
  /** The claim gets the cluster's default class, whose name is not known (`storageClass` is then `""`). */
  unnamedDefaultClass?: true;
  /** Name of the StatefulSet whose volumeClaimTemplates create this claim. */
  fromStatefulSet: string | null;
  /** The generic ephemeral volume (`ephemeral.volumeClaimTemplate`) of a pod that creates it. */
  ephemeral?: EphemeralOrigin;
  reason: Reason;
  /** Every volume considered for a claim left Pending, the closest first, and why it was passed over. */
  rejected: RejectedVolume[];
  /** For a Pending claim: what would make it bind (beyond the volumes' own fixes). */
  remedy?: LocalizedText;
  /** Other claims (`namespace/name`) that compete for the same volume: the outcome depends on order. */
  competitors: string[];
  /** Pods and workloads that mount the claim. */
  consumers: ConsumerRef[];
  /** Position in the processing order (0-based). */
  order: number;
  /** The snapshot restored or the claim cloned into the new volume, if any. */
  dataSource?: ClaimDataSource;
}

export interface VolumeResult {
  name: string;
  source?: SourceRef;
  phase: VolumePhase;
  /** `namespace/name` of the claim in `claimRef`, or null. */
  claim: string | null;
  storageClass: string;
  capacity: string | null;
  accessModes: string[];
  /** Why the volume ends in its phase (Released, Failed, deleted, reserved…), when worth saying. */
  reason?: Reason;
  /** The reclaim policy deleted it (it no longer exists at the end). */
  deleted: boolean;
}

export interface StorageClassResult {
  name: string;
  source?: SourceRef;
  provisioner: string;
  volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer';
  isDefault: boolean;
  /** The default class the controller picks (newest default wins). */
  effectiveDefault: boolean;
}

export interface WorkloadResult extends ConsumerRef {
  /** `namespace/name` of every claim it mounts. */
  claims: string[];
}

export interface BindingResult {
  claims: ClaimResult[];
  volumes: VolumeResult[];
  storageClasses: StorageClassResult[];
  workloads: WorkloadResult[];
  /** How claims were ordered, in both languages. */
  order: LocalizedText;
  /** Controller rounds until nothing changed. */
  rounds: number;
  /** False when the loop hit `maxRounds` without settling. */
  stable: boolean;
  /** Charts rendered with helm, when the caller asked for them (their objects' `source.rendered`). */
  charts?: RenderedChart[];
}
