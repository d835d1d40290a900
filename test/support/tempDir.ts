/**
 * Temporary directories for tests, removed when the test file's process exits.
 *
 * Removal is tied to the process, not to node:test's `after`: `after` attaches to whatever runs
 * at the call (the file, a suite, a test, or a `before` hook — whose `after` runs as soon as the
 * hook ends, before the tests that use the directory), and this helper is called from all of
 * those. `node --test` runs each file in its own process, so each file cleans up after itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs = new Set<string>();

function removeAll(): void {
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // An exception here would change the exit code; a directory still in use just stays.
    }
  }
}

/** A new directory `<tmpdir>/<prefix>XXXXXX`, removed with everything in it when the process exits. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (dirs.size === 0) process.once('exit', removeAll);
  dirs.add(dir);
  return dir;
}
