import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../server/src/cli';
import type { ValuesJson } from '../../../server/src/cli/values';
import { keeperTgz } from '../node/charts/build';
import { fixturesDir } from '../service/helm/fixture';
import { makeTempDir } from '../../support/tempDir';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const chart = join(fixturesDir, 'keeper');
const typos = join(fixturesDir, 'overrides', 'typos.yaml');

void test('values --format json: every value path with default, override, type, comment, storage and uses', async () => {
  const { code, out } = await run('values', chart, '-f', typos, '--format', 'json', '--lang', 'en');
  assert.equal(code, 1, 'schema errors in the values file fail the run');
  const json = JSON.parse(out) as ValuesJson;
  assert.equal(json.chart.name, 'keeper');
  assert.equal(json.chart.version, '1.4.0');
  assert.equal(json.chart.kind, 'folder');
  assert.equal(json.hasSchema, true);
  const size = json.values.find((v) => v.path === 'persistence.size')!;
  assert.deepEqual(size, {
    path: 'persistence.size',
    keys: ['persistence', 'size'],
    type: 'string',
    default: '8Gi',
    example: null,
    override: 10,
    overridden: true,
    differs: true,
    comment: 'Size of the data volume',
    storage: true,
    storageKind: 'size',
    storageExplanation: size.storageExplanation,
    unknown: false,
    line: 37,
    uses: [{ file: 'templates/statefulset.yaml', line: 60, kind: 'with' }],
  });
  assert.match(size.storageExplanation!, /storage request of the claim/);
  const sc = json.values.find((v) => v.path === 'persistence.storageClass')!;
  assert.equal(sc.example, 'storageClass: "-"');
  assert.equal(sc.default, null);
  assert.equal(json.values.find((v) => v.path === 'persistance')?.unknown, true);
  const codes = json.diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);
  assert.ok(codes.includes('3:helm-values-unknown-key'));
  assert.ok(codes.includes('7:helm-values-access-mode'));
  assert.match(
    json.diagnostics.find((d) => d.range.start.line === 2)!.message,
    /Did you mean `persistence`\?/,
  );
  assert.deepEqual(json.summary, {
    values: 27,
    storage: 13,
    overridden: 19,
    errors: 3,
    warnings: 7,
  });
});

void test('values text in Russian lists storage values first and the diagnostics of the file', async () => {
  const { code, out } = await run('values', chart, '-f', typos, '--lang', 'ru');
  assert.equal(code, 1);
  const storageAt = out.indexOf('Значения хранилища:');
  const otherAt = out.indexOf('Остальные значения:');
  assert.ok(storageAt > 0 && otherAt > storageAt);
  assert.ok(out.indexOf('persistence.size') < otherAt);
  assert.match(
    out,
    /typos\.yaml:3:1: предупреждение \[helm-values-unknown-key\] .*Возможно, имелось в виду «persistence»\?/,
  );
  assert.match(out, /Ошибок: 3, предупреждений: 7\./);
});

void test('values on a .tgz without a values file: exit 0, the same values as the folder', async () => {
  const dir = makeTempDir('ks-cli-values-');
  const tgz = join(dir, 'keeper-1.4.0.tgz');
  writeFileSync(tgz, await keeperTgz());
  const fromArchive = await run('values', tgz, '--format', 'json');
  const fromFolder = await run('values', chart, '--format', 'json');
  assert.equal(fromArchive.code, 0);
  const a = JSON.parse(fromArchive.out) as ValuesJson;
  const f = JSON.parse(fromFolder.out) as ValuesJson;
  assert.equal(a.chart.kind, 'archive');
  assert.deepEqual(a.values, f.values);
  assert.deepEqual(a.diagnostics, []);
  assert.equal(a.valuesFile, null);
});

void test('hostile or missing charts and bad arguments exit 2 with a clear message', async () => {
  const dir = makeTempDir('ks-cli-values-');
  const bad = join(dir, 'bad.tgz');
  writeFileSync(bad, 'not gzip at all');
  const r = await run('values', bad, '--lang', 'ru');
  assert.equal(r.code, 2);
  assert.match(r.err, /не упакованный чарт/);
  assert.equal((await run('values')).code, 2);
  assert.equal((await run('values', chart, '--format', 'sarif')).code, 2);
  const missing = await run('values', chart, '-f', join(dir, 'nope.yaml'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read the values file/);
});

void test('values text: a key the templates read that values.yaml leaves out is not called free-form', async () => {
  const dir = makeTempDir('ks-cli-values-');
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: ledger\nversion: 0.3.0\n');
  writeFileSync(join(dir, 'values.yaml'), 'persistence:\n  enabled: true\n  labels: {}\n');
  writeFileSync(
    join(dir, 'templates', 'deployment.yaml'),
    [
      'claimName: {{ .Values.persistence.existingClaim | default "ledger-data" }}',
      'labels: {{- toYaml .Values.persistence.labels | nindent 2 }}',
    ].join('\n'),
  );
  const file = join(dir, 'prod.yaml');
  writeFileSync(file, 'persistence:\n  existingClaim: ledger-old\n  labels:\n    tier: db\n');
  const en = await run('values', dir, '-f', file, '--lang', 'en');
  assert.match(
    en.out,
    /persistence\.existingClaim = \(read by the templates, not in values\.yaml\)/,
  );
  assert.match(en.out, /persistence\.labels\.tier = \(free-form key\)/);
  const ru = await run('values', dir, '-f', file, '--lang', 'ru');
  assert.match(ru.out, /persistence\.existingClaim = \(шаблоны читают, в values\.yaml нет\)/);
  assert.match(ru.out, /persistence\.labels\.tier = \(произвольный ключ\)/);
});

void test('values -f with a file of two documents: merged as helm merges them, no YAML error', async () => {
  const dir = makeTempDir('ks-cli-values-');
  const file = join(dir, 'prod.yaml');
  writeFileSync(
    file,
    'persistence:\n  size: 10Gi\n---\n# production\npersistence:\n  size: 50Gi\n  existingClaim: keeper-data\nreplicaCount: 5\n',
  );
  const { code, out } = await run('values', chart, '-f', file, '--format', 'json', '--lang', 'en');
  assert.equal(code, 0);
  const json = JSON.parse(out) as ValuesJson;
  const row = (path: string) => json.values.find((v) => v.path === path);
  assert.equal(row('persistence.size')?.override, '50Gi');
  assert.equal(row('persistence.existingClaim')?.override, 'keeper-data');
  assert.equal(row('replicaCount')?.override, 5);
  assert.deepEqual(json.diagnostics, []);
  assert.equal(json.summary.errors, 0);
});
