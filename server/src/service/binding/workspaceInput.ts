/** Collects the binding engine's input from the workspace index: the whole workspace, a folder or one file. */
import type { Workspace } from '../workspace/workspace';
import { objectData } from '../workspace/file';
import type { BindingInput, Sourced, WorkloadInput } from './types';
import { podSpecOf, WORKLOAD_KINDS } from './expand';

export type BindingScope = 'workspace' | { folder: string } | { uri: string };

function inScope(uri: string, scope: BindingScope): boolean {
  if (scope === 'workspace') return true;
  if ('uri' in scope) return uri === scope.uri;
  const folder = scope.folder.endsWith('/') ? scope.folder : scope.folder + '/';
  return uri.startsWith(folder);
}

function sourced<T>(workspace: Workspace, kind: string, scope: BindingScope): Sourced<T>[] {
  const out: Sourced<T>[] = [];
  for (const o of workspace.objectsOfKind(kind)) {
    // Helm templates hold placeholders, not objects: their names and sizes are not real.
    if (o.template || !inScope(o.uri, scope)) continue;
    const data = objectData<T>(o);
    if (data) out.push({ object: data, source: { uri: o.uri, range: o.range } });
  }
  return out.sort(
    (a, b) =>
      (a.source!.uri < b.source!.uri ? -1 : a.source!.uri > b.source!.uri ? 1 : 0) ||
      a.source!.range.start.line - b.source!.range.start.line,
  );
}

export function bindingInputFromWorkspace(
  workspace: Workspace,
  scope: BindingScope = 'workspace',
): BindingInput {
  const workloads: WorkloadInput[] = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const { object, source } of sourced<{
      metadata?: { name?: unknown; namespace?: unknown };
    }>(workspace, kind, scope)) {
      const name = object.metadata?.name;
      if (typeof name !== 'string' || !name) continue;
      const namespace = object.metadata?.namespace;
      workloads.push({
        kind,
        name,
        namespace: typeof namespace === 'string' ? namespace : undefined,
        podSpec: podSpecOf(kind, object),
        source,
      });
    }
  }
  return {
    volumes: sourced(workspace, 'PersistentVolume', scope),
    claims: sourced(workspace, 'PersistentVolumeClaim', scope),
    storageClasses: sourced(workspace, 'StorageClass', scope),
    statefulSets: sourced(workspace, 'StatefulSet', scope),
    workloads,
  };
}
