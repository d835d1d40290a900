/**
 * StatefulSet volumeClaimTemplates → the claims the StatefulSet controller creates, one per
 * template and replica, named `<template>-<set>-<ordinal>`. Like upstream
 * (`getPersistentVolumeClaims`), the claim copies the template, takes the set's namespace, and
 * its labels are the template's labels plus the set's `selector.matchLabels`.
 */
import type { PersistentVolumeClaim, PodSpec } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';

export interface ExpandedClaim {
  /** Read-only: the replicas' claims share the template's spec and metadata values. */
  claim: PersistentVolumeClaim;
  template: string;
  ordinal: number;
}

/** Replica count above which we stop expanding (a typo like 100000 must not hang the editor). */
export const MAX_EXPANDED_REPLICAS = 10000;

/**
 * The ordinals of a StatefulSet's pods: `spec.ordinals.start` (default 0) on, `spec.replicas`
 * (default 1) of them, at most `MAX_EXPANDED_REPLICAS`. Rules and the binding engine both count
 * a set's claims with it.
 */
export function statefulSetOrdinals(set: StatefulSet): number[] {
  const replicasRaw = set.spec?.replicas;
  const replicas = replicasRaw === undefined || replicasRaw === null ? 1 : Number(replicasRaw);
  const startRaw = set.spec?.ordinals?.start;
  const start = startRaw === undefined || startRaw === null ? 0 : Number(startRaw);
  if (!Number.isInteger(replicas) || replicas <= 0 || !Number.isInteger(start) || start < 0)
    return [];
  return Array.from({ length: Math.min(replicas, MAX_EXPANDED_REPLICAS) }, (_, i) => start + i);
}

/** `getPersistentVolumeClaimName` (stateful_set_utils.go): `<template>-<set>-<ordinal>`. */
export function statefulSetClaimName(template: string, setName: string, ordinal: number): string {
  return `${template}-${setName}-${ordinal}`;
}

export function expandStatefulSet(set: StatefulSet, defaultNamespace = 'default'): ExpandedClaim[] {
  const setName = set.metadata?.name;
  if (typeof setName !== 'string' || !setName) return [];
  const ordinals = statefulSetOrdinals(set);
  if (!ordinals.length) return [];
  const namespace = set.metadata?.namespace || defaultNamespace;
  const selectorLabels = set.spec?.selector?.matchLabels ?? {};
  const out: ExpandedClaim[] = [];
  for (const template of set.spec?.volumeClaimTemplates ?? []) {
    const templateName = template?.metadata?.name;
    if (typeof templateName !== 'string' || !templateName) continue;
    for (const ordinal of ordinals) {
      const labels = { ...(template.metadata?.labels ?? {}), ...selectorLabels };
      const claim: PersistentVolumeClaim = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        // Nothing writes to a claim (the engine keeps its state apart, binding/state.ts): the
        // replicas share the template's parts instead of a deep copy each, which took up to a
        // sixth of the simulation's time on 5,000 files (CPU profiles of lint).
        metadata: {
          ...template.metadata,
          name: statefulSetClaimName(templateName, setName, ordinal),
          namespace,
          labels,
        },
        spec: template.spec ?? {},
      };
      out.push({ claim, template: templateName, ordinal });
    }
  }
  return out;
}

/**
 * Which kinds run pods, and a workload's pod spec as its pods get it (a StatefulSet's template
 * volumes named like its claim templates left out): one fact, kubernetes/podSpec.ts.
 */
export { WORKLOAD_KINDS, workloadPodSpecAsRun as podSpecOf } from '../kubernetes/podSpec';

/** Names of the claims a pod spec mounts through `persistentVolumeClaim.claimName`. */
export function claimNamesOf(spec: PodSpec | undefined): string[] {
  const names: string[] = [];
  for (const volume of spec?.volumes ?? []) {
    const name = volume?.persistentVolumeClaim?.claimName;
    if (typeof name === 'string' && name) names.push(name);
  }
  return names;
}
