/**
 * Files shared out to threads one at a time (`lint --jobs`, cli/lintWorkers.ts; the language
 * server's scan of the workspace, node/workspaceReader.ts): a thread that parses faster takes more
 * files, so no thread waits for another at the end of the parse.
 */

/** A counter that threads can share: pass it in `workerData` and give each thread `claimsFrom`. */
export function sharedCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Hands out the indexes 0 to `count - 1`, each once, to whichever thread asks first: `next` is a
 * counter in memory the threads share (`Atomics`).
 */
export function claimsFrom(next: Int32Array, count: number): () => number | undefined {
  return () => {
    const index = Atomics.add(next, 0, 1);
    return index < count ? index : undefined;
  };
}

/** How many indexes have been handed out so far (at most `count`). */
export function claimedSoFar(next: Int32Array, count: number): number {
  return Math.min(Atomics.load(next, 0), count);
}
