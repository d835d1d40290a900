/** The restore and clone rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertFixApplies, caseFixtureText, diagnose, fixtureText } from './helpers';

const has = (text: string, code: string): boolean =>
  diagnose({ 'file:///ws/a.yaml': text }).some((d) => d.code === code);

void describe('restore rules in detail', () => {
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

  void test('restore-driver-mismatch: a clone may use another class of the same driver', () => {
    // external-provisioner getPVCSource compares the source volume's driver with the clone's
    // class provisioner only.
    const sameDriver = caseFixtureText('restore-driver-mismatch', 'bad-clone').replace(
      'provisioner: efs.csi.aws.com',
      'provisioner: ebs.csi.aws.com',
    );
    assert.deepEqual(
      diagnose({ 'file:///ws/clone.yaml': sameDriver })
        .filter((x) => x.code === 'restore-driver-mismatch')
        .map((x) => x.message.en),
      [],
    );
    const d = diagnose({
      'file:///ws/clone.yaml': caseFixtureText('restore-driver-mismatch', 'bad-clone'),
    }).find((x) => x.code === 'restore-driver-mismatch');
    assert.ok(d, 'a class of another driver is reported');
    assert.match(d.message.en, /held by driver `ebs.csi.aws.com`, but StorageClass `shared-files`/);
    assert.match(d.message.ru, /хранит драйвер `ebs.csi.aws.com`/);
    const fixed = assertFixApplies(
      caseFixtureText('restore-driver-mismatch', 'bad-clone'),
      'restore-driver-mismatch',
    );
    assert.match(
      fixed,
      /name: orders-db-copy\n {2}namespace: shop\nspec:\n {2}storageClassName: gp3\n/,
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
    // Without the annotation, the message says how an administrator allows the change.
    const found = diagnose({ 'file:///ws/a.yaml': content.replace('"true"', '"false"') }).find(
      (d) => d.code === 'restore-volume-mode-mismatch',
    );
    assert.match(
      found!.message.en,
      /annotate the VolumeSnapshotContent with `snapshot\.storage\.kubernetes\.io\/allow-volume-mode-change: "true"`/,
    );
    assert.match(
      found!.message.ru,
      /аннотацию `snapshot\.storage\.kubernetes\.io\/allow-volume-mode-change: "true"`/,
    );
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
