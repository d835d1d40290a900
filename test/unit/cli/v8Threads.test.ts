/**
 * A lint whose threads fill the cores runs again in a process started with `--single-threaded`
 * (cli/v8Threads.ts): when, with which flag, and what reaches the user of it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  runSingleThreaded,
  runsBetterSingleThreaded,
  SINGLE_THREADED_FLAG,
} from '../../../server/src/cli/v8Threads';
import { makeTempDir } from '../../support/tempDir';

const bundle = '/opt/kube-storage/dist/cli.js';

void describe('runsBetterSingleThreaded', () => {
  void it('is true when the threads fill the cores of a process started without the flag', () => {
    assert.equal(runsBetterSingleThreaded(2, 2, [], bundle), true);
    assert.equal(runsBetterSingleThreaded(4, 2, ['--inspect'], bundle), true);
  });

  void it('is false for one thread, for threads that leave a core free, and once started with it', () => {
    assert.equal(runsBetterSingleThreaded(1, 1, [], bundle), false);
    assert.equal(runsBetterSingleThreaded(1, 2, [], bundle), false);
    assert.equal(runsBetterSingleThreaded(2, 4, [], bundle), false);
    assert.equal(runsBetterSingleThreaded(2, 2, [SINGLE_THREADED_FLAG], bundle), false);
  });

  void it('is false for the sources run under tsx (the tests)', () => {
    assert.equal(runsBetterSingleThreaded(2, 2, [], '/repo/server/src/cli/lint.ts'), false);
  });
});

void describe('runSingleThreaded', () => {
  void it('starts the script with the flag and passes on its output and exit code', async () => {
    const script = join(makeTempDir('v8-threads-'), 'probe.js');
    writeFileSync(
      script,
      [
        "process.stderr.write('skipped: big.yaml\\n');",
        'process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), execArgv: process.execArgv }));',
        'process.exitCode = 1;',
      ].join('\n'),
    );
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSingleThreaded(script, ['lint', 'apps', '--jobs', '2'], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    assert.equal(code, 1);
    assert.deepEqual(err, ['skipped: big.yaml\n']);
    const seen = JSON.parse(out.join('')) as { argv: string[]; execArgv: string[] };
    assert.deepEqual(seen.argv, ['lint', 'apps', '--jobs', '2']);
    assert.ok(seen.execArgv.includes(SINGLE_THREADED_FLAG), seen.execArgv.join(' '));
  });

  void it('is undefined when the script printed more than it may, so the lint runs here', async () => {
    const script = join(makeTempDir('v8-threads-'), 'flood.js');
    writeFileSync(script, "process.stdout.write('x'.repeat(4096));\n");
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    assert.equal(await runSingleThreaded(script, [], io, 1024), undefined);
    assert.deepEqual(out, []);
  });
});
