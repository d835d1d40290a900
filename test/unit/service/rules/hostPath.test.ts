/** The hostPath rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose } from './helpers';

void describe('hostPath rules in detail', () => {
  const daemonSet = (path: string, readOnly: boolean): string =>
    [
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: {name: agent}',
      'spec:',
      '  selector: {matchLabels: {app: agent}}',
      '  template:',
      '    metadata: {labels: {app: agent}}',
      '    spec:',
      '      containers:',
      '        - name: agent',
      '          image: example/agent:1',
      `          volumeMounts: [{name: host, mountPath: /host, readOnly: ${readOnly}}]`,
      `      volumes: [{name: host, hostPath: {path: ${path}}}]`,
      '',
    ].join('\n');
  const sensitive = (text: string) =>
    diagnose({ 'file:///ds.yaml': text }).filter((d) => d.code === 'sensitive-host-path').length;

  void test('sensitive-host-path: /proc read-only is what metrics agents do; writable is not', () => {
    assert.equal(sensitive(daemonSet('/proc', true)), 0);
    assert.equal(sensitive(daemonSet('/proc', false)), 1, 'an unprivileged agent that only reads');
    assert.equal(sensitive(daemonSet('/var/lib/docker/containers', true)), 0);
  });

  const deployment = (path: string): string =>
    daemonSet(path, true)
      .replace('kind: DaemonSet', 'kind: Deployment')
      .replace('spec:\n  selector', 'spec:\n  replicas: 1\n  selector');

  void test('sensitive-host-path: /etc and / count even read-only, in node agents too; paths are normalised', () => {
    assert.equal(sensitive(daemonSet('/etc/', true)), 1);
    assert.equal(sensitive(daemonSet('/var/log/../../etc/kubernetes', true)), 1);
    assert.equal(sensitive(daemonSet('//', true)), 1);
    assert.equal(sensitive(daemonSet('/srv/etc', true)), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/pods', true)), 1);
  });

  void test('sensitive-host-path: the runtime socket counts in an application, not in a node agent', () => {
    assert.equal(sensitive(deployment('/var/run/docker.sock')), 1);
    assert.equal(sensitive(deployment('/run/containerd/containerd.sock')), 1);
    assert.equal(sensitive(deployment('/var/run')), 1);
    assert.equal(sensitive(daemonSet('/var/run/docker.sock', true)), 0);
    assert.equal(sensitive(daemonSet('/run/containerd/containerd.sock', true)), 0);
  });

  void test('sensitive-host-path: node plumbing and harmless node files are not reported', () => {
    assert.equal(sensitive(deployment('/etc/localtime')), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/plugins/example.csi.vendor.io', false)), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/plugins_registry/', false)), 0);
    assert.equal(sensitive(daemonSet('/var/lib/kubelet/device-plugins', false)), 0);
    assert.equal(sensitive(daemonSet('/etc/cni/net.d', false)), 0);
    assert.equal(sensitive(daemonSet('/lib/modules', true)), 0);
  });
});
