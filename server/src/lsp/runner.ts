/**
 * Every request handler of the server runs through `runSafe` (as json-language-features'
 * `utils/runner.ts`): it yields a tick first, so a `$/cancelRequest` that arrived right behind the
 * request is seen; it checks the token before and after the work and then answers
 * `RequestCancelled`; an exception is logged to the connection's console and the handler's
 * fallback answered, so one bad request never takes the server down.
 *
 * Custom requests and notifications are registered with `onRequest` / `onNotification` from their
 * typed declarations in protocol.ts. (The server's `vscode-languageserver` pins an older
 * `vscode-jsonrpc` than the client's, so its typed overloads do not accept protocol.ts's types:
 * the method name is taken from the declaration here, and the types with it.)
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { NotificationType, RequestType } from 'vscode-jsonrpc';
import { safely, type ServerContext } from './context';

let inFlight = 0;
let lastAnsweredAt = -Infinity;

/**
 * Milliseconds since the last request was answered; 0 while one is being answered. The workspace
 * scan's main-thread share waits while the user is at work (lsp/workspaceScan.ts).
 */
export function msSinceLastRequest(): number {
  return inFlight > 0 ? 0 : performance.now() - lastAnsweredAt;
}

/** The answer to a request the client cancelled. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Runs a request's work after one tick, unless cancelled; a cancellation seen before or after
 * answers `RequestCancelled`, an exception is logged and answers `fallback`.
 */
export function runSafe<T>(
  ctx: Pick<ServerContext, 'log'>,
  what: string,
  token: CancellationToken,
  fallback: T,
  run: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  inFlight++;
  return new Promise<T | ResponseError<void>>((resolve) => {
    setImmediate(() => {
      if (token.isCancellationRequested) return resolve(cancelled());
      void safely(ctx, what, fallback, run).then((result) =>
        resolve(token.isCancellationRequested ? cancelled() : result),
      );
    });
  }).finally(() => {
    inFlight--;
    lastAnsweredAt = performance.now();
  });
}

/** Answers a custom request of protocol.ts through `runSafe`. */
export function onRequest<P, R>(
  ctx: ServerContext,
  type: RequestType<P, R, void>,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): void {
  ctx.connection.onRequest(type.method, (params: P, token: CancellationToken) =>
    runSafe(ctx, type.method, token, fallback, () => handler(params, token)),
  );
}

/** Handles a custom notification of protocol.ts; an exception is logged. */
export function onNotification<P>(
  ctx: ServerContext,
  type: NotificationType<P>,
  handler: (params: P) => void,
): void {
  ctx.connection.onNotification(type.method, (params: P) => {
    void safely(ctx, type.method, undefined, () => handler(params));
  });
}
