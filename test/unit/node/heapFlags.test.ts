/** The V8 flags the server starts with are accepted by Node and bound the young generation. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { SERVER_HEAP_FLAGS } from '../../../server/src/node/heapFlags';

void test('Node starts with the server heap flags, and the young generation stays small', () => {
  // Allocates objects that live through a few collections (as summaries arriving from the scan
  // threads do), which makes V8 grow the young generation, then reports its size.
  const script = `
    const v8 = require('node:v8');
    let live = [];
    let keep = 0;
    for (let i = 0; i < 6e6; i++) {
      live.push({ i });
      if (live.length > 400000) (keep += live.length), (live = []);
    }
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(JSON.stringify({ keep, youngMb: young.space_size / 2 ** 20 }));
  `;
  const run = spawnSync(process.execPath, [...SERVER_HEAP_FLAGS, '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const { keep, youngMb } = JSON.parse(run.stdout) as { keep: number; youngMb: number };
  assert.ok(keep > 5e6);
  // Two semi-spaces of at most 16 MB each (Node 24's default lets them grow to 128 MB).
  assert.ok(youngMb <= 32, `young generation ${youngMb} MB`);
});
