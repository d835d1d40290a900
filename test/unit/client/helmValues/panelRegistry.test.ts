import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartKey, PanelRegistry } from '../../../../client/src/helmValues/panelRegistry';

void test('a chart is the same chart from its folder, its Chart.yaml or a relative path', () => {
  const key = chartKey({ kind: 'path', path: '/work/charts/keeper' });
  assert.equal(chartKey({ kind: 'path', path: '/work/charts/keeper/' }), key);
  assert.equal(chartKey({ kind: 'path', path: '/work/charts/keeper/Chart.yaml' }), key);
  assert.equal(chartKey({ kind: 'path', path: '/work/charts/x/../keeper' }), key);
  assert.notEqual(chartKey({ kind: 'path', path: '/work/charts/keeper-2' }), key);
  assert.equal(
    chartKey({ kind: 'reference', reference: 'bitnami/redis ' }),
    chartKey({ kind: 'reference', reference: 'bitnami/redis' }),
  );
  assert.notEqual(chartKey({ kind: 'reference', reference: 'keeper' }), key);
});

void test('one tab per chart: the open tab is found again, and forgotten when it closes', () => {
  const panels = new PanelRegistry<{ name: string }>();
  const first = { name: 'first' };
  const closeFirst = panels.add({ kind: 'path', path: '/work/charts/keeper' }, first);
  assert.equal(panels.find({ kind: 'path', path: '/work/charts/keeper/Chart.yaml' }), first);
  assert.equal(panels.find({ kind: 'path', path: '/work/charts/other' }), undefined);

  // A restored second tab of the same chart does not take the place of the first.
  const restored = { name: 'restored' };
  const closeRestored = panels.add({ kind: 'path', path: '/work/charts/keeper' }, restored);
  assert.equal(panels.find({ kind: 'path', path: '/work/charts/keeper' }), first);
  closeRestored();
  assert.equal(panels.find({ kind: 'path', path: '/work/charts/keeper' }), first);

  closeFirst();
  assert.equal(panels.find({ kind: 'path', path: '/work/charts/keeper' }), undefined);
  assert.deepEqual(panels.all(), []);
});
