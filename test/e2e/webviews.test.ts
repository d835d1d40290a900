/**
 * The extension's webviews in a real VS Code (code-server in Chromium): the binding preview and
 * the Helm values inspector. Besides what they show, every scenario proves that names, labels,
 * annotations, chart comments and values carrying injection payloads are rendered as text: the
 * payload appears literally, no element or handler was created from it, and no dialog opened.
 * One code-server for the file; each scenario ends with a screenshot under test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { cursorStatus, poll, watchDialogs } from './support/steps';
import { INERT, inertReport, watchWebviewConsole, webviewWith } from './support/webviews';
import {
  goToPosition,
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  waitForEditorText,
  type Workbench,
} from './support/workbench';

const WORKSPACE = join(__dirname, 'workspace');

/**
 * Payloads of `workspace/binding/hostile.yaml` that the binding preview shows, and where:
 * names of a claim, a volume, a class and a pod, a namespace, a provisioner, a class a claim asks
 * for. Labels and annotations of the same objects carry more payloads the view does not show.
 */
const BINDING_PAYLOADS = {
  claimName: '<img src=x onerror=alert(1)>',
  pendingClaimName: '"><svg onload=alert(2)>',
  volumeName: '</title><img src=x onerror=alert(3)>',
  missingClass: 'javascript:alert(4)',
  namespace: '${7*7}<b onmouseover=alert(5)>ns',
  className: '<a href="javascript:alert(6)">x</a>',
  provisioner: '<style>*{display:none}</style>',
  podName: '&lt;b&gt;not bold&lt;/b&gt;',
};

/** Payloads of `workspace/chart/values.yaml`: a chart comment and two values. */
const CHART_PAYLOADS = {
  comment: '<img src=x onerror=alert(7)> a comment with markup must stay text',
  annotation: '<script>alert(8)</script>',
  motd: '<img src=x onerror="document.documentElement.dataset.pwned=1">',
};

const OUTCOMES = /· (bound|will be provisioned|waits for first consumer|stays Pending|Lost)$/;

/** Text without the quotes and backticks that mark names and phases (plain text or Markdown). */
const unquoted = (text: string): string => text.replace(/[“”«»`]/g, '');

/** aria-labels of the preview's graph nodes: "PersistentVolumeClaim, ledger, default · bound". */
async function nodeLabels(frame: Frame): Promise<string[]> {
  const labels = await frame
    .locator('svg .node')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
  return labels.map(unquoted);
}

function claimNode(frame: Frame, name: string) {
  return frame.locator(
    `svg .node.kind-claim[aria-label^=${JSON.stringify(`PersistentVolumeClaim, ${name}, `)}]`,
  );
}

async function claimLabel(page: Page, name: string): Promise<string> {
  const frame = await webviewWith(page, 'svg .node.kind-claim');
  return unquoted((await claimNode(frame, name).first().getAttribute('aria-label')) ?? '');
}

void describe('webviews in VS Code', () => {
  let server: CodeServer;
  let bench: Workbench;
  let dialogs: string[];
  let consoleLines: string[];

  before(async () => {
    server = await startCodeServer({ workspace: WORKSPACE });
    bench = await openWorkbench(server.url);
    dialogs = watchDialogs(bench.page);
    consoleLines = watchWebviewConsole(bench.page);
    // The views get the room the side bar would take (Ctrl+B toggles it).
    await bench.page.keyboard.press('Control+B');
    await bench.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  void it('binding preview: opens and shows the outcome of each claim', async () => {
    const { page } = bench;
    await openFile(page, 'ledger.yaml');
    await runCommand(page, 'Kubernetes Storage: Show Binding Preview');
    // The workspace has six claims (ledger, uploads, reports, scratch and two hostile ones).
    const frame = await webviewWith(page, 'svg .node.kind-claim');
    const claims = await poll(page, 'six claims in the graph', async () => {
      const labels = (await nodeLabels(frame)).filter((l) =>
        l.startsWith('PersistentVolumeClaim, '),
      );
      return labels.length === 6 ? labels : undefined;
    });
    for (const label of claims) assert.match(label, OUTCOMES, label);
    const byName = (name: string) =>
      claims.find((l) => l.startsWith(`PersistentVolumeClaim, ${name}, `));
    assert.equal(byName('ledger'), 'PersistentVolumeClaim, ledger, default · bound');
    assert.match(byName('uploads') ?? '', /· waits for first consumer$/);
    assert.match(byName(BINDING_PAYLOADS.pendingClaimName) ?? '', /· stays Pending$/);
    // The static volume is drawn as bound, and the status line counts what was simulated.
    assert.ok(
      (await nodeLabels(frame)).includes('PersistentVolume, pv-ledger, 20Gi · Bound, bound'),
    );
    assert.match(
      await frame.locator('.status').innerText(),
      /PersistentVolumeClaim: 6 · PersistentVolume: 2 · StorageClass: 3/,
    );
    // Selecting a claim shows why: the reason from the simulation.
    await claimNode(frame, 'ledger').click();
    await poll(
      page,
      'the details of ledger',
      async () =>
        /Bound to pv-ledger \(20Gi\)/.test(unquoted(await frame.locator('.details').innerText())) ||
        undefined,
    );
    // Selecting showed the reason only; the source opens on the explicit action, beside the
    // preview, which stays in view.
    assert.equal(await page.locator('.tabs-container .tab').count(), 2, 'no editor opened');
    await frame.locator('.details .open-source').click();
    // The claim's document starts at line 16 of ledger.yaml: the cursor goes there (the focus
    // stayed in the preview; the status bar shows the editor's cursor once it has the focus).
    await runCommand(page, 'View: Focus First Editor Group');
    await poll(
      page,
      'the cursor on the claim',
      async () => /Ln 1[5-7],/.test(await cursorStatus(page)) || undefined,
    );
    assert.ok(
      await page.locator('.tabs-container .tab.active', { hasText: 'Binding Preview' }).isVisible(),
      'the preview is still shown',
    );
    await screenshot(page, '10-binding-preview');
  });

  void it('binding preview: follows an edit of a claim', async () => {
    const { page } = bench;
    // "Open in editor" showed ledger.yaml beside the preview; edit the request in the first group.
    await runCommand(page, 'View: Focus First Editor Group');
    await openFile(page, 'ledger.yaml');
    // `      storage: 10Gi` is line 28 of ledger.yaml: 10Gi becomes 50Gi, more than pv-ledger's 20Gi.
    await goToPosition(page, 28, 16);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('5');
    await waitForEditorText(page, (t) => /^ {6}storage: 50Gi$/m.test(t));
    await poll(
      page,
      'ledger to stay Pending',
      async () => /· stays Pending$/.test(await claimLabel(page, 'ledger')) || undefined,
    );
    const frame = await webviewWith(page, 'svg .node.kind-claim');
    // The volume it held is free again.
    assert.ok(
      (await nodeLabels(frame)).some((l) =>
        l.startsWith('PersistentVolume, pv-ledger, 20Gi · Available'),
      ),
      (await nodeLabels(frame)).join('\n'),
    );
    // Typing a quantity opens quantity suggestions: close them for the picture.
    await page.keyboard.press('Escape');
    await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden' });
    await screenshot(page, '11-binding-preview-after-edit');
    // Undo: bound again.
    await page.keyboard.press('Control+Z');
    await waitForEditorText(page, (t) => /^ {6}storage: 10Gi$/m.test(t));
    await poll(
      page,
      'ledger to be bound again',
      async () => /· bound$/.test(await claimLabel(page, 'ledger')) || undefined,
    );
  });

  void it('binding preview: renders hostile names as text and runs nothing', async () => {
    const { page } = bench;
    const frame = await webviewWith(page, 'svg .node.kind-claim');
    const labels = await nodeLabels(frame);
    const expected = [
      `PersistentVolumeClaim, ${BINDING_PAYLOADS.claimName}, ${BINDING_PAYLOADS.namespace} · bound`,
      `PersistentVolumeClaim, ${BINDING_PAYLOADS.pendingClaimName}, default · stays Pending`,
      `PersistentVolume, ${BINDING_PAYLOADS.volumeName}, 5Gi · Bound, bound`,
      `StorageClass, ${BINDING_PAYLOADS.className}, ${BINDING_PAYLOADS.provisioner}`,
      `Workload, ${BINDING_PAYLOADS.podName}, Pod · default`,
    ];
    for (const label of expected) assert.ok(labels.includes(label), `missing node ${label}`);
    // The drawn text: each label starts with the payload (long ones are cut with an ellipsis).
    const drawn = await frame
      .locator('svg .node .label')
      .evaluateAll((texts) => texts.map((t) => t.textContent ?? ''));
    for (const payload of [
      BINDING_PAYLOADS.claimName,
      BINDING_PAYLOADS.volumeName,
      BINDING_PAYLOADS.className,
      BINDING_PAYLOADS.podName,
    ]) {
      assert.ok(
        drawn.some((d) => d.length >= 10 && payload.startsWith(d.replace(/…$/, ''))),
        `no drawn label for ${payload}: ${drawn.join(' | ')}`,
      );
    }
    // The details of the pending claim: its name, the missing class, the rejected hostile volume.
    await claimNode(frame, BINDING_PAYLOADS.pendingClaimName).click();
    const details = frame.locator('.details');
    await poll(
      page,
      'the details of the hostile claim',
      async () =>
        (
          await details
            .locator('h2')
            .innerText()
            .catch(() => '')
        ).includes(BINDING_PAYLOADS.pendingClaimName) || undefined,
    );
    const detailsText = unquoted(await details.innerText());
    assert.ok(detailsText.includes(`StorageClass ${BINDING_PAYLOADS.missingClass}`), detailsText);
    // The first code element of each row names the volume (the reason may hold more).
    assert.deepEqual(await details.locator('ul.rejected li > code:first-child').allTextContents(), [
      BINDING_PAYLOADS.volumeName,
      'pv-ledger',
    ]);
    assert.ok(detailsText.includes(`Its class is ${BINDING_PAYLOADS.className}`), detailsText);
    await screenshot(page, '12-binding-preview-hostile-names');
    assert.deepEqual(await inertReport(frame), INERT);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleLines, []);
  });

  void it('Helm values inspector: shows the storage values of a chart, chart text as text', async () => {
    const { page } = bench;
    // Close the binding preview (its group goes with it): the inspector gets the editor area.
    const previewTab = page.locator('.tabs-container .tab', { hasText: 'Binding Preview' });
    await previewTab.hover();
    await previewTab.locator('.tab-actions .action-label').click();
    await previewTab.waitFor({ state: 'detached' });
    await runCommand(page, 'View: Focus First Editor Group');
    await openFile(page, 'chart/Chart.yaml');
    await runCommand(page, 'Kubernetes Storage: Inspect Helm Chart Values');
    const frame = await webviewWith(page, 'table tr.group');
    assert.equal(await frame.locator('h1').innerText(), 'ledger-db 0.3.1');
    // Rows in table order: the group headers, then one row per value (its path in the title).
    const rows = await poll(page, 'the values table', async () => {
      const found = await frame.locator('table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          group: tr.classList.contains('group') ? (tr.textContent ?? '') : undefined,
          path: tr.querySelector('td.path code')?.getAttribute('title') ?? undefined,
          cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
        })),
      );
      return found.some((r) => r.path === 'motd') ? found : undefined;
    });
    const storageHeader = rows.findIndex((r) => r.group?.startsWith('Storage values'));
    const otherHeader = rows.findIndex((r) => r.group?.startsWith('Other values'));
    assert.ok(
      storageHeader === 0 && otherHeader > storageHeader,
      JSON.stringify(rows.map((r) => r.group ?? r.path)),
    );
    const storagePaths = rows.slice(storageHeader + 1, otherHeader).map((r) => r.path);
    for (const path of [
      'persistence.enabled',
      'persistence.storageClass',
      'persistence.accessModes',
      'persistence.size',
    ])
      assert.ok(
        storagePaths.includes(path),
        `${path} is not among the storage values: ${storagePaths.join(', ')}`,
      );
    assert.ok(!storagePaths.includes('image.repository') && !storagePaths.includes('motd'));
    const row = (path: string) => rows.find((r) => r.path === path)!;
    // Cells: value, chart default, your value, type, used in, chart comment.
    assert.equal(row('persistence.size').cells[1], '8Gi');
    assert.equal(row('persistence.size').cells[5], 'Requested capacity of the data volume.');
    assert.match(row('persistence.size').cells[4]!, /statefulset\.yaml:47/);
    assert.equal(row('persistence.storageClass').cells[1], '""');
    // Hostile chart text, literally.
    assert.equal(row('persistence.annotations').cells[5], CHART_PAYLOADS.comment);
    assert.equal(row('persistence.annotations.note').cells[1], CHART_PAYLOADS.annotation);
    assert.equal(row('motd').cells[1], CHART_PAYLOADS.motd);
    await frame
      .locator('table tbody tr', { hasText: 'persistence' })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(page, '13-helm-values-inspector');
    assert.deepEqual(await inertReport(frame), INERT);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleLines, []);
  });
});
