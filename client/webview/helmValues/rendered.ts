/**
 * The inspector's "Rendered storage": what the values file's render creates — every claim (a
 * StatefulSet's per replica) with its class, size, access modes and binding outcome, and every
 * workload with its volumes. The claim's name opens the template line; a field's value, when one
 * produced it, opens that value's line. Chart-derived strings go in as textContent.
 */
import * as l10n from '@vscode/l10n';
import type {
  Lang,
  RenderedClaimRow,
  RenderedLink,
  RenderedStorage,
  RenderedWorkloadRow,
} from '../../../server/src/protocol';
import type { FromWebview } from '../../../server/src/webviewProtocol/helmInspector';
import { codeTextElement } from '../shared/codeText';
import { el } from '../shared/element';

type Send = (message: FromWebview) => void;

/** The binding preview's words for the outcomes (the same keys of the l10n bundle). */
const OUTCOMES: Record<RenderedClaimRow['outcome'], string> = {
  bound: 'bound',
  provision: 'will be provisioned',
  'wait-for-first-consumer': 'waits for first consumer',
  pending: 'stays `Pending`',
  lost: '`Lost`',
};

function linkButton(text: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { className: 'link', text, title });
  b.addEventListener('click', onClick);
  return b;
}

/** A cell's text, then the value behind it (`persistence.size`, my-values.yaml:6) as a link. */
function traced(
  text: string,
  link: RenderedLink,
  send: Send,
  canOpenTemplates: boolean,
): HTMLElement {
  const cell = el('td');
  cell.append(el('code', { text }));
  const value = link.value;
  if (value) {
    const where = value.line === undefined ? value.label : `${value.label}:${value.line + 1}`;
    const label = `${value.path} (${where})`;
    cell.append(el('br'));
    if (value.uri && value.line !== undefined) {
      const line = value.line;
      const uri = value.uri;
      cell.append(
        linkButton(label, l10n.t('Open the value {0}', value.path), () =>
          send({ type: 'openValueFile', uri, line }),
        ),
      );
    } else cell.append(el('span', { className: 'muted', text: label }));
  } else if (link.template && canOpenTemplates) {
    const template = link.template;
    cell.append(
      el('br'),
      linkButton(
        `${template.file.replace(/^templates\//, '')}:${template.line}`,
        l10n.t('Open {0} at line {1}', template.file, template.line),
        () => send({ type: 'openTemplate', file: template.file, line: template.line }),
      ),
    );
  }
  return cell;
}

function nameCell(
  name: string,
  link: RenderedLink,
  send: Send,
  canOpenTemplates: boolean,
): HTMLElement {
  const cell = el('td', { className: 'path' });
  const template = link.template;
  if (template && canOpenTemplates)
    cell.append(
      linkButton(name, l10n.t('Open {0} at line {1}', template.file, template.line), () =>
        send({ type: 'openTemplate', file: template.file, line: template.line }),
      ),
    );
  else cell.append(el('code', { className: 'key', text: name }));
  return cell;
}

function claimRow(
  c: RenderedClaimRow,
  lang: Lang,
  send: Send,
  canOpenTemplates: boolean,
): HTMLTableRowElement {
  const tr = el('tr');
  tr.tabIndex = 0;
  const outcome = el('td');
  outcome.append(codeTextElement('div', l10n.t(OUTCOMES[c.outcome])));
  outcome.append(codeTextElement('div', c.reason[lang], 'storage-text'));
  tr.append(
    nameCell(`${c.namespace}/${c.name}`, c.links.object, send, canOpenTemplates),
    traced(c.storageClass || '""', c.links.class, send, canOpenTemplates),
    traced(c.size ?? '—', c.links.size, send, canOpenTemplates),
    traced(c.accessModes.join(', ') || '—', c.links.modes, send, canOpenTemplates),
    outcome,
  );
  if (c.outcome === 'pending' || c.outcome === 'lost') tr.classList.add('unknown');
  return tr;
}

function workloadRow(w: RenderedWorkloadRow, send: Send, canOpen: boolean): HTMLTableRowElement {
  const tr = el('tr');
  tr.tabIndex = 0;
  const volumes = el('td');
  for (const v of w.volumes)
    volumes.append(el('code', { text: `${v.name}: ${v.source}` }), el('br'));
  if (w.claimTemplates.length)
    volumes.append(
      el('span', {
        className: 'muted',
        text: l10n.t('claim templates: {0}', w.claimTemplates.join(', ')),
      }),
    );
  tr.append(
    nameCell(`${w.kind}/${w.name}`, w.link, send, canOpen),
    el('td', { text: w.replicas === null ? '' : String(w.replicas) }),
    volumes,
  );
  return tr;
}

function table(headers: string[], rows: HTMLTableRowElement[]): HTMLElement {
  const t = el('table');
  const head = el('tr');
  for (const h of headers) head.append(el('th', { text: h }));
  t.append(el('thead', {}, head), el('tbody', {}, ...rows));
  return t;
}

export function renderedSection(
  storage: RenderedStorage,
  lang: Lang,
  send: Send,
  canOpenTemplates: boolean,
): HTMLElement {
  const section = el('section', { className: 'rendered' });
  section.append(el('h2', { text: l10n.t('Rendered storage') }));
  if (storage.state !== 'rendered') {
    if (storage.message)
      section.append(
        codeTextElement(
          'div',
          storage.message[lang],
          storage.state === 'failed' ? 'diag error' : 'muted',
        ),
      );
    return section;
  }
  if (!storage.claims.length && !storage.workloads.length) {
    section.append(
      el('div', { className: 'muted', text: l10n.t('The chart creates no claims or workloads.') }),
    );
    return section;
  }
  if (storage.claims.length)
    section.append(
      el(
        'div',
        { className: 'table-scroll' },
        table(
          [
            l10n.t('Claim'),
            l10n.t('Class'),
            l10n.t('Size'),
            l10n.t('Access modes'),
            l10n.t('Outcome'),
          ],
          storage.claims.map((c) => claimRow(c, lang, send, canOpenTemplates)),
        ),
      ),
    );
  if (storage.workloads.length)
    section.append(
      el(
        'div',
        { className: 'table-scroll' },
        table(
          [l10n.t('Workload'), l10n.t('Replicas'), l10n.t('Volumes')],
          storage.workloads.map((w) => workloadRow(w, send, canOpenTemplates)),
        ),
      ),
    );
  return section;
}
