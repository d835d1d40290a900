/**
 * The binding preview's webview bundle in real Chromium, outside the editor: a fake
 * `acquireVsCodeApi`, the host's CSP and styles, theme variables, and a result with a hostile
 * name. Checks the ELK layout is drawn, manifest names stay text, and the keyboard reveals sources.
 * Needs `npm run build` first (dist/webview/bindingPreview.js).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { simulateBindings } from '../../server/src/service/binding';
import { english } from '../../client/src/bindingPreview/uiText';

const root = resolve(__dirname, '../..');
const evil = '<img src=x onerror=alert(1)>';
const source = (uri: string, line: number) => ({
  uri,
  range: { start: { line, character: 0 }, end: { line: line + 5, character: 0 } },
});

function page(): string {
  const data = simulateBindings({
    volumes: [
      {
        object: {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: 'pv-a' },
          spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
        },
        source: source('file:///ws/pv.yaml', 0),
      },
    ],
    claims: [
      {
        object: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'orders', namespace: 'shop' },
          spec: {
            storageClassName: '',
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '1Gi' } },
          },
        },
        source: source('file:///ws/pvc.yaml', 7),
      },
      {
        object: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: evil, namespace: 'shop' },
          spec: {
            storageClassName: 'fast',
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: '1Gi' } },
          },
        },
      },
    ],
    storageClasses: [],
    statefulSets: [],
    workloads: [],
  });
  const update = {
    type: 'update',
    lang: 'en',
    strings: english,
    result: { ok: true, lang: 'en', data },
    state: { scope: 'workspace', namespace: '', search: '', nodeLabels: '' },
    scopeLabel: 'ws',
  };
  const html = readFileSync(join(root, 'client/src/bindingPreview/html.ts'), 'utf8');
  const styles = html.slice(html.indexOf('export const STYLES = `') + 23, html.lastIndexOf('`'));
  const script = readFileSync(join(root, 'dist/webview/bindingPreview.js'), 'utf8').replace(
    /<\/script/gi,
    '<\\/script',
  );
  const theme =
    ':root{--vscode-foreground:#ccc;--vscode-editor-background:#1e1e1e;--vscode-editorWidget-background:#252526;' +
    '--vscode-editor-foreground:#d4d4d4;--vscode-descriptionForeground:#9d9d9d;--vscode-charts-green:#89d185;' +
    '--vscode-editorWarning-foreground:#cca700;--vscode-focusBorder:#007fd4}';
  const dir = mkdtempSync(join(tmpdir(), 'kube-storage-binding-webview-'));
  const file = join(dir, 'index.html');
  writeFileSync(
    file,
    `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n'; script-src 'nonce-n'">
<style nonce="n">${theme}${styles}</style></head><body class="vscode-dark"><div id="app"></div>
<script nonce="n">window.sent=[];window.acquireVsCodeApi=()=>({postMessage:m=>window.sent.push(m),getState:()=>undefined,setState:()=>{}});
window.addEventListener('load',()=>setTimeout(()=>window.postMessage(${JSON.stringify(update).replace(/</g, '\\u003c')},'*'),0));</script>
<script nonce="n">${script}</script></body></html>`,
  );
  return pathToFileURL(file).href;
}

void test('binding preview webview: graph drawn, names escaped, keyboard reveals the source', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    let dialogs = 0;
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await tab.goto(page());
    await tab.waitForSelector('svg .node', { timeout: 30000 });
    const labels = await tab.$$eval('svg .node .label', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    assert.ok(labels.includes('orders') && labels.includes('pv-a'));
    assert.ok(
      labels.some((l) => l.startsWith('<img src=x')),
      'the hostile name is shown as text',
    );
    assert.equal(
      await tab.$$eval('img', (els) => els.length),
      0,
      'no element was created from the name',
    );
    assert.equal(dialogs, 0);
    const titles = await tab.$$eval('svg .node title', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    assert.ok(
      titles.some((t) => /smallest available volume/.test(t)),
      'the reason is on hover',
    );

    await tab.focus('svg .node');
    let found = false;
    for (let i = 0; i < 5 && !found; i++) {
      const label = await tab.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? '',
      );
      if (label.includes('orders')) found = true;
      else await tab.keyboard.press('Tab');
    }
    assert.ok(found, 'claim nodes are in the tab order');
    await tab.keyboard.press('Enter');
    const sent = await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
    assert.deepEqual(sent.at(-1), {
      type: 'reveal',
      uri: 'file:///ws/pvc.yaml',
      line: 7,
      character: 0,
    });
    assert.match((await tab.textContent('.details')) ?? '', /Bound to `pv-a`/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
