/**
 * The laid-out graph as SVG: rendered charts as boxes around their objects (their name and values
 * above), edges, then the objects' boxes. Every text goes in with `textContent`. ELK places a
 * chart's objects and the edges between them relative to the chart's box: they are moved to
 * absolute positions here.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';
import { plainText } from '../../../server/src/service/i18n/plainText';
import type { ChartGroup } from './charts';
import { kindName } from './aggregate';
import {
  CHART_HEADER,
  chartWidth,
  detailCapacity,
  labelCapacity,
  NODE_HEIGHT,
  nodeWidth,
  truncateParts,
} from './metrics';
import { kindLayer, statusIcon, statusLabel, type Graph, type GraphNode } from './model';

const SVG = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}
const s = svgElement;

export interface DrawContext {
  lang: 'en' | 'ru';
  selected?: string;
  /** A node or a chart was clicked (or Enter / Space on it). */
  activate(id: string, element: SVGGElement): void;
}

interface Placed {
  x: number;
  y: number;
  box: ElkNode;
}

/** Every laid-out box by id, at its absolute position (a chart's objects are inside its box). */
function absolute(laid: ElkNode): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const walk = (node: ElkNode, dx: number, dy: number): void => {
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      out.set(child.id, { x, y, box: child });
      walk(child, x, y);
    }
  };
  walk(laid, 0, 0);
  return out;
}

export function drawGraph(
  shown: Graph,
  laid: ElkNode,
  t: UiStrings,
  ctx: DrawContext,
): { svg: SVGSVGElement; width: number; height: number } {
  const width = Math.ceil((laid.width ?? 0) + 20);
  const height = Math.ceil((laid.height ?? 0) + 20);
  const svg = s('svg', { width, height, viewBox: `-10 -10 ${width} ${height}`, role: 'group' });
  svg.setAttribute('aria-label', t.graphLabel);
  const defs = s('defs');
  const marker = s('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 10,
    refY: 5,
    markerWidth: 8,
    markerHeight: 8,
    orient: 'auto-start-reverse',
  });
  marker.append(s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }));
  defs.append(marker);
  svg.append(defs);

  const at = absolute(laid);
  // Charts first: their boxes are behind the edges and objects drawn in them.
  for (const chart of shown.charts ?? []) {
    const place = at.get(chart.id);
    if (place) svg.append(drawChart(chart, place, t, ctx));
  }
  const styleOf = new Map(shown.edges.map((e) => [e.id, e.style]));
  for (const edge of laid.edges ?? []) {
    // An edge between two objects of one chart is placed relative to the chart's box.
    const container = (edge as ElkExtendedEdge & { container?: string }).container;
    const origin = container ? at.get(container) : undefined;
    const dx = origin?.x ?? 0;
    const dy = origin?.y ?? 0;
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      const d = points.map((p, i) => `${i ? 'L' : 'M'} ${p.x + dx} ${p.y + dy}`).join(' ');
      svg.append(
        s('path', {
          d,
          class: `edge ${styleOf.get(edge.id) ?? 'solid'}`,
          'marker-end': 'url(#arrow)',
        }),
      );
    }
  }

  // Tab order follows the columns: classes, volumes, claims, workloads; top to bottom within each.
  const placed = shown.nodes
    .map((node) => ({ node, place: at.get(node.id)! }))
    .filter((p) => p.place)
    .sort((a, b) => kindLayer[a.node.kind] - kindLayer[b.node.kind] || a.place.y - b.place.y);
  for (const { node, place } of placed) svg.append(drawNode(node, place, t, ctx));
  return { svg, width, height };
}

function focusable(g: SVGGElement, id: string, ctx: DrawContext): void {
  g.addEventListener('click', () => ctx.activate(id, g));
  g.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      ctx.activate(id, g);
    }
  });
}

/** A chart's box: its name, release and values files on top, its objects inside. */
function drawChart(chart: ChartGroup, place: Placed, t: UiStrings, ctx: DrawContext): SVGGElement {
  const w = place.box.width ?? chartWidth(chart);
  const h = place.box.height ?? NODE_HEIGHT;
  const empty = !place.box.children?.length;
  const g = s('g', {
    class: `chart status-${chart.status}${empty ? ' empty' : ''}${ctx.selected === chart.id ? ' selected' : ''}`,
    'data-id': chart.id,
    transform: `translate(${place.x} ${place.y})`,
    tabindex: 0,
    role: 'button',
  });
  const spoken = [t.kindChart, chart.label, chart.detail].join(', ');
  g.setAttribute('aria-label', plainText(spoken, ctx.lang));
  const title = s('title');
  title.textContent = chart.tooltip;
  g.append(title, s('rect', { class: 'chart-box', width: w, height: h, rx: 8, ry: 8 }));
  const label = s('text', { x: 12, y: 18, class: 'label' });
  label.textContent = `⎈ ${truncate(chart.label, labelCapacity(w))}`;
  const detail = s('text', { x: 12, y: empty ? 36 : 34, class: 'detail' });
  for (const part of truncateParts(chart.detail, detailCapacity(w))) {
    const span = s('tspan', part.code ? { class: 'code' } : {});
    span.textContent = part.text;
    detail.append(span);
  }
  g.append(label, detail);
  if (!empty)
    g.append(
      s('line', { class: 'chart-rule', x1: 0, x2: w, y1: CHART_HEADER - 4, y2: CHART_HEADER - 4 }),
    );
  focusable(g, chart.id, ctx);
  return g;
}

function drawNode(node: GraphNode, place: Placed, t: UiStrings, ctx: DrawContext): SVGGElement {
  const w = place.box.width ?? nodeWidth(node);
  const g = s('g', {
    class: `node kind-${node.kind} status-${node.status}${node.group ? ' group' : ''}${ctx.selected === node.id ? ' selected' : ''}`,
    'data-id': node.id,
    transform: `translate(${place.x} ${place.y})`,
    tabindex: 0,
    role: 'button',
  });
  const statusName = statusLabel(node.status, t);
  const spoken = [kindName(node.kind, t), node.label, node.detail];
  if (statusName && !node.detail.includes(statusName)) spoken.push(statusName);
  g.setAttribute('aria-label', plainText(spoken.filter(Boolean).join(', '), ctx.lang));
  const title = s('title');
  title.textContent = node.tooltip;
  g.append(title);
  // A group is drawn as a stack of boxes.
  if (node.group)
    g.append(
      s('rect', { class: 'stack', x: 4, y: 4, width: w, height: NODE_HEIGHT, rx: 6, ry: 6 }),
    );
  g.append(s('rect', { class: 'box', width: w, height: NODE_HEIGHT, rx: 6, ry: 6 }));
  const icon = s('text', { x: 10, y: 20, class: 'icon' });
  icon.textContent = statusIcon[node.status];
  const label = s('text', { x: 30, y: 20, class: 'label' });
  label.textContent = truncate(node.label, labelCapacity(w));
  const detail = s('text', { x: 30, y: 37, class: 'detail' });
  for (const part of truncateParts(node.detail, detailCapacity(w))) {
    const span = s('tspan', part.code ? { class: 'code' } : {});
    span.textContent = part.text;
    detail.append(span);
  }
  g.append(icon, label, detail);
  focusable(g, node.id, ctx);
  return g;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, Math.max(1, max - 1)).join('') + '…' : text;
}
