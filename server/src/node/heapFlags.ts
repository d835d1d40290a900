/**
 * The V8 flags the language server runs with (the extension passes them as `execArgv`; other
 * editors can put them before `dist/server.js`). Measured on the 5,000-file workspace of
 * bench/workspace-bench.ts (issue 19), three runs of each, interleaved:
 *
 * - a 16 MB semi-space: with Node's default the main thread's young generation grew to 128 MB while
 *   the scan's summaries arrived;
 * - the old generation may grow by 30% between full collections instead of up to about three
 *   times: the workspace pass after the scan parses and checks every unopened file and drops each
 *   tree, and with V8's default that garbage piled up.
 *
 * Peak memory 480–510 MB → 350–375 MB; the scan took 4.5–5.6 s either way (60% growth: 380–400 MB,
 * 100%: 400–425 MB). Set at start: raised only after the scan (`v8.setFlagsFromString`), the limit
 * V8 had already computed stayed, and the peak with it.
 */
export const SERVER_HEAP_FLAGS: readonly string[] = [
  '--max-semi-space-size=16',
  '--heap-growing-percent=30',
];
