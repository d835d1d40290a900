/**
 * A rendered chart in the binding preview, in a real VS Code (code-server in Chromium) with the
 * real helm: the values file of the test chart `ledger` beside a PersistentVolume of the
 * workspace. The chart's claims are drawn in the chart's box, one binds to the workspace's
 * volume and its twin stays `Pending` with the reason; "Open template" opens the template line
 * that wrote the claim.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { realTool } from '../support/tools';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { cursorStatus, poll } from './support/steps';
import { webviewWith } from './support/webviews';
import {
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  type Workbench,
} from './support/workbench';
import { makeTempDir } from '../support/tempDir';

const helm = realTool('helm');

const VALUES = `auth:
  password: s3cret
replicaCount: 2
persistence:
  storageClass: manual
  size: 30Gi
wal:
  enabled: false
`;

const VOLUME = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-ledger
spec:
  capacity:
    storage: 40Gi
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath:
    path: /srv/ledger
`;

/** The aria-labels of the claims drawn in the chart's box (kind, name, detail). */
async function chartClaims(frame: Frame): Promise<string[]> {
  return frame
    .locator('svg .node.kind-claim')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
    .then((labels) => labels.map((l) => l.replace(/[“”]/g, '')));
}

void describe('a rendered chart in the binding preview', { skip: helm.missing }, () => {
  let dir: string;
  let server: CodeServer;
  let bench: Workbench;

  before(async () => {
    dir = makeTempDir('ks-e2e-preview-chart-');
    cpSync(resolve(__dirname, '../fixtures/helm-render/ledger'), join(dir, 'ledger'), {
      recursive: true,
    });
    writeFileSync(join(dir, 'my-values.yaml'), VALUES);
    writeFileSync(join(dir, 'pv.yaml'), VOLUME);
    server = await startCodeServer({
      workspace: dir,
      settings: { 'kubeStorage.helm.path': helm.path, 'kubeStorage.helm.release': 'books' },
    });
    // `kubeStorage.helm.path` is machine-scoped: code-server's window reads it from there.
    const machine = join(server.runDir, 'user-data', 'Machine');
    mkdirSync(machine, { recursive: true });
    writeFileSync(
      join(machine, 'settings.json'),
      JSON.stringify({ 'kubeStorage.helm.path': helm.path }),
    );
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  void it("the chart's claims in its box, bound to the workspace's volume or Pending; Open template", async () => {
    const { page } = bench;
    await openFile(page, 'my-values.yaml');
    await runCommand(page, 'Kubernetes Storage: Show Binding Preview');
    const frame = await webviewWith(page, 'svg .chart');
    const claims = await poll(page, "the chart's two claims", async () => {
      const labels = await chartClaims(frame);
      return labels.length === 2 ? labels.sort() : undefined;
    });
    assert.deepEqual(claims, [
      'PersistentVolumeClaim, data-books-ledger-0, default · bound',
      'PersistentVolumeClaim, data-books-ledger-1, default · stays Pending',
    ]);
    assert.equal(
      await frame.locator('svg .chart .label').first().textContent(),
      '⎈ ledger',
      "the chart's box",
    );
    assert.match(
      (await frame.locator('svg .chart .detail').first().textContent()) ?? '',
      /release books · my-values\.yaml/,
    );
    await frame
      .locator('svg .node.kind-claim[aria-label^="PersistentVolumeClaim, data-books-ledger-1,"]')
      .click();
    const details = await poll(page, 'the details of the Pending claim', async () => {
      const text = await frame.locator('.details').innerText();
      return /Template/.test(text) ? text : undefined;
    });
    assert.match(details, /Rendered from the chart ledger \(release books\)/);
    assert.match(details, /Template templates\/statefulset\.yaml, line 52/);
    assert.match(details, /pv-ledger/, 'why it stays Pending');
    await screenshot(page, '45-binding-preview-rendered-chart');

    await frame.locator('.details .open-source').click();
    await page.locator('.tabs-container .tab[data-resource-name="statefulset.yaml"]').waitFor();
    await runCommand(page, 'View: Focus First Editor Group');
    await poll(
      page,
      'the cursor on the claim template',
      async () => /Ln 52,/.test(await cursorStatus(page)) || undefined,
    );
  });
});
