/**
 * The server's heap flags are accepted by Node, the collection after the scan happens, and the
 * young generation is held during the first scan until the user types.
 */
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

/**
 * A child that keeps 200 MB alive after `holdYoungGeneration`, then 200 MB more after
 * `letYoungGenerationGrow`: the size of V8's new space at the start, after the first and after the
 * second. `editFirst`: the user typed before the scan started.
 */
function youngGenerationSizes(editFirst: boolean): { before: number; held: number; grown: number } {
  const script = `
    const v8 = require('node:v8');
    const { holdYoungGeneration, letYoungGenerationGrow } = require(${JSON.stringify(heapFlags)});
    const newSpace = () =>
      v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const kept = [];
    const keepAlive = (mb) => { for (let i = 0; i < mb * 1024; i++) kept.push(new Array(100).fill(i)); };
    if (${editFirst}) letYoungGenerationGrow();
    holdYoungGeneration();
    const before = newSpace();
    keepAlive(200);
    const held = newSpace();
    letYoungGenerationGrow();
    keepAlive(200);
    console.log(JSON.stringify({ before, held, grown: newSpace() }));
  `;
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { before: number; held: number; grown: number };
}

void test('held during the scan, the young generation keeps its size until the user types', () => {
  const { before, held, grown } = youngGenerationSizes(false);
  assert.equal(held, before);
  assert.ok(grown > held, `${held} -> ${grown} bytes after the first edit`);
});

void test('once the user has typed, a later scan leaves the young generation free to grow', () => {
  const { before, held } = youngGenerationSizes(true);
  assert.ok(held > before, `${before} -> ${held} bytes`);
});

void test('a worker started while the young generation is held gets its whole young generation', () => {
  // The new space of a worker with a 16 MB young generation, started after the main thread's is
  // held: with `startWorkersWithFullYoungGeneration` and without.
  const sizeInWorker = (full: boolean): number => {
    const script = `
      const { Worker } = require('node:worker_threads');
      const flags = require(${JSON.stringify(heapFlags)});
      flags.holdYoungGeneration();
      if (${full}) flags.startWorkersWithFullYoungGeneration(16);
      const worker = new Worker(
        "const v8 = require('node:v8');" +
        "const { parentPort } = require('node:worker_threads');" +
        "parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);",
        { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 32 } },
      );
      worker.on('message', (size) => { console.log(size); void worker.terminate(); });
    `;
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    return Number(run.stdout.trim());
  };
  const held = sizeInWorker(false);
  const full = sizeInWorker(true);
  assert.ok(full > held, `${held} -> ${full} bytes`);
  assert.ok(full <= 16 * 1024 * 1024, `${full} bytes, above the worker's limit`);
});
