/**
 * lsp/runner.ts: requests yield a tick, honour cancellation before and after, log failures, and
 * tell how long ago the last one was answered.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CancellationTokenSource,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
} from 'vscode-languageserver';
import { RequestType } from 'vscode-jsonrpc';
import { msSinceLastRequest, onRequest, runSafe } from '../../../server/src/lsp/runner';
import type { ServerContext } from '../../../server/src/lsp/context';

function logger(): { log: (m: string) => void; lines: string[] } {
  const lines: string[] = [];
  return { log: (m) => lines.push(m), lines };
}

function isCancelled(x: unknown): boolean {
  return x instanceof ResponseError && x.code === LSPErrorCodes.RequestCancelled;
}

void test('answers the work of the handler', async () => {
  const ctx = logger();
  const token = new CancellationTokenSource().token;
  assert.deepEqual(await runSafe(ctx, 'hover', token, null, () => ({ a: 1 })), { a: 1 });
  assert.equal(await runSafe(ctx, 'hover', token, null, () => Promise.resolve(2)), 2);
  assert.deepEqual(ctx.lines, []);
});

void test('yields a tick first: a cancellation right behind the request skips the work', async () => {
  const ctx = logger();
  const source = new CancellationTokenSource();
  let ran = false;
  const answer = runSafe(ctx, 'hover', source.token, null, () => (ran = true));
  source.cancel(); // same tick as the request: the handler has not run yet
  assert.ok(isCancelled(await answer));
  assert.equal(ran, false);
});

void test('a cancellation during the work answers RequestCancelled, not the result', async () => {
  const ctx = logger();
  const source = new CancellationTokenSource();
  const answer = runSafe(ctx, 'completion', source.token, [], async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    source.cancel();
    return ['item'];
  });
  assert.ok(isCancelled(await answer));
});

void test('an exception is logged with its stack and answers the fallback', async () => {
  const ctx = logger();
  const token = new CancellationTokenSource().token;
  const answer = await runSafe(ctx, 'definition', token, [] as string[], () => {
    throw new TypeError('position is undefined');
  });
  assert.deepEqual(answer, []);
  assert.equal(ctx.lines.length, 1);
  assert.match(ctx.lines[0]!, /^definition failed: TypeError: position is undefined\n\s+at /);
  const rejected = await runSafe(ctx, 'rename', token, null, () => Promise.reject(new Error('x')));
  assert.equal(rejected, null);
  assert.match(ctx.lines[1]!, /^rename failed: Error: x/);
});

void test('onRequest registers a typed request by its method, through runSafe', async () => {
  const handlers = new Map<string, (params: unknown, token: CancellationToken) => unknown>();
  const lines: string[] = [];
  const ctx = {
    connection: {
      onRequest: (method: string, handler: (p: unknown, t: CancellationToken) => unknown) =>
        handlers.set(method, handler),
    },
    log: (m: string) => lines.push(m),
  } as unknown as ServerContext;
  const Echo = new RequestType<{ text: string }, { ok: boolean; text?: string }, void>('test/echo');
  onRequest(ctx, Echo, { ok: false }, (params) => {
    if (params.text === 'boom') throw new Error('boom');
    return { ok: true, text: params.text };
  });
  const handler = handlers.get('test/echo');
  assert.ok(handler);
  const token = new CancellationTokenSource().token;
  assert.deepEqual(await handler({ text: 'hi' }, token), { ok: true, text: 'hi' });
  assert.deepEqual(await handler({ text: 'boom' }, token), { ok: false });
  assert.match(lines[0]!, /^test\/echo failed: Error: boom/);
});

void test('tells how long ago a request was answered: 0 while one is being answered', async () => {
  const ctx = logger();
  const token = new CancellationTokenSource().token;
  let during = -1;
  await runSafe(ctx, 'hover', token, null, async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    during = msSinceLastRequest();
  });
  assert.equal(during, 0);
  const justAfter = msSinceLastRequest();
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.ok(msSinceLastRequest() >= justAfter + 25, 'the time since grows');
  const failing = runSafe(ctx, 'rename', token, null, () => Promise.reject(new Error('x')));
  assert.equal(msSinceLastRequest(), 0, 'a request that will fail is in flight too');
  await failing;
  assert.ok(msSinceLastRequest() < 25);
});
