/**
 * The preview's view model, pure (no DOM): the graph of StorageClasses, volumes, claims and the
 * workloads that use them, built from the `kubeStorage/bindings` result, filtered by namespace
 * and search. Unit-tested under Node.
 */
import type {
  BindingResult,
  ClaimResult,
  SourceRef,
  VolumeResult,
  WorkloadResult,
} from '../../../server/src/protocol';
import type { LocalizedText } from '../../../server/src/service/types';
import { plainText } from '../../../server/src/service/i18n/plainText';
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';
export {
  detailCapacity,
  labelCapacity,
  NODE_HEIGHT,
  nodeWidth,
  shownLength,
  truncateParts,
} from './metrics';
import { chartGroupId, chartGroups, keptCharts, matches, type ChartGroup } from './charts';

export type NodeKind = 'class' | 'volume' | 'claim' | 'workload';
export type NodeStatus =
  | 'bound'
  | 'provision'
  | 'wait'
  | 'pending'
  | 'lost'
  | 'available'
  | 'released'
  | 'failed'
  | 'neutral';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /**
   * A second line: namespace, size, provisioner… Phases keep the API's English names in code
   * spans (`` `Available` ``, glossary), drawn in code font.
   */
  detail: string;
  status: NodeStatus;
  /** Shown on hover (an SVG `<title>`, plain text): the reason, in the UI language. */
  tooltip: string;
  /** The reason for the details panel, with its code spans (Markdown). */
  reason?: string;
  namespace?: string;
  source?: SourceRef;
  claim?: ClaimResult;
  /** A volume's StorageClass (volumes are grouped by it in a large graph). */
  storageClass?: string;
  /** An aggregate of `count` objects of one kind, namespace (or class) and status. */
  group?: { count: number; namespace?: string };
  /** The id of the chart group it is drawn in: an object of a rendered chart. */
  chart?: string;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  /** `dashed`: a promise (provisioning, reservation), not a binding. */
  style: 'solid' | 'dashed';
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Rendered charts: each a box around its objects (`GraphNode.chart`). */
  charts?: ChartGroup[];
}

/**
 * A Pending claim as the details panel shows it: its reason followed by what would make it bind,
 * each rejected volume's reason followed by its fix.
 */
export function withRemedies(c: ClaimResult): ClaimResult {
  if (!c.remedy && !c.rejected.some((r) => r.fix)) return c;
  const join = (text: LocalizedText, more: LocalizedText | undefined): LocalizedText =>
    more ? { en: `${text.en} ${more.en}`, ru: `${text.ru} ${more.ru}` } : text;
  return {
    ...c,
    reason: { ...c.reason, ...join(c.reason, c.remedy) },
    rejected: c.rejected.map((r) => ({ ...r, ...join(r, r.fix) })),
  };
}

const outcomeStatus: Record<ClaimResult['outcome'], NodeStatus> = {
  bound: 'bound',
  provision: 'provision',
  'wait-for-first-consumer': 'wait',
  pending: 'pending',
  lost: 'lost',
};

/** A one-character icon per status, so the outcome never depends on colour alone. */
export const statusIcon: Record<NodeStatus, string> = {
  bound: '✔',
  provision: '✚',
  wait: '◷',
  pending: '⚠',
  lost: '✖',
  available: '○',
  released: '◌',
  failed: '✖',
  neutral: '◆',
};

export function statusLabel(status: NodeStatus, s: UiStrings): string {
  switch (status) {
    case 'bound':
      return s.outcomeBound;
    case 'provision':
      return s.outcomeProvision;
    case 'wait':
      return s.outcomeWait;
    case 'pending':
      return s.outcomePending;
    case 'lost':
      return s.outcomeLost;
    case 'available':
      return s.volumeAvailable;
    case 'released':
      return s.volumeReleased;
    case 'failed':
      return s.volumeFailed;
    default:
      return '';
  }
}

export const claimId = (namespace: string, name: string): string => `claim:${namespace}/${name}`;

type Lang = 'en' | 'ru';
type NodeMap = Map<string, GraphNode>;

/** The chart group of an object of a rendered chart (charts.ts draws the groups). */
const chartOf = (source: SourceRef | undefined): { chart?: string } =>
  source?.rendered ? { chart: chartGroupId(source.rendered.chart) } : {};

function classNodes(data: BindingResult, s: UiStrings, nodes: NodeMap): void {
  for (const c of data.storageClasses) {
    const id = `class:${c.name}`;
    nodes.set(id, {
      id,
      kind: 'class',
      label: c.name,
      detail: c.provisioner + (c.effectiveDefault ? ` · ${s.defaultClass}` : ''),
      status: 'neutral',
      tooltip: `${s.kindClass} ${c.name}: ${c.provisioner}, ${c.volumeBindingMode}`,
      source: c.source,
      ...chartOf(c.source),
    });
  }
}

const volumeStatus = (phase: VolumeResult['phase']): NodeStatus =>
  phase === 'Bound'
    ? 'bound'
    : phase === 'Released'
      ? 'released'
      : phase === 'Failed'
        ? 'failed'
        : 'available';

function volumeNodes(data: BindingResult, lang: Lang, s: UiStrings, nodes: NodeMap): void {
  for (const v of data.volumes) {
    const id = `volume:${v.name}`;
    nodes.set(id, {
      id,
      kind: 'volume',
      label: v.name,
      detail: [v.capacity ?? '', `\`${v.phase}\``].filter(Boolean).join(' · '),
      status: volumeStatus(v.phase),
      tooltip: [
        `${s.kindVolume} ${v.name}: ${v.phase}`,
        v.reason && plainText(v.reason[lang], lang),
      ]
        .filter(Boolean)
        .join('\n'),
      ...(v.reason ? { reason: v.reason[lang] } : {}),
      source: v.source,
      storageClass: v.storageClass ?? '',
      ...chartOf(v.source),
    });
  }
}

function claimNodes(data: BindingResult, lang: Lang, s: UiStrings, nodes: NodeMap): void {
  for (const raw of data.claims) {
    const c = withRemedies(raw);
    const id = claimId(c.namespace, c.name);
    nodes.set(id, {
      id,
      kind: 'claim',
      label: c.name,
      detail: `${c.namespace} · ${statusLabel(outcomeStatus[c.outcome], s)}`,
      status: outcomeStatus[c.outcome],
      tooltip:
        plainText(c.reason[lang], lang) +
        (c.competitors.length ? `\n${s.orderDependent}` : '') +
        (c.ephemeral ? `\n${plainText(c.ephemeral.about[lang], lang)}` : '') +
        (c.dataSource ? `\n${plainText(c.dataSource.about[lang], lang)}` : ''),
      reason: c.reason[lang],
      namespace: c.namespace,
      source: c.source,
      claim: c,
      ...chartOf(c.source),
    });
  }
}

const workloadId = (w: WorkloadResult): string => `workload:${w.kind}/${w.namespace}/${w.name}`;

function workloadNodes(data: BindingResult, nodes: NodeMap): void {
  for (const w of data.workloads) {
    if (!w.claims.length) continue;
    const id = workloadId(w);
    nodes.set(id, {
      id,
      kind: 'workload',
      label: w.name,
      detail: `${w.kind} · ${w.namespace}`,
      status: 'neutral',
      tooltip: `${w.kind} ${w.namespace}/${w.name}`,
      namespace: w.namespace,
      source: w.source,
      ...chartOf(w.source),
    });
  }
}

/** Class → volume, volume → claim (solid when bound), class → claim (provisioning), claim → workload. */
function graphEdges(data: BindingResult, nodes: NodeMap): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  const edge = (from: string, to: string, style: GraphEdge['style']): void => {
    if (!nodes.has(from) || !nodes.has(to)) return;
    const id = `${from}->${to}`;
    if (!edges.has(id)) edges.set(id, { id, from, to, style });
  };
  for (const v of data.volumes) {
    if (v.storageClass) edge(`class:${v.storageClass}`, `volume:${v.name}`, 'solid');
  }
  for (const c of data.claims) {
    const id = claimId(c.namespace, c.name);
    if (c.volume && c.phase === 'Bound') edge(`volume:${c.volume}`, id, 'solid');
    else if (c.volume) edge(`volume:${c.volume}`, id, 'dashed');
    else if (c.storageClass) edge(`class:${c.storageClass}`, id, 'dashed');
  }
  for (const v of data.volumes) {
    // A reservation by claimRef that has not become a binding (yet).
    if (v.claim && v.phase !== 'Bound') {
      const [namespace = '', name = ''] = v.claim.split('/');
      edge(`volume:${v.name}`, claimId(namespace, name), 'dashed');
    }
  }
  for (const w of data.workloads) {
    for (const key of w.claims) {
      const [namespace = '', name = ''] = key.split('/');
      edge(claimId(namespace, name), workloadId(w), 'solid');
    }
  }
  return [...edges.values()];
}

/**
 * The graph of a binding result; the objects of rendered charts are grouped under their chart
 * (charts.ts), whose box also stands for a chart helm could not render.
 */
export function buildGraph(data: BindingResult, lang: Lang, s: UiStrings): Graph {
  const nodes: NodeMap = new Map();
  classNodes(data, s, nodes);
  volumeNodes(data, lang, s, nodes);
  claimNodes(data, lang, s, nodes);
  workloadNodes(data, nodes);
  const list = [...nodes.values()];
  const charts = chartGroups(data, list, lang, s);
  return { nodes: list, edges: graphEdges(data, nodes), ...(charts.length ? { charts } : {}) };
}

/** Namespaces of claims and workloads, sorted: the filter's choices. */
export function namespacesOf(graph: Graph): string[] {
  return [...new Set(graph.nodes.map((n) => n.namespace).filter((n): n is string => !!n))].sort();
}

/**
 * Keeps what matters for a namespace and a search text. Namespaced nodes outside the namespace
 * go; cluster-scoped ones (classes, volumes) stay when linked to what is left or linked to
 * nothing. A search keeps matching nodes and their direct neighbours.
 */
export function filterGraph(graph: Graph, namespace: string, search: string): Graph {
  let keep = new Set(
    graph.nodes
      .filter((n) => !namespace || n.namespace === undefined || n.namespace === namespace)
      .map((n) => n.id),
  );
  if (namespace) {
    const linked = new Set<string>();
    for (const e of graph.edges) {
      if (keep.has(e.from) && keep.has(e.to)) {
        linked.add(e.from);
        linked.add(e.to);
      }
    }
    const touchesOther = new Set<string>();
    for (const e of graph.edges) {
      if (!keep.has(e.to)) touchesOther.add(e.from);
      if (!keep.has(e.from)) touchesOther.add(e.to);
    }
    keep = new Set(
      [...keep].filter((id) => {
        const n = graph.nodes.find((x) => x.id === id)!;
        return n.namespace !== undefined || linked.has(id) || !touchesOther.has(id);
      }),
    );
  }
  const query = search.trim().toLowerCase();
  if (query) {
    // A chart's name or release finds every object of the chart.
    const charts = new Set((graph.charts ?? []).filter((c) => matches(c, query)).map((c) => c.id));
    const hits = new Set(
      graph.nodes
        .filter(
          (n) =>
            keep.has(n.id) &&
            (n.label.toLowerCase().includes(query) ||
              n.detail.toLowerCase().includes(query) ||
              (n.chart !== undefined && charts.has(n.chart))),
        )
        .map((n) => n.id),
    );
    const withNeighbours = new Set(hits);
    for (const e of graph.edges) {
      if (hits.has(e.from) && keep.has(e.to)) withNeighbours.add(e.to);
      if (hits.has(e.to) && keep.has(e.from)) withNeighbours.add(e.from);
    }
    keep = withNeighbours;
  }
  const nodes = graph.nodes.filter((n) => keep.has(n.id));
  const charts = graph.charts && keptCharts(graph, nodes, query);
  return {
    nodes,
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
    ...(charts?.length ? { charts } : {}),
  };
}

/** Column of each kind in the layered layout (left to right). */
export const kindLayer: Record<NodeKind, number> = { class: 0, volume: 1, claim: 2, workload: 3 };

/**
 * Text escaped for HTML. The webview builds its DOM with `textContent`, so this is only for the
 * rare place where markup is assembled (and for tests that prove names stay text).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
