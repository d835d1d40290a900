import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { messageOf, TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

const pvc = (modes: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [${modes}]\n  resources:\n    requests:\n      storage: 1Gi\n`;

describe('LSP: diagnostics over stdio', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = makeTempDir('kube-storage-lsp-');
    writeFileSync(join(root, 'on-disk.yaml'), pvc('ReadWriteOnce'));
    client = await TestClient.start({ rootPath: root, locale: 'en' });
  });

  after(async () => {
    await client.stop();
  });

  it('announces incremental sync', () => {
    assert.equal(
      (client.initializeResult?.capabilities.textDocumentSync as { change: number }).change,
      2,
    );
  });

  it('publishes schema diagnostics with range, code and source', async () => {
    const uri = pathToFileURL(join(root, 'open.yaml')).href;
    await client.open(uri, pvc('ReadWriteOnse'));
    const [d] = await client.waitForDiagnostics(uri, (ds) => ds.length > 0);
    assert.deepEqual(d!.range, {
      start: { line: 5, character: 16 },
      end: { line: 5, character: 29 },
    });
    assert.equal(d!.code, 'invalid-enum');
    assert.equal(d!.source, 'kube-storage');
    assert.equal(d!.severity, 1);
    // Plain text in the Problems panel: names in quotes, no Markdown backticks.
    assert.match(messageOf(d), /Did you mean “ReadWriteOnce”/);
  });

  it('updates after an incremental edit and clears on fix', async () => {
    const uri = pathToFileURL(join(root, 'edited.yaml')).href;
    await client.open(uri, pvc('ReadWriteOnce'));
    await client.waitForDiagnostics(uri, (ds) => ds.length === 0);
    await client.edit(
      uri,
      { start: { line: 5, character: 16 }, end: { line: 5, character: 29 } },
      'ReadWriteMany, Bogus',
    );
    const ds = await client.waitForDiagnostics(uri, (x) => x.length === 1);
    assert.equal(ds[0]!.code, 'invalid-enum');
    await client.edit(
      uri,
      { start: { line: 5, character: 29 }, end: { line: 5, character: 36 } },
      '',
    );
    await client.waitForDiagnostics(uri, (x) => x.length === 0);
  });

  it('switches the message language when the setting changes, without a restart', async () => {
    const uri = pathToFileURL(join(root, 'lang.yaml')).href;
    await client.open(uri, pvc('ReadWriteOnse'));
    await client.waitForDiagnostics(uri, (ds) => /Did you mean/.test(messageOf(ds[0])));
    await client.changeSettings({ language: 'ru' });
    const ds = await client.waitForDiagnostics(uri, (x) =>
      /недопустимое значение/.test(messageOf(x[0])),
    );
    assert.match(messageOf(ds[0]), /Возможно, имелось в виду «ReadWriteOnce»/);
    await client.changeSettings({ language: 'auto' });
    await client.waitForDiagnostics(uri, (x) => /Did you mean/.test(messageOf(x[0])));
  });

  it('survives binary noise and a truncated document', async () => {
    const uri = pathToFileURL(join(root, 'noise.yaml')).href;
    await client.open(
      uri,
      '\u0000\u0001\uFFFF: [[[ ]\n\t- - -\n' + pvc('ReadWriteOnce').slice(0, 40),
    );
    const ds = await client.waitForDiagnostics(uri, (x) => x.length > 0);
    assert.ok(ds.every((d) => d.source === 'kube-storage'));
    await client.replace(uri, pvc('ReadWriteOnce'));
    await client.waitForDiagnostics(uri, (x) => x.length === 0);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = pathToFileURL(join(root, 'closing.yaml')).href;
    await client.open(uri, pvc('Nope'));
    await client.waitForDiagnostics(uri, (x) => x.length === 1);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (x) => x.length === 0);
  });
});
