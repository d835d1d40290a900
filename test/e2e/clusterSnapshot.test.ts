/**
 * A cluster snapshot file named in `kubeStorage.cluster.snapshots`, in a real VS Code (code-server
 * in Chromium): the `kind: List` that `kubectl get storageclasses,persistentvolumes,
 * persistentvolumeclaims -A -o yaml` prints, with an existing Bound claim and its volume, a free
 * NFS volume, a Released one whose claim was deleted, and the default class. The binding preview
 * starts from it: the existing claim stays bound (the repository's copy of it, db.yaml, is what
 * was applied, not a claim to provision), a new claim binds to the free volume, a claim
 * without a class and a Deployment's generic ephemeral volume are provisioned by the cluster's
 * default class. The snapshot is never linted: the Problems panel lists the manifests' problems,
 * none of the snapshot's (as a manifest, the Released volume's `claimRef` would be
 * `claim-ref-not-found`). clusterRead.test.ts covers the snapshot read with kubectl.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { poll, problemsByFile, showProblems } from './support/steps';
import { webviewWith } from './support/webviews';
import {
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  type Workbench,
} from './support/workbench';

/** Text without the quotes and backticks that mark names and phases. */
const unquoted = (text: string): string => text.replace(/[“”«»`]/g, '');

function claimNode(frame: Frame, name: string) {
  return frame.locator(
    `svg .node.kind-claim[aria-label^=${JSON.stringify(`PersistentVolumeClaim, ${name}, `)}]`,
  );
}

async function claimLabel(frame: Frame, name: string): Promise<string> {
  const node = claimNode(frame, name);
  return (await node.count())
    ? unquoted((await node.first().getAttribute('aria-label')) ?? '')
    : '';
}

/** Selects a claim and returns the details panel's text once it shows `expected`. */
async function detailsOf(
  bench: Workbench,
  frame: Frame,
  name: string,
  expected: RegExp,
): Promise<string> {
  await claimNode(frame, name).first().click();
  return poll(bench.page, `the details of ${name}`, async () => {
    const text = unquoted(await frame.locator('.details').innerText());
    return expected.test(text) ? text : undefined;
  });
}

void describe('a cluster snapshot file in VS Code', () => {
  let server: CodeServer;
  let bench: Workbench;

  before(async () => {
    server = await startCodeServer({
      workspace: join(__dirname, 'workspace-snapshot'),
      settings: { 'kubeStorage.cluster.snapshots': ['cluster/storage.yaml'] },
    });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  void it('the snapshot has no problems; the manifests are checked against the cluster', async () => {
    const { page } = bench;
    // Opened, the snapshot gets the editor's full attention, and still no diagnostics.
    await openFile(page, 'storage.yaml');
    await openFile(page, 'app.yaml');
    await showProblems(page);
    const byFile = await poll(
      page,
      'reports.yaml in the Problems panel',
      async () => {
        const problems = await problemsByFile(page);
        return problems.has('reports.yaml') ? problems : undefined;
      },
      60000,
    );
    const reports = byFile.get('reports.yaml')!;
    // The class the claim names is not in the cluster; the snapshot's classes count.
    assert.ok(
      reports.some((m) => /fast-ssd/.test(m)),
      reports.join('\n'),
    );
    assert.equal(byFile.get('storage.yaml'), undefined, [...byFile.keys()].join(', '));
    // No "claim not found" for the claim the Deployment mounts: the cluster has it.
    assert.equal(byFile.get('app.yaml'), undefined, (byFile.get('app.yaml') ?? []).join('\n'));
    await screenshot(page, '41-cluster-snapshot-problems');
  });

  void it('the binding preview starts from the snapshot', async () => {
    const { page } = bench;
    await openFile(page, 'app.yaml');
    await runCommand(page, 'Kubernetes Storage: Show Binding Preview');
    const frame = await webviewWith(page, 'svg .node.kind-claim');
    const existing = await poll(page, 'the cluster claim in the preview', async () => {
      const label = await claimLabel(frame, 'orders-db');
      return label || undefined;
    });
    assert.equal(existing, 'PersistentVolumeClaim, orders-db, shop · bound');
    assert.equal(
      await claimLabel(frame, 'archive'),
      'PersistentVolumeClaim, archive, shop · bound',
    );
    assert.equal(
      await claimLabel(frame, 'uploads'),
      'PersistentVolumeClaim, uploads, shop · will be provisioned',
    );
    assert.equal(
      await claimLabel(frame, 'thumbnailer-…-work'),
      'PersistentVolumeClaim, thumbnailer-…-work, shop · will be provisioned',
    );

    const existingDetails = await detailsOf(bench, frame, 'orders-db', /Already bound to/);
    assert.match(existingDetails, /Already bound to pvc-7c0d2a4e-51b9-4f6e-8d3a-2f9b6e1c4a88/);
    // The new claim takes the snapshot's Available volume.
    const archive = await detailsOf(bench, frame, 'archive', /Bound to nfs-archive-01/);
    assert.match(archive, /Bound to nfs-archive-01 \(500Gi\)/);
    // No class: the cluster's default class (in the snapshot) provisions it.
    const uploads = await detailsOf(bench, frame, 'uploads', /longhorn/);
    assert.match(uploads, /StorageClass longhorn \(provisioner driver\.longhorn\.io\)/);
    assert.match(uploads, /gets the default StorageClass longhorn/);
    // A generic ephemeral volume: one claim per pod, the generated part of its name a placeholder.
    const work = await detailsOf(bench, frame, 'thumbnailer-…-work', /Deployment thumbnailer/);
    assert.match(work, /Created for each pod of Deployment thumbnailer/);
    assert.match(work, /StorageClass longhorn/);

    const volumes = await frame
      .locator('svg .node.kind-volume')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
    // The new claim passed over the Released volume (smaller, but never reused).
    assert.ok(
      volumes
        .map(unquoted)
        .some((l) => l.startsWith('PersistentVolume, nfs-reports-2023, 300Gi · Released')),
      volumes.join('\n'),
    );
    assert.ok(
      volumes
        .map(unquoted)
        .some((l) => l.startsWith('PersistentVolume, nfs-archive-01, 500Gi · Bound')),
      volumes.join('\n'),
    );
    await screenshot(page, '42-cluster-snapshot-preview');
  });
});
