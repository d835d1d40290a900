/**
 * The details panel of the selected node or chart: the reason, the rejected volumes, where the
 * object is written. An object of a rendered chart opens its template line (the virtual file of the
 * render is no file to open) and lists the values behind its fields; a chart opens its values
 * file and shows helm's message when it could not be rendered.
 */
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';
import { codeTextElement, codeTextNodes } from '../shared/codeText';
import { chartTitle, sourceLines, type ChartGroup } from './charts';
import { statusIcon, type GraphNode } from './model';

export interface DetailsContext {
  lang: 'en' | 'ru';
  strings: UiStrings;
  /** The namespace the filter shows ('' for all). */
  namespace: string;
  reveal(uri: string, line: number, character: number): void;
  showNamespace(namespace: string): void;
  close(): void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** The panel's heading with its close button (shown when the panel floats). */
function head(title: string, ctx: DetailsContext): HTMLElement {
  const out = h('div', 'details-head');
  const close = button('close', '×', () => ctx.close());
  close.title = ctx.strings.close;
  close.setAttribute('aria-label', ctx.strings.close);
  out.append(h('h2', '', title), close);
  return out;
}

function claimParts(node: GraphNode, ctx: DetailsContext): HTMLElement[] {
  const claim = node.claim!;
  const lang = ctx.lang;
  const parts: HTMLElement[] = [
    codeTextElement('p', claim.reason[lang], `reason status-${node.status}`),
  ];
  // Where a generic ephemeral volume's claim comes from (its pod's name may be a placeholder).
  if (claim.ephemeral) parts.push(codeTextElement('p', claim.ephemeral.about[lang], 'detail'));
  // The snapshot a restore reads, or the claim a clone copies.
  if (claim.dataSource) parts.push(codeTextElement('p', claim.dataSource.about[lang], 'detail'));
  if (claim.rejected.length) {
    parts.push(h('h3', '', ctx.strings.rejected));
    const list = h('ul', 'rejected');
    for (const r of claim.rejected) {
      const item = h('li');
      item.append(
        h('code', '', r.volume),
        document.createTextNode(' — '),
        ...codeTextNodes(r[lang]),
      );
      list.append(item);
    }
    parts.push(list);
  }
  return parts;
}

/** Where an object of a rendered chart comes from: the chart, the template line, the values. */
function renderedParts(node: GraphNode, chart: ChartGroup | undefined, ctx: DetailsContext) {
  const t = ctx.strings;
  const rendered = node.source?.rendered;
  const parts: HTMLElement[] = [];
  const actions: HTMLElement[] = [];
  if (!rendered) return { parts, actions };
  const section = h('div', 'rendered');
  if (chart)
    section.append(codeTextElement('p', t.fromChart.replace('{0}', chartTitle(chart.chart, t))));
  const lines = sourceLines(rendered, t);
  const list = h('ul', 'sources');
  if (lines.template) list.append(codeTextElement('li', lines.template.text));
  for (const v of lines.values) {
    const item = codeTextElement('li', v.text);
    const uri = v.uri;
    if (uri) {
      item.append(document.createTextNode(' '));
      item.append(button('link', t.openValue, () => ctx.reveal(uri, v.line, 0)));
    }
    list.append(item);
  }
  if (list.childElementCount) section.append(list);
  parts.push(section);
  const template = lines.template;
  if (template?.uri) {
    const uri = template.uri;
    actions.push(button('open-source', t.openTemplate, () => ctx.reveal(uri, template.line, 0)));
  }
  return { parts, actions };
}

/** The details of a node; `chart` is its chart group when it comes from a rendered chart. */
export function nodeDetails(
  node: GraphNode,
  chart: ChartGroup | undefined,
  ctx: DetailsContext,
): HTMLElement[] {
  const t = ctx.strings;
  const parts: HTMLElement[] = [head(`${statusIcon[node.status]} ${node.label}`, ctx)];
  if (node.group) parts.push(h('p', 'detail', t.groupOf.replace('{0}', String(node.group.count))));
  parts.push(codeTextElement('p', node.detail, 'detail'));
  // Where a chart's object comes from goes first: the reason and the rejected volumes may be long.
  const rendered = renderedParts(node, chart, ctx);
  parts.push(...rendered.parts);
  if (node.claim) parts.push(...claimParts(node, ctx));
  else parts.push(codeTextElement('p', node.reason ?? node.tooltip, 'reason'));
  const actions = h('div', 'actions');
  const namespace = node.group?.namespace;
  if (namespace !== undefined && namespace !== ctx.namespace)
    actions.append(button('show-namespace', t.showNamespace, () => ctx.showNamespace(namespace)));
  actions.append(...rendered.actions);
  const source = node.source;
  // The virtual file of a render is no file to open: its object opens the template instead.
  if (source && !source.rendered)
    actions.append(
      button('open-source', t.openSource, () =>
        ctx.reveal(source.uri, source.range.start.line, source.range.start.character),
      ),
    );
  if (actions.childElementCount) parts.push(actions);
  return parts;
}

/** The details of a rendered chart: its release and values files, or why helm failed. */
export function chartDetails(chart: ChartGroup, ctx: DetailsContext): HTMLElement[] {
  const t = ctx.strings;
  const c = chart.chart;
  const parts: HTMLElement[] = [head(`⎈ ${chartTitle(c, t)}`, ctx)];
  parts.push(codeTextElement('p', chart.detail, 'detail'));
  parts.push(h('p', 'detail', t.chartValues.replace('{0}', c.valuesFiles.join(', '))));
  if (c.problem) parts.push(codeTextElement('p', c.problem[ctx.lang], 'reason status-failed'));
  const uri = c.valuesUri;
  if (uri) {
    const actions = h('div', 'actions');
    actions.append(button('open-source', t.openValuesFile, () => ctx.reveal(uri, 0, 0)));
    parts.push(actions);
  }
  return parts;
}

/** In a narrow view the details float beside the selected node (right of it, else left). */
export function placeDetails(
  details: HTMLElement,
  canvas: HTMLElement,
  body: HTMLElement,
  id: string,
): void {
  details.style.left = '';
  details.style.top = '';
  if (!window.matchMedia('(max-width: 760px)').matches) return;
  const element = [...canvas.querySelectorAll<SVGGElement>('.node, .chart')].find(
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
