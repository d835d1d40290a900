import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { messageOf, TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

/** A claim with an unknown field, padded to `size` bytes with a comment, and a syntax error. */
function manifest(size: number): string {
  const body =
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: big\nspec:\n  accessModes: [ReadWriteOnce]\n  bogusField: 1\n  resources: {requests: {storage: 1Gi}}\n---\na: [unclosed\n';
  return body + '# ' + 'x'.repeat(Math.max(0, size - body.length - 3)) + '\n';
}

void describe('LSP: kubeStorage.maxFileSize', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = makeTempDir('kube-storage-large-');
    writeFileSync(join(root, 'big-on-disk.yaml'), manifest(10_000));
    client = await TestClient.start({
      rootPath: root,
      locale: 'ru',
      settings: { maxFileSize: 4096 },
    });
  });

  after(async () => {
    await client.stop();
  });

  void it('a file above the limit gets syntax checks and one notice, in Russian', async () => {
    const uri = pathToFileURL(join(root, 'big.yaml')).href;
    await client.open(uri, manifest(10_000));
    const ds = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const notices = ds.filter((d) => d.code === 'file-too-large');
    assert.equal(notices.length, 1, JSON.stringify(ds));
    assert.equal(notices[0]!.severity, 3, 'information');
    assert.equal(notices[0]!.range.start.line, 0);
    assert.match(messageOf(notices[0]), /Файл большой/);
    assert.ok(
      ds.some((d) => d.code === 'yaml-syntax'),
      'syntax kept',
    );
    assert.ok(!ds.some((d) => d.code === 'unknown-field'), 'schema skipped');
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    });
    assert.equal(hover, null);
  });

  void it('raising the limit turns the full check back on', async () => {
    const uri = pathToFileURL(join(root, 'big.yaml')).href;
    await client.changeSettings({ maxFileSize: 0 });
    const ds = await client.waitForDiagnostics(uri, (d) =>
      d.some((x) => x.code === 'unknown-field'),
    );
    assert.ok(!ds.some((d) => d.code === 'file-too-large'));
  });
});
