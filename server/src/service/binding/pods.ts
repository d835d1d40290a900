/**
 * Where the scheduler may put a pod that mounts a `WaitForFirstConsumer` claim: from the pod's
 * own `nodeName`, `nodeSelector` and required node affinity, checked against the node given by
 * `--node-labels` (or, without it, the labels the pod itself pins).
 */
import type { NodeSelector, PodSpec } from 'kubernetes-types/core/v1';
import { nodeAffinityMatches, type Labels } from './selectors';

/** The node a pod's volumes are decided for. `partial`: only the labels the pod pins are known. */
export interface NodeView {
  labels: Labels;
  partial: boolean;
}

export type PodPlacement =
  /** Nothing says where the pod goes. */
  | { kind: 'unknown' }
  /** `spec.nodeName`: the scheduler is bypassed, so `WaitForFirstConsumer` never binds. */
  | { kind: 'node-name'; node: string }
  /** The pod cannot run on the given node: `label` is the selector entry that fails, if one. */
  | { kind: 'elsewhere'; label?: string }
  | { kind: 'node'; node: NodeView };

const HOSTNAME = 'kubernetes.io/hostname';

/** The pod's required node affinity (`requiredDuringSchedulingIgnoredDuringExecution`). */
function requiredAffinity(spec: PodSpec): NodeSelector | undefined {
  return spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
}

function selectorOf(spec: PodSpec): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = spec.nodeSelector;
  if (raw && typeof raw === 'object')
    for (const [k, v] of Object.entries(raw)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

/**
 * Labels the pod pins exactly: its `nodeSelector`, and from a single required affinity term the
 * `In` expressions of one value (`matchFields` on `metadata.name` pins the hostname).
 */
export function pinnedLabels(spec: PodSpec): Record<string, string> {
  const labels = selectorOf(spec);
  const terms = requiredAffinity(spec)?.nodeSelectorTerms ?? [];
  if (terms.length !== 1) return labels;
  for (const e of terms[0]?.matchExpressions ?? [])
    if (e?.operator === 'In' && e.values?.length === 1) labels[e.key] ??= String(e.values[0]);
  for (const f of terms[0]?.matchFields ?? [])
    if (f?.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1)
      labels[HOSTNAME] ??= String(f.values[0]);
  return labels;
}

/** Where the scheduler may put the pod, given the node of `--node-labels` (if any). */
export function podPlacement(spec: PodSpec | undefined, given: Labels | undefined): PodPlacement {
  if (!spec)
    return given ? { kind: 'node', node: { labels: given, partial: false } } : { kind: 'unknown' };
  if (typeof spec.nodeName === 'string' && spec.nodeName)
    return { kind: 'node-name', node: spec.nodeName };
  if (given) {
    for (const [k, v] of Object.entries(selectorOf(spec)))
      if (given[k] !== v) return { kind: 'elsewhere', label: `${k}=${v}` };
    const affinity = requiredAffinity(spec);
    if (affinity && !nodeAffinityMatches({ required: affinity }, given))
      return { kind: 'elsewhere' };
    return { kind: 'node', node: { labels: given, partial: false } };
  }
  const labels = pinnedLabels(spec);
  return Object.keys(labels).length
    ? { kind: 'node', node: { labels, partial: true } }
    : { kind: 'unknown' };
}
