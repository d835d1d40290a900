/**
 * What uses a claim besides the pods' volumes the binding reads: the claims the workspace's
 * workloads mount (its kustomize patches' too), clone or snapshot, and the files that name a claim
 * on or just below a line about claims (an operator's resource). Read by `Lookups.claimInUse`,
 * once per name.
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

/** A claim's own kind (`kind: PersistentVolumeClaim`, a patch's target): it names no use. */
const CLAIM_KIND = /\bkind\s*[:=]\s*["']?PersistentVolumeClaim\b/gi;
/** Words that show a line is about a claim: `claimName`, `existingClaim`, `[[….pvc]]`, `pvcName`. */
const CLAIM_WORD = /claim|pvc/i;
/** Lines above the name that may say it is a claim (`- name: x.existingClaim` / `value: data`). */
const LINES_ABOVE = 2;

/**
 * True when some file of the workspace names the claim where a claim is named: on a line about
 * claims, or one or two lines below one — `claimName: data`; an Argo CD parameter
 * `{name: persistence.existingClaim, value: data}` or its block form; a JSON 6902 patch's
 * `path: …/persistentVolumeClaim/claimName` over `value: data`; GitLab Runner's
 * `[[runners.kubernetes.volumes.pvc]]` over `name = "data"`; Spark's `…claimName=data`. A claim's
 * own `kind: PersistentVolumeClaim` above its name is no use of it.
 */
export function claimNamedInSomeText(workspace: Workspace, name: string): boolean {
  const token = new RegExp(`(?<![\\w.-])${escapeRegExp(name)}(?![\\w.-])`);
  for (const file of workspace.allFiles()) {
    if (!file.text.includes(name)) continue;
    const lines = file.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!token.test(lines[i]!)) continue;
      const around = lines.slice(Math.max(0, i - LINES_ABOVE), i + 1).join('\n');
      if (CLAIM_WORD.test(around.replace(CLAIM_KIND, ''))) return true;
    }
  }
  return false;
}
