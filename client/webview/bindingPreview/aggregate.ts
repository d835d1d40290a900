/**
 * Large graphs, pure (no DOM): above a threshold the preview draws groups instead of single
 * objects, and a key of what a drawing depends on lets an unchanged graph skip its layout.
 */
import { statusLabel, type Graph, type GraphEdge, type GraphNode, type NodeKind } from './model';
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';

/** Above this many nodes the graph is drawn in groups (see aggregateGraph). */
export const AGGREGATE_ABOVE = 250;

/**
 * A large graph in groups: claims and workloads by namespace and status, volumes by class and
 * status, classes one by one (in one group too when there are many). ELK lays out a few dozen
 * boxes instead of thousands; a namespace filter or a search brings the single objects back.
 * A group of one is the object itself.
 */
export function aggregateGraph(graph: Graph, s: UiStrings): Graph {
  const groupClasses = graph.nodes.filter((n) => n.kind === 'class').length > AGGREGATE_ABOVE / 5;
  const members = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const key = groupKey(n, groupClasses);
    const list = members.get(key);
    if (list) list.push(n);
    else members.set(key, [n]);
  }
  const nodes: GraphNode[] = [];
  const groupOfNode = new Map<string, string>();
  for (const [key, list] of members) {
    const first = list[0]!;
    if (list.length === 1) {
      nodes.push(first);
      groupOfNode.set(first.id, first.id);
      continue;
    }
    for (const n of list) groupOfNode.set(n.id, key);
    nodes.push(groupNode(key, first, list.length, s));
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges) {
    const from = groupOfNode.get(e.from);
    const to = groupOfNode.get(e.to);
    if (!from || !to || from === to) continue;
    const id = `${from}->${to}`;
    const had = edges.get(id);
    if (!had) edges.set(id, { id, from, to, style: e.style });
    else if (e.style === 'solid') had.style = 'solid';
  }
  return { nodes, edges: [...edges.values()], ...(graph.charts ? { charts: graph.charts } : {}) };
}

/** Objects of a rendered chart are grouped apart from the workspace's: they stay in its box. */
function groupKey(n: GraphNode, groupClasses: boolean): string {
  const chart = n.chart ? `${n.chart}:` : '';
  if (n.kind === 'class') return groupClasses ? `group:${chart}class` : n.id;
  if (n.kind === 'volume') return `group:${chart}volume:${n.storageClass ?? ''}:${n.status}`;
  return `group:${chart}${n.kind}:${n.namespace ?? ''}:${n.status}`;
}

function groupNode(id: string, first: GraphNode, count: number, s: UiStrings): GraphNode {
  const kind = kindName(first.kind, s);
  const label =
    first.kind === 'class'
      ? kind
      : first.kind === 'volume'
        ? first.storageClass || '""'
        : (first.namespace ?? '');
  const state = statusLabel(first.status, s);
  return {
    id,
    kind: first.kind,
    label,
    detail: `${count} · ${state || kind}`,
    status: first.status,
    tooltip: `${kind} × ${count}${state ? ` · ${state}` : ''}`,
    ...(first.namespace !== undefined ? { namespace: first.namespace } : {}),
    ...(first.storageClass !== undefined ? { storageClass: first.storageClass } : {}),
    group: { count, ...(first.namespace !== undefined ? { namespace: first.namespace } : {}) },
    ...(first.chart ? { chart: first.chart } : {}),
  };
}

export function kindName(kind: NodeKind, s: UiStrings): string {
  const names: Record<NodeKind, string> = {
    class: s.kindClass,
    volume: s.kindVolume,
    claim: s.kindClaim,
    workload: s.kindWorkload,
  };
  return names[kind];
}

/**
 * What a drawing depends on (ids, texts, statuses, edges and the box sizes that follow from the
 * texts): equal keys draw the same picture, so the layout can be skipped.
 */
export function graphKey(graph: Graph): string {
  const parts: string[] = [];
  for (const n of graph.nodes)
    parts.push([n.id, n.label, n.detail, n.status, n.tooltip, n.chart ?? ''].join('\u0001'));
  for (const c of graph.charts ?? [])
    parts.push([c.id, c.label, c.detail, c.status, c.tooltip].join('\u0001'));
  for (const e of graph.edges) parts.push(`${e.id}\u0001${e.style}`);
  return parts.join('\u0002');
}
