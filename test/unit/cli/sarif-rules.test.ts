/** `kube-storage lint --format sarif` runs the storage rules and describes them in the SARIF driver. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../../server/src/cli';
import { makeTempDir } from '../../support/tempDir';

interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string; markdown?: string };
  defaultConfiguration?: { level: string };
}

void test('SARIF carries rule metadata and results of the storage rules', async () => {
  const dir = makeTempDir('kube-storage-sarif-');
  writeFileSync(
    join(dir, 'pv.yaml'),
    'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: old\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Recycle\n  nfs:\n    server: nfs.example.com\n    path: /x\n',
  );
  let out = '';
  await main(['lint', dir, '--format', 'sarif', '--lang', 'ru'], {
    out: (t) => (out += t),
    err: () => undefined,
  });
  const sarif = JSON.parse(out) as {
    runs: {
      tool: { driver: { rules: SarifRule[] } };
      results: { ruleId: string; level: string }[];
    }[];
  };
  const run = sarif.runs[0]!;
  const result = run.results.find((r) => r.ruleId === 'recycle-reclaim-policy');
  assert.equal(result?.level, 'warning');
  const rule = run.tool.driver.rules.find((r) => r.id === 'recycle-reclaim-policy');
  assert.equal(rule?.defaultConfiguration?.level, 'warning');
  assert.match(rule?.shortDescription?.text ?? '', /Recycle/);
  assert.match(rule?.fullDescription?.text ?? '', /Retain/);
  assert.match(rule?.fullDescription?.text ?? '', /[а-яё]/);
  // Plain `text` with Russian quotes; `markdown` keeps the code spans.
  assert.match(rule?.fullDescription?.text ?? '', /«Retain»/);
  assert.doesNotMatch(rule?.fullDescription?.text ?? '', /`/);
  assert.match(rule?.fullDescription?.markdown ?? '', /`Retain`/);
});

void test('lint takes rule settings from a settings file and --rule flags', async () => {
  const dir = makeTempDir('kube-storage-rules-');
  writeFileSync(
    join(dir, 'claim.yaml'),
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: gp3\n  resources:\n    requests:\n      storage: 5\n',
  );
  const settings = join(dir, 'settings.json');
  writeFileSync(
    settings,
    JSON.stringify({ 'kubeStorage.rules.knownObjects': { storageClasses: ['gp3'] } }),
  );
  const lint = async (...args: string[]) => {
    let out = '';
    const code = await main(['lint', join(dir, 'claim.yaml'), '--lang', 'en', ...args], {
      out: (t) => (out += t),
      err: () => undefined,
    });
    return { code, out };
  };
  const plain = await lint();
  assert.match(plain.out, /\[storage-class-not-found\]/);
  assert.match(plain.out, /warning \[storage-size-without-unit\]/);
  const configured = await lint(
    '--settings',
    settings,
    '--rule',
    'storage-size-without-unit=error',
  );
  assert.doesNotMatch(configured.out, /storage-class-not-found/);
  assert.match(configured.out, /error \[storage-size-without-unit\]/);
  assert.equal(configured.code, 1);
  const off = await lint(
    '--rule',
    'storage-size-without-unit=off',
    '--rule=storage-class-not-found=off',
  );
  assert.match(off.out, /0 error\(s\), 0 warning\(s\)/);
});
