/**
 * The graph layout (ELK, layered) off the UI thread: ELK runs in a Web Worker made from its own
 * script (a `blob:` URL, which the preview's CSP allows as `worker-src`), so typing in the editor
 * and scrolling the preview stay smooth while a large graph is laid out. When the worker cannot be
 * created, ELK runs in the page as before. A layout is kept per input, so an update that changes
 * no box and no edge is not laid out again. A rendered chart is a compound node around its objects.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { ELK_WORKER_SOURCE } from './elkWorkerSource';
import { kindLayer, nodeWidth, NODE_HEIGHT, type Graph, type GraphNode } from './model';
import { chartWidth, CHART_HEADER } from './metrics';

type ElkInstance = InstanceType<typeof ELK>;

let elk: ElkInstance | undefined;
/** Where the layout runs, for the status line's tooltip and the tests. */
export let layoutThread: 'worker' | 'page' = 'page';

function engine(): ElkInstance {
  if (elk) return elk;
  try {
    const url = URL.createObjectURL(new Blob([ELK_WORKER_SOURCE], { type: 'text/javascript' }));
    const worker = new Worker(url);
    elk = new ELK({ workerFactory: () => worker });
    layoutThread = 'worker';
  } catch {
    elk = new ELK();
    layoutThread = 'page';
  }
  return elk;
}

let lastKey: string | undefined;
let lastLayout: ElkNode | undefined;

/** What the layout depends on: node ids, box sizes, kinds and charts, edges. */
export function layoutKey(graph: Graph): string {
  const parts = graph.nodes.map(
    (n) => `${n.id}\u0001${nodeWidth(n)}\u0001${n.kind}\u0001${n.chart ?? ''}`,
  );
  for (const c of graph.charts ?? []) parts.push(`${c.id}\u0001${chartWidth(c)}`);
  for (const e of graph.edges) parts.push(`${e.from}\u0001${e.to}`);
  return parts.join('\u0002');
}

const box = (n: GraphNode): ElkNode => ({
  id: n.id,
  width: nodeWidth(n),
  height: NODE_HEIGHT,
  layoutOptions: { 'elk.partitioning.partition': String(kindLayer[n.kind]) },
});

/**
 * The nodes at the top level: the workspace's objects, and each rendered chart as a compound node
 * holding its objects (laid out with them, the chart's name and values above them), or as a box of
 * its own when it has none (not rendered, no storage).
 */
function topLevel(graph: Graph): ElkNode[] {
  const members = new Map<string, ElkNode[]>();
  const out: ElkNode[] = [];
  for (const n of graph.nodes) {
    const list = n.chart ? members.get(n.chart) : undefined;
    if (list) list.push(box(n));
    else if (n.chart && graph.charts?.some((c) => c.id === n.chart)) members.set(n.chart, [box(n)]);
    else out.push(box(n));
  }
  for (const c of graph.charts ?? []) {
    const children = members.get(c.id);
    const width = chartWidth(c);
    if (!children) {
      out.push({
        id: c.id,
        width,
        height: NODE_HEIGHT,
        layoutOptions: { 'elk.partitioning.partition': String(kindLayer.claim) },
      });
      continue;
    }
    out.push({
      id: c.id,
      children,
      layoutOptions: {
        'elk.partitioning.activate': 'true',
        'elk.padding': `[top=${CHART_HEADER},left=12,bottom=12,right=12]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${width}, ${CHART_HEADER + NODE_HEIGHT})`,
      },
    });
  }
  return out;
}

/** Lays the graph out (or returns the last layout when nothing it depends on changed). */
export async function layoutGraph(graph: Graph): Promise<ElkNode> {
  const key = layoutKey(graph);
  if (key === lastKey && lastLayout) return lastLayout;
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      // One layout for all components, so every kind keeps its column.
      'elk.separateConnectedComponents': 'false',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '18',
      'elk.edgeRouting': 'POLYLINE',
      // Edges between a chart's objects and the workspace's cross the chart's box.
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    },
    children: topLevel(graph),
    edges: graph.edges.map((e): ElkExtendedEdge => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
    })),
  };
  let laid: ElkNode;
  try {
    laid = await engine().layout(input);
  } catch (e) {
    if (layoutThread !== 'worker') throw e;
    // The worker failed (refused by a policy, crashed): lay out in the page from now on.
    elk = new ELK();
    layoutThread = 'page';
    laid = await elk.layout(input);
  }
  lastKey = key;
  lastLayout = laid;
  return laid;
}
