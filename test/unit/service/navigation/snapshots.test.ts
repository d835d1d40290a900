/** Names that link snapshots: restores and clones, a snapshot's claim and class, a content's snapshot. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { definition, references, rename } from '../../../../server/src/service/navigation/navigate';
import { show, workspaceWith } from './helpers';
import { completeAt, labels } from '../completion/helpers';

const backup = readFileSync(join(__dirname, '../../../fixtures/snapshots/backup.yaml'), 'utf8');

/** The backup fixture with a `|` cursor put at the `nth` (1-based) occurrence of `at`, `offset` chars in. */
function withCursorAt(at: string, offset: number, nth = 1): Record<string, string> {
  let index = -1;
  for (let i = 0; i < nth; i++) index = backup.indexOf(at, index + 1);
  assert.ok(index >= 0, at);
  const text = backup.slice(0, index + offset) + '|' + backup.slice(index + offset);
  return { 'file:///ws/backup.yaml': text };
}

function defs(files: Record<string, string>): string[] {
  const s = workspaceWith(files);
  return definition(s.workspace, s.uri, s.position).map((l) => show(s.texts, l));
}

void test('a restore names the snapshot, a clone the claim (by the kind beside the name)', () => {
  assert.deepEqual(defs(withCursorAt('name: orders-db-nightly', 8, 2)), [
    'backup.yaml:31:orders-db-nightly',
  ]);
  assert.deepEqual(defs(withCursorAt('    name: orders-db\n', 10)), ['backup.yaml:19:orders-db']);
});

void test("a snapshot names its claim and its class; references find the snapshot's restores", () => {
  assert.deepEqual(defs(withCursorAt('persistentVolumeClaimName: orders-db', 30)), [
    'backup.yaml:19:orders-db',
  ]);
  assert.deepEqual(defs(withCursorAt('volumeSnapshotClassName: ebs-backup', 27)), [
    'backup.yaml:5:ebs-backup',
  ]);
  const s = workspaceWith(withCursorAt('name: orders-db-nightly', 8));
  const found = references(s.workspace, s.uri, s.position, true).map((l) => show(s.texts, l));
  assert.deepEqual(found.sort(), [
    'backup.yaml:31:orders-db-nightly',
    'backup.yaml:49:orders-db-nightly',
  ]);
});

void test('renaming a snapshot class renames the snapshots that use it', () => {
  const s = workspaceWith(withCursorAt('name: ebs-backup', 8));
  const result = rename(s.workspace, s.uri, s.position, 'ebs-retained');
  assert.ok(result.ok);
  const edits = result.changes['file:///ws/backup.yaml'] ?? [];
  assert.ok(edits.every((e) => e.newText === 'ebs-retained'));
  const lines = edits.map((e) => e.range.start.line + 1).sort((a, b) => a - b);
  assert.deepEqual(lines, [5, 34]);
});

void test('a content names its snapshot in the namespace it gives', () => {
  const content = [
    'apiVersion: snapshot.storage.k8s.io/v1',
    'kind: VolumeSnapshotContent',
    'metadata:',
    '  name: imported',
    'spec:',
    '  deletionPolicy: Retain',
    '  driver: ebs.csi.aws.com',
    '  source:',
    '    snapshotHandle: snap-0a1b',
    '  volumeSnapshotRef:',
    '    name: orders-db-nigh|tly',
    '    namespace: shop',
    '',
  ].join('\n');
  assert.deepEqual(defs({ 'file:///ws/content.yaml': content, 'file:///ws/backup.yaml': backup }), [
    'backup.yaml:31:orders-db-nightly',
  ]);
  assert.deepEqual(
    defs({
      'file:///ws/content.yaml': content.replace('namespace: shop', 'namespace: other'),
      'file:///ws/backup.yaml': backup,
    }),
    [],
  );
});

void test('completion offers the snapshot classes, the claims of the namespace and the keys of a snapshot', () => {
  const snapshot = (spec: string): string =>
    [
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshot',
      'metadata:',
      '  name: orders-db-weekly',
      '  namespace: shop',
      'spec:',
      spec,
    ].join('\n');
  const others = { 'file:///ws/backup.yaml': backup };
  assert.deepEqual(labels(completeAt(snapshot('  volumeSnapshotClassName: |'), others)), [
    'ebs-backup',
  ]);
  const claims = labels(
    completeAt(snapshot('  source:\n    persistentVolumeClaimName: |'), others),
  );
  assert.deepEqual(claims.sort(), ['orders-db', 'orders-db-restored', 'orders-db-staging']);
  const keys = labels(completeAt(snapshot('  source:\n    |'), others));
  assert.deepEqual(keys.sort(), ['persistentVolumeClaimName', 'volumeSnapshotContentName']);
  const policy = labels(
    completeAt(
      'apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshotClass\nmetadata:\n  name: x\ndeletionPolicy: |',
    ),
  );
  assert.deepEqual(policy.sort(), ['Delete', 'Retain']);
});
