/** `kube-storage lint` on snapshots: schema and rule findings in the stable JSON shape, both languages. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { makeTempDir } from '../../support/tempDir';

interface Report {
  files: { file: string; diagnostics: { code: string; severity: string; message: string }[] }[];
}

const backup = readFileSync(join(__dirname, '../../fixtures/snapshots/backup.yaml'), 'utf8');

function workspace(restore: string): string {
  const dir = makeTempDir('kube-storage-snapshots-');
  writeFileSync(join(dir, 'backup.yaml'), backup);
  writeFileSync(join(dir, 'restore.yaml'), restore);
  return dir;
}

const restore = (name: string, group = '    apiGroup: snapshot.storage.k8s.io\n'): string =>
  [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    '  name: orders-db-test',
    '  namespace: shop',
    'spec:',
    '  storageClassName: gp3',
    '  accessModes: [ReadWriteOnce]',
    '  dataSource:',
    `${group}    kind: VolumeSnapshot`,
    `    name: ${name}`,
    '  resources:',
    '    requests:',
    '      storage: 50Gi',
    '',
  ].join('\n');

void describe('kube-storage lint: snapshots', () => {
  void it('the backup fixture is clean: a snapshot, its class, a restore and a clone', async () => {
    const { code, out } = await run([
      'lint',
      workspace(restore('orders-db-nightly')),
      '--format',
      'json',
    ]);
    assert.equal(code, 0);
    const report = JSON.parse(out) as Report;
    assert.deepEqual(
      report.files.flatMap((f) => f.diagnostics),
      [],
    );
  });

  void it('a restore of a missing snapshot, across files, in English and Russian', async () => {
    const dir = workspace(restore('orders-db-nigthly'));
    const en = JSON.parse((await run(['lint', dir, '--format', 'json'])).out) as Report;
    const found = en.files.flatMap((f) => f.diagnostics);
    assert.deepEqual(
      found.map((d) => `${d.code}:${d.severity}`),
      ['restore-source-not-found:warning'],
    );
    assert.match(found[0]!.message, /No VolumeSnapshot `orders-db-nigthly` in namespace `shop`/);
    const ru = JSON.parse(
      (await run(['lint', dir, '--format', 'json', '--lang', 'ru'])).out,
    ) as Report;
    assert.match(ru.files.flatMap((f) => f.diagnostics)[0]!.message, /нет снимка тома/);
  });

  void it('a dropped dataSource is a warning; a rejected dataSourceRef fails the run', async () => {
    const dropped = await run([
      'lint',
      workspace(restore('orders-db-nightly', '')),
      '--format',
      'json',
    ]);
    assert.equal(dropped.code, 0);
    assert.match(dropped.out, /"code": "data-source-ignored"/);
    const rejected = await run([
      'lint',
      workspace(restore('orders-db-nightly', '').replace('dataSource:', 'dataSourceRef:')),
      '--format',
      'json',
    ]);
    assert.equal(rejected.code, 1);
    assert.match(rejected.out, /"code": "data-source-rejected"/);
  });
});
