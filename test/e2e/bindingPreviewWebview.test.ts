/**
 * The binding preview's webview bundle in real Chromium, outside the editor: a fake
 * `acquireVsCodeApi`, the host's CSP and styles, theme variables, and a result with a hostile
 * name. Checks the ELK layout is drawn, manifest names stay text, and the keyboard reveals sources.
 * Needs `npm run build` first (dist/webview/bindingPreview.js).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  simulateBindings,
  type BindingInput,
  type BindingResult,
} from '../../server/src/service/binding';
import { english } from '../../client/src/bindingPreview/uiText';
import { makeTempDir } from '../support/tempDir';

const root = resolve(__dirname, '../..');
const evil = '<img src=x onerror=alert(1)>';
const source = (uri: string, line: number) => ({
  uri,
  range: { start: { line, character: 0 }, end: { line: line + 5, character: 0 } },
});

function sampleData(): BindingResult {
  return simulateBindings({
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
}

function page(data: BindingResult = sampleData()): string {
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
  const dir = makeTempDir('kube-storage-binding-webview-');
  const file = join(dir, 'index.html');
  writeFileSync(
    file,
    `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n'; script-src 'nonce-n'; worker-src blob:">
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
    // Enter shows the reason beside the node; the source opens only on the explicit action.
    await tab.waitForSelector('.details.open .open-source');
    const before = await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
    assert.ok(!before.some((m) => (m as { type: string }).type === 'reveal'));
    await tab.click('.details .open-source');
    const sent = await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
    assert.deepEqual(sent.at(-1), {
      type: 'reveal',
      uri: 'file:///ws/pvc.yaml',
      line: 7,
      character: 0,
    });
    assert.match((await tab.textContent('.details')) ?? '', /Bound to `?pv-a`?/);
    assert.equal(await tab.getAttribute('.canvas', 'data-layout'), 'worker', 'ELK ran in a worker');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

/** 1,000 claims in two namespaces (most bound to their own volume, some Pending), 1,000 volumes. */
function largeData(): BindingResult {
  const volumes = [];
  const claims = [];
  for (let i = 0; i < 1000; i++) {
    const namespace = i % 2 ? 'shop' : 'billing';
    volumes.push({
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: `pv-${i}` },
        spec: {
          capacity: { storage: '10Gi' },
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'manual',
          claimRef: i % 10 ? { namespace, name: `data-${i}` } : undefined,
        },
      },
      source: source('file:///ws/volumes.yaml', i * 12),
    });
    claims.push({
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: `data-${i}`, namespace },
        spec: {
          storageClassName: i % 10 ? 'manual' : 'missing',
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '5Gi' } },
        },
      },
      source: source('file:///ws/claims.yaml', i * 12),
    });
  }
  const input = { volumes, claims, storageClasses: [], statefulSets: [], workloads: [] };
  return simulateBindings(input as unknown as BindingInput);
}

void test('binding preview webview: 1,000 claims are drawn in groups, fast, and an edit keeps zoom and scroll', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 700, height: 500 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    const data = largeData();
    const started = Date.now();
    await tab.goto(page(data));
    await tab.waitForSelector('svg .node.group', { timeout: 30000 });
    const firstFrameMs = Date.now() - started;
    const nodes = await tab.$$eval('svg .node', (els) => els.length);
    assert.ok(nodes < 40, `${nodes} boxes for 2,000 objects`);
    assert.match((await tab.textContent('.grouped')) ?? '', /^2000 objects are drawn in groups/);
    assert.ok(firstFrameMs < 8000, `first frame in ${firstFrameMs} ms`);
    // One page, one scrollbar: the document never scrolls, the canvas does.
    const overflow = await tab.evaluate(() => ({
      page: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    }));
    assert.ok(overflow.page <= 1, JSON.stringify(overflow));

    // Zoom in and scroll; then the host sends an update in which one claim changed.
    await tab.click('.zoom button:nth-of-type(2)');
    await tab.click('.zoom button:nth-of-type(2)');
    const zoom = await tab.textContent('.zoom-level');
    const scrolledTo = await tab.evaluate(() => {
      const canvas = document.querySelector('.canvas')!;
      canvas.scrollTop = 120;
      return canvas.scrollTop;
    });
    assert.ok(scrolledTo > 0, 'the zoomed graph scrolls');
    await tab.evaluate(() => {
      (document.querySelector('.canvas svg') as SVGElement & { marked?: boolean }).marked = true;
    });
    // The same result again: nothing is laid out or drawn (the very same SVG stays).
    const again = {
      type: 'update',
      lang: 'en',
      strings: english,
      result: { ok: true, lang: 'en', data },
      state: { scope: 'workspace', namespace: '', search: '', nodeLabels: '' },
      scopeLabel: 'ws',
    };
    await tab.evaluate((m) => window.postMessage(m, '*'), again);
    await tab.waitForTimeout(300);
    assert.equal(
      await tab.evaluate(
        () => (document.querySelector('.canvas svg') as SVGElement & { marked?: boolean }).marked,
      ),
      true,
    );
    // A claim becomes Pending: redrawn, with the zoom and the scroll position kept.
    const changed = structuredClone(data);
    const claim = changed.claims.find((c) => c.outcome === 'bound' && c.namespace === 'shop')!;
    claim.outcome = 'pending';
    claim.phase = 'Pending';
    await tab.evaluate((m) => window.postMessage(m, '*'), {
      ...again,
      result: { ok: true, lang: 'en', data: changed },
    });
    await tab.waitForFunction(
      () => !(document.querySelector('.canvas svg') as SVGElement & { marked?: boolean }).marked,
    );
    assert.equal(await tab.textContent('.zoom-level'), zoom);
    // Kept where it was (as far as the new picture reaches).
    const scroll = await tab.evaluate((before) => {
      const canvas = document.querySelector('.canvas')!;
      return {
        top: canvas.scrollTop,
        expected: Math.min(before, canvas.scrollHeight - canvas.clientHeight),
      };
    }, scrolledTo);
    assert.ok(
      scroll.top > 0 && Math.abs(scroll.top - scroll.expected) <= 1,
      JSON.stringify(scroll),
    );

    // A group's details float beside it, with the way to its single objects.
    await tab.click('svg .node.group.kind-claim.status-pending');
    await tab.waitForSelector('.details.open');
    assert.match((await tab.textContent('.details')) ?? '', /objects in this group/);
    const placed = await tab.evaluate(() => {
      const d = document.querySelector('.details')!.getBoundingClientRect();
      return d.top >= 0 && d.bottom <= window.innerHeight;
    });
    assert.ok(placed, 'the details are within the view, not below the fold');
    await tab.click('.details .show-namespace');
    await tab.waitForFunction(() => !document.querySelector('.details.open'));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

/** A chart's StatefulSet (two replicas) beside the workspace's volume, and a chart helm could not render. */
function chartData(): BindingResult {
  const rendered = {
    ...source('kube-storage-rendered:/1a2b/postgresql.yaml', 1),
    rendered: {
      chart: 'file:///ws/prod-values.yaml',
      template: {
        file: 'templates/statefulset.yaml',
        line: 21,
        uri: 'file:///ws/postgresql/templates/statefulset.yaml',
      },
      values: [
        {
          field: 'resources.requests.storage',
          path: 'persistence.size',
          label: 'prod-values.yaml',
          uri: 'file:///ws/prod-values.yaml',
          line: 3,
        },
      ],
    },
  };
  const podSpec = {
    containers: [{ name: 'pg', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
  };
  const sts = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'myrelease-postgresql', namespace: 'db' },
    spec: {
      replicas: 2,
      serviceName: 'myrelease-postgresql',
      selector: { matchLabels: { app: 'pg' } },
      template: { metadata: { labels: { app: 'pg' } }, spec: podSpec },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: '',
            resources: { requests: { storage: '8Gi' } },
          },
        },
      ],
    },
  };
  const data = simulateBindings({
    volumes: [
      {
        object: {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: 'pv-db' },
          spec: {
            capacity: { storage: '10Gi' },
            accessModes: ['ReadWriteOnce'],
            storageClassName: '',
            hostPath: { path: '/srv/db' },
          },
        },
        source: source('file:///ws/pv.yaml', 0),
      },
    ],
    claims: [],
    storageClasses: [],
    statefulSets: [{ object: sts, source: rendered }],
    workloads: [
      {
        kind: 'StatefulSet',
        namespace: 'db',
        name: 'myrelease-postgresql',
        podSpec,
        source: rendered,
      },
    ],
  } as unknown as BindingInput);
  return {
    ...data,
    charts: [
      {
        id: 'file:///ws/prod-values.yaml',
        name: 'postgresql',
        release: 'myrelease',
        valuesFiles: ['postgresql/values.yaml', 'prod-values.yaml'],
        valuesUri: 'file:///ws/prod-values.yaml',
        objects: 3,
      },
      {
        id: 'file:///ws/ledger-values.yaml',
        name: 'ledger',
        release: 'books',
        valuesFiles: ['ledger/values.yaml', 'ledger-values.yaml'],
        valuesUri: 'file:///ws/ledger-values.yaml',
        objects: 0,
        problem: {
          en: 'execution error: `auth.password` is required',
          ru: 'нужно `auth.password`',
        },
      },
    ],
  };
}

void test("binding preview webview: a rendered chart's objects in a chart box; a claim opens its template", async () => {
  const browser = await chromium.launch({
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 640 } });
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(page(chartData()));
    await tab.waitForSelector('svg .chart', { timeout: 30000 });
    const charts = await tab.$$eval('svg .chart .label', (els) => els.map((e) => e.textContent));
    assert.deepEqual(charts, ['⎈ postgresql', '⎈ ledger']);
    // The chart's box holds its claims and its StatefulSet; the workspace's volume is outside.
    // (No named functions in evaluate: tsx would wrap them in a helper the page lacks.)
    const inside = await tab.evaluate(
      (ids) => {
        const box = document
          .querySelector('svg .chart[data-id="chart:file:///ws/prod-values.yaml"] .chart-box')!
          .getBoundingClientRect();
        return ids.map((id) => {
          const r = document.querySelector(`svg .node[data-id="${id}"]`)!.getBoundingClientRect();
          return (
            r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom
          );
        });
      },
      [
        'claim:db/data-myrelease-postgresql-0',
        'workload:StatefulSet/db/myrelease-postgresql',
        'volume:pv-db',
      ],
    );
    assert.deepEqual(inside, [true, true, false], 'claim and StatefulSet inside, volume outside');
    assert.match((await tab.textContent('.status')) ?? '', /Chart: 2/);
    await tab.waitForSelector('vscode-checkbox.charts-toggle:not([hidden])');
    if (process.env.E2E_SCREENSHOT)
      await tab.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });

    await tab.click('svg .node[data-id="claim:db/data-myrelease-postgresql-1"]');
    await tab.waitForSelector('.details.open');
    const text = (await tab.textContent('.details')) ?? '';
    assert.match(text, /Rendered from the chart postgresql \(release myrelease\)/);
    assert.match(text, /Template templates\/statefulset\.yaml, line 22/);
    assert.match(text, /persistence\.size in prod-values\.yaml, line 4/);
    assert.match(text, /pv-db/, 'why it stays Pending');
    assert.equal(await tab.$$eval('.details .open-source', (els) => els.length), 1);
    await tab.click('.details .open-source');
    const sent = await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
    assert.deepEqual(sent.at(-1), {
      type: 'reveal',
      uri: 'file:///ws/postgresql/templates/statefulset.yaml',
      line: 21,
      character: 0,
    });
    await tab.click('.details button.link');
    const value = await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
    assert.deepEqual(value.at(-1), {
      type: 'reveal',
      uri: 'file:///ws/prod-values.yaml',
      line: 3,
      character: 0,
    });

    // The chart helm could not render says why.
    await tab.click('svg .chart.status-failed');
    await tab.waitForSelector('.details.open .reason');
    assert.match((await tab.textContent('.details')) ?? '', /auth\.password is required/);
    if (process.env.E2E_SCREENSHOT)
      await tab.screenshot({ path: process.env.E2E_SCREENSHOT.replace(/\.png$/, '-failed.png') });

    // The switch hides the charts: the host is asked again without them.
    await tab.click('vscode-checkbox.charts-toggle');
    const toggled = await tab.evaluate(() => (window as unknown as { sent: unknown[] }).sent);
    assert.deepEqual(
      (toggled.at(-1) as { type: string; state: { renderedCharts?: boolean } }).state
        .renderedCharts,
      false,
    );
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
