/**
 * "Read Storage From Cluster" in a real VS Code (code-server in Chromium) with the real kubectl
 * against the test's own API server (test/support/fakeKubeApi.ts, 127.0.0.1): the current context
 * is pre-selected, Enter reads it, the status bar names it, the binding preview shows the
 * cluster's Bound claim and gives the new claim the cluster's default class; forgetting the
 * snapshot hides the status bar item.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { clusterItems } from '../fixtures/clusterRead/objects';
import { startFakeKubeApi, type FakeKubeApi } from '../support/fakeKubeApi';
import { realTool } from '../support/tools';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { poll } from './support/steps';
import { webviewWith } from './support/webviews';
import {
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  type Workbench,
} from './support/workbench';

const kubectl = realTool('kubectl');

const unquoted = (text: string): string => text.replace(/[“”«»`]/g, '');

async function claimLabel(frame: Frame, name: string): Promise<string> {
  const node = frame.locator(
    `svg .node.kind-claim[aria-label^=${JSON.stringify(`PersistentVolumeClaim, ${name}, `)}]`,
  );
  return unquoted((await node.first().getAttribute('aria-label')) ?? '');
}

void describe('Read Storage From Cluster in VS Code', { skip: kubectl.missing }, () => {
  let api: FakeKubeApi;
  let server: CodeServer;
  let bench: Workbench;

  before(async () => {
    api = await startFakeKubeApi({ items: clusterItems });
    // code-server (and the kubectl it runs) inherits the environment: the test's kubeconfig.
    process.env.KUBECONFIG = api.kubeconfig;
    server = await startCodeServer({
      workspace: join(__dirname, 'workspace-cluster'),
      settings: { 'kubeStorage.kubectl.path': kubectl.path },
    });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
    await api?.close();
    delete process.env.KUBECONFIG;
  });

  void it('reads the current context and the preview starts from the cluster', async () => {
    const { page } = bench;
    await openFile(page, 'app.yaml');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('>Kubernetes Storage: Read Storage From Cluster');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Read Storage From Cluster' })
      .first()
      .click();
    // The contexts of the kubeconfig, the current one first and pre-selected.
    const current = page.locator('.quick-input-widget .monaco-list-row.focused', {
      hasText: 'current context',
    });
    await current.waitFor({ timeout: 30000 });
    assert.match(await current.innerText(), /fake/);
    await page.keyboard.press('Enter');
    const status = page.locator('.statusbar-item', { hasText: 'fake' });
    await status.waitFor({ timeout: 60000 });
    await page
      .locator('.notification-toast', { hasText: 'Storage of fake read' })
      .waitFor({ timeout: 30000 });
    assert.ok(api.requests.includes('GET /api/v1/persistentvolumeclaims'));
    assert.ok(
      api.requests.every((r) => r.startsWith('GET ')),
      'kubectl only read',
    );

    await runCommand(page, 'Kubernetes Storage: Show Binding Preview');
    const frame = await webviewWith(page, 'svg .node.kind-claim');
    const existing = await poll(page, 'the cluster claim in the preview', async () => {
      const label = await claimLabel(frame, 'data-postgres-0');
      return label ? label : undefined;
    });
    assert.match(existing, /· bound$/);
    // gp3, the cluster's default class, waits for the first consumer of the new claim (without
    // the snapshot, an unknown default class would provision it at once).
    assert.equal(
      await claimLabel(frame, 'exports'),
      'PersistentVolumeClaim, exports, shop · waits for first consumer',
    );
    await screenshot(page, '40-cluster-read');
  });

  void it('forgetting the snapshot hides the status bar item', async () => {
    const { page } = bench;
    await runCommand(page, 'Kubernetes Storage: Forget Cluster Snapshot');
    await page.locator('.statusbar-item', { hasText: 'fake' }).waitFor({ state: 'hidden' });
  });
});
