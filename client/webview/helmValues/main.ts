/**
 * The Helm values inspector, browser side. Every chart-derived string goes in as textContent;
 * messages from the host are checked before use; colours come from --vscode-* variables only.
 */
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type {
  HelmInspectData,
  HelmValueRow,
  Lang,
  RenderedStorage,
} from '../../../server/src/protocol';
import {
  isToWebview,
  type FromWebview,
  type InspectorState,
} from '../../../server/src/webviewProtocol/helmInspector';
import { codeTextElement } from '../shared/codeText';
import { el } from '../shared/element';
import { renderedSection } from './rendered';
import { formatValue, ownComments, ownStorageTexts } from './view';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

let data: HelmInspectData | undefined;
/** Paths whose keys have rows of their own: their cells show `{…}` instead of the whole map. */
let parents = new Set<string>();
/** Rows that show their storage explanation and comment (a child does not repeat its map's). */
let storageTexts = new Set<string>();
let comments = new Set<string>();
let lang: Lang = 'en';
let state: Partial<InspectorState> =
  (vscode.getState() as Partial<InspectorState> | undefined) ?? {};

function send(message: FromWebview): void {
  vscode.postMessage(message);
}

function saveState(): void {
  vscode.setState(state);
}

function matches(row: HelmValueRow, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return (
    row.path.toLowerCase().includes(q) ||
    (row.comment ?? '').toLowerCase().includes(q) ||
    formatValue(row.default).toLowerCase().includes(q) ||
    formatValue(row.override).toLowerCase().includes(q)
  );
}

function usesCell(row: HelmValueRow): HTMLElement {
  const cell = el('td');
  for (const use of row.uses.slice(0, 6)) {
    const label = `${use.file.replace(/^templates\//, '')}:${use.line}`;
    if (data?.chartDir) {
      const button = el('button', {
        className: 'link',
        text: label,
        title: l10n.t('Open {0} at line {1}', use.file, use.line),
      });
      button.addEventListener('click', () =>
        send({ type: 'openTemplate', file: use.file, line: use.line }),
      );
      cell.append(button, el('br'));
    } else {
      cell.append(el('code', { text: label }), el('br'));
    }
  }
  if (row.uses.length > 6)
    cell.append(
      el('span', { className: 'muted', text: l10n.t('…and {0} more', row.uses.length - 6) }),
    );
  return cell;
}

function rowElement(row: HelmValueRow): HTMLTableRowElement {
  const tr = el('tr');
  tr.tabIndex = 0;
  if (row.differs) tr.classList.add('differs');
  if (row.unknown) tr.classList.add('unknown');
  const path = el('td', { className: 'path' });
  path.style.paddingLeft = `${6 + row.depth * 14}px`;
  path.append(
    el('code', {
      className: 'key',
      text: row.keys[row.keys.length - 1] ?? row.path,
      title: row.path,
    }),
  );
  // The tag follows the storage group, so a map and its children agree.
  if (row.storage) path.append(el('span', { className: 'badge', text: l10n.t('storage') }));
  if (row.example !== undefined)
    path.append(el('span', { className: 'badge', text: l10n.t('unset') }));
  if (row.unknown) path.append(el('span', { className: 'badge', text: l10n.t('not in chart') }));
  if (row.storageText && storageTexts.has(row.path))
    path.append(codeTextElement('div', row.storageText[lang], 'storage-text'));

  const defaultCell = el('td');
  if (row.example !== undefined) {
    defaultCell.append(
      el('div', { className: 'muted', text: l10n.t('commented-out example:') }),
      el('pre', { text: row.example }),
    );
  } else {
    defaultCell.append(
      el('pre', { text: parents.has(row.path) ? '{…}' : formatValue(row.default) }),
    );
  }
  const overrideCell = el(
    'td',
    { className: 'override' },
    el('pre', {
      text: !row.overridden ? '' : parents.has(row.path) ? '{…}' : formatValue(row.override),
    }),
  );
  const typeCell = el('td', { className: 'type', text: row.type });
  const comment = el('td', {
    className: 'comment',
    text: comments.has(row.path) ? (row.comment ?? '') : '',
  });
  tr.append(path, defaultCell, overrideCell, typeCell, usesCell(row), comment);
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && row.uses[0] && data?.chartDir)
      send({ type: 'openTemplate', file: row.uses[0].file, line: row.uses[0].line });
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (
        e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling
      ) as HTMLElement | null;
      (next?.tabIndex === 0
        ? next
        : ((e.key === 'ArrowDown'
            ? next?.nextElementSibling
            : next?.previousElementSibling) as HTMLElement | null)
      )?.focus();
    }
  });
  return tr;
}

function renderTable(): HTMLElement {
  const table = el('table');
  const head = el('tr');
  for (const title of [
    l10n.t('Value'),
    l10n.t('Chart default'),
    l10n.t('Your value'),
    l10n.t('Type'),
    l10n.t('Used in'),
    l10n.t('Chart comment'),
  ]) {
    head.append(el('th', { text: title }));
  }
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const rows = (data?.rows ?? []).filter(
    (r) =>
      matches(r, state.query ?? '') &&
      (!state.storageOnly || r.storage) &&
      (!state.changedOnly || r.overridden),
  );
  const groups: [string, HelmValueRow[]][] = [
    [l10n.t('Storage values'), rows.filter((r) => r.storage)],
    [l10n.t('Other values'), rows.filter((r) => !r.storage)],
  ];
  for (const [title, list] of groups) {
    if (!list.length) continue;
    const td = el('td', { text: `${title} (${list.length})` });
    td.colSpan = 6;
    body.append(el('tr', { className: 'group' }, td));
    for (const row of list) body.append(rowElement(row));
  }
  if (!rows.length) {
    const td = el('td', { className: 'muted', text: l10n.t('No values match.') });
    td.colSpan = 6;
    body.append(el('tr', {}, td));
  }
  table.append(body);
  return table;
}

function button(label: string, message: FromWebview, secondary = false): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', () => send(message));
  return b;
}

function checkbox(
  label: string,
  checked: boolean,
  onChange: (value: boolean) => void,
): HTMLElement {
  const c = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
  c.setAttribute('label', label);
  c.checked = checked;
  c.addEventListener('change', () => onChange(c.checked));
  return c;
}

let tableHolder: HTMLElement | undefined;
/** What the values file's render creates; sent after each render of it. */
let rendered: RenderedStorage | undefined;
let renderedHolder: HTMLElement | undefined;

function refreshRendered(): void {
  if (!renderedHolder) return;
  renderedHolder.replaceChildren(
    ...(rendered ? [renderedSection(rendered, lang, send, !!data?.chartDir)] : []),
  );
}

function refreshTable(): void {
  if (!tableHolder) return;
  tableHolder.replaceChildren(renderTable());
}

function render(): void {
  if (!data) return;
  const header = el('header');
  const version = data.chart.version ? ` ${data.chart.version}` : '';
  header.append(el('h1', { text: `${data.chart.name}${version}` }));
  const search = document.createElement('vscode-textfield') as HTMLElement & { value: string };
  search.className = 'search';
  search.setAttribute('placeholder', l10n.t('Search values, defaults and comments'));
  search.setAttribute('aria-label', l10n.t('Search values'));
  search.value = state.query ?? '';
  search.addEventListener('input', () => {
    state.query = search.value;
    saveState();
    refreshTable();
  });
  header.append(
    search,
    checkbox(l10n.t('Storage only'), !!state.storageOnly, (v) => {
      state.storageOnly = v;
      saveState();
      refreshTable();
    }),
    checkbox(l10n.t('Set in my values file'), !!state.changedOnly, (v) => {
      state.changedOnly = v;
      saveState();
      refreshTable();
    }),
    button(l10n.t('Create values.yaml from defaults'), { type: 'createValues' }),
    button(l10n.t('Copy storage block'), { type: 'copyStorage' }, true),
    button(l10n.t('Refresh'), { type: 'refresh' }, true),
  );
  const info = el('div', { className: 'muted' });
  info.append(data.sourceLabel);
  if (data.valuesUri)
    info.append(
      ' — ',
      l10n.t('compared with {0}', decodeURIComponent(data.valuesUri.replace(/^.*\//, ''))),
    );
  if (data.hasSchema) info.append(' — ', l10n.t('values.schema.json present'));
  const sections: HTMLElement[] = [header, info];
  for (const problem of data.problems)
    sections.push(codeTextElement('div', problem[lang], 'diag error'));
  if (data.diagnostics.length) {
    const list = el('div');
    list.append(
      el('h2', { text: l10n.t('Problems in your values file ({0})', data.diagnostics.length) }),
    );
    for (const d of data.diagnostics) {
      const line = codeTextElement(
        'button',
        `${d.line + 1}: ${d.message[lang]}`,
        `link diag ${d.severity}`,
      );
      line.addEventListener('click', () => send({ type: 'openValues', line: d.line }));
      list.append(line, el('br'));
    }
    sections.push(list);
  }
  renderedHolder = el('div');
  tableHolder = el('div', { className: 'table-scroll' });
  sections.push(renderedHolder, tableHolder);
  app.replaceChildren(...sections);
  refreshRendered();
  refreshTable();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) return;
  if (message.l10n) l10n.config({ contents: message.l10n });
  if (message.type === 'loading') {
    app.replaceChildren(
      el('p', { className: 'muted', text: l10n.t('Reading the chart {0}…', message.label) }),
    );
    return;
  }
  if (message.type === 'rendered') {
    rendered = message.storage;
    lang = message.lang;
    refreshRendered();
    return;
  }
  if (message.type === 'error') {
    const retry = button(l10n.t('Try again'), { type: 'refresh' });
    app.replaceChildren(codeTextElement('p', message.message, 'diag error'), retry);
    return;
  }
  data = message.data;
  parents = new Set(
    data.rows.filter((r) => r.depth > 0).map((r) => JSON.stringify(r.keys.slice(0, -1))),
  );
  parents = new Set(
    data.rows.filter((r) => parents.has(JSON.stringify(r.keys))).map((r) => r.path),
  );
  storageTexts = ownStorageTexts(data.rows);
  comments = ownComments(data.rows);
  lang = message.lang;
  state = { ...state, ...message.state };
  saveState();
  render();
});

send({ type: 'ready' });
