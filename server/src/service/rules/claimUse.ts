/**
 * What uses a claim besides the pods' volumes the binding reads: the claims the workspace's
 * workloads mount (its kustomize patches' too), clone or snapshot, and the files that name a claim
 * under a key about claims (an operator's resource). Read by `Lookups.claimInUse`, once per name.
 */
import { claimNamesOf } from '../binding/expand';
import { WORKLOAD_KINDS, workloadPodSpec } from '../kubernetes/podSpec';
import { escapeRegExp } from '../text/regExp';
import { objectData, type IndexedObject } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import type { Lookups } from './lookups';

/**
 * The claim names the workspace's workloads mount (its kustomize patches' workloads too), and the
 * claims its claims are cloned from and its snapshots are taken of.
 */
export function claimsUsedIn(workspace: Workspace, lookups: Lookups): Set<string> {
  const names = new Set<string>();
  const add = (object: IndexedObject) => {
    const data = objectData<Record<string, unknown>>(object);
    if (data) for (const name of claimNamesOf(workloadPodSpec(object.kind, data))) names.add(name);
  };
  for (const kind of WORKLOAD_KINDS) workspace.objectsOfKind(kind).forEach(add);
  for (const file of workspace.allFiles())
    if (workspace.partialKind(file.uri)) file.objects().forEach(add);
  for (const { spec } of lookups.claims.values())
    for (const source of [spec.dataSource, spec.dataSourceRef])
      if (source?.kind === 'PersistentVolumeClaim' && !source.apiGroup && source.name)
        names.add(source.name);
  for (const { data } of lookups.snapshots.values()) {
    const source = data.spec?.source?.persistentVolumeClaimName;
    if (typeof source === 'string') names.add(source);
  }
  return names;
}

/** True when some file of the workspace writes the name as the value of a key about claims. */
export function claimNamedInSomeText(workspace: Workspace, name: string): boolean {
  const pattern = new RegExp(
    `(?:claim|pvc)\\w*["']?\\s*:\\s*["']?${escapeRegExp(name)}(?![\\w.-])`,
    'i',
  );
  for (const file of workspace.allFiles()) if (pattern.test(file.text)) return true;
  return false;
}
