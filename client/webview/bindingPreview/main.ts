/**
 * The binding preview in the browser: toolbar (scope, namespace, search, node labels), the graph
 * laid out by ELK and drawn as SVG, and a details panel. Every string from a manifest goes into
 * the DOM through `textContent` or an attribute value, never through markup.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
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
  namespacesOf,
  statusIcon,
  statusLabel,
  type Graph,
} from './model';
import { drawGraph } from './draw';
import { chartDetails, h, nodeDetails, placeDetails, type DetailsContext } from './details';
import { codeTextElement, plainText } from '../shared/codeText';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

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
/** Objects of charts rendered with helm take part (the switch is there when a chart is). */
const chartsBox = document.createElement('vscode-checkbox') as HTMLElement & {
  checked: boolean;
  label: string;
};
chartsBox.className = 'charts-toggle';
chartsBox.hidden = true;
scopeLabel.append(scopeText, scopeSelect);
nsLabel.append(nsText, nsSelect);
searchLabel.append(searchText, searchField);
nodeLabel.append(nodeText, nodeField);
toolbar.append(scopeLabel, nsLabel, searchLabel, nodeLabel, chartsBox);

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
chartsBox.addEventListener('change', () => saveState({ renderedCharts: chartsBox.checked }, true));

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
    const data = message.result.data;
    chartsBox.hidden = !data.charts?.length;
    // Hidden charts: the server left their objects out; their boxes go too.
    const shownData = state.renderedCharts === false ? { ...data, charts: undefined } : data;
    graph = buildGraph(shownData, message.lang, message.strings);
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
  chartsBox.label = t.renderedCharts;
  chartsBox.title = t.renderedChartsHint;
  chartsBox.checked = state.renderedCharts !== false;
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
  const charts = graph.charts?.length ? ` · ${t.kindChart}: ${graph.charts.length}` : '';
  status.textContent = `${last.scopeLabel} — ${t.kindClaim}: ${data.claims.length} · ${t.kindVolume}: ${data.volumes.length} · ${t.kindClass}: ${data.storageClasses.length}${charts}`;
  status.title = plainText(data.order[last.lang], last.lang);
  if (!shown.nodes.length && !shown.charts?.length) {
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
  const { svg, width, height } = drawGraph(shown, laid, t, {
    lang: last?.lang ?? 'en',
    selected: state.selected,
    activate: (id, element) => {
      saveState({ selected: id }, false);
      for (const other of canvas.querySelectorAll('.selected')) other.classList.remove('selected');
      element.classList.add('selected');
      // The reason shows next to the node; the source opens only on the explicit action there.
      renderDetails();
    },
  });
  viewport.show(svg, width, height);
}

function detailsContext(t: UiStrings, lang: 'en' | 'ru'): DetailsContext {
  return {
    lang,
    strings: t,
    namespace: state.namespace,
    reveal: (uri, line, character) => post({ type: 'reveal', uri, line, character }),
    showNamespace: (namespace) => {
      saveState({ namespace, selected: undefined }, false);
      nsSelect.value = namespace;
      void render();
    },
    close: () => {
      saveState({ selected: undefined }, false);
      for (const other of canvas.querySelectorAll('.selected')) other.classList.remove('selected');
      renderDetails();
    },
  };
}

function renderDetails(): void {
  const t = strings();
  if (!t || !last) return;
  const id = state.selected;
  const find = <T extends { id: string }>(list: T[] | undefined): T | undefined =>
    list?.find((x) => x.id === id);
  const node = find(drawnGraph.nodes) ?? find(graph.nodes);
  const chart = find(drawnGraph.charts) ?? find(graph.charts);
  const ctx = detailsContext(t, last.lang);
  if (!id || (!node && !chart)) {
    details.classList.remove('open');
    details.replaceChildren(
      codeTextElement('p', last.result.ok ? last.result.data.order[last.lang] : '', 'hint'),
    );
    return;
  }
  const group = node?.chart ? (graph.charts ?? []).find((c) => c.id === node.chart) : undefined;
  details.replaceChildren(...(node ? nodeDetails(node, group, ctx) : chartDetails(chart!, ctx)));
  details.classList.add('open');
  placeDetails(details, canvas, body, id);
}

post({ type: 'ready' });
