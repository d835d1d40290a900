/** The server's heap flags are accepted by Node, and the collection after the scan happens. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { collectSoonerAfterScan, SERVER_HEAP_FLAGS } from '../../../server/src/node/heapFlags';

const heapFlags = join(__dirname, '../../../server/src/node/heapFlags.ts');

void test('with the server flags, collectSoonerAfterScan runs one full collection', () => {
  // A child started as the extension starts the server: it counts the full (major) collections
  // from the moment the function is called.
  const script = `
    const { PerformanceObserver, constants } = require('node:perf_hooks');
    const { collectSoonerAfterScan } = require(${JSON.stringify(heapFlags)});
    let major = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++;
    });
    observer.observe({ entryTypes: ['gc'] });
    collectSoonerAfterScan();
    setTimeout(() => { observer.disconnect(); console.log(JSON.stringify({ major })); }, 500);
  `;
  const run = spawnSync(
    process.execPath,
    [...SERVER_HEAP_FLAGS, '--require', 'tsx/cjs', '-e', script],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  const { major } = JSON.parse(run.stdout) as { major: number };
  assert.ok(major >= 1, `${major} full collections`);
});

void test('without --expose-gc (another editor started it plainly) it changes the growth only', () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined');
  assert.doesNotThrow(() => collectSoonerAfterScan());
});
