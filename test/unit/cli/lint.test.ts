import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { UsageError } from '../../../server/src/cli/files';
import { DEFAULT_MAX_JOBS, jobsFor } from '../../../server/src/cli/lint';
import { MIN_FILES_FOR_WORKERS } from '../../../server/src/cli/lintWorkers';
import { makeTempDir } from '../../support/tempDir';

function workspace(): string {
  const dir = makeTempDir('kube-storage-lint-');
  mkdirSync(join(dir, 'nested'));
  writeFileSync(
    join(dir, 'good.yaml'),
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ok\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
  );
  writeFileSync(
    join(dir, 'nested', 'bad.yml'),
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: bad\nspec:\n  accessModes: [ReadWriteOnse]\n  resources:\n    requests:\n      storage: 1Gi\n',
  );
  writeFileSync(join(dir, 'notes.txt'), 'not yaml');
  return dir;
}

describe('kube-storage lint', () => {
  it('exits 0 when there are no errors', async () => {
    const dir = workspace();
    const { code, out } = await run(['lint', join(dir, 'good.yaml')]);
    assert.equal(code, 0);
    assert.match(out, /1 file\(s\) checked: 0 error\(s\), 0 warning\(s\)/);
  });

  it('walks folders recursively and exits 1 on errors, in the stable JSON shape', async () => {
    const dir = workspace();
    const { code, out } = await run(['lint', dir, '--format', 'json', '--lang', 'en']);
    assert.equal(code, 1);
    const report = JSON.parse(out) as {
      files: {
        file: string;
        diagnostics: {
          range: unknown;
          severity: string;
          code: string;
          source: string;
          message: string;
        }[];
      }[];
      summary: { errors: number; warnings: number };
    };
    assert.equal(report.files.length, 2, 'only YAML files');
    const bad = report.files.find((f) => f.file.endsWith('bad.yml'))!;
    assert.deepEqual(bad.diagnostics[0], {
      range: { start: { line: 5, character: 16 }, end: { line: 5, character: 29 } },
      severity: 'error',
      code: 'invalid-enum',
      source: 'kube-storage',
      message: bad.diagnostics[0]!.message,
    });
    // JSON keeps the message as written (Markdown code spans) for consumers that render it.
    assert.match(bad.diagnostics[0]!.message, /Did you mean `ReadWriteOnce`/);
    assert.deepEqual(report.summary, { errors: 1, warnings: 0 });
  });

  it("lists each file's findings in the order of their lines, rules and schema mixed", async () => {
    const dir = makeTempDir('kube-storage-lint-order-');
    const file = join(dir, 'app.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec:',
        '  containers: [{name: web, image: nginx, volumeMounts: [{name: d, mountPath: /d}]}]',
        '  volumes: [{name: d, persistentVolumeClaim: {claimName: missing}}]',
        '---',
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: bad}',
        'spec: {accessModes: [ReadWriteOnse], resources: {requests: {storage: 1Gi}}}',
        '',
      ].join('\n'),
    );
    const { out } = await run(['lint', file, '--format', 'json']);
    const lines = (
      JSON.parse(out) as { files: { diagnostics: { range: { start: { line: number } } }[] }[] }
    ).files[0]!.diagnostics.map((d) => d.range.start.line);
    assert.ok(lines.length >= 2, out);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
  });

  it('speaks Russian with --lang ru', async () => {
    const dir = workspace();
    const { out } = await run(['lint', dir, '--lang', 'ru']);
    assert.match(out, /ошибка \[invalid-enum\] «ReadWriteOnse» — недопустимое значение/);
    assert.doesNotMatch(out, /`/, 'the text report is plain text');
    assert.match(out, /Файлов проверено: 2; ошибок: 1, предупреждений: 0\./);
  });

  it('prints SARIF 2.1.0', async () => {
    const dir = workspace();
    const { code, out } = await run(['lint', dir, '--format', 'sarif']);
    assert.equal(code, 1);
    const sarif = JSON.parse(out) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          level: string;
          message: { text: string; markdown: string };
          locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    const [result] = sarif.runs[0]!.results;
    assert.equal(result!.ruleId, 'invalid-enum');
    assert.equal(result!.level, 'error');
    // SARIF's `text` is plain; `markdown` keeps the code spans.
    assert.match(result!.message.text, /Did you mean “ReadWriteOnce”/);
    assert.doesNotMatch(result!.message.text, /`/);
    assert.match(result!.message.markdown, /Did you mean `ReadWriteOnce`/);
    assert.deepEqual(result!.locations[0]!.physicalLocation.region.startLine, 6);
    assert.deepEqual(result!.locations[0]!.physicalLocation.region.startColumn, 17);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['lint'])).code, 2);
    assert.equal((await run(['lint', '--format', 'xml', '.'])).code, 2);
    assert.equal((await run(['lint', '/no/such/path'])).code, 2);
    const unknown = await run(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'frobnicate'/);
  });
});

describe('lint --jobs', () => {
  const flags = (...pairs: [string, string][]) => new Map(pairs.map(([k, v]) => [k, [v]]));

  it('takes the cores available, up to DEFAULT_MAX_JOBS, when --jobs is not given', () => {
    assert.equal(jobsFor(flags(), 5000, 2), 2);
    assert.equal(jobsFor(flags(), 5000, 1), 1);
    assert.equal(jobsFor(flags(), 5000, 32), DEFAULT_MAX_JOBS);
    assert.equal(jobsFor(flags(['--jobs', '8']), 5000, 2), 8);
  });

  it('uses one thread for small folders, a chart or a cluster snapshot', () => {
    assert.equal(jobsFor(flags(), MIN_FILES_FOR_WORKERS - 1, 8), 1);
    assert.equal(jobsFor(flags(['--jobs', '3']), MIN_FILES_FOR_WORKERS - 1, 8), 1);
    assert.equal(jobsFor(flags(['--chart', 'charts/db']), 5000, 8), 1);
    assert.equal(jobsFor(flags(['--cluster', 'snapshot.yaml']), 5000, 8), 1);
    assert.equal(jobsFor(flags(['--default-class', 'none']), 5000, 8), 1);
    // A chart's flag without --chart is a usage error, reported on the one-thread path.
    assert.equal(jobsFor(flags(['-f', 'values.yaml']), 5000, 8), 1);
  });

  it('refuses a --jobs that is not a whole number from 1 to 64', () => {
    for (const value of ['0', '65', '1.5', 'two'])
      assert.throws(() => jobsFor(flags(['--jobs', value]), 10, 2), UsageError);
  });
});
