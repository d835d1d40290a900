/**
 * The binding preview in the browser: toolbar (scope, namespace, search, node labels), the graph
 * laid out by ELK and drawn as SVG, and a details panel. Every string from a manifest goes into
 * the DOM through `textContent` or an attribute value, never through markup.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  defaultViewState,
  isToWebview,
  isViewState,
  type ToWebview,
  type UiStrings,
  type ViewState,
  type FromWebview,
} from '../../../server/src/webviewProtocol/bindingPreview';
import { layoutGraph, layoutThread } from './layout';
import { AGGREGATE_ABOVE, aggregateGraph, graphKey } from './aggregate';
import { Viewport } from './viewport';
import {
  buildGraph,
  filterGraph,
  kindLayer,
  namespacesOf,
  nodeWidth,
  labelCapacity,
  detailCapacity,
  NODE_HEIGHT,
  statusIcon,
  statusLabel,
  truncateParts,
  type Graph,
  type GraphNode,
} from './model';
import { codeTextElement, codeTextNodes, plainText } from '../shared/codeText';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

let state: ViewState = isViewState(vscode.getState())
  ? (vscode.getState() as ViewState)
  : { ...defaultViewState };
let last: Extract<ToWebview, { type: 'update' }> | undefined;
let graph: Graph = { nodes: [], edges: [] };
let layoutGeneration = 0;
/** What is drawn now (groups in a large graph) and its key: an equal key skips layout and drawing. */
let drawnGraph: Graph = { nodes: [], edges: [] };
let drawnKey: string | undefined;

// ---------- DOM scaffolding (static structure; texts are set on update) ----------

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

const app = document.getElementById('app') ?? document.body;
const toolbar = h('div', 'toolbar');
const scopeLabel = h('label', 'field');
const scopeText = h('span');
const scopeSelect = document.createElement('vscode-single-select') as HTMLElement & {
  value: string;
};
const nsLabel = h('label', 'field');
const nsText = h('span');
const nsSelect = document.createElement('vscode-single-select') as HTMLElement & { value: string };
const searchLabel = h('label', 'field');
const searchText = h('span');
const searchField = document.createElement('vscode-textfield') as HTMLElement & {
  value: string;
  placeholder: string;
};
const nodeLabel = h('label', 'field');
const nodeText = h('span');
const nodeField = document.createElement('vscode-textfield') as HTMLElement & {
  value: string;
  placeholder: string;
};
scopeLabel.append(scopeText, scopeSelect);
nsLabel.append(nsText, nsSelect);
searchLabel.append(searchText, searchField);
nodeLabel.append(nodeText, nodeField);
toolbar.append(scopeLabel, nsLabel, searchLabel, nodeLabel);

const status = h('div', 'status');
status.setAttribute('role', 'status');
const legend = h('div', 'legend');
const body = h('div', 'body');
const canvas = h('div', 'canvas');
const details = h('aside', 'details');
details.setAttribute('aria-live', 'polite');
const grouped = h('p', 'grouped');
grouped.hidden = true;
const viewport = new Viewport(
  canvas,
  () => state.zoom,
  (zoom) => saveState({ zoom }, false),
);
toolbar.append(viewport.controls);
body.append(canvas, details);
app.append(toolbar, status, legend, grouped, body);

function strings(): UiStrings | undefined {
  return last?.strings;
}

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function saveState(patch: Partial<ViewState>, tellHost: boolean): void {
  state = { ...state, ...patch };
  vscode.setState(state);
  if (tellHost) post({ type: 'setState', state });
}

function setOptions(
  select: HTMLElement & { value: string },
  options: [string, string][],
  value: string,
): void {
  select.replaceChildren(
    ...options.map(([v, label]) => {
      const o = document.createElement('vscode-option') as HTMLElement & { value: string };
      o.setAttribute('value', v);
      o.textContent = label;
      if (v === value) o.setAttribute('selected', '');
      return o;
    }),
  );
  select.value = value;
}

scopeSelect.addEventListener('change', () => {
  const value = scopeSelect.value;
  if (value === 'workspace' || value === 'folder' || value === 'file')
    saveState({ scope: value }, true);
});
nsSelect.addEventListener('change', () => {
  saveState({ namespace: nsSelect.value }, false);
  void render();
});
let searchTimer: ReturnType<typeof setTimeout> | undefined;
searchField.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    saveState({ search: searchField.value }, false);
    void render();
  }, 150);
});
nodeField.addEventListener('change', () => saveState({ nodeLabels: nodeField.value }, true));

// ---------- host messages ----------

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) return;
  if (message.type === 'loading') {
    status.textContent = message.strings.loading;
    return;
  }
  last = message;
  state = {
    ...message.state,
    namespace: state.namespace,
    search: state.search,
    selected: state.selected,
    zoom: state.zoom,
  };
  vscode.setState(state);
  viewport.setLabels(message.strings);
  applyStrings(message.strings);
  if (message.result.ok) {
    graph = buildGraph(message.result.data, message.lang, message.strings);
    const namespaces = namespacesOf(graph);
    if (state.namespace && !namespaces.includes(state.namespace)) state.namespace = '';
    setOptions(
      nsSelect,
      [['', message.strings.allNamespaces], ...namespaces.map((n): [string, string] => [n, n])],
      state.namespace,
    );
  } else {
    graph = { nodes: [], edges: [] };
  }
  void render();
});

function applyStrings(t: UiStrings): void {
  document.documentElement.lang = last?.lang ?? 'en';
  scopeText.textContent = t.scope;
  nsText.textContent = t.namespace;
  searchText.textContent = t.search;
  nodeText.textContent = t.nodeLabels;
  searchField.placeholder = t.searchPlaceholder;
  nodeField.placeholder = t.nodeLabelsPlaceholder;
  if (searchField.value !== state.search) searchField.value = state.search;
  if (nodeField.value !== state.nodeLabels) nodeField.value = state.nodeLabels;
  setOptions(
    scopeSelect,
    [
      ['workspace', t.scopeWorkspace],
      ['folder', t.scopeFolder],
      ['file', t.scopeFile],
    ],
    state.scope,
  );
  legend.replaceChildren(
    h('span', 'legend-title', t.legend),
    ...(['bound', 'provision', 'wait', 'pending', 'lost', 'available', 'released'] as const).map(
      (st) => {
        const item = h('span', `legend-item status-${st}`);
        item.append(
          h('span', 'legend-swatch'),
          h('span', 'legend-icon', statusIcon[st]),
          codeTextElement('span', statusLabel(st, t)),
        );
        return item;
      },
    ),
  );
}

// ---------- layout and drawing ----------

async function render(): Promise<void> {
  const t = strings();
  if (!t || !last) return;
  const generation = ++layoutGeneration;
  if (!last.result.ok) {
    status.textContent = `${t.failed} ${plainText(last.result.error[last.lang], last.lang)}`;
    drawnKey = undefined;
    viewport.clear(document.createTextNode(''));
    details.replaceChildren();
    return;
  }
  const shown = filterGraph(graph, state.namespace, state.search);
  const data = last.result.data;
  status.textContent = `${last.scopeLabel} — ${t.kindClaim}: ${data.claims.length} · ${t.kindVolume}: ${data.volumes.length} · ${t.kindClass}: ${data.storageClasses.length}`;
  status.title = plainText(data.order[last.lang], last.lang);
  if (!shown.nodes.length) {
    drawnKey = undefined;
    grouped.hidden = true;
    viewport.clear(h('p', 'empty', graph.nodes.length ? t.nothingMatches : t.empty));
    renderDetails();
    return;
  }
  // A large graph is drawn in groups; the hint says how to see single objects.
  const large = shown.nodes.length > AGGREGATE_ABOVE;
  grouped.hidden = !large;
  if (large) grouped.textContent = t.grouped.replace('{0}', String(shown.nodes.length));
  const drawn = large ? aggregateGraph(shown, t) : shown;
  const key = graphKey(drawn);
  if (key === drawnKey) {
    // The same picture (an edit that moved no outcome): no layout, no redraw.
    renderDetails();
    return;
  }
  let laid: ElkNode;
  try {
    laid = await layoutGraph(drawn);
  } catch (e) {
    status.textContent = `${t.failed} ${e instanceof Error ? e.message : String(e)}`;
    return;
  }
  if (generation !== layoutGeneration) return; // a newer render started meanwhile
  drawnGraph = drawn;
  drawnKey = key;
  canvas.dataset.layout = layoutThread;
  draw(drawn, laid, t);
  renderDetails();
}

function draw(shown: Graph, laid: ElkNode, t: UiStrings): void {
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

  const styleOf = new Map(shown.edges.map((e) => [e.id, e.style]));
  for (const edge of laid.edges ?? []) {
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      const d = points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
      svg.append(
        s('path', {
          d,
          class: `edge ${styleOf.get(edge.id) ?? 'solid'}`,
          'marker-end': 'url(#arrow)',
        }),
      );
    }
  }

  const byId = new Map(shown.nodes.map((n) => [n.id, n]));
  // Tab order follows the columns: classes, volumes, claims, workloads; top to bottom within each.
  const placed = (laid.children ?? [])
    .map((c) => ({ box: c, node: byId.get(c.id)! }))
    .filter((p) => p.node)
    .sort(
      (a, b) => kindLayer[a.node.kind] - kindLayer[b.node.kind] || (a.box.y ?? 0) - (b.box.y ?? 0),
    );
  for (const { box, node } of placed) svg.append(drawNode(node, box, t));
  viewport.show(svg, width, height);
}

function drawNode(node: GraphNode, box: ElkNode, t: UiStrings): SVGGElement {
  const w = box.width ?? nodeWidth(node);
  const g = s('g', {
    class: `node kind-${node.kind} status-${node.status}${node.group ? ' group' : ''}${state.selected === node.id ? ' selected' : ''}`,
    'data-id': node.id,
    transform: `translate(${box.x ?? 0} ${box.y ?? 0})`,
    tabindex: 0,
    role: 'button',
  });
  const kindName = {
    class: t.kindClass,
    volume: t.kindVolume,
    claim: t.kindClaim,
    workload: t.kindWorkload,
  }[node.kind];
  const statusName = statusLabel(node.status, t);
  const spoken = [kindName, node.label, node.detail];
  if (statusName && !node.detail.includes(statusName)) spoken.push(statusName);
  g.setAttribute('aria-label', plainText(spoken.filter(Boolean).join(', '), last?.lang ?? 'en'));
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
  const activate = (): void => {
    saveState({ selected: node.id }, false);
    for (const other of canvas.querySelectorAll('.node.selected'))
      other.classList.remove('selected');
    g.classList.add('selected');
    // The reason shows next to the node; the source opens only on the explicit action there.
    renderDetails();
  };
  g.addEventListener('click', activate);
  g.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  });
  return g;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, Math.max(1, max - 1)).join('') + '…' : text;
}

function renderDetails(): void {
  const t = strings();
  if (!t || !last) return;
  const node =
    drawnGraph.nodes.find((n) => n.id === state.selected) ??
    graph.nodes.find((n) => n.id === state.selected);
  if (!node) {
    details.classList.remove('open');
    details.replaceChildren(
      codeTextElement('p', last.result.ok ? last.result.data.order[last.lang] : '', 'hint'),
    );
    return;
  }
  const parts: HTMLElement[] = [
    h('h2', '', `${statusIcon[node.status]} ${node.label}`),
    codeTextElement('p', node.detail, 'detail'),
  ];
  const claim = node.claim;
  if (claim) {
    parts.push(codeTextElement('p', claim.reason[last.lang], `reason status-${node.status}`));
    // Where a generic ephemeral volume's claim comes from (its pod's name may be a placeholder).
    if (claim.ephemeral)
      parts.push(codeTextElement('p', claim.ephemeral.about[last.lang], 'detail'));
    // The snapshot a restore reads, or the claim a clone copies.
    if (claim.dataSource)
      parts.push(codeTextElement('p', claim.dataSource.about[last.lang], 'detail'));
    if (claim.rejected.length) {
      parts.push(h('h3', '', t.rejected));
      const list = h('ul', 'rejected');
      for (const r of claim.rejected) {
        const item = h('li');
        item.append(
          h('code', '', r.volume),
          document.createTextNode(' — '),
          ...codeTextNodes(r[last.lang]),
        );
        list.append(item);
      }
      parts.push(list);
    }
  } else {
    parts.push(codeTextElement('p', node.reason ?? node.tooltip, 'reason'));
  }
  if (node.group)
    parts.splice(1, 0, h('p', 'detail', t.groupOf.replace('{0}', String(node.group.count))));
  const actions = h('div', 'actions');
  const namespace = node.group?.namespace;
  if (namespace !== undefined && namespace !== state.namespace) {
    const show = h('button', 'show-namespace', t.showNamespace);
    show.type = 'button';
    show.addEventListener('click', () => {
      saveState({ namespace, selected: undefined }, false);
      nsSelect.value = namespace;
      void render();
    });
    actions.append(show);
  }
  if (node.source) {
    const button = h('button', 'open-source', t.openSource);
    button.type = 'button';
    const source = node.source;
    button.addEventListener('click', () =>
      post({
        type: 'reveal',
        uri: source.uri,
        line: source.range.start.line,
        character: source.range.start.character,
      }),
    );
    actions.append(button);
  }
  if (actions.childElementCount) parts.push(actions);
  const head = h('div', 'details-head');
  const close = h('button', 'close', '×');
  close.type = 'button';
  close.title = t.close;
  close.setAttribute('aria-label', t.close);
  close.addEventListener('click', () => {
    saveState({ selected: undefined }, false);
    for (const other of canvas.querySelectorAll('.node.selected'))
      other.classList.remove('selected');
    renderDetails();
  });
  head.append(parts[0]!, close);
  parts[0] = head;
  details.replaceChildren(...parts);
  details.classList.add('open');
  placeDetails(node.id);
}

/** In a narrow view the details float beside the selected node (right of it, else left). */
function placeDetails(id: string): void {
  details.style.left = '';
  details.style.top = '';
  if (!window.matchMedia('(max-width: 760px)').matches) return;
  const element = [...canvas.querySelectorAll<SVGGElement>('.node')].find(
    (n) => n.dataset.id === id,
  );
  if (!element) return;
  const box = element.getBoundingClientRect();
  const area = body.getBoundingClientRect();
  const width = details.offsetWidth;
  let left = box.right - area.left + 8;
  if (left + width > area.width) left = Math.max(4, box.left - area.left - width - 8);
  const top = Math.min(
    Math.max(4, box.top - area.top),
    Math.max(4, area.height - details.offsetHeight - 4),
  );
  details.style.left = `${left}px`;
  details.style.top = `${top}px`;
}

post({ type: 'ready' });
