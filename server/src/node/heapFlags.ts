/**
 * The V8 flags the language server runs with (the extension passes them as `execArgv`; other
 * editors can put them before `dist/server.js`). Measured on the 5,000-file workspace of
 * bench/workspace-bench.ts (issue 19): with V8's defaults the young generation of the main thread
 * grew to 128 MB while the scan's summaries arrived, and the old generation let the garbage of the
 * workspace pass (every unopened file parsed and checked once) pile up to about three times the
 * live heap before a full collection — the process peaked at 490–560 MB. With a 16 MB semi-space
 * and the old generation allowed to grow by 30% between full collections: 305 MB at the scan's end
 * and 330–376 MB at the end of the pass.
 */
export const SERVER_HEAP_FLAGS: readonly string[] = [
  '--max-semi-space-size=16',
  '--heap-growing-percent=30',
];
