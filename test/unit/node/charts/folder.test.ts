import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ChartSourceError,
  findChartForValues,
  readChart,
} from '../../../../server/src/node/charts';
import { fixturesDir } from '../../service/helm/fixture';
import { keeperTgz } from './build';
import { makeTempDir } from '../../../support/tempDir';

void test('a chart folder, its Chart.yaml and its .tgz read to the same chart', async () => {
  const folder = await readChart(join(fixturesDir, 'keeper'));
  assert.equal(folder.kind, 'folder');
  assert.ok(folder.files.has('values.schema.json'));
  assert.ok(folder.files.has('templates/_helpers.tpl'));
  const viaChartYaml = await readChart(join(fixturesDir, 'keeper', 'Chart.yaml'));
  assert.deepEqual([...viaChartYaml.files.keys()].sort(), [...folder.files.keys()].sort());

  const dir = makeTempDir('ks-chart-');
  const tgz = join(dir, 'keeper-1.4.0.tgz');
  writeFileSync(tgz, await keeperTgz());
  const archive = await readChart(tgz);
  assert.equal(archive.kind, 'archive');
  assert.equal(archive.name, 'keeper');
  assert.deepEqual([...archive.files.keys()].sort(), [...folder.files.keys()].sort());
});

void test('links inside a chart folder are not followed; missing paths and non-charts are clear errors', async () => {
  const dir = makeTempDir('ks-chart-');
  const outside = join(dir, 'secret.yaml');
  writeFileSync(outside, 'password: hunter2');
  const chart = join(dir, 'c');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'name: c');
  writeFileSync(join(chart, 'values.yaml'), 'a: 1');
  symlinkSync(outside, join(chart, 'templates', 'leak.yaml'));
  symlinkSync(outside, join(chart, 'values-leak.yaml'));
  const read = await readChart(chart);
  assert.deepEqual([...read.files.keys()].sort(), ['Chart.yaml', 'values.yaml']);

  // A templates/ folder that is itself a link leads outside the chart: it is not walked.
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'stolen.yaml'), 'token: abc');
  const linked = join(dir, 'linked');
  mkdirSync(linked);
  writeFileSync(join(linked, 'Chart.yaml'), 'name: linked');
  symlinkSync(elsewhere, join(linked, 'templates'));
  assert.deepEqual([...(await readChart(linked)).files.keys()], ['Chart.yaml']);

  await assert.rejects(
    readChart(join(dir, 'nope')),
    (e: unknown) => e instanceof ChartSourceError && e.code === 'notFound',
  );
  mkdirSync(join(dir, 'empty'));
  await assert.rejects(
    readChart(join(dir, 'empty')),
    (e: unknown) => e instanceof ChartSourceError && e.code === 'notAChart',
  );
});

void test('finding the chart of a values file: inside the chart, in ci/, or next to the chart folder', async () => {
  const dir = makeTempDir('ks-chart-');
  const chart = join(dir, 'app');
  mkdirSync(join(chart, 'ci'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'name: app');
  assert.equal(await findChartForValues(join(chart, 'values.yaml')), chart);
  assert.equal(await findChartForValues(join(chart, 'ci', 'values-ci.yaml')), chart);
  assert.equal(await findChartForValues(join(dir, 'my-values.yaml')), chart);
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'Chart.yaml'), 'name: other');
  assert.equal(
    await findChartForValues(join(dir, 'my-values.yaml')),
    undefined,
    'two charts next to it: ambiguous',
  );
});

void test('a chart is named by its Chart.yaml, not by the folder it sits in', async () => {
  const dir = makeTempDir('ks-chart-');
  const chart = join(dir, 'chart');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: longhorn\nversion: 1.9.0\n');
  assert.equal((await readChart(chart)).name, 'longhorn');
  assert.equal((await readChart(join(chart, 'Chart.yaml'))).name, 'longhorn');
  // Without a usable name the folder's stays.
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: [broken\n');
  assert.equal((await readChart(chart)).name, 'chart');
});
