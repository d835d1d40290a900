import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HelmCliError,
  helmShowValues,
  isValidChartReference,
} from '../../../../client/src/helmValues/helmCli';
import { makeTempDir } from '../../../support/tempDir';

/** A fake `helm`: prints its arguments as JSON, or hangs on `hang`, or fails on `fail`. */
function fakeHelm(dir: string): string {
  const path = join(dir, 'helm');
  writeFileSync(
    path,
    `#!${process.execPath}\nconst a = process.argv.slice(2);\nif (a.includes('hang')) setInterval(() => {}, 1000);\nelse if (a.includes('fail')) { process.stderr.write('Error: chart "fail" not found'); process.exit(1); }\nelse process.stdout.write(JSON.stringify(a));\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

void test('helm show values gets an argument list, never a shell', async () => {
  const dir = makeTempDir('ks-helm-');
  const helmPath = fakeHelm(dir);
  const marker = join(dir, 'pwned');
  const ref = `repo/app;touch$IFS${marker}`;
  const out = await helmShowValues(ref, {
    helmPath,
    trusted: true,
    extraArgs: ['--version', '1.2.3'],
  });
  assert.deepEqual(JSON.parse(out), ['show', 'values', ref, '--version', '1.2.3']);
  assert.equal(existsSync(marker), false);
});

void test('untrusted workspace, missing binary, failure, timeout and bad references are typed errors', async () => {
  const dir = makeTempDir('ks-helm-');
  const helmPath = fakeHelm(dir);
  const reason = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof HelmCliError);
      return e.reason;
    }
    return 'resolved';
  };
  assert.equal(await reason(helmShowValues('repo/app', { helmPath, trusted: false })), 'untrusted');
  assert.equal(
    await reason(helmShowValues('repo/app', { helmPath: join(dir, 'no-helm'), trusted: true })),
    'missing',
  );
  assert.equal(await reason(helmShowValues('fail', { helmPath, trusted: true })), 'failed');
  assert.equal(
    await reason(helmShowValues('hang', { helmPath, trusted: true, timeoutMs: 300 })),
    'timeout',
  );
  assert.equal(
    await reason(helmShowValues('--kubeconfig=/x', { helmPath, trusted: true })),
    'badReference',
  );
  assert.equal(isValidChartReference('oci://registry.example.org/charts/app'), true);
  assert.equal(isValidChartReference('stable/rabbitmq'), true);
  assert.equal(isValidChartReference('a b'), false);
});
