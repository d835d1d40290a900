/** Facts of the CSI snapshot group (kubernetes/snapshots.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSnapshotApiVersion } from '../../../../server/src/service/kubernetes/snapshots';

void test('the snapshot group is told by its apiVersion, whatever the version', () => {
  assert.ok(isSnapshotApiVersion('snapshot.storage.k8s.io/v1'));
  assert.ok(isSnapshotApiVersion('snapshot.storage.k8s.io/v1beta1'));
  assert.ok(!isSnapshotApiVersion('groupsnapshot.storage.k8s.io/v1beta1'));
  assert.ok(!isSnapshotApiVersion('storage.k8s.io/v1'));
});
