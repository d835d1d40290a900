/**
 * The preview's view model, pure (no DOM): the graph of StorageClasses, volumes, claims and the
 * workloads that use them, built from the `kubeStorage/bindings` result, filtered by namespace
 * and search. Unit-tested under Node.
 */
import type { BindingResult, ClaimResult, SourceRef } from '../../../server/src/protocol';
import type { LocalizedText } from '../../../server/src/service/types';
import { codeSpans, plainText, type TextPart } from '../../../server/src/service/i18n/plainText';
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';

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

export function buildGraph(data: BindingResult, lang: 'en' | 'ru', s: UiStrings): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const edge = (from: string, to: string, style: GraphEdge['style']): void => {
    if (!nodes.has(from) || !nodes.has(to)) return;
    const id = `${from}->${to}`;
    if (!edges.has(id)) edges.set(id, { id, from, to, style });
  };

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
    });
  }
  for (const v of data.volumes) {
    const id = `volume:${v.name}`;
    const status: NodeStatus =
      v.phase === 'Bound'
        ? 'bound'
        : v.phase === 'Released'
          ? 'released'
          : v.phase === 'Failed'
            ? 'failed'
            : 'available';
    nodes.set(id, {
      id,
      kind: 'volume',
      label: v.name,
      detail: [v.capacity ?? '', `\`${v.phase}\``].filter(Boolean).join(' · '),
      status,
      tooltip: [
        `${s.kindVolume} ${v.name}: ${v.phase}`,
        v.reason && plainText(v.reason[lang], lang),
      ]
        .filter(Boolean)
        .join('\n'),
      ...(v.reason ? { reason: v.reason[lang] } : {}),
      source: v.source,
      storageClass: v.storageClass ?? '',
    });
  }
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
    });
  }
  for (const w of data.workloads) {
    if (!w.claims.length) continue;
    const id = `workload:${w.kind}/${w.namespace}/${w.name}`;
    nodes.set(id, {
      id,
      kind: 'workload',
      label: w.name,
      detail: `${w.kind} · ${w.namespace}`,
      status: 'neutral',
      tooltip: `${w.kind} ${w.namespace}/${w.name}`,
      namespace: w.namespace,
      source: w.source,
    });
  }

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
    const id = `workload:${w.kind}/${w.namespace}/${w.name}`;
    for (const key of w.claims) {
      const [namespace = '', name = ''] = key.split('/');
      edge(claimId(namespace, name), id, 'solid');
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
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
    const hits = new Set(
      graph.nodes
        .filter(
          (n) =>
            keep.has(n.id) &&
            (n.label.toLowerCase().includes(query) || n.detail.toLowerCase().includes(query)),
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
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  };
}

/** Width of a node box for a label, in pixels (a monospace-ish estimate, clamped). */
/** Text metrics of a node: the icon and padding take TEXT_INSET pixels, then so many per character. */
const TEXT_INSET = 40;
const LABEL_CHAR_PX = 7;
const DETAIL_CHAR_PX = 6.5;

/** The characters a text with code spans shows (the backticks are not drawn). */
export function shownLength(markdown: string): number {
  return codeSpans(markdown).reduce((n, part) => n + [...part.text].length, 0);
}

/** The parts of a text with code spans, cut to `max` shown characters with an ellipsis. */
export function truncateParts(markdown: string, max: number): TextPart[] {
  const parts = codeSpans(markdown);
  if (shownLength(markdown) <= max) return parts;
  const out: TextPart[] = [];
  let room = Math.max(1, max - 1);
  for (const part of parts) {
    const chars = [...part.text];
    if (chars.length < room) {
      out.push(part);
      room -= chars.length;
      continue;
    }
    out.push({ text: chars.slice(0, room).join(''), code: part.code });
    break;
  }
  out.push({ text: '…', code: false });
  return out;
}

/** Wide enough that label and detail fit whole (see labelCapacity), within 120–320 pixels. */
export function nodeWidth(node: GraphNode): number {
  const text = Math.max(
    [...node.label].length * LABEL_CHAR_PX,
    shownLength(node.detail) * DETAIL_CHAR_PX,
  );
  return Math.min(320, Math.max(120, Math.ceil(text) + TEXT_INSET));
}

/** How many characters of the label (bold) and of the detail line fit in a node of this width. */
export function labelCapacity(width: number): number {
  return Math.floor((width - TEXT_INSET) / LABEL_CHAR_PX);
}

export function detailCapacity(width: number): number {
  return Math.floor((width - TEXT_INSET) / DETAIL_CHAR_PX);
}

export const NODE_HEIGHT = 46;

/** Column of each kind in the layered layout (left to right). */
export const kindLayer: Record<NodeKind, number> = { class: 0, volume: 1, claim: 2, workload: 3 };

/**
 * Text escaped for HTML. The webview builds its DOM with `textContent`, so this is only for the
 * rare place where markup is assembled (and for tests that prove names stay text).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
