/**
 * `kube-storage lint` with CRDs: custom resources checked against the CRDs linted with them, and,
 * when the corpus is on this machine, against real operator CRDs (longhorn's deploy/longhorn.yaml)
 * with a custom resource of our own.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { makeTempDir } from '../../support/tempDir';

interface Report {
  files: { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
}

const fixtures = join(__dirname, '../../fixtures/crds');
const LONGHORN = '/work/corpus/longhorn+longhorn/deploy/longhorn.yaml';

function codes(report: Report, name: string): string[] {
  const file = report.files.find((f) => f.file.endsWith(name));
  return (file?.diagnostics ?? []).map((d) => `${d.range.start.line + 1}:${d.code}`);
}

void describe('kube-storage lint: custom resources', () => {
  void it('checks the resources against the CRD given with them, and only then', async () => {
    const dir = makeTempDir('kube-storage-crd-');
    for (const name of ['backup-schedule-crd.yaml', 'backup-schedules.yaml'])
      writeFileSync(join(dir, name), readFileSync(join(fixtures, name), 'utf8'));
    const withCrd = await run(['lint', dir, '--format', 'json']);
    assert.equal(withCrd.code, 1);
    assert.deepEqual(codes(JSON.parse(withCrd.out) as Report, 'backup-schedules.yaml'), [
      '12:invalid-enum',
      '17:invalid-type',
      '18:unknown-field',
      '19:unknown-field',
      '21:unknown-api-version',
      '28:unknown-kind',
    ]);
    const alone = await run(['lint', join(dir, 'backup-schedules.yaml'), '--format', 'json']);
    assert.equal(alone.code, 0);
  });

  void it(
    'real CRDs: longhorn compiles, and a RecurringJob of ours is checked against it',
    { skip: existsSync(LONGHORN) ? false : 'the corpus is not on this machine' },
    async () => {
      const dir = makeTempDir('kube-storage-longhorn-');
      writeFileSync(
        join(dir, 'recurring.yaml'),
        [
          'apiVersion: longhorn.io/v1beta2',
          'kind: RecurringJob',
          'metadata:',
          '  name: nightly-backup',
          '  namespace: longhorn-system',
          'spec:',
          '  cron: "0 2 * * *"',
          '  task: backup',
          '  groups: [default]',
          '  retain: 7',
          '  concurrency: 2',
          '  retian: 3',
          '',
        ].join('\n'),
      );
      const { out } = await run(['lint', LONGHORN, dir, '--format', 'json']);
      const report = JSON.parse(out) as Report;
      assert.deepEqual(codes(report, 'recurring.yaml'), ['12:unknown-field']);
      assert.deepEqual(
        codes(report, 'longhorn.yaml').filter((c) => c.endsWith('crd-schema-invalid')),
        [],
      );
    },
  );
});
