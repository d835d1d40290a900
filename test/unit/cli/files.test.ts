/**
 * What `lint` reads: a file named on the command line is checked whatever its size (a
 * `kubectl kustomize` render of some MB), a large file found in a folder is reported as not
 * checked (stderr, summary, JSON, SARIF), and folders give their JSON manifests too.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { collectFiles, WALKED_FILE_MAX_BYTES } from '../../../server/src/cli/files';
import { makeTempDir } from '../../support/tempDir';

const CLAIM_WITHOUT_REQUEST =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: broken\nspec:\n  accessModes: [ReadWriteOnce]\n';

/** A render above the folder limit: one long ConfigMap value (cheap to parse), then the claim. */
function bigRender(): string {
  const filler = 'x'.repeat(2 * 1024 * 1024 + 1024);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: filler}\ndata:\n  note: "${filler}"\n---\n${CLAIM_WITHOUT_REQUEST}`;
}

type Json = {
  files: { file: string; diagnostics: { code: string }[] }[];
  skipped?: { file: string; named: boolean; limit: number }[];
};

void describe('lint: large files', () => {
  const dir = makeTempDir('ks-files-');
  mkdirSync(join(dir, 'render'));
  const big = join(dir, 'render', 'all.yaml');
  writeFileSync(big, bigRender());
  writeFileSync(join(dir, 'render', 'small.yaml'), CLAIM_WITHOUT_REQUEST);

  void it('a file named on the command line is checked whatever its size', async () => {
    const { code, out, err } = await run(['lint', big, '--format', 'json']);
    const report = JSON.parse(out) as Json;
    assert.deepEqual(
      report.files[0]!.diagnostics.map((d) => d.code),
      ['claim-without-storage-request'],
    );
    assert.equal(report.skipped, undefined);
    assert.equal(err, '');
    assert.equal(code, 1);
  });

  void it('a large file found in a folder is reported as not checked, in both languages', async () => {
    const text = await run(['lint', join(dir, 'render'), '--lang', 'en']);
    assert.match(text.err, /all\.yaml: not checked: 2 MiB, above the 2 MiB read from folders/);
    assert.match(text.out, /1 file\(s\) checked, 1 skipped as too large: 1 error\(s\)/);
    const ru = await run(['lint', join(dir, 'render'), '--lang', 'ru']);
    assert.match(ru.err, /all\.yaml: не проверен: 2 МиБ — больше 2 МиБ/);
    assert.match(ru.out, /Файлов проверено: 1; пропущено из-за размера: 1; ошибок: 1/);
    const json = JSON.parse((await run(['lint', join(dir, 'render'), '--format', 'json'])).out);
    assert.deepEqual(
      (json as Json).skipped!.map((s) => [s.file.endsWith('all.yaml'), s.named, s.limit]),
      [[true, false, WALKED_FILE_MAX_BYTES]],
    );
    const sarif = JSON.parse((await run(['lint', join(dir, 'render'), '--format', 'sarif'])).out);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.text, /all\.yaml: not checked/);
  });

  void it('a named file above the hard limit is not checked, and the run fails', () => {
    const found = collectFiles([big, join(dir, 'render', 'small.yaml')], {
      walked: Infinity,
      named: 1024,
    });
    assert.deepEqual(
      found.skipped.map((s) => s.named),
      [true],
    );
    assert.equal(found.paths.length, 1);
  });
});

void describe('lint: JSON manifests in folders', () => {
  const dir = makeTempDir('ks-json-');
  const claim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'reports' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } },
  };
  writeFileSync(join(dir, 'claim.json'), JSON.stringify(claim, null, 2));
  writeFileSync(
    join(dir, 'pod.yaml'),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    volumeMounts: [{name: d, mountPath: /d}]\n  volumes:\n  - name: d\n    persistentVolumeClaim: {claimName: reports}\n',
  );
  writeFileSync(join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}');
  writeFileSync(join(dir, 'broken.json'), '{"apiVersion": "v1", "kind": ');
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'settings.json'), '{"apiVersion": "v1", "kind": "Pod"}');
  writeFileSync(
    join(dir, 'list.json'),
    JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [{ ...claim, spec: { ...claim.spec, accessMode: ['x'] } }],
      },
      null,
      '\t',
    ),
  );

  void it('takes JSON files that hold a Kubernetes object or list, and only those', async () => {
    const found = collectFiles([dir]).paths.map((p) => p.slice(dir.length + 1));
    assert.deepEqual(found, ['claim.json', 'list.json', 'pod.yaml']);
  });

  void it('links them, and reports their mistakes where they are written', async () => {
    const { out } = await run(['lint', dir, '--format', 'json']);
    const report = JSON.parse(out) as {
      files: {
        file: string;
        diagnostics: { code: string; range: { start: { line: number } } }[];
      }[];
    };
    const byFile = Object.fromEntries(
      report.files.map((f) => [
        f.file.slice(f.file.lastIndexOf('/') + 1),
        f.diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
      ]),
    );
    assert.deepEqual(byFile['pod.yaml'], []);
    assert.deepEqual(byFile['claim.json'], []);
    // `accessMode` (a slip for accessModes) on its own line of the tab-indented list.
    const line = readFileSync(join(dir, 'list.json'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('"accessMode":'));
    assert.deepEqual(byFile['list.json'], [`${line}:unknown-field`]);
  });
});
