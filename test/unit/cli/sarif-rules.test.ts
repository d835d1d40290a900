/** `kube-storage lint --format sarif` runs the storage rules and describes them in the SARIF driver. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../../server/src/cli';

interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration?: { level: string };
}

void test('SARIF carries rule metadata and results of the storage rules', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-storage-sarif-'));
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
});
