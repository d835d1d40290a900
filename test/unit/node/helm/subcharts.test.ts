import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChart } from '../../../../server/src/node/charts';
import { withSubcharts } from '../../../../server/src/node/helm/subcharts';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';
import { tgzOf } from '../charts/build';

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

void test('unpacked and packaged subcharts are read for the values check', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-subcharts-'));
  try {
    write(dir, {
      'Chart.yaml':
        'apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: 2.0.0\n  - name: broker\n    alias: queue\n    version: 3.1.0\n',
      'values.yaml': 'replicas: 1\n',
      'templates/cm.yaml': 'n: {{ .Values.replicas }}\n',
      'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 2.0.0\n',
      'charts/db/values.yaml': 'persistence:\n  size: 8Gi\n',
      'charts/db/templates/sts.yaml': 'size: {{ .Values.persistence.size }}\n',
    });
    const tgz = await tgzOf([
      {
        header: { name: 'broker/Chart.yaml' },
        content: 'apiVersion: v2\nname: broker\nversion: 3.1.0\n',
      },
      { header: { name: 'broker/values.yaml' }, content: 'retention:\n  hours: 24\n' },
      { header: { name: 'broker/templates/d.yaml' }, content: 'h: {{ .Values.retention.days }}\n' },
    ]);
    writeFileSync(join(dir, 'charts', 'broker-3.1.0.tgz'), tgz);
    const source = await withSubcharts(await readChart(dir));
    assert.ok(source.files.has('charts/db/values.yaml'));
    assert.ok(source.files.has('charts/db/templates/sts.yaml'));
    assert.ok(source.files.has('charts/broker-3.1.0.tgz/values.yaml'));
    const found = checkValuesFile(
      buildChartModel(source.files),
      'db:\n  persistence:\n    sise: 1Gi\nqueue:\n  retention:\n    days: 2\n    hour: 1\n',
    ).map((d) => `${d.range.start.line + 1}:${(d.data?.suggestion as string) ?? ''}`);
    assert.deepEqual(found, ['3:size', '7:hours']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('a packaged parent chart: its unpacked and nested packaged subcharts are read in memory', async () => {
  const broker = await tgzOf([
    {
      header: { name: 'broker/Chart.yaml' },
      content: 'apiVersion: v2\nname: broker\nversion: 3.1.0\n',
    },
    { header: { name: 'broker/values.yaml' }, content: 'retention:\n  hours: 24\n' },
  ]);
  const shop = await tgzOf([
    {
      header: { name: 'shop/Chart.yaml' },
      content:
        'apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: 2.0.0\n  - name: broker\n    alias: queue\n    version: 3.1.0\n',
    },
    { header: { name: 'shop/values.yaml' }, content: 'replicas: 1\n' },
    {
      header: { name: 'shop/charts/db/Chart.yaml' },
      content: 'apiVersion: v2\nname: db\nversion: 2.0.0\n',
    },
    {
      header: { name: 'shop/charts/db/values.yaml' },
      content: 'primary:\n  persistence:\n    size: 8Gi\n',
    },
    {
      header: { name: 'shop/charts/db/templates/sts.yaml' },
      content: 's: {{ .Values.primary.persistence.size }}\n',
    },
    { header: { name: 'shop/charts/broker-3.1.0.tgz' }, content: broker },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'ks-subcharts-'));
  try {
    const path = join(dir, 'shop-1.0.0.tgz');
    writeFileSync(path, shop);
    const source = await withSubcharts(await readChart(path));
    assert.equal(source.kind, 'archive');
    assert.equal(source.archiveCharts, undefined);
    assert.ok(source.files.has('charts/db/templates/sts.yaml'));
    assert.ok(source.files.has('charts/broker-3.1.0.tgz/values.yaml'));
    const found = checkValuesFile(
      buildChartModel(source.files),
      'db:\n  primary:\n    persistence:\n      sise: 1Gi\nqueue:\n  retention:\n    hour: 1\n',
    ).map((d) => `${d.range.start.line + 1}:${(d.data?.suggestion as string) ?? ''}`);
    assert.deepEqual(found, ['4:size', '7:hours']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
