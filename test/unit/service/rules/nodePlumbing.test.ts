/** Where a host path points on the node (rules/nodePlumbing.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  hostPathRole,
  nodeSecrets,
  type HostPathRole,
  type NodeSecrets,
} from '../../../../server/src/service/rules/nodePlumbing';

void describe('node plumbing: where a host path points', () => {
  void test('hostPathRole: one answer per kind of node path', () => {
    const cases: [string, HostPathRole][] = [
      ['/', 'node-root'],
      ['/etc/kubernetes/pki', 'node-config'],
      ['/etc', 'node-config'],
      ['/etc/ssl', 'node-config'],
      ['/etc/shadow', 'node-config'],
      ['/etc/kubelet.d', 'node-config'],
      ['/etc/localtime', 'host-info'],
      ['/etc/ssl/certs', 'host-info'],
      ['/etc/hosts', 'host-config'],
      ['/etc/projid', 'host-config'],
      ['/etc/udev', 'host-config'],
      ['/etc/nvidia', 'host-config'],
      ['/etc/resolv.conf', 'host-config'],
      ['/etc/sudoers', 'host-config'],
      ['/etc/pki/tls/cert.pem', 'host-config'],
      ['/etc/kubernetesx', 'host-config'],
      ['/dev/log', 'log-socket'],
      ['/run/systemd/journal/socket', 'log-socket'],
      ['/var/run/systemd/journal/dev-log', 'log-socket'],
      ['/run/systemd/private', 'control-socket'],
      ['/run/systemd', 'control-socket'],
      ['/dev/logs', 'kernel'],
      ['/etc/cni/net.d', 'network'],
      ['/var/lib/kubelet', 'kubelet-volumes'],
      ['/var/lib/kubelet/pods', 'kubelet-volumes'],
      ['/var/lib/kubelet/plugins', 'kubelet-volumes'],
      ['/var/lib/kubelet/plugins/kubernetes.io/csi', 'kubelet-volumes'],
      ['/var/lib/kubelet/plugins/ebs.csi.aws.com/', 'plugin-socket'],
      ['/var/lib/kubelet/plugins_registry', 'plugin-socket'],
      ['/etc/kubernetes/secrets-store-csi-providers', 'plugin-socket'],
      ['/etc/kubernetes/secrets-store-csi-providers/azure.sock', 'plugin-socket'],
      ['/etc/kubernetes/secrets-store-csi-providers-x', 'node-config'],
      ['/etc/kubernetes/konnectivity-server', 'plugin-socket'],
      ['/etc/kubernetes/konnectivity-server/konnectivity-server.socket', 'plugin-socket'],
      ['/etc/kubernetes/konnectivity-server.conf', 'node-config'],
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

  void test('nodeSecrets: what the node keeps at a node-config path, nothing for other paths', () => {
    const cases: [string, NodeSecrets | undefined][] = [
      ['/etc', 'node-etc'],
      ['/etc/', 'node-etc'],
      ['/etc/kubernetes', 'cluster-credentials'],
      ['/etc/kubernetes/pki/ca.key', 'cluster-credentials'],
      ['/etc/kubernetes/secrets-store-csi-providers', undefined],
      ['/etc/kubernetes/konnectivity-server', undefined],
      ['/etc/kubernetes/konnectivity-server.conf', 'cluster-credentials'],
      ['/etc/kubelet.conf', 'cluster-credentials'],
      ['/etc/rancher/k3s', 'cluster-credentials'],
      ['/var/lib/kubelet/pki', 'cluster-credentials'],
      ['/var/lib/kubelet/config.yaml', 'kubelet-state'],
      ['/var/lib/etcd', 'etcd-data'],
      ['/etc/ssh/ssh_host_ed25519_key', 'ssh-keys'],
      ['/etc/shadow', 'password-hashes'],
      ['/etc/gshadow', 'password-hashes'],
      ['/etc/ssl', 'tls-keys'],
      ['/etc/ssl/private/node.key', 'tls-keys'],
      ['/etc/pki', 'tls-keys'],
      ['/etc/pki/tls', 'tls-keys'],
      ['/root/.kube', 'root-home'],
      ['/etc/hosts', undefined],
      ['/etc/ssl/certs', undefined],
      ['/var/lib/kubelet/pods', undefined],
      ['/var/lib', undefined],
      ['/', undefined],
    ];
    for (const [path, secrets] of cases) assert.equal(nodeSecrets(path), secrets, path);
  });
});
