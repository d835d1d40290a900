/**
 * Storage rules and quick fixes over stdio against the built server: a rule diagnostic arrives,
 * its quick fix comes back as a WorkspaceEdit, applying it clears the finding, and the per-rule
 * severity setting and the suppression comment work without a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messageOf, TestClient } from './support/client';

const URI = 'file:///tmp/kube-storage-code-actions-test/pv.yaml';

const PV = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: legacy-nfs
spec:
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteMany]
  persistentVolumeReclaimPolicy: Recycle
  nfs:
    server: nfs.example.com
    path: /exports/legacy
`;

const has = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);

void describe('storage rules and quick fixes over LSP', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ locale: 'ru', settings: { language: 'auto' } });
    const provider = client.initializeResult?.capabilities.codeActionProvider;
    assert.deepEqual(provider, { codeActionKinds: ['quickfix'] });
    await client.open(URI, PV);
  });

  after(async () => {
    await client.stop();
  });

  void it('a rule diagnostic in Russian, and its quick fix as a WorkspaceEdit that clears it', async () => {
    const ds = await client.waitForDiagnostics(URI, has('recycle-reclaim-policy'));
    const d = ds.find((x) => x.code === 'recycle-reclaim-policy')!;
    assert.equal(d.source, 'kube-storage');
    assert.match(messageOf(d), /устарела/);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'recycle-reclaim-policy');
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.title, 'Заменить на «Retain»');
    const edits = fix.edit?.changes?.[URI] as TextEdit[];
    assert.equal(edits.length, 1);
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, PV), edits);
    assert.match(fixed, /persistentVolumeReclaimPolicy: Retain\n/);
    await client.replace(URI, fixed);
    await client.waitForDiagnostics(URI, (x) => !has('recycle-reclaim-policy')(x));
    await client.replace(URI, PV);
    await client.waitForDiagnostics(URI, has('recycle-reclaim-policy'));
  });

  void it('no quick fixes when only refactorings are asked for', async () => {
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 8, character: 0 }, end: { line: 8, character: 40 } },
      context: { diagnostics: [], only: ['refactor'] },
    });
    assert.deepEqual(actions, []);
  });

  void it('kubeStorage.rules.severity changes the level and turns a rule off', async () => {
    await client.changeSettings({ rules: { severity: { 'recycle-reclaim-policy': 'error' } } });
    await client.waitForDiagnostics(URI, (ds) =>
      ds.some((d) => d.code === 'recycle-reclaim-policy' && d.severity === 1),
    );
    await client.changeSettings({ rules: { severity: { 'recycle-reclaim-policy': 'off' } } });
    await client.waitForDiagnostics(URI, (ds) => !has('recycle-reclaim-policy')(ds));
    await client.changeSettings({});
    await client.waitForDiagnostics(URI, has('recycle-reclaim-policy'));
  });

  void it('a suppression comment silences the next line', async () => {
    await client.replace(
      URI,
      PV.replace(
        '  persistentVolumeReclaimPolicy',
        '  # kube-storage-disable-next-line recycle-reclaim-policy -- migrating next sprint\n  persistentVolumeReclaimPolicy',
      ),
    );
    await client.waitForDiagnostics(URI, (ds) => !has('recycle-reclaim-policy')(ds));
  });
});
