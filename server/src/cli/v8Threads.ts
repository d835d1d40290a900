/**
 * `lint` on as many threads as there are cores, without V8's own background threads.
 *
 * By default V8 compiles hot functions and collects garbage partly on background threads: the
 * optimizing compilers and the parallel and concurrent marking, scavenging and sweeping. With one
 * lint thread they run on the idle cores, for free. When the lint threads fill every core, they take
 * the cores from the threads that parse. On 2 cores, `lint --jobs 2` of the 5,000-file bench spent
 * 2.4 s of CPU outside its two threads, and each thread ran only three quarters of the time while it
 * parsed (thread CPU against wall time, bench/RESULTS.md tenth round). Started with
 * `--single-threaded`, V8 does that work on the thread that needs it: `--jobs 2` took 6% less time,
 * this relaunch included, and `--jobs 1` 5–15% more, so only a run whose threads fill the cores is
 * started that way.
 *
 * V8 reads these flags once, when the process starts: changing them later with
 * `v8.setFlagsFromString` does not reach the compilers and crashes the garbage collector. So such a
 * lint runs again in a new process started with the flag, which prints what it finds.
 */
import type { CliIO } from './common';
import { runNodeScript } from '../node/process';

export const SINGLE_THREADED_FLAG = '--single-threaded';

/**
 * The most a relaunched lint may print; past it, the lint runs in this process instead. Well below
 * V8's longest string (about 512 MB), which the output is read into.
 */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * Whether a lint of `threads` threads should run again in a process with V8's flag: when its
 * threads fill the cores, this process lacks the flag, and `script` is a bundle Node runs by itself
 * (under tsx, in the tests, the check runs here).
 */
export function runsBetterSingleThreaded(
  threads: number,
  cores: number,
  execArgv: readonly string[],
  script: string,
): boolean {
  return (
    threads >= 2 &&
    threads >= cores &&
    !execArgv.includes(SINGLE_THREADED_FLAG) &&
    script.endsWith('.js')
  );
}

/**
 * Runs `node --single-threaded <script> <args>`, passes on what it printed and resolves with its
 * exit code; `undefined` when it could not run, so that the caller does the work itself.
 */
export async function runSingleThreaded(
  script: string,
  args: readonly string[],
  io: CliIO,
  maxOutputBytes = MAX_OUTPUT_BYTES,
): Promise<number | undefined> {
  try {
    const run = await runNodeScript([SINGLE_THREADED_FLAG], script, args, maxOutputBytes);
    if (run.stderr) io.err(run.stderr);
    if (run.stdout) io.out(run.stdout);
    return run.code;
  } catch {
    return undefined;
  }
}
