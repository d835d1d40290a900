/**
 * "Disable … for this line" and "… in this file" over stdio against the built server: offered
 * after the real fixes for a rule finding and for a schema diagnostic, as WorkspaceEdits that
 * silence the finding once applied; none for a YAML syntax error.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './support/client';

const URI = 'file:///tmp/kube-storage-disable-actions-test/pv.yaml';

const PV = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: legacy-nfs
spec:
  capacity:
    storage: 10GB
  accessModes: [ReadWriteMany]
  persistentVolumeReclaimPolicy: Recycle
  nfs:
    server: nfs.example.com
    path: /exports/legacy
`;

const has = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);

void describe('disable actions over LSP', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ locale: 'en', settings: { language: 'auto' } });
    await client.open(URI, PV);
  });

  after(async () => {
    await client.stop();
  });

  async function actionsFor(code: string): Promise<{ d: Diagnostic; actions: CodeAction[] }> {
    const ds = await client.waitForDiagnostics(URI, has(code));
    const d = ds.find((x) => x.code === code)!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    return { d, actions: actions.filter((a) => a.diagnostics?.[0]?.code === code) };
  }

  function applied(text: string, action: CodeAction): string {
    const edits = action.edit?.changes?.[URI] as TextEdit[];
    assert.ok(edits?.length, JSON.stringify(action));
    return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
  }

  void it('a rule finding: the real fix first (preferred), then line and file', async () => {
    const { actions } = await actionsFor('recycle-reclaim-policy');
    assert.equal(actions.length, 3, actions.map((a) => a.title).join(' | '));
    assert.equal(actions[0]!.isPreferred, true);
    assert.match(actions[1]!.title, /^Disable .recycle-reclaim-policy. for this line$/);
    assert.match(actions[2]!.title, /^Disable .recycle-reclaim-policy. in this file$/);
    assert.ok(!actions[1]!.isPreferred && !actions[2]!.isPreferred);

    const line = applied(PV, actions[1]!);
    assert.match(
      line,
      /\n {2}# kube-storage-disable-next-line recycle-reclaim-policy\n {2}persistentVolumeReclaimPolicy/,
    );
    await client.replace(URI, line);
    await client.waitForDiagnostics(URI, (ds) => !has('recycle-reclaim-policy')(ds));
    await client.replace(URI, PV);
  });

  void it('a schema diagnostic: unit fixes, then disabling it for the whole file', async () => {
    const { actions } = await actionsFor('invalid-quantity');
    assert.deepEqual(
      actions.map((a) => a.title.replace(/[`'"«»“”]/g, '')),
      [
        'Change to 10Gi',
        'Change to 10G',
        'Disable invalid-quantity for this line',
        'Disable invalid-quantity in this file',
      ],
    );
    const whole = applied(PV, actions[3]!);
    assert.ok(whole.startsWith('# kube-storage-disable-file invalid-quantity\napiVersion: v1\n'));
    await client.replace(URI, whole);
    await client.waitForDiagnostics(
      URI,
      (ds) => !has('invalid-quantity')(ds) && has('recycle-reclaim-policy')(ds),
    );
    await client.replace(URI, PV);
  });

  void it('a YAML syntax error offers no disable action', async () => {
    await client.replace(URI, PV + 'extra: [unclosed\n');
    const { actions } = await actionsFor('yaml-syntax');
    assert.deepEqual(actions, []);
    await client.replace(URI, PV);
  });
});
