/**
 * Collects the binding engine's input from the workspace index: the whole workspace, a folder or
 * one file. Objects of cluster snapshots are the cluster's current state: they are in every scope,
 * and where a manifest and the cluster hold the same volume or claim, the cluster's copy (with its
 * status, `claimRef` and annotations) is what the controller sees; re-applying the manifest does
 * not undo a binding. A StorageClass written in the workspace replaces the cluster's copy (its
 * default-class annotation is what applying it changes).
 */
import type { Workspace } from '../workspace/workspace';
import type { ClusterDefaultClass } from '../workspace/cluster';
import { objectData, type IndexedObject } from '../workspace/file';
import type { BindingInput, Sourced, WorkloadInput } from './types';
import { podSpecOf, WORKLOAD_KINDS } from './expand';
import { ephemeralVolumesOf, workloadPods } from '../kubernetes/ephemeral';

export type BindingScope = 'workspace' | { folder: string } | { uri: string };

function inScope(object: IndexedObject, scope: BindingScope): boolean {
  if (scope === 'workspace' || object.origin === 'cluster') return true;
  if ('uri' in scope) return object.uri === scope.uri;
  const folder = scope.folder.endsWith('/') ? scope.folder : scope.folder + '/';
  return object.uri.startsWith(folder);
}

/** The objects of a kind in scope: the cluster's first, then the manifests, each by file and line. */
function sourced<T>(workspace: Workspace, kind: string, scope: BindingScope): Sourced<T>[] {
  const out: (Sourced<T> & { cluster: boolean })[] = [];
  for (const o of workspace.objectsOfKind(kind)) {
    // Helm templates hold placeholders, not objects: their names and sizes are not real.
    if (o.template || !inScope(o, scope)) continue;
    const data = objectData<T>(o);
    if (!data) continue;
    const cluster = o.origin === 'cluster';
    // Where it is written is worked out when read: only the claims a finding or the preview
    // shows need their range (it costs the line starts of the chunk); the order, their line.
    const source = {
      uri: o.uri,
      get range() {
        return o.range;
      },
      get line() {
        return o.startLine;
      },
      ...(cluster ? { inCluster: true } : {}),
    };
    out.push({ object: data, source, cluster });
  }
  // A file's objects come in the order of their lines, and the sort is stable: by file is enough.
  out.sort(
    (a, b) =>
      Number(b.cluster) - Number(a.cluster) ||
      (a.source!.uri < b.source!.uri ? -1 : a.source!.uri > b.source!.uri ? 1 : 0),
  );
  return out.map(({ object, source }) => ({ object, source }));
}

interface Named {
  metadata?: { name?: unknown; namespace?: unknown };
}

/**
 * One copy per object when a manifest and a snapshot hold the same one: the cluster's for volumes
 * and claims (their binding state), the manifest's for classes and workloads (what applying it
 * changes: the default-class annotation, the pod template).
 */
function oneCopy<T extends Named>(
  list: Sourced<T>[],
  namespaced: boolean,
  winner: 'cluster' | 'manifest',
): Sourced<T>[] {
  const keyOf = (o: T): string =>
    `${namespaced ? String(o.metadata?.namespace || 'default') : ''}/${String(o.metadata?.name)}`;
  // Without a cluster snapshot every copy is a manifest: nothing to choose between.
  if (!list.some((s) => s.source?.inCluster)) return list;
  const wins = (s: Sourced<T>): boolean => !!s.source?.inCluster === (winner === 'cluster');
  const winners = new Set(list.filter(wins).map((s) => keyOf(s.object)));
  if (!winners.size) return list;
  return list.filter((s) => wins(s) || !winners.has(keyOf(s.object)));
}

/**
 * The default class to assume when the input marks none. With the cluster's StorageClasses in a
 * snapshot, the snapshot answers: none of them is default, so the cluster has no default class.
 */
export function clusterDefaultClass(workspace: Workspace): ClusterDefaultClass {
  const setting = workspace.cluster.defaultStorageClass;
  if (setting.mode !== 'unknown') return setting;
  const known = workspace.objectsOfKind('StorageClass').some((o) => o.origin === 'cluster');
  return known ? { mode: 'none' } : setting;
}

export function bindingInputFromWorkspace(
  workspace: Workspace,
  scope: BindingScope = 'workspace',
): BindingInput {
  const workloads: WorkloadInput[] = [];
  for (const kind of WORKLOAD_KINDS) {
    const objects = oneCopy(sourced<Named>(workspace, kind, scope), true, 'manifest');
    for (const { object, source } of objects) {
      const name = object.metadata?.name;
      if (typeof name !== 'string' || !name) continue;
      const namespace = object.metadata?.namespace;
      const podSpec = podSpecOf(kind, object);
      workloads.push({
        kind,
        name,
        namespace: typeof namespace === 'string' ? namespace : undefined,
        podSpec,
        source,
        // Only pods with generic ephemeral volumes need their names (a claim each).
        ...(ephemeralVolumesOf(podSpec).length ? { pods: workloadPods(kind, name, object) } : {}),
      });
    }
  }
  return {
    volumes: oneCopy(sourced(workspace, 'PersistentVolume', scope), false, 'cluster'),
    claims: oneCopy(sourced(workspace, 'PersistentVolumeClaim', scope), true, 'cluster'),
    storageClasses: oneCopy(sourced(workspace, 'StorageClass', scope), false, 'manifest'),
    statefulSets: oneCopy(sourced(workspace, 'StatefulSet', scope), true, 'manifest'),
    workloads,
    clusterDefaultClass: clusterDefaultClass(workspace),
  };
}
