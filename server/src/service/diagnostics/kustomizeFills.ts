/**
 * What a kustomization writes into the objects of the files it takes in, so that a file may leave
 * it out: `commonLabels`, or `labels` with `includeSelectors: true`, fill in a workload's
 * `spec.selector.matchLabels` and its pod template's labels (kustomize's `LabelTransformer`, field
 * specs `spec/selector/matchLabels` of Deployment, StatefulSet, DaemonSet, ReplicaSet and Job);
 * `namespace:` renames every `Namespace` object to it (its `NamespaceTransformer`), so a file may
 * give one a placeholder name (`name: _`).
 */
import type { Finding } from '../rules/types';
import type { KubeDiagnostic } from '../types';
import type { Workspace } from '../workspace/workspace';

/** The types whose `selector` kustomize's label transformer creates. */
const SELECTOR_OWNERS: ReadonlySet<string> = new Set([
  'DeploymentSpec',
  'StatefulSetSpec',
  'DaemonSetSpec',
  'ReplicaSetSpec',
  'JobSpec',
]);

/** The schema findings of `uri` without the missing `spec.selector` a kustomization fills in. */
export function withKustomizeFills(
  schema: KubeDiagnostic[],
  workspace: Workspace,
  uri: string,
): KubeDiagnostic[] {
  if (!schema.some(isMissingSelector) || !workspace.selectorAddedByKustomize(uri)) return schema;
  return schema.filter((d) => !isMissingSelector(d));
}

function isMissingSelector(d: KubeDiagnostic): boolean {
  if (d.code !== 'missing-required' || d.data?.field !== 'selector') return false;
  const owner = d.data.owner as { en?: unknown } | undefined;
  return typeof owner?.en === 'string' && SELECTOR_OWNERS.has(owner.en.replace(/`/g, ''));
}

/** The rule findings of `uri` without an invalid Namespace name a kustomization replaces. */
export function withoutRenamedNamespaces(
  findings: Finding[],
  workspace: Workspace,
  uri: string,
): Finding[] {
  const renamed = (f: Finding) => f.ruleId === 'invalid-name' && f.data?.namespaceName === true;
  if (!findings.some(renamed) || !workspace.namespaceSetByKustomize(uri)) return findings;
  return findings.filter((f) => !renamed(f));
}
