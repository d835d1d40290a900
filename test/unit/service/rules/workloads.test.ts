/** Table-driven tests of the workloads rules: a triggering and a near-miss fixture per rule. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hostPathRole, type HostPathRole } from '../../../../server/src/service/rules/nodePlumbing';
import { isDatabaseDataPath, keepsNoData } from '../../../../server/src/service/rules/workloads';
import { diagnose, familyTable } from './helpers';

void describe('workloads rules', () => {
  familyTable('workloads');
});

void describe('workload rules in detail', () => {
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

  void test('emptydir-for-database-data recognises data paths, database images and persisting Redis', () => {
    const image = (name: string) => ({ image: name });
    assert.equal(isDatabaseDataPath('/var/lib/mysql', image('example/app')), true);
    assert.equal(isDatabaseDataPath('/bitnami/postgresql/data', {}), true);
    assert.equal(isDatabaseDataPath('/data/db', image('mongo:7')), true);
    assert.equal(isDatabaseDataPath('/data', image('docker.io/library/mongo:7')), true);
    assert.equal(isDatabaseDataPath('/data', image('redis:7')), true, 'Redis snapshots by default');
    assert.equal(
      isDatabaseDataPath('/data', { image: 'redis:7', args: ['--save', '', '--appendonly', 'no'] }),
      false,
      'a Redis cache with persistence off',
    );
    assert.equal(
      isDatabaseDataPath('/data', {
        image: 'redis:7',
        args: ['--save', '', '--appendonly', 'yes'],
      }),
      true,
    );
    assert.equal(
      isDatabaseDataPath('/data', {
        image: 'redis:7',
        command: ['sh', '-c', 'redis-server --save ""'],
      }),
      false,
    );
    assert.equal(isDatabaseDataPath('/data', image('nginx:1.27')), false);
    assert.equal(
      isDatabaseDataPath('/var/lib/postgresql-exporter-cache', image('postgres:16')),
      false,
    );
  });

  void test('emptydir-for-database-data: arbiters and sentinels keep no data', () => {
    assert.equal(keepsNoData({ name: 'mongodb-arbiter' }), true);
    assert.equal(
      keepsNoData({ name: 'node', env: [{ name: 'MONGODB_REPLICA_SET_MODE', value: 'arbiter' }] }),
      true,
    );
    assert.equal(keepsNoData({ name: 'sentinel', image: 'redis:7' }), true);
    assert.equal(
      keepsNoData({ name: 'node', image: 'docker.io/bitnami/redis-sentinel:7.4' }),
      true,
    );
    assert.equal(keepsNoData({ name: 'mongodb', image: 'mongo:7' }), false);
  });
});
