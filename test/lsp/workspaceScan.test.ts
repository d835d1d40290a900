/**
 * The first scan of the workspace (issue 19): an opened file gets what it says about itself at
 * once, no link is reported missing before every file is read, cross-file findings follow; the
 * server tells how far it has read (kubeStorage/indexState).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, it } from 'node:test';
import { TestClient } from './support/client';
import type { IndexState } from '../../server/src/protocol';
import { makeTempDir } from '../support/tempDir';

/** Enough files that the scan is still running when the opened file is first checked. */
const APPS = 300;

const claim = (name: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 5Gi\n`;

const deployment = (name: string, claims: string[]): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  selector:\n    matchLabels: { app: ${name} }\n  template:\n    metadata:\n      labels: { app: ${name} }\n    spec:\n      containers:\n        - name: main\n          image: busybox:1.37\n          volumeMounts:\n${claims.map((c) => `            - { name: ${c}, mountPath: /${c} }\n`).join('')}      volumes:\n${claims.map((c) => `        - name: ${c}\n          persistentVolumeClaim:\n            claimName: ${c}\n`).join('')}`;

const codes = (ds: { code?: string | number }[]): string[] => ds.map((d) => String(d.code));

describe('LSP: the first workspace scan', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
  });

  it('publishes local findings at once and no missing link before the scan completes', async () => {
    const root = makeTempDir('kube-storage-lsp-scan-');
    for (let i = 0; i < APPS; i++) {
      mkdirSync(join(root, `app-${i}`));
      writeFileSync(join(root, `app-${i}`, 'storage.yaml'), claim(`data-${i}`));
    }
    // Opened: mounts claims of files read early and late, and one claim nobody defines.
    const opened = join(root, 'app-0', 'workload.yaml');
    const text =
      deployment('reports', ['data-1', `data-${APPS - 1}`, 'nobody-defines-this']) +
      '---\n' +
      claim('scratch').replace('[ReadWriteOnce]', '5');
    writeFileSync(opened, text);

    const states: IndexState[] = [];
    client = await TestClient.start({ rootPath: root });
    client.connection.onNotification('kubeStorage/indexState', (s: IndexState) => {
      states.push(s);
    });
    const uri = pathToFileURL(opened).href;
    await client.open(uri, text);
    const seen: string[][] = [];
    const complete = await client.waitForDiagnostics(
      uri,
      (ds) => {
        seen.push(codes(ds));
        return codes(ds).includes('claim-not-found');
      },
      60000,
    );

    assert.ok(seen[0]!.includes('invalid-type'), `first publish: ${seen[0]!.join(', ')}`);
    for (const publish of seen.slice(0, -1))
      assert.ok(!publish.some((c) => c.endsWith('-not-found')), publish.join(', '));
    // Only the claim nobody defines is missing: the others were read, early or late.
    const missing = complete.filter((d) => d.code === 'claim-not-found');
    assert.equal(missing.length, 1);
    assert.match(String(missing[0]!.message), /nobody-defines-this/);

    const last = states[states.length - 1]!;
    assert.deepEqual(last, { state: 'ready', files: APPS + 1, total: APPS + 1 });
    assert.equal(states[0]!.state, 'indexing');
  });

  it('navigates into files the scan threads read, with their ranges', async () => {
    const root = makeTempDir('kube-storage-lsp-scan-');
    for (let i = 0; i < APPS; i++) {
      mkdirSync(join(root, `app-${i}`));
      // A comment and a second document first: the claim's ranges are not those of line 0.
      writeFileSync(
        join(root, `app-${i}`, 'storage.yaml'),
        `# app ${i}\n${claim(`other-${i}`)}---\n${claim(`data-${i}`)}`,
      );
    }
    const opened = join(root, 'workload.yaml');
    const text = deployment('reports', [`data-${APPS - 2}`]);
    writeFileSync(opened, text);
    client = await TestClient.start({ rootPath: root });
    const uri = pathToFileURL(opened).href;
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, 60000);
    const line = text.split('\n').findIndex((l) => l.includes('claimName:'));
    const character = text.split('\n')[line]!.indexOf('data-') + 2;
    const target = pathToFileURL(join(root, `app-${APPS - 2}`, 'storage.yaml')).href;
    // The claim's name: line 15 of its file (after the comment and the first document).
    const name = { start: { line: 15, character: 8 }, end: { line: 15, character: 16 } };
    let locations: { uri: string; range: unknown }[] = [];
    for (let tries = 0; tries < 200 && !locations.length; tries++) {
      locations = await client.connection.sendRequest('textDocument/definition', {
        textDocument: { uri },
        position: { line, character },
      });
      if (!locations.length) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(locations, [{ uri: target, range: name }]);
    const references: { uri: string; range: unknown }[] = await client.connection.sendRequest(
      'textDocument/references',
      {
        textDocument: { uri: target },
        position: name.start,
        context: { includeDeclaration: true },
      },
    );
    assert.deepEqual(
      references.map((r) => r.uri).sort(),
      [target, uri].sort(),
      JSON.stringify(references),
    );
  });
});
