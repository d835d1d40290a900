/** Where a host path points on the node (rules/nodePlumbing.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hostPathRole, type HostPathRole } from '../../../../server/src/service/rules/nodePlumbing';

void describe('node plumbing: where a host path points', () => {
  void test('hostPathRole: one answer per kind of node path', () => {
    const cases: [string, HostPathRole][] = [
      ['/', 'node-root'],
      ['/etc/kubernetes/pki', 'node-config'],
      ['/etc/localtime', 'host-info'],
      ['/etc/cni/net.d', 'network'],
      ['/var/lib/kubelet', 'kubelet-volumes'],
      ['/var/lib/kubelet/pods', 'kubelet-volumes'],
      ['/var/lib/kubelet/plugins', 'kubelet-volumes'],
      ['/var/lib/kubelet/plugins/kubernetes.io/csi', 'kubelet-volumes'],
      ['/var/lib/kubelet/plugins/ebs.csi.aws.com/', 'plugin-socket'],
      ['/var/lib/kubelet/plugins_registry', 'plugin-socket'],
      ['/var/lib/kubelet/pki', 'node-config'],
      ['/var/lib/kubelet/config.yaml', 'node-config'],
      ['/run/containerd/containerd.sock', 'control-socket'],
      ['/var/run/docker.sock', 'control-socket'],
      ['/run', 'control-socket'],
      ['/var/run/cilium', 'plugin-socket'],
      ['/dev/disk/by-id', 'kernel'],
      ['/lib/modules', 'kernel'],
      ['/var/lib/containerd', 'runtime-data'],
      ['/var/log/pods', 'node-logs'],
      ['/usr', 'system'],
      ['/usr/share/app', 'data'],
      ['/srv/app', 'data'],
      ['/var/lib/csi-hostpath-data/', 'data'],
    ];
    for (const [path, role] of cases) assert.equal(hostPathRole(path), role, path);
  });
});
