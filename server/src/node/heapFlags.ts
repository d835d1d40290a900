/**
 * How the language server keeps its heap in check on a large workspace. Measured on the 5,000-file
 * workspace of bench/workspace-bench.ts (issue 19), interleaved runs per setting.
 *
 * - **A young generation of 8 MB semi-spaces.** While the workspace is read, V8 grows the main
 *   thread's young generation to its largest (134 MB on this machine) and keeps it: the summaries
 *   that arrive from the scan threads survive, so a larger one saves little copying. With 8 MB
 *   (24 MB in all): peak 301–310 MB instead of 406–433 MB together with the growth below and the
 *   scan threads' limits (node/workspaceReader.ts), complete diagnostics of the opened file 2% later
 *   (median 0.88× of the parse floor against 0.86×, four rounds each). 2 and 4 MB were no smaller
 *   (more promoted to the old generation) and slower.
 * - **Collect sooner after the scan.** The workspace pass parses and checks every unopened file and
 *   drops each tree: garbage, which V8 let pile up to about three times the live heap before a full
 *   collection. `collectSoonerAfterScan` collects once and lets the old generation grow by 10%
 *   between full collections from there (30% before: 20–35 MB more at the peak; the pass is in the
 *   background and the extra collections are concurrent).
 *
 * Tried and not kept: a 16 MB semi-space from the start with the growth limit (the scan 10% slower:
 * full collections while the index fills the heap); raising the growth limit after the scan without
 * a collection (no effect); `MALLOC_ARENA_MAX=2` in the server's environment (4–17 MB, within the
 * noise of the peak).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The flags the extension starts the server with (`execArgv`); other editors can put them before
 * `dist/server.js`. `--expose-gc` lets `collectSoonerAfterScan` start the collection.
 */
export const SERVER_HEAP_FLAGS: readonly string[] = ['--expose-gc', '--max-semi-space-size=8'];

/** How much the old generation may grow between full collections once the scan is done. */
const GROWTH_AFTER_SCAN_PERCENT = 10;

type CollectGarbage = (options: { type: 'major'; execution: 'async' }) => unknown;

/** After the scan: one full collection now (concurrent), then at most 10% growth between them. */
export function collectSoonerAfterScan(): void {
  // Read by V8 whenever a full collection sets the next limit, the one started here first.
  setFlagsFromString(`--heap-growing-percent=${GROWTH_AFTER_SCAN_PERCENT}`);
  const collect = (globalThis as { gc?: CollectGarbage }).gc;
  collect?.({ type: 'major', execution: 'async' });
}
