/** The VolumeSnapshotClass rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertFixApplies, caseFixtureText, diagnose, fixtureText } from './helpers';

void describe('snapshot class rules in detail', () => {
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
});
