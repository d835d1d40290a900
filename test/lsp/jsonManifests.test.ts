/**
 * JSON files that hold a Kubernetes object are manifests for the editor too, as for the CLI and
 * `kubectl apply -f <folder>`: the scan indexes them, a watched change reads them again (one that
 * stops being a manifest leaves the index), and an open one is checked; package.json gets nothing.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { messageOf, TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

const claimJson = (name: string, spec: Record<string, unknown>): string =>
  JSON.stringify(
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec },
    null,
    2,
  );

const goodSpec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } };

/** A pod that mounts the claim the JSON file defines, and one nobody defines. */
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: reader\nspec:\n  containers:\n    - name: main\n      image: busybox:1.37\n      volumeMounts:\n        - { name: a, mountPath: /a }\n        - { name: b, mountPath: /b }\n  volumes:\n    - name: a\n      persistentVolumeClaim:\n        claimName: ledger\n    - name: b\n      persistentVolumeClaim:\n        claimName: nobody-defines-this\n';

const missingClaims = (ds: Diagnostic[]): string[] =>
  ds
    .filter((d) => d.code === 'claim-not-found')
    .map((d) => (/ledger/.test(messageOf(d)) ? 'ledger' : 'other'))
    .sort();

describe('LSP: JSON manifests', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
  });

  it('indexes a JSON claim; a JSON file that stops being one leaves the index', async () => {
    const root = makeTempDir('kube-storage-lsp-json-');
    const claimPath = join(root, 'claim.json');
    writeFileSync(claimPath, claimJson('ledger', goodSpec));
    writeFileSync(join(root, 'package.json'), '{"name": "shop", "version": "1.0.0"}');
    const pod = join(root, 'pod.yaml');
    writeFileSync(pod, POD);
    client = await TestClient.start({ rootPath: root });
    const uri = pathToFileURL(pod).href;
    await client.open(uri, POD);
    // Complete diagnostics name the claim nobody defines, and only that one.
    const complete = await client.waitForDiagnostics(
      uri,
      (ds) => missingClaims(ds).length > 0,
      30000,
    );
    assert.deepEqual(missingClaims(complete), ['other']);

    // The file now holds other JSON: its claim is gone.
    writeFileSync(claimPath, '{"ledger": {"storage": "3Gi"}}');
    await client.filesChanged([{ uri: pathToFileURL(claimPath).href, type: 2 }]);
    const after = await client.waitForDiagnostics(uri, (ds) => missingClaims(ds).length === 2);
    assert.deepEqual(missingClaims(after), ['ledger', 'other']);

    // And back: a claim again.
    writeFileSync(claimPath, claimJson('ledger', goodSpec));
    await client.filesChanged([{ uri: pathToFileURL(claimPath).href, type: 2 }]);
    const back = await client.waitForDiagnostics(uri, (ds) => missingClaims(ds).length === 1);
    assert.deepEqual(missingClaims(back), ['other']);
  });

  it('checks an open JSON manifest, and says nothing about other JSON', async () => {
    const root = makeTempDir('kube-storage-lsp-json-');
    client = await TestClient.start({ rootPath: root });
    const open = async (name: string, text: string): Promise<string> => {
      const uri = pathToFileURL(join(root, name)).href;
      writeFileSync(join(root, name), text);
      await client!.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'json', version: 1, text },
      });
      return uri;
    };
    // `accessMode`: a slip for accessModes, reported on its own line.
    const text = claimJson('ledger', { ...goodSpec, accessMode: ['ReadWriteOnce'] });
    const claim = await open('claim.json', text);
    const ds = await client.waitForDiagnostics(claim, (d) => d.length > 0);
    const line = text.split('\n').findIndex((l) => l.includes('"accessMode"'));
    assert.deepEqual(
      ds.map((d) => `${d.range.start.line}:${String(d.code)}`),
      [`${line}:unknown-field`],
    );

    const pkg = await open('package.json', '{\n  "name": "shop",\n  "version": 1,\n');
    assert.deepEqual(await client.waitForDiagnostics(pkg), []);

    // The manifest half typed keeps being checked; turned into other JSON, it gets nothing.
    const typing = text.slice(0, text.indexOf('"spec"'));
    await client.replace(claim, typing);
    const broken = await client.waitForDiagnostics(
      claim,
      (d) => !d.some((x) => x.code === 'unknown-field'),
    );
    assert.ok(broken.length > 0, 'a manifest being typed keeps its syntax errors');
    await client.replace(claim, '{"name": "shop"}');
    assert.deepEqual(await client.waitForDiagnostics(claim, (d) => d.length === 0), []);
  });
});
