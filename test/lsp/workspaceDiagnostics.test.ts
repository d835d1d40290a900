/**
 * Problems of files that are not open: pushed for the whole workspace, re-pushed only where they
 * changed (the file changed on disk, or the cross-file findings moved), bounded by a cap, and
 * withdrawn with `kubeStorage.diagnostics.scope: openFiles`.
 */
import assert from 'node:assert/strict';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { TestClient } from './support/client';
import { WORKSPACE_DELAY_MS } from '../../server/src/lsp/diagnostics';
import { makeTempDir } from '../support/tempDir';

const storageClass = (name: string): string =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: ebs.csi.aws.com\n`;

const claim = (name: string, className: string, mode = 'ReadWriteOnce'): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  storageClassName: ${className}\n  accessModes: [${mode}]\n  resources:\n    requests:\n      storage: 5Gi\n`;

const codes = (ds: { code?: string | number }[]): string[] => ds.map((d) => String(d.code));

/** Long enough for the workspace pass (it waits for a pause, then works) to have run. */
const settleMs = WORKSPACE_DELAY_MS * 4;

describe('LSP: problems of files that are not open', () => {
  let client: TestClient;
  let root: string;
  const uri = (name: string): string => pathToFileURL(join(root, name)).href;
  const write = (name: string, text: string): void => writeFileSync(join(root, name), text);

  beforeEach(() => {
    root = makeTempDir('kube-storage-lsp-ws-');
    write('classes.yaml', storageClass('fast-ssd'));
    write('orders.yaml', claim('orders', 'fast-ssd'));
    write('typo.yaml', claim('invoices', 'fast-ssd', 'ReadWriteOnse'));
  });

  afterEach(async () => {
    await client?.stop();
  });

  it('reports a file nobody opened, and only files with problems', async () => {
    client = await TestClient.start({ rootPath: root });
    const ds = await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length > 0);
    assert.deepEqual(codes(ds), ['invalid-enum']);
    assert.equal(client.published(uri('typo.yaml'))?.version, undefined, 'no editor version');
    await delay(settleMs);
    assert.equal(client.published(uri('orders.yaml')), undefined, 'nothing to say, nothing sent');
    assert.equal(client.published(uri('classes.yaml')), undefined);
  });

  it('a change on disk re-reports that file and the files whose cross-file findings changed', async () => {
    client = await TestClient.start({ rootPath: root });
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length > 0);
    await delay(settleMs);
    const typoPublishes = client.publishCounts.get(uri('typo.yaml'));

    // The class is renamed on disk: the claim in another, unopened file now names a missing class.
    write('classes.yaml', storageClass('standard'));
    await client.filesChanged([{ uri: uri('classes.yaml'), type: 2 }]);
    const orders = await client.waitForDiagnostics(uri('orders.yaml'), (x) => x.length > 0);
    assert.deepEqual(codes(orders), ['storage-class-not-found']);
    await client.waitForDiagnostics(uri('typo.yaml'), (x) =>
      codes(x).includes('storage-class-not-found'),
    );

    // A change that moves no cross-file result (the typo fixed) re-publishes that file alone.
    await delay(settleMs);
    const ordersPublishes = client.publishCounts.get(uri('orders.yaml'));
    write('typo.yaml', claim('invoices', 'standard'));
    await client.filesChanged([{ uri: uri('typo.yaml'), type: 2 }]);
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 0);
    await delay(settleMs);
    assert.equal(client.publishCounts.get(uri('orders.yaml')), ordersPublishes);
    assert.ok((client.publishCounts.get(uri('typo.yaml')) ?? 0) > (typoPublishes ?? 0));

    // The class comes back: the claim's finding goes; a deleted file's problems go with it.
    write('classes.yaml', storageClass('fast-ssd'));
    await client.filesChanged([{ uri: uri('classes.yaml'), type: 2 }]);
    await client.waitForDiagnostics(uri('orders.yaml'), (x) => x.length === 0);
    await client.waitForDiagnostics(uri('typo.yaml'), (x) =>
      codes(x).includes('storage-class-not-found'),
    );
    unlinkSync(join(root, 'typo.yaml'));
    await client.filesChanged([{ uri: uri('typo.yaml'), type: 3 }]);
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 0);
  });

  it('an open file reports the editor text; closed, the file on disk again', async () => {
    client = await TestClient.start({ rootPath: root });
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 1);
    await client.open(uri('typo.yaml'), claim('invoices', 'fast-ssd'));
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 0);
    assert.equal(client.published(uri('typo.yaml'))?.version, 1);
    // Closed without saving: the typo on disk is what the workspace holds.
    await client.close(uri('typo.yaml'));
    const ds = await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 1);
    assert.deepEqual(codes(ds), ['invalid-enum']);
  });

  it('scope openFiles withdraws the problems of unopened files, workspace brings them back', async () => {
    client = await TestClient.start({ rootPath: root, settings: {} });
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 1);
    await client.open(uri('open.yaml'), claim('open', 'fast-ssd', 'Sometimes'));
    await client.waitForDiagnostics(uri('open.yaml'), (x) => x.length === 1);
    await client.changeSettings({ diagnostics: { scope: 'openFiles' } });
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 0);
    await delay(settleMs);
    assert.equal(client.published(uri('open.yaml'))?.diagnostics.length, 1, 'open files stay');
    await client.changeSettings({ diagnostics: { scope: 'workspace' } });
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 1);
  });

  it('starting with scope openFiles reports open files only', async () => {
    client = await TestClient.start({
      rootPath: root,
      settings: { diagnostics: { scope: 'openFiles' } },
    });
    await client.open(uri('open.yaml'), claim('open', 'fast-ssd', 'Sometimes'));
    await client.waitForDiagnostics(uri('open.yaml'), (x) => x.length === 1);
    await delay(settleMs);
    assert.equal(client.published(uri('typo.yaml')), undefined);
  });

  it('reports at most maxUnopenedFiles files; a freed slot goes to the next one', async () => {
    write('a-typo.yaml', claim('first', 'fast-ssd', 'ReadWriteOnse'));
    client = await TestClient.start({
      rootPath: root,
      settings: { diagnostics: { maxUnopenedFiles: 1 } },
    });
    await client.waitForDiagnostics(uri('a-typo.yaml'), (x) => x.length === 1);
    await delay(settleMs);
    assert.equal(client.published(uri('typo.yaml')), undefined, 'over the cap, in path order');
    write('a-typo.yaml', claim('first', 'fast-ssd'));
    await client.filesChanged([{ uri: uri('a-typo.yaml'), type: 2 }]);
    await client.waitForDiagnostics(uri('a-typo.yaml'), (x) => x.length === 0);
    await client.waitForDiagnostics(uri('typo.yaml'), (x) => x.length === 1);
    // Raising the cap reports both.
    write('a-typo.yaml', claim('first', 'fast-ssd', 'ReadWriteOnse'));
    await client.filesChanged([{ uri: uri('a-typo.yaml'), type: 2 }]);
    await client.changeSettings({ diagnostics: { maxUnopenedFiles: 10 } });
    await client.waitForDiagnostics(uri('a-typo.yaml'), (x) => x.length === 1);
    assert.equal(client.published(uri('typo.yaml'))?.diagnostics.length, 1);
  });
});
