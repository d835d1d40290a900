/** Which provisioners make node-local volumes (kubernetes/nodeLocalProvisioners.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isLocalPathProvisioner,
  isNodeLocalProvisioner,
} from '../../../../server/src/service/kubernetes/nodeLocalProvisioners';
import { diagnose } from '../rules/helpers';

void describe('node-local provisioners', () => {
  void test('the known node-local provisioners, by their exact names', () => {
    for (const name of [
      'kubernetes.io/no-provisioner',
      'rancher.io/local-path',
      'openebs.io/local',
      'local.csi.openebs.io',
      'zfs.csi.openebs.io',
      'topolvm.io',
      'topolvm.cybozu.com',
      'lvm.csi.metal-stack.io',
      'hostpath.csi.k8s.io',
      'kubevirt.io.hostpath-provisioner',
      'directpv-min-io',
      'local.csi.aliyun.com',
      'cluster.local/local-path-provisioner',
      'cluster.local/storage-local-path-provisioner',
    ]) {
      assert.equal(isNodeLocalProvisioner(name), true, name);
    }
  });

  void test('a cluster domain or the word "local" in a name is no sign of local storage', () => {
    for (const name of [
      'cluster.local/release-name-nfs-subdir-external-provisioner',
      'example.local/x',
      'local',
      'nfs.csi.k8s.io',
      'ebs.csi.aws.com',
      'driver.longhorn.io',
      'rancher.io/local-path-extra/x',
      // testing only: no node affinity, so waiting for the consumer would change nothing
      'kubernetes.io/host-path',
      '',
    ]) {
      assert.equal(isNodeLocalProvisioner(name), false, name);
    }
  });

  void test("local-path-provisioner by its manifests' name and its chart's", () => {
    assert.equal(isLocalPathProvisioner('rancher.io/local-path'), true);
    assert.equal(isLocalPathProvisioner('cluster.local/storage-local-path-provisioner'), true);
    assert.equal(isLocalPathProvisioner('openebs.io/local'), false);
    assert.equal(isLocalPathProvisioner('kubernetes.io/no-provisioner'), false);
  });

  const storageClass = (provisioner: string, mode?: string) =>
    [
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata: {name: sc}',
      `provisioner: ${provisioner}`,
      ...(mode ? [`volumeBindingMode: ${mode}`] : []),
      '',
    ].join('\n');
  const immediate = (text: string) =>
    diagnose({ 'file:///sc.yaml': text }).filter((d) => d.code === 'local-class-immediate-binding')
      .length;

  void test('local-class-immediate-binding follows the list', () => {
    assert.equal(
      immediate(storageClass('cluster.local/r-nfs-subdir-external-provisioner', 'Immediate')),
      0,
    );
    assert.equal(immediate(storageClass('topolvm.io')), 1, 'Immediate by default');
    assert.equal(immediate(storageClass('kubernetes.io/no-provisioner', 'Immediate')), 1);
    assert.equal(immediate(storageClass('kubernetes.io/host-path', 'Immediate')), 0);
    assert.equal(immediate(storageClass('topolvm.io', 'WaitForFirstConsumer')), 0);
  });
});
