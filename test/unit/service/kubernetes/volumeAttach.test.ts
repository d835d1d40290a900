/** Volumes Kubernetes never attaches to a node, where ReadWriteOnce holds no second node back. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNeverAttached } from '../../../../server/src/service/kubernetes/volumeAttach';

void test('hostPath, local and nfs volumes are never attached', () => {
  assert.ok(isNeverAttached({ hostPath: { path: '/srv/data' } }));
  assert.ok(isNeverAttached({ local: { path: '/mnt/disks/ssd1' } }));
  assert.ok(isNeverAttached({ nfs: { server: 'files.example.internal', path: '/exports' } }));
});

void test('CSI and attachable in-tree volumes may be attached, and so may an unknown source', () => {
  assert.ok(!isNeverAttached({ csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } }));
  assert.ok(!isNeverAttached({ iscsi: { targetPortal: '10.0.0.5:3260', iqn: 'iqn.x', lun: 0 } }));
  assert.ok(!isNeverAttached({}));
  assert.ok(!isNeverAttached(undefined));
});
