/**
 * Where an object keeps its pod spec: one Kubernetes fact, used by the rules (rules/util.ts), the
 * binding simulation (binding/expand.ts) and navigation (navigation/linkRules.ts) alike. A Pod has it
 * at `spec`; the workload controllers in their pod template (`spec.template.spec`), a CronJob one
 * level deeper (`spec.jobTemplate.spec.template.spec`); a PodTemplate at `template.spec` (it runs
 * nothing itself, so it is not a workload).
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import { isRecord } from '../plainData';

const TEMPLATE = ['spec', 'template', 'spec'] as const;

/** Kinds that run pods, with the path of their pod spec (in the binding's order of workloads). */
const WORKLOAD_POD_SPEC_PATHS = {
  Pod: ['spec'],
  Deployment: TEMPLATE,
  ReplicaSet: TEMPLATE,
  ReplicationController: TEMPLATE,
  DaemonSet: TEMPLATE,
  StatefulSet: TEMPLATE,
  Job: TEMPLATE,
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
} as const satisfies Record<string, readonly string[]>;

export type WorkloadKind = keyof typeof WORKLOAD_POD_SPEC_PATHS;

/** Kinds that run pods: a Pod and the controllers that make them. */
export const WORKLOAD_KINDS = Object.keys(WORKLOAD_POD_SPEC_PATHS) as readonly WorkloadKind[];

const POD_TEMPLATE_PATH = ['template', 'spec'] as const;

/** The path of a workload's pod spec; undefined for a kind that runs no pods. */
export function workloadPodSpecPath(kind: string): readonly string[] | undefined {
  return Object.hasOwn(WORKLOAD_POD_SPEC_PATHS, kind)
    ? WORKLOAD_POD_SPEC_PATHS[kind as WorkloadKind]
    : undefined;
}

/** The path of the pod spec of a workload or a PodTemplate; undefined for other kinds. */
export function podSpecPath(kind: string): readonly string[] | undefined {
  return kind === 'PodTemplate' ? POD_TEMPLATE_PATH : workloadPodSpecPath(kind);
}

/** A workload's pod spec in its data, when it is there and is a map. */
export function workloadPodSpec(kind: string, data: unknown): PodSpec | undefined {
  const path = workloadPodSpecPath(kind);
  if (!path) return undefined;
  let node = data;
  for (const key of path) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return isRecord(node) ? (node as unknown as PodSpec) : undefined;
}

/**
 * The names of a workload's pod-template volumes that its pods do not get as written. A
 * StatefulSet's controller replaces every volume named like one of its `volumeClaimTemplates` with a
 * volume of that template's claim (`updateStorage`, pkg/controller/statefulset/stateful_set_utils.go),
 * and the API server accepts the pair (`ValidatePodTemplateSpecForStatefulSet` leaves the pod spec's
 * volumes unchecked). Empty for every other kind.
 */
export function volumesReplacedByClaimTemplates(kind: string, data: unknown): ReadonlySet<string> {
  if (kind !== 'StatefulSet' || !isRecord(data) || !isRecord(data.spec)) return NO_NAMES;
  const templates = data.spec.volumeClaimTemplates;
  if (!Array.isArray(templates) || !templates.length) return NO_NAMES;
  const names = new Set<string>();
  for (const template of templates) {
    const name =
      isRecord(template) && isRecord(template.metadata) ? template.metadata.name : undefined;
    if (typeof name === 'string' && name) names.add(name);
  }
  return names;
}

/**
 * A workload's pod spec as its pods get it: without the volumes a StatefulSet's claim templates
 * replace (`volumesReplacedByClaimTemplates`; the claims themselves come from the templates). The
 * same object when nothing is replaced, else a shallow copy.
 */
export function workloadPodSpecAsRun(kind: string, data: unknown): PodSpec | undefined {
  const spec = workloadPodSpec(kind, data);
  if (!spec || !Array.isArray(spec.volumes)) return spec;
  const replaced = volumesReplacedByClaimTemplates(kind, data);
  if (!replaced.size) return spec;
  const volumes = spec.volumes.filter((v) => !(isRecord(v) && replaced.has(v.name as string)));
  return volumes.length === spec.volumes.length ? spec : { ...spec, volumes };
}

const NO_NAMES: ReadonlySet<string> = new Set();
