/**
 * Generic ephemeral volumes (`volumes[].ephemeral.volumeClaimTemplate`): one Kubernetes fact, used
 * by the binding simulation (binding/expand.ts) and the rules (rules/lookups.ts, links, pending).
 *
 * Upstream (`component-helpers/storage/ephemeral`, `pkg/controller/volume/ephemeral`): for each
 * such volume of a pod, the ephemeral volume controller creates the claim `<pod>-<volume>`
 * (`VolumeClaimName`) in the pod's namespace, with the template's labels, annotations and spec,
 * owned by the pod (a controller owner reference: the claim is deleted with the pod). A claim of
 * that name the pod does not control is never used (`VolumeIsForPod`): the pod does not start.
 *
 * The pod's name is known for a Pod and a StatefulSet (`<set>-<ordinal>`); the other controllers
 * generate it (`<deployment>-<hash>-<suffix>`, `<job>-<suffix>`…), so their claims are named
 * with a placeholder, `<workload>-…-<volume>`, never with a guessed suffix.
 */
import type {
  PersistentVolumeClaim,
  PersistentVolumeClaimTemplate,
  PodSpec,
} from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { MAX_EXPANDED_REPLICAS, statefulSetOrdinals } from '../binding/expand';
import type { StatefulSet } from 'kubernetes-types/apps/v1';

/** Stands for the part of a pod's name its controller generates. */
export const GENERATED = '…';

/** `ephemeral.VolumeClaimName`: the claim of a pod's generic ephemeral volume. */
export function ephemeralClaimName(podName: string, volumeName: string): string {
  return `${podName}-${volumeName}`;
}

export interface EphemeralVolume {
  /** The volume's name in the pod spec. */
  volume: string;
  /** Its index in `volumes`. */
  index: number;
  template: PersistentVolumeClaimTemplate;
}

/** The generic ephemeral volumes of a pod spec that have a claim template. */
export function ephemeralVolumesOf(spec: PodSpec | undefined): EphemeralVolume[] {
  const out: EphemeralVolume[] = [];
  const volumes = Array.isArray(spec?.volumes) ? spec.volumes : [];
  volumes.forEach((v, index) => {
    const template = isMap(v) ? v.ephemeral?.volumeClaimTemplate : undefined;
    if (typeof v?.name === 'string' && v.name && isMap(template))
      out.push({ volume: v.name, index, template });
  });
  return out;
}

/** A pod a workload runs: its name, or a placeholder when the controller generates it. */
export interface PodName {
  name: string;
  /** The controller generates part of the name (`name` holds `…` there). */
  generated: boolean;
}

/**
 * The pods a workload runs at once. A Pod is itself; a StatefulSet's pods are `<set>-<ordinal>`;
 * Deployments, ReplicaSets and ReplicationControllers run `replicas` (default 1) pods, Jobs
 * (and a CronJob's Jobs) `parallelism` (default 1, at most `completions`), named `<name>-…`,
 * numbered `<name>-…[1]`, `<name>-…[2]`… when there are several. A DaemonSet runs one pod per
 * node; the nodes are not known, so one stands for them.
 */
export function workloadPods(kind: string, name: string, data: unknown): PodName[] {
  if (kind === 'Pod') return [{ name, generated: false }];
  if (kind === 'StatefulSet')
    return statefulSetOrdinals((isMap(data) ? data : {}) as StatefulSet).map((n) => ({
      name: `${name}-${n}`,
      generated: false,
    }));
  const count = podCount(kind, data);
  if (count === 1) return [{ name: `${name}-${GENERATED}`, generated: true }];
  return Array.from({ length: count }, (_, i) => ({
    name: `${name}-${GENERATED}[${i + 1}]`,
    generated: true,
  }));
}

function podCount(kind: string, data: unknown): number {
  const spec = field(data, 'spec');
  const count = (raw: unknown): number => {
    if (raw === undefined || raw === null) return 1;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, MAX_EXPANDED_REPLICAS) : 1;
  };
  switch (kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
      return count(field(spec, 'replicas'));
    case 'Job':
      return jobPods(spec, count);
    case 'CronJob':
      return jobPods(field(field(spec, 'jobTemplate'), 'spec'), count);
    default:
      return 1;
  }
}

/** A Job runs `parallelism` pods at once, never more than `completions`. */
function jobPods(spec: unknown, count: (raw: unknown) => number): number {
  const parallelism = count(field(spec, 'parallelism'));
  const completions = field(spec, 'completions');
  return completions === undefined || completions === null
    ? parallelism
    : Math.min(parallelism, count(completions));
}

/** The claim the ephemeral volume controller creates for the pod's volume. */
export function ephemeralClaim(
  pod: PodName,
  namespace: string,
  volume: EphemeralVolume,
): PersistentVolumeClaim {
  const meta = isMap(volume.template.metadata) ? volume.template.metadata : {};
  const owner: OwnerReference = {
    apiVersion: 'v1',
    kind: 'Pod',
    name: pod.name,
    uid: '',
    controller: true,
    blockOwnerDeletion: true,
  };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: ephemeralClaimName(pod.name, volume.volume),
      namespace,
      ...(meta.labels ? { labels: structuredClone(meta.labels) } : {}),
      ...(meta.annotations ? { annotations: structuredClone(meta.annotations) } : {}),
      ownerReferences: [owner],
    },
    spec: isMap(volume.template.spec) ? structuredClone(volume.template.spec) : {},
  };
}

/** `VolumeIsForPod`: the claim is controlled by the pod (an existing claim is used only then). */
export function isClaimOfPod(claim: PersistentVolumeClaim, podName: string): boolean {
  const owners = claim.metadata?.ownerReferences;
  return (
    Array.isArray(owners) &&
    owners.some((o) => o?.kind === 'Pod' && o.name === podName && o.controller === true)
  );
}

function isMap<T>(v: T | null | undefined): v is T & object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(v: unknown, key: string): unknown {
  return isMap(v) ? (v as Record<string, unknown>)[key] : undefined;
}
