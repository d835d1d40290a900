/** The snapshot rules: the details that the fixtures (run in index.test.ts) do not show. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFirstFix, assertFixApplies, caseFixtureText, diagnose, fixtureText } from './helpers';

const has = (text: string, code: string): boolean =>
  diagnose({ 'file:///ws/a.yaml': text }).some((d) => d.code === code);

void describe('snapshot rules in detail', () => {
  void test('restore-source-not-found: the fix names the nearest snapshot; the source may live in another file', () => {
    const { text, title } = applyFirstFix(
      fixtureText('restore-source-not-found', 'bad'),
      'restore-source-not-found',
    );
    assert.equal(title, 'Use `orders-db-nightly`');
    assert.match(text, /name: orders-db-nightly\n {2}resources/);
    const bad = fixtureText('restore-source-not-found', 'good');
    const [definitions, restore] = [
      bad.slice(0, bad.lastIndexOf('---')),
      bad.slice(bad.lastIndexOf('---')),
    ];
    const found = diagnose({
      'file:///ws/restore.yaml': restore,
      'file:///ws/backup.yaml': definitions,
    });
    assert.deepEqual(
      found.filter((d) => d.code === 'restore-source-not-found'),
      [],
    );
  });

  void test('restore-smaller-than-source: the fix asks for the restore size', () => {
    const fixed = assertFixApplies(
      caseFixtureText('restore-smaller-than-source', 'bad-restore-size'),
      'restore-smaller-than-source',
    );
    assert.match(fixed, /storage: 64Gi\n$/);
  });

  void test('restore-smaller-than-source: a content restore size in bytes is written as a quantity', () => {
    const text = [
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshotContent',
      'metadata: {name: imported}',
      'spec:',
      '  deletionPolicy: Retain',
      '  driver: ebs.csi.aws.com',
      '  source: {snapshotHandle: snap-0a1b}',
      '  volumeSnapshotRef: {name: imported, namespace: shop}',
      'status:',
      '  restoreSize: 21474836480',
      '---',
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshot',
      'metadata: {name: imported, namespace: shop}',
      'spec:',
      '  source: {volumeSnapshotContentName: imported}',
      '---',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata: {name: restored, namespace: shop}',
      'spec:',
      '  accessModes: [ReadWriteOnce]',
      '  dataSourceRef: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: imported}',
      '  resources:',
      '    requests:',
      '      storage: 10Gi',
      '',
    ].join('\n');
    const d = diagnose({ 'file:///ws/a.yaml': text }).find(
      (x) => x.code === 'restore-smaller-than-source',
    );
    assert.ok(d);
    assert.match(d.message.en, /at least `20Gi`/);
    assert.match(d.message.ru, /не меньше `20Gi`/);
  });

  void test('restore-driver-mismatch: a claim left to the default class is checked on the source name', () => {
    const text = fixtureText('restore-driver-mismatch', 'bad')
      .replace(
        '  name: efs\n',
        '  name: efs\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\n',
      )
      .replace(/( {2}name: orders-db-restored\n[\s\S]*?) {2}storageClassName: efs\n/, '$1');
    const d = diagnose({ 'file:///ws/a.yaml': text }).find(
      (x) => x.code === 'restore-driver-mismatch',
    );
    assert.ok(d, 'reported');
    assert.match(d.message.en, /StorageClass `efs` is provisioned by `efs.csi.aws.com`/);
    const fixed = assertFixApplies(
      fixtureText('restore-driver-mismatch', 'bad'),
      'restore-driver-mismatch',
    );
    assert.match(
      fixed,
      /storageClassName: gp3\n {2}accessModes: \[ReadWriteOnce\]\n {2}dataSource/,
    );
  });

  void test('restore-volume-mode-mismatch: a content that allows the change is not reported', () => {
    const content = [
      '---',
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshotContent',
      'metadata:',
      '  name: imported',
      '  annotations:',
      '    snapshot.storage.kubernetes.io/allow-volume-mode-change: "true"',
      'spec:',
      '  deletionPolicy: Retain',
      '  driver: ebs.csi.aws.com',
      '  sourceVolumeMode: Filesystem',
      '  source: {snapshotHandle: snap-0a1b}',
      '  volumeSnapshotRef: {name: imported, namespace: shop}',
      '---',
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshot',
      'metadata: {name: imported, namespace: shop}',
      'spec:',
      '  source: {volumeSnapshotContentName: imported}',
      '---',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata: {name: raw, namespace: shop}',
      'spec:',
      '  accessModes: [ReadWriteOnce]',
      '  volumeMode: Block',
      '  dataSourceRef: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: imported}',
      '  resources:',
      '    requests:',
      '      storage: 10Gi',
      '',
    ].join('\n');
    assert.equal(has(content, 'restore-volume-mode-mismatch'), false);
    assert.equal(has(content.replace('"true"', '"false"'), 'restore-volume-mode-mismatch'), true);
  });

  void test('data-source-ignored: the fix adds the snapshot group, and the restore is then checked', () => {
    const fixed = assertFixApplies(
      fixtureText('data-source-ignored', 'bad'),
      'data-source-ignored',
    );
    assert.match(fixed, /apiGroup: snapshot.storage.k8s.io\n {4}kind: VolumeSnapshot/);
    const small = fixed.replace(/storage: 50Gi\n$/, 'storage: 5Gi\n');
    assert.equal(has(small, 'restore-smaller-than-source'), true);
    // A populator's kind belongs in dataSourceRef: not the concern of this rule there.
    const populator = fixtureText('data-source-ignored', 'bad').replace(
      '  dataSource:\n    kind: VolumeSnapshot',
      '  dataSourceRef:\n    apiGroup: populators.example.com\n    kind: VolumeImport',
    );
    assert.equal(has(populator, 'data-source-ignored'), false);
    assert.equal(has(populator, 'data-source-rejected'), false);
  });

  void test('data-source-rejected: one finding per mistake, dataSource beside a namespaced dataSourceRef', () => {
    const text = caseFixtureText('data-source-rejected', 'bad-different').replace(
      '    name: orders-db-nightly\n  resources',
      '    name: orders-db-nightly\n    namespace: backups\n  resources',
    );
    const found = diagnose({ 'file:///ws/a.yaml': text }).filter(
      (d) => d.code === 'data-source-rejected',
    );
    assert.equal(found.length, 1);
    assert.match(found[0]!.message.en, /together with `dataSourceRef.namespace`/);
    const fixed = assertFixApplies(
      caseFixtureText('data-source-rejected', 'bad-different'),
      'data-source-rejected',
    );
    assert.doesNotMatch(fixed, /dataSource:/);
  });

  void test('data-source-cross-namespace: the fix creates a ReferenceGrant that satisfies the rule', () => {
    const fixed = assertFixApplies(
      fixtureText('data-source-cross-namespace', 'bad'),
      'data-source-cross-namespace',
    );
    assert.match(
      fixed,
      /kind: ReferenceGrant\nmetadata:\n {2}name: staging-claims-to-volumesnapshots\n {2}namespace: shop/,
    );
    // A grant for another kind does not count.
    const other = fixtureText('data-source-cross-namespace', 'good').replace(
      '    - group: snapshot.storage.k8s.io\n      kind: VolumeSnapshot\n',
      '    - group: ""\n      kind: PersistentVolumeClaim\n',
    );
    assert.notEqual(other, fixtureText('data-source-cross-namespace', 'good'));
    assert.equal(has(other, 'data-source-cross-namespace'), true);
  });

  void test('snapshot-class-deletes-backups: a class used by backup snapshots; the fix retains them', () => {
    const classText = fixtureText('snapshot-class-deletes-backups', 'good');
    const snapshot = [
      '---',
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshot',
      'metadata:',
      '  name: orders-db-backup-2025-06-01',
      '  namespace: shop',
      'spec:',
      '  volumeSnapshotClassName: ceph-rbd-scratch',
      '  source: {persistentVolumeClaimName: orders-db}',
      '',
    ].join('\n');
    const found = diagnose({
      'file:///ws/class.yaml': classText,
      'file:///ws/snap.yaml': snapshot,
    });
    assert.ok(
      found.some((d) => d.code === 'snapshot-class-deletes-backups' && d.severity === 'hint'),
    );
    const fixed = assertFixApplies(
      caseFixtureText('snapshot-class-deletes-backups', 'bad-velero'),
      'snapshot-class-deletes-backups',
    );
    assert.match(fixed, /deletionPolicy: Retain\n$/);
  });

  void test('every snapshot message has a Russian text that follows the glossary words', () => {
    const texts = [
      fixtureText('restore-source-not-found', 'bad'),
      fixtureText('restore-smaller-than-source', 'bad'),
      fixtureText('data-source-cross-namespace', 'bad'),
    ];
    for (const text of texts) {
      for (const d of diagnose({ 'file:///ws/a.yaml': text })) {
        assert.match(d.message.ru, /[а-яё]/i);
        assert.doesNotMatch(d.message.ru, /неймспейс|персистент|провизион/i);
      }
    }
  });
});
