/** Host paths where the node keeps its programs, homes and Kubernetes state. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isNodeInstallPath,
  isNodeSoftwarePath,
} from '../../../../server/src/service/rules/nodeSoftware';

void test('programs, homes, tool dot folders and a distribution state are the node software', () => {
  for (const path of [
    '/usr/local/bin',
    '/home/ubuntu/.kube',
    '/root',
    '/var/lib/rancher/k3s',
    '/srv/app/.kube/config',
    '/usr//local/../local/bin',
  ]) {
    assert.ok(isNodeSoftwarePath(path), path);
  }
});

void test("an application's data directories are not", () => {
  for (const path of [
    '/data',
    '/mnt/disks/ssd0',
    '/srv/blobstore',
    '/var/lib/mysql',
    '/tmp',
    '/usrdata',
  ]) {
    assert.ok(!isNodeSoftwarePath(path), path);
  }
});

void test("the node's installation a checker reads: programs and Kubernetes, not a user's home", () => {
  const install = [
    '/usr/bin',
    '/srv/kubernetes',
    '/home/kubernetes',
    '/home/kubernetes/bin',
    '/home/ubuntu/.kube',
    '/opt/bin',
  ];
  const data = ['/home/alice', '/home/alice/photos', '/home', '/opt/models', '/opt', '/srv/blob'];
  for (const path of install) assert.ok(isNodeInstallPath(path), path);
  for (const path of data) assert.ok(!isNodeInstallPath(path), path);
  // A home is still where writing changes the node.
  assert.ok(isNodeSoftwarePath('/home/alice'));
});
