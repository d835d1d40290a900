import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChartWatchers } from '../../../../server/src/node/helm/chartWatch';
import { makeTempDir } from '../../../support/tempDir';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('changes in a watched chart folder (nested, not YAML) are reported once they settle', async () => {
  const root = makeTempDir('ks-chart-watch-');
  const chart = join(root, 'ledger');
  const other = join(root, 'other');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  mkdirSync(other);
  const seen: string[] = [];
  const watchers = new ChartWatchers((path) => seen.push(path), 50);
  try {
    watchers.watchOnly([chart, other]);
    assert.deepEqual(watchers.paths().sort(), [chart, other].sort());
    // A checkout writes several files: one change.
    writeFileSync(join(chart, 'templates', '_helpers.tpl'), '{{- define "x" }}{{ end }}');
    writeFileSync(join(chart, 'values.yaml'), 'a: 1\n');
    await settle(400);
    assert.deepEqual(seen, [chart]);
    // A chart no longer watched says nothing.
    watchers.watchOnly([chart]);
    writeFileSync(join(other, 'Chart.yaml'), 'name: other\n');
    await settle(400);
    assert.deepEqual(seen, [chart]);
  } finally {
    watchers.dispose();
  }
});

test('a chart that does not exist is not watched and does not throw', () => {
  const watchers = new ChartWatchers(() => assert.fail('no change expected'));
  watchers.watchOnly([join(tmpdir(), 'ks-no-such-chart-here')]);
  watchers.dispose();
});
