/** Table-driven tests of the workloads rules: a triggering and a near-miss fixture per rule. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDatabaseDataPath } from '../../../../server/src/service/rules/workloads';
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
    assert.equal(sensitive(daemonSet('/proc', false)), 1);
    assert.equal(sensitive(daemonSet('/var/lib/docker/containers', true)), 0);
  });

  void test('sensitive-host-path: runtime sockets and /etc count even read-only, paths are normalised', () => {
    assert.equal(sensitive(daemonSet('/var/run/docker.sock', true)), 1);
    assert.equal(sensitive(daemonSet('/run/containerd/containerd.sock', true)), 1);
    assert.equal(sensitive(daemonSet('/etc/', true)), 1);
    assert.equal(sensitive(daemonSet('/var/log/../../etc/kubernetes', true)), 1);
    assert.equal(sensitive(daemonSet('//', true)), 1);
    assert.equal(sensitive(daemonSet('/srv/etc', true)), 0);
  });

  void test('emptydir-for-database-data recognises data paths and database images', () => {
    assert.equal(isDatabaseDataPath('/var/lib/mysql', 'example/app'), true);
    assert.equal(isDatabaseDataPath('/bitnami/postgresql/data', undefined), true);
    assert.equal(isDatabaseDataPath('/data/db', 'mongo:7'), true);
    assert.equal(isDatabaseDataPath('/data', 'docker.io/library/mongo:7'), true);
    assert.equal(
      isDatabaseDataPath('/data', 'redis:7'),
      false,
      'a Redis cache on emptyDir is common',
    );
    assert.equal(isDatabaseDataPath('/data', 'nginx:1.27'), false);
    assert.equal(isDatabaseDataPath('/var/lib/postgresql-exporter-cache', 'postgres:16'), false);
  });
});
