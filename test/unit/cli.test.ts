/**
 * The `kube-storage` command as a process: it exits as soon as its output is written, with the
 * code of its findings, the whole output there, also when lint's worker threads were still
 * stopping.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { makeTempDir } from '../support/tempDir';

const root = join(__dirname, '../..');
const entry = join(root, 'server/src/cli.ts');
const yamlLoader = join(root, 'test/support/register-yaml.cjs');

function kubeStorage(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--require', yamlLoader, '--require', 'tsx/cjs', entry, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
}

/** A pod mounting the node's root: two warnings each. */
const pod = (name: string): string =>
  [
    'apiVersion: v1',
    'kind: Pod',
    `metadata: {name: ${name}}`,
    'spec:',
    '  containers:',
    '    - {name: c, image: busybox, volumeMounts: [{name: root, mountPath: /host}]}',
    '  volumes:',
    '    - {name: root, hostPath: {path: /}}',
    '',
  ].join('\n');

void describe('kube-storage as a process', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('kube-storage-cli-');
    // More files than lint checks on one thread (MIN_FILES_FOR_WORKERS).
    mkdirSync(join(dir, 'pods'));
    for (let i = 0; i < 240; i++) {
      writeFileSync(join(dir, 'pods', `p${String(i).padStart(3, '0')}.yaml`), pod(`p${i}`));
    }
    writeFileSync(
      join(dir, 'claim.yaml'),
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {accessModes: [ReadWriteOnce]}\n',
    );
  });

  void it('lint on two threads writes every finding, as one thread does, and exits 1 on errors', () => {
    const two = kubeStorage('lint', '--jobs', '2', dir);
    const one = kubeStorage('lint', '--jobs', '1', dir);
    assert.equal(two.status, 1, two.stderr);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.stdout, one.stdout);
    const lines = two.stdout.trimEnd().split('\n');
    assert.equal(lines.filter((l) => l.includes('[sensitive-host-path]')).length, 240);
    assert.match(lines.at(-1)!, /241 file\(s\) checked: 1 error\(s\), 480 warning\(s\)\./);
  });

  void it('lint from the bundle, its threads filling the cores, runs again without V8 background threads and writes what one thread writes', () => {
    const bundle = join(root, 'dist/cli.js');
    assert.ok(existsSync(bundle), 'dist/cli.js: run `npm run build` first');
    // As many threads as cores: the bundle runs the lint again with --single-threaded (cli/v8Threads.ts).
    const threads = String(Math.max(2, availableParallelism()));
    const relaunched = spawnSync(process.execPath, [bundle, 'lint', '--jobs', threads, dir], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const one = kubeStorage('lint', '--jobs', '1', dir);
    assert.equal(relaunched.status, 1, relaunched.stderr);
    assert.equal(relaunched.stderr, '');
    assert.equal(relaunched.stdout, one.stdout);
  });

  void it('exits 0 with its version, and 2 on an unknown command', () => {
    const version = kubeStorage('--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const unknown = kubeStorage('frobnicate');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  });
});
