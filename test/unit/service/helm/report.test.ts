import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { storageBlock, valuesReport } from '../../../../server/src/service/helm';
import { cache, keeper, override } from './fixture';

void test('one row per value path with default, override, type, comment, storage flag and uses', () => {
  const report = valuesReport(keeper(), override('typos.yaml'));
  assert.equal(report.chart.name, 'keeper');
  assert.equal(report.hasSchema, true);
  const row = (path: string) => report.rows.find((r) => r.path === path)!;
  assert.deepEqual(
    { ...row('persistence.size') },
    {
      path: 'persistence.size',
      keys: ['persistence', 'size'],
      depth: 1,
      type: 'string',
      default: '8Gi',
      override: 10,
      overridden: true,
      differs: true,
      comment: 'Size of the data volume',
      storage: true,
      storageKind: 'size',
      uses: [{ file: 'templates/statefulset.yaml', line: 60, kind: 'with' }],
      line: 37,
    },
  );
  assert.equal(row('persistence.storageClass').example, 'storageClass: "-"');
  assert.equal(row('persistence.storageClass').override, '-');
  assert.equal(row('service.port').differs, false);
  assert.equal(row('service.port').overridden, true);
  assert.equal(row('replicaCount').storage, false);
  assert.equal(row('persistance').unknown, true);
  assert.equal(row('podAnnotations["prometheus.io/scrape"]').unknown, false);
  assert.ok(report.diagnostics.length > 5);
});

void test('the storage block is the storage part of the defaults, with the overrides applied', () => {
  const block = parse(
    storageBlock(keeper(), 'persistence:\n  size: 20Gi\n  sise: 1\nreplicaCount: 5\n'),
  ) as Record<string, unknown>;
  assert.deepEqual(Object.keys(block), ['persistence', 'volumePermissions']);
  assert.deepEqual(block.persistence, {
    enabled: true,
    accessModes: ['ReadWriteOnce'],
    size: '20Gi',
    annotations: {},
    mountPath: '/var/lib/keeper',
  });
});

void test('a key under an empty map whose keys the chart names is listed as not in the chart', () => {
  const report = valuesReport(
    cache(),
    'persistence:\n  existingClam: cache-data\npodAnnotations:\n  a.io/b: x\n',
  );
  const row = (path: string) => report.rows.find((r) => r.path === path)!;
  assert.equal(row('persistence.existingClam').unknown, true);
  assert.equal(row('podAnnotations["a.io/b"]').unknown, false);
});

void test('a values file of two documents: the inspector shows the merged overrides', () => {
  const text = [
    'persistence:',
    '  enabled: false',
    '  size: 10Gi',
    '---',
    '# the second document wins where both set a key',
    'persistence:',
    '  size: 20Gi',
    '  sise: 1Gi',
    'replicaCount: 5',
    '',
  ].join('\n');
  const report = valuesReport(keeper(), text);
  const row = (path: string) => report.rows.find((r) => r.path === path);
  assert.equal(row('persistence.size')?.override, '20Gi');
  assert.equal(row('persistence.enabled')?.override, false, 'set in the first document only');
  assert.equal(row('replicaCount')?.override, 5);
  assert.equal(row('persistence.sise')?.unknown, true);
  assert.deepEqual(
    report.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`),
    ['2:helm-values-persistence-off', '8:helm-values-unknown-key'],
  );
  assert.match(storageBlock(keeper(), text), /size: 20Gi/);
});
