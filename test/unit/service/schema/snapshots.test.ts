/**
 * The CSI snapshot kinds (snapshot.storage.k8s.io/v1) are built in: strict schema checks with exact
 * ranges, and the CEL rules of their CRDs as our own checks (scripts/snapshot-crds.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';
import { definitionFor, preferredApiVersion } from '../../../../server/src/service/schema/registry';

const RULE_FREE = new Set([
  'unknown-field',
  'missing-required',
  'invalid-type',
  'invalid-enum',
  'invalid-quantity',
  'unknown-api-version',
  'unknown-kind',
  'exactly-one-of',
  'empty-string',
  'schema',
]);

function schemaProblems(text: string): string[] {
  const service = getLanguageService();
  service.setFile('file:///w/snap.yaml', text, 'editor', 1);
  return service
    .getDiagnostics('file:///w/snap.yaml')
    .filter((d) => RULE_FREE.has(d.code))
    .map(brief);
}

function brief(d: KubeDiagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.code}`;
}

const snapshot = (spec: string): string =>
  [
    'apiVersion: snapshot.storage.k8s.io/v1',
    'kind: VolumeSnapshot',
    'metadata:',
    '  name: orders-db-nightly',
    '  namespace: shop',
    'spec:',
    spec,
  ].join('\n');

void describe('snapshot kinds', () => {
  void test('are served as snapshot.storage.k8s.io/v1', () => {
    for (const kind of ['VolumeSnapshot', 'VolumeSnapshotClass', 'VolumeSnapshotContent']) {
      assert.equal(preferredApiVersion(kind), 'snapshot.storage.k8s.io/v1');
      assert.equal(definitionFor(kind, 'snapshot.storage.k8s.io/v1'), `snapshot.v1.${kind}`);
    }
  });

  void test('a valid snapshot, class and pre-provisioned content have no problems', () => {
    const text = [
      snapshot(
        '  volumeSnapshotClassName: csi-hostpath-snapclass\n  source:\n    persistentVolumeClaimName: orders-db',
      ),
      '---',
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshotClass',
      'metadata:',
      '  name: csi-hostpath-snapclass',
      'driver: hostpath.csi.k8s.io',
      'deletionPolicy: Retain',
      'parameters:',
      '  tier: cold',
      '---',
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshotContent',
      'metadata:',
      '  name: imported-orders',
      'spec:',
      '  deletionPolicy: Retain',
      '  driver: hostpath.csi.k8s.io',
      '  sourceVolumeMode: Filesystem',
      '  source:',
      '    snapshotHandle: 7bdd0de3-aaeb-11e8-9aae-0242ac110002',
      '  volumeSnapshotRef:',
      '    name: orders-db-imported',
      '    namespace: shop',
      '',
    ].join('\n');
    assert.deepEqual(schemaProblems(text), []);
  });

  void test('an unknown field, a wrong enum value and a missing required field have exact ranges', () => {
    const text = [
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshotClass',
      'metadata:',
      '  name: nightly',
      'deletionPolicy: Retian',
      'parameter:',
      '  tier: cold',
      '',
    ].join('\n');
    assert.deepEqual(schemaProblems(text), [
      '0:0-0:38 missing-required',
      '4:16-4:22 invalid-enum',
      '5:0-5:9 unknown-field',
    ]);
  });

  void test('a snapshot source names exactly one of a claim and an existing content', () => {
    assert.deepEqual(schemaProblems(snapshot('  source: {}')), ['6:2-6:8 exactly-one-of']);
    const both = schemaProblems(
      snapshot(
        '  source:\n    persistentVolumeClaimName: orders-db\n    volumeSnapshotContentName: imported',
      ),
    );
    assert.deepEqual(both, ['8:4-8:29 exactly-one-of']);
    // A null is an absent field: one field left.
    const withNull = schemaProblems(
      snapshot(
        '  source:\n    persistentVolumeClaimName: orders-db\n    volumeSnapshotContentName:',
      ),
    );
    assert.deepEqual(withNull, []);
  });

  void test('the messages say which fields, in both languages', () => {
    const service = getLanguageService();
    service.setFile('file:///w/s.yaml', snapshot('  source: {}'), 'editor', 1);
    const d = service.getDiagnostics('file:///w/s.yaml').find((x) => x.code === 'exactly-one-of');
    assert.ok(d);
    assert.match(d.message.en, /`persistentVolumeClaimName` or `volumeSnapshotContentName`/);
    assert.match(d.message.ru, /`persistentVolumeClaimName` или `volumeSnapshotContentName`/);
    assert.equal(d.severity, 'error');
  });

  void test('an empty snapshot class name is refused (CEL size(self) > 0)', () => {
    assert.deepEqual(
      schemaProblems(
        snapshot(
          '  volumeSnapshotClassName: ""\n  source:\n    persistentVolumeClaimName: orders-db',
        ),
      ),
      ['6:27-6:29 empty-string'],
    );
  });

  void test('a content must name both the snapshot and its namespace (CEL)', () => {
    const text = [
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshotContent',
      'metadata:',
      '  name: imported-orders',
      'spec:',
      '  deletionPolicy: Delete',
      '  driver: hostpath.csi.k8s.io',
      '  source:',
      '    volumeHandle: vol-1',
      '  volumeSnapshotRef:',
      '    name: orders-db-imported',
      '',
    ].join('\n');
    assert.deepEqual(schemaProblems(text), ['9:2-9:19 missing-required']);
  });

  void test('restoreSize is a quantity; the retired v1beta1 is named with the served version', () => {
    const bad = schemaProblems(
      snapshot(
        '  source:\n    persistentVolumeClaimName: orders-db\nstatus:\n  restoreSize: 10 GB',
      ),
    );
    assert.deepEqual(bad, ['9:15-9:20 invalid-quantity']);
    const beta = schemaProblems(
      snapshot('  source:\n    persistentVolumeClaimName: orders-db').replace('/v1', '/v1beta1'),
    );
    assert.deepEqual(beta, ['0:12-0:43 unknown-api-version']);
  });

  void test('the retired v1beta1 is laid to the snapshot CRDs, not to Kubernetes', () => {
    const service = getLanguageService();
    const text =
      'apiVersion: snapshot.storage.k8s.io/v1beta1\nkind: VolumeSnapshotClass\nmetadata:\n  name: fast\ndriver: disk.csi.example.com\ndeletionPolicy: Delete\n';
    service.setFile('file:///w/class.yaml', text, 'editor', 1);
    const [found] = service
      .getDiagnostics('file:///w/class.yaml')
      .filter((d) => d.code === 'unknown-api-version');
    assert.match(
      found!.message.en,
      /by the CSI snapshot CRDs \(external-snapshotter 6\.0 and later/,
    );
    assert.doesNotMatch(found!.message.en, /in Kubernetes/);
    assert.match(found!.message.ru, /^CRD снимков томов CSI/);
    assert.match(found!.message.en, /Use `snapshot\.storage\.k8s\.io\/v1`/);
  });

  void test('a misspelt snapshot kind is named, with a suggestion', () => {
    const service = getLanguageService();
    service.setFile(
      'file:///w/k.yaml',
      snapshot('  source:\n    persistentVolumeClaimName: orders-db').replace(
        'kind: VolumeSnapshot',
        'kind: VolumeSnapshots',
      ),
      'editor',
      1,
    );
    const d = service.getDiagnostics('file:///w/k.yaml').find((x) => x.code === 'unknown-kind');
    assert.ok(d);
    assert.equal(d.data?.suggestion, 'VolumeSnapshot');
  });
});
