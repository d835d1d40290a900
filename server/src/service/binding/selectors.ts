/**
 * Label selectors (metav1.LabelSelector), node selector terms (PV node affinity) and topology
 * selector terms (StorageClass allowedTopologies), with the semantics of apimachinery and
 * component-helpers.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type {
  NodeSelectorTerm,
  TopologySelectorTerm,
  VolumeNodeAffinity,
} from 'kubernetes-types/core/v1';

export type Labels = Readonly<Record<string, string>>;
export type LabelPredicate = (labels: Labels) => boolean;

/**
 * Compiles a claim's selector like `metav1.LabelSelectorAsSelector`: matchLabels and
 * matchExpressions are ANDed; an empty selector matches everything; an invalid one is an error.
 */
export function compileLabelSelector(
  selector: LabelSelector | undefined | null,
): { ok: true; matches: LabelPredicate | undefined } | { ok: false; error: string } {
  if (selector === undefined || selector === null) return { ok: true, matches: undefined };
  const checks: LabelPredicate[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const expected = String(value);
    checks.push((l) => l[key] === expected);
  }
  for (const expression of selector.matchExpressions ?? []) {
    const key = String(expression?.key ?? '');
    const values = (expression?.values ?? []).map(String);
    switch (expression?.operator) {
      case 'In':
      case 'NotIn': {
        if (!values.length) {
          return { ok: false, error: `operator ${expression.operator} on "${key}" needs values` };
        }
        const set = new Set(values);
        checks.push(
          expression.operator === 'In'
            ? (l) => key in l && set.has(l[key]!)
            : (l) => !(key in l) || !set.has(l[key]!),
        );
        break;
      }
      case 'Exists':
      case 'DoesNotExist':
        if (values.length) {
          return {
            ok: false,
            error: `operator ${expression.operator} on "${key}" takes no values`,
          };
        }
        checks.push(expression.operator === 'Exists' ? (l) => key in l : (l) => !(key in l));
        break;
      default:
        return { ok: false, error: `"${String(expression?.operator)}" is not a valid operator` };
    }
  }
  return { ok: true, matches: (labels) => checks.every((check) => check(labels)) };
}

/**
 * Provisioners do not provision a claim that has a `spec.selector`, whatever it selects (`{}`
 * too): kubernetes-csi/external-provisioner `Provision` returns "claim Selector is not
 * supported" when `claim.Spec.Selector != nil`, and so do the provisioners built on
 * sig-storage-lib-external-provisioner and the old in-tree plugins ("claim.Spec.Selector is not
 * supported for dynamic provisioning"). Such a claim binds only an existing volume.
 */
export function provisionersRefuse(selector: unknown): boolean {
  return selector !== undefined && selector !== null;
}

/**
 * `CheckNodeAffinity`: a volume without `nodeAffinity.required` fits every node; otherwise one
 * of the terms must match (terms are ORed, expressions in a term ANDed, an empty term matches
 * nothing). `matchFields` on `metadata.name` compares with the `kubernetes.io/hostname` label,
 * the only name we know for a node described by its labels. `partial`: the node is known only by
 * the labels a pod pins; a requirement on a label it does not pin may hold (the scheduler picks
 * a node where it does).
 */
export function nodeAffinityMatches(
  affinity: VolumeNodeAffinity | undefined,
  node: Labels,
  partial = false,
): boolean {
  const terms = affinity?.required?.nodeSelectorTerms;
  if (!affinity?.required) return true;
  return (terms ?? []).some((term) => nodeTermMatches(term, node, partial));
}

function nodeTermMatches(term: NodeSelectorTerm, node: Labels, partial: boolean): boolean {
  const expressions = term?.matchExpressions ?? [];
  const fields = term?.matchFields ?? [];
  if (!expressions.length && !fields.length) return false;
  const fieldLabels: Record<string, string> = {};
  const hostname = node['kubernetes.io/hostname'];
  if (hostname !== undefined) fieldLabels['metadata.name'] = hostname;
  return (
    expressions.every((e) => requirementMatches(e.key, e.operator, e.values, node, partial)) &&
    fields.every(
      (f) =>
        f.key === 'metadata.name' &&
        requirementMatches(f.key, f.operator, f.values, fieldLabels, partial),
    )
  );
}

function requirementMatches(
  key: string,
  operator: string,
  rawValues: string[] | undefined,
  labels: Labels,
  partial = false,
): boolean {
  const values = (rawValues ?? []).map(String);
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  if (partial && !has) return true;
  const value = labels[key];
  switch (operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const left = Number.parseInt(value!, 10);
      const right = Number.parseInt(values[0]!, 10);
      if (!Number.isInteger(left) || !Number.isInteger(right)) return false;
      return operator === 'Gt' ? left > right : left < right;
    }
    default:
      return false;
  }
}

/** `MatchTopologySelectorTerms`: no terms match every node; otherwise any term whose every expression matches. */
export function topologyMatches(
  terms: TopologySelectorTerm[] | undefined,
  node: Labels,
  partial = false,
): boolean {
  if (!terms || !terms.length) return true;
  return terms.some((term) =>
    (term?.matchLabelExpressions ?? []).every((e) =>
      Object.prototype.hasOwnProperty.call(node, e.key)
        ? (e.values ?? []).includes(node[e.key]!)
        : partial,
    ),
  );
}
