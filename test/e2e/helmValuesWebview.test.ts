/// <reference lib="dom" />
/**
 * The Helm values inspector's webview bundle in real Chromium, under the same CSP as in VS Code
 * (no code-server needed): it renders the chart, puts storage values first, keeps chart strings
 * as text, filters, is usable with the keyboard, and saves its state. Needs `npm run build`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { helmInspect } from '../../server/src/service';
import type { HelmInspectData } from '../../server/src/protocol';
import { makeTempDir } from '../support/tempDir';

const REPO = resolve(__dirname, '../..');
const BUNDLE = join(REPO, 'dist', 'webview', 'helmValues.js');
const NONCE = 'testnonce123';

function chartFiles(): Map<string, string> {
  const root = join(REPO, 'test', 'fixtures', 'helm', 'keeper');
  const files = new Map<string, string>();
  for (const name of [
    'Chart.yaml',
    'values.yaml',
    'values.schema.json',
    'templates/statefulset.yaml',
    'templates/_helpers.tpl',
    'templates/service.yaml',
  ]) {
    files.set(name, readFileSync(join(root, name), 'utf8'));
  }
  // A hostile comment: must show as text, never as markup.
  files.set(
    'values.yaml',
    files
      .get('values.yaml')!
      .replace(
        '## Number of keeper pods',
        '## <img src=x onerror="window.pwned=1"> Number of keeper pods',
      ),
  );
  return files;
}

function inspectData(): HelmInspectData {
  const result = helmInspect(
    chartFiles(),
    readFileSync(join(REPO, 'test/fixtures/helm/overrides/typos.yaml'), 'utf8'),
  );
  return {
    chart: { ...result.chart, name: result.chart.name ?? 'keeper' },
    chartDir: '/charts/keeper',
    sourceLabel: '/charts/keeper',
    hasSchema: result.hasSchema,
    defaultsText: result.defaultsText,
    storageBlock: result.storageBlock,
    rows: result.rows.map((r) => ({
      ...r,
      ...(r.storageKind ? { storageText: result.storageTexts[r.storageKind] } : {}),
    })),
    valuesUri: 'file:///work/values.yaml',
    diagnostics: result.diagnostics.map((d) => ({
      line: d.range.start.line,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    problems: result.problems,
  };
}

const PAGE = `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';">
<script nonce="${NONCE}">
  window.sent = []; window.saved = undefined;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m), getState: () => window.saved, setState: (s) => { window.saved = s; } });
</script></head>
<body><div id="app"></div><script nonce="${NONCE}" src="https://webview.test/helmValues.js"></script></body></html>`;

let context: BrowserContext;
let page: Page;
const profile = makeTempDir('ks-webview-');

before(async () => {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.route('https://webview.test/**', (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(BUNDLE, 'utf8') })
      : route.fulfill({ contentType: 'text/html', body: PAGE }),
  );
  await page.goto('https://webview.test/index.html');
  await page.waitForFunction(() =>
    (window as unknown as { sent: { type: string }[] }).sent.some((m) => m.type === 'ready'),
  );
  await page.evaluate(
    (data) =>
      window.postMessage(
        {
          type: 'show',
          data,
          lang: 'ru',
          state: { source: { kind: 'path', path: '/charts/keeper' } },
        },
        '*',
      ),
    inspectData(),
  );
  await page.locator('table tbody tr').first().waitFor();
});

after(async () => {
  await context?.close();
});

void test('renders storage values first, chart strings as text, Russian storage texts', async () => {
  const groups = await page.locator('tr.group td').allTextContents();
  assert.match(groups[0]!, /^storage values|^Storage values/i);
  const firstRow = await page
    .locator('table tbody tr:not(.group)')
    .first()
    .locator('td.path code.key')
    .textContent();
  assert.equal(firstRow, 'persistence');
  assert.equal(
    await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    undefined,
  );
  assert.equal(await page.locator('img').count(), 0);
  assert.ok((await page.locator('td.comment', { hasText: '<img src=x' }).count()) === 1);
  assert.ok(
    (await page.locator('.storage-text', { hasText: 'Запрос ёмкости заявки' }).count()) === 1,
  );
  // The webview renders the message's code spans as <code>, not as backticks.
  const typo = page.locator('button.diag', { hasText: 'Возможно, имелось в виду persistence' });
  assert.equal(await typo.count(), 1);
  assert.equal(await typo.locator('code', { hasText: /^persistence$/ }).count(), 1);
});

void test('search filters and is saved in the state; keyboard Enter opens the template', async () => {
  const field = page.locator('vscode-textfield');
  await field.click();
  await page.keyboard.type('size');
  await page.waitForFunction(
    () => document.querySelectorAll('table tbody tr:not(.group)').length === 2,
  );
  const paths = await page.locator('table tbody tr:not(.group) td.path code.key').allTextContents();
  assert.deepEqual(
    paths,
    ['persistence', 'size'],
    'the persistence block matches through its default',
  );
  const saved = await page.evaluate(
    () => (window as unknown as { saved: { query?: string } }).saved,
  );
  assert.equal(saved.query, 'size');
  await page.locator('table tbody tr:not(.group)').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const sent = await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
  assert.deepEqual(sent[sent.length - 1], {
    type: 'openTemplate',
    file: 'templates/statefulset.yaml',
    line: 60,
  });
});

void test('messages that fail the runtime check are ignored', async () => {
  await page.evaluate(() =>
    window.postMessage({ type: 'show', data: { rows: 'nope' }, lang: 'en' }, '*'),
  );
  await page.evaluate(() => window.postMessage({ type: 'error', message: 'Boom' }, '*'));
  await page.locator('p.diag.error', { hasText: 'Boom' }).waitFor();
  assert.equal(await page.locator('table').count(), 0);
});
