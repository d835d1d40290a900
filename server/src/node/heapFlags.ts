/**
 * How the language server keeps its heap in check on a large workspace. Measured on the 5,000-file
 * workspace of bench/workspace-bench.ts (issue 19), three interleaved runs per setting.
 *
 * While the workspace is read, the heap fills with what the index keeps, and V8's defaults suit
 * that. Once it is read, the workspace pass parses and checks every unopened file and drops each
 * tree: pure garbage, which V8 let pile up to about three times the live heap before a full
 * collection (peak 480–510 MB). `collectSoonerAfterScan` then collects once and lets the old
 * generation grow by 30% between full collections from there: peak 410–460 MB, the scan as fast.
 *
 * Tried and not kept: the same growth and a 16 MB semi-space from the start (peak 350–375 MB, but
 * the scan 10% slower: full collections while the index fills the heap); raising the growth limit
 * after the scan without a collection (no effect: the limit V8 had computed stayed).
 *
 * Tried again on 2026-12-07, and not kept because editing a 5,000-document file pays for them
 * (bench/lsp-driver.ts, edit → diagnostics p95, interleaved runs against the build before; the
 * issue's goal is 50 ms):
 * - a young generation of 8 MB semi-spaces (`--max-semi-space-size=8`). V8 grows the main
 *   thread's to 134 MB while the summaries arrive and keeps it; the cap took the workspace's peak
 *   from 406–433 MB to 301–310 MB (with the two below), but edits then wait for more collections:
 *   p95 39–46 ms → 72–93 ms (16 MB: 54–72 ms);
 * - 10% growth after the scan instead of 30%: p95 36–40 ms → 50–55 ms;
 * - an 8 MB young generation for the scan threads (node/workspaceReader.ts) instead of 16 MB: the
 *   peak was the workspace pass's, after the threads have ended, and no difference could be told
 *   (with the hold below, the peak comes while they run: 238–242 MB against 259–264 MB, but
 *   complete diagnostics 0.86× → 0.99× the parse floor);
 * - `MALLOC_ARENA_MAX=2` in the server's environment: 4–25 MB less, within the noise of the peak
 *   then (kept since with 1, once the scan had one worker: `SERVER_ENVIRONMENT`).
 *
 * Kept since (the fifth round of issue 19): the young generation is held at the size it has while
 * the first scan and the workspace pass run, until the user first types (`holdYoungGeneration`,
 * `letYoungGenerationGrow`). Editing a large file then grows it as before, so the edits above pay
 * nothing; a workspace nobody types in stays small. Peak 376–417 MB → 237–262 MB over ten
 * interleaved runs; the scan as fast once the scan threads start with their whole young generation
 * (`startWorkersWithFullYoungGeneration`), 15% slower before that.
 *
 * Tried in the sixth round and not kept: the collection after the scan as V8's last resort
 * (`gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })`), which shrinks the young
 * generation to 2 MB. What the workspace pass leaves then goes straight to the old generation, and
 * the peak rose: 246 MB against 220 MB.
 *
 * Tried in the seventh round and not kept (bench/RESULTS.md): without the collection after the scan
 * (233 MB) and without its flag too (235–236 MB); the texts of unopened files kept compressed with
 * zlib (293–324 MB: its native allocations fragment the one malloc arena, 29 → 81 MB).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The flags the extension starts the server with (`execArgv`); other editors can put them before
 * `dist/server.js`. `--expose-gc` lets `collectSoonerAfterScan` start the collection.
 */
export const SERVER_HEAP_FLAGS: readonly string[] = ['--expose-gc'];

/**
 * What the extension adds to the server's environment; other editors can set it too.
 * `MALLOC_ARENA_MAX=1`: glibc gives each thread that allocates (the scan worker, V8's compiler and
 * collector threads) an arena of its own, and keeps in it what the thread freed, after the scan
 * worker has ended too. One arena for the process: the peak of the 5,000-file workspace 237 MB
 * → 224–225 MB (two interleaved runs each; smaps: malloc'd memory 49 → 29 MB), the scan as fast.
 * Only glibc reads it.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };

/** V8's own `--semi-space-growth-factor`: the young generation doubles when it grows. */
const V8_SEMI_SPACE_GROWTH_FACTOR = 2;
let youngGenerationHeld = false;
let editedOnce = false;

/**
 * While the scan's threads read a large workspace (the main thread among them) and the workspace
 * pass follows, until the user first types (node/workspaceReader.ts; a small workspace is read
 * without a worker, and not held): the young generation keeps the size it has (V8 grows it when
 * much of what it holds survives, and what the index keeps always does). Nothing is lost: what
 * survives is promoted to the old generation at once rather than copied back and forth first.
 */
export function holdYoungGeneration(): void {
  if (editedOnce || youngGenerationHeld) return;
  youngGenerationHeld = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * The user typed: from now on the young generation grows as V8 sees fit, since editing a large file
 * keeps more of each keystroke's work alive than a small young generation holds.
 */
export function letYoungGenerationGrow(): void {
  if (editedOnce) return;
  editedOnce = true;
  if (!youngGenerationHeld) return;
  youngGenerationHeld = false;
  setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH_FACTOR}`);
}

/**
 * Worker threads made from now on start with the whole young generation their `resourceLimits`
 * allow (V8 caps the minimum to the limit). V8's flags are the process's: while the main thread's
 * young generation is held (`holdYoungGeneration`), a scan thread could not grow its own past the
 * 2 MB it starts with, and the scan took some 15% longer.
 */
export function startWorkersWithFullYoungGeneration(limitMb: number): void {
  setFlagsFromString(`--min-semi-space-size=${limitMb}`);
}

type CollectGarbage = (options: { type: 'major'; execution: 'async' }) => unknown;

/** After the scan: one full collection now (concurrent), then at most 30% growth between them. */
export function collectSoonerAfterScan(): void {
  // Read by V8 whenever a full collection sets the next limit, the one started here first.
  setFlagsFromString('--heap-growing-percent=30');
  const collect = (globalThis as { gc?: CollectGarbage }).gc;
  collect?.({ type: 'major', execution: 'async' });
}
