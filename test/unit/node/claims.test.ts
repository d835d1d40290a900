/** Files shared out one at a time to threads that share a counter (node/claims.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimedSoFar, claimsFrom, sharedCounter } from '../../../server/src/node/claims';

describe('claims', () => {
  it('hand out every index once to threads that share the counter', () => {
    const next = sharedCounter();
    const [first, second] = [claimsFrom(next, 5), claimsFrom(next, 5)];
    const taken = [first(), second(), second(), first(), first(), second(), first()];
    assert.deepEqual(taken, [0, 1, 2, 3, 4, undefined, undefined]);
  });

  it('tell how many were handed out, never more than there are', () => {
    const next = sharedCounter();
    const claim = claimsFrom(next, 3);
    assert.equal(claimedSoFar(next, 3), 0);
    claim();
    claim();
    assert.equal(claimedSoFar(next, 3), 2);
    claim();
    claim();
    assert.equal(claimedSoFar(next, 3), 3);
  });

  it('share the counter with a worker thread through its memory', async () => {
    const { Worker } = await import('node:worker_threads');
    const next = sharedCounter();
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       parentPort.postMessage(Atomics.add(workerData, 0, 1));`,
      { eval: true, workerData: next },
    );
    const taken = await new Promise((resolve) => worker.once('message', resolve));
    assert.equal(taken, 0);
    assert.equal(claimsFrom(next, 5)(), 1, 'the index the worker took is not handed out again');
    await worker.terminate();
  });
});
