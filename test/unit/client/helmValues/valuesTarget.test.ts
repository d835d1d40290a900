import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isChartValuesFile,
  proposeValuesFile,
} from '../../../../client/src/helmValues/valuesTarget';

const existing = (...paths: string[]) => {
  const set = new Set(paths);
  return (path: string) => set.has(path);
};

void test("opened from the chart's own values.yaml: proposes a file next to the chart, not inside it", () => {
  const proposed = proposeValuesFile({
    chartDir: '/work/charts/keeper',
    chartName: 'keeper',
    valuesPath: '/work/charts/keeper/values.yaml',
    workspaceFolder: '/work/charts/keeper',
    exists: existing('/work/charts/keeper/values.yaml'),
  });
  assert.equal(proposed, '/work/charts/values.yaml');
});

void test('an existing values.yaml next to the chart is not proposed for overwriting', () => {
  const proposed = proposeValuesFile({
    chartDir: '/work/charts/keeper',
    chartName: 'keeper',
    exists: existing('/work/charts/values.yaml', '/work/charts/keeper-values.yaml'),
  });
  assert.equal(proposed, '/work/charts/keeper-values-2.yaml');
});

void test("the user's values file, outside the chart, sets the folder", () => {
  assert.equal(
    proposeValuesFile({
      chartDir: '/work/charts/keeper',
      chartName: 'keeper',
      valuesPath: '/work/env/prod/keeper.yaml',
      exists: existing('/work/env/prod/keeper.yaml'),
    }),
    '/work/env/prod/values.yaml',
  );
});

void test('a packaged or repository chart: the workspace folder, a file name from the chart', () => {
  assert.equal(
    proposeValuesFile({
      chartName: 'bitnami/redis',
      workspaceFolder: '/work',
      exists: existing('/work/values.yaml'),
    }),
    '/work/bitnami-redis-values.yaml',
  );
  assert.equal(proposeValuesFile({ chartName: 'x', exists: () => false }), undefined);
});

void test("the chart's own values.yaml is recognised (to refuse a save there)", () => {
  assert.ok(isChartValuesFile('/work/charts/keeper/values.yaml', '/work/charts/keeper'));
  assert.ok(isChartValuesFile('/work/charts/keeper/./values.yaml', '/work/charts/keeper/'));
  assert.ok(!isChartValuesFile('/work/charts/values.yaml', '/work/charts/keeper'));
  assert.ok(!isChartValuesFile('/work/charts/keeper/values.yaml', undefined));
});
