/**
 * Snapshots over stdio against the built server: schema and rule diagnostics of a restore, a quick
 * fix, hover in Russian on a snapshot class, go to definition from a restore to its snapshot.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  Location,
  MarkupContent,
  Position,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messageOf, TestClient } from './support/client';

const URI = 'file:///tmp/kube-storage-snapshots-test/backup.yaml';

/** The backup fixture with a restore too small, and a snapshot naming both sources. */
const TEXT = readFileSync(join(__dirname, '../fixtures/snapshots/backup.yaml'), 'utf8')
  .replace(/(orders-db-nightly\n {2}resources:\n {4}requests:\n {6}storage: )50Gi/, '$120Gi')
  .concat(
    [
      '---',
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshot',
      'metadata:',
      '  name: orders-db-weekly',
      '  namespace: shop',
      'spec:',
      '  source:',
      '    persistentVolumeClaimName: orders-db',
      '    volumeSnapshotContentName: imported',
      '',
    ].join('\n'),
  );

function at(needle: string, offset = 1, nth = 1): Position {
  let index = -1;
  for (let i = 0; i < nth; i++) index = TEXT.indexOf(needle, index + 1);
  assert.notEqual(index, -1, needle);
  const before = TEXT.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

const has = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);

void describe('snapshots over LSP', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ locale: 'ru', settings: { language: 'auto' } });
    await client.open(URI, TEXT);
  });

  after(async () => {
    await client.stop();
  });

  void it('reports the two sources of one snapshot and the restore smaller than its source', async () => {
    const ds = await client.waitForDiagnostics(
      URI,
      (x) => has('exactly-one-of')(x) && has('restore-smaller-than-source')(x),
    );
    const one = ds.find((d) => d.code === 'exactly-one-of')!;
    assert.deepEqual(one.range.start, at('volumeSnapshotContentName: imported', 0));
    assert.equal(one.severity, 1);
    const small = ds.find((d) => d.code === 'restore-smaller-than-source')!;
    assert.equal(small.severity, 2);
    assert.match(messageOf(small), /не меньше «50Gi»/);
  });

  void it('the quick fix asks for the size of the source', async () => {
    const ds = await client.waitForDiagnostics(URI, has('restore-smaller-than-source'));
    const d = ds.find((x) => x.code === 'restore-smaller-than-source')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'restore-smaller-than-source');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.title, 'Запросить «50Gi»');
    const edits = fix.edit?.changes?.[URI] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, TEXT), edits);
    assert.equal(fixed, TEXT.replace('storage: 20Gi', 'storage: 50Gi'));
  });

  void it('hover on a snapshot class field, in Russian', async () => {
    const result = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: at('deletionPolicy', 2),
    });
    const text = (result?.contents as MarkupContent).value;
    assert.match(text, /VolumeSnapshotClass\.deletionPolicy/);
    assert.match(text, /резервн/);
  });

  void it('definition: from the restore to its snapshot', async () => {
    const result = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: URI },
      position: at('name: orders-db-nightly', 8, 2),
    });
    assert.equal(result.length, 1);
    assert.deepEqual(result[0]!.range.start, at('orders-db-nightly', 0));
  });
});
