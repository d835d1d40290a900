import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { HelmInspectRequest, HelmLinkRequest } from '../../server/src/protocol';
import { messageOf, TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

const fixtures = resolve(__dirname, '../fixtures/helm');
let dir: string;
let client: TestClient;
const uriOf = (...p: string[]) => pathToFileURL(join(dir, ...p)).href;
const typos = readFileSync(join(fixtures, 'overrides', 'typos.yaml'), 'utf8');

before(async () => {
  dir = makeTempDir('ks-helm-lsp-');
  cpSync(join(fixtures, 'keeper'), join(dir, 'keeper'), { recursive: true });
  writeFileSync(join(dir, 'my-values.yaml'), typos);
  client = await TestClient.start({
    rootPath: dir,
    settings: { helm: { valuesFiles: { 'deploy/*.yaml': 'keeper' } } },
  });
});

after(async () => {
  await client.stop();
});

void test('a values file next to the chart folder gets the chart diagnostics', async () => {
  const uri = uriOf('my-values.yaml');
  await client.open(uri, typos);
  const diagnostics = await client.waitForDiagnostics(uri, (d) =>
    d.some((x) => x.code === 'helm-values-unknown-key'),
  );
  const codes = diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`);
  assert.ok(codes.includes('3:helm-values-unknown-key'), codes.join());
  assert.ok(codes.includes('7:helm-values-access-mode'));
  assert.ok(codes.includes('2:helm-values-schema'));
  assert.match(
    messageOf(diagnostics.find((d) => d.range.start.line === 2)),
    /Did you mean “persistence”\?/,
  );

  // Fixing the typo clears it.
  await client.replace(uri, typos.replace('persistance:', 'persistence:'));
  await client.waitForDiagnostics(
    uri,
    (d) => !d.some((x) => x.range.start.line === 2 && x.code === 'helm-values-unknown-key'),
  );
});

void test('hover and completion in the values file come from the chart', async () => {
  const uri = uriOf('my-values.yaml');
  await client.open(uri, 'persistence:\n  size: 10Gi\n  \n');
  await client.waitForDiagnostics(uri, () => true);
  const hover = await client.request<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 1, character: 3 },
  });
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  assert.match(value, /Size of the data volume/);
  assert.match(value, /templates\/statefulset\.yaml:60/);
  const list = await client.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 2, character: 2 },
  });
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes('storageClass'), labels.join());
  assert.ok(labels.includes('existingClaim'));
  assert.ok(!labels.includes('size'), 'keys already written are not offered again');
});

void test('the chart\u2019s own values.yaml is clean; a manifest in the chart keeps its manifest diagnostics', async () => {
  const values = uriOf('keeper', 'values.yaml');
  await client.open(values, readFileSync(join(dir, 'keeper', 'values.yaml'), 'utf8'));
  const d = await client.waitForDiagnostics(values);
  assert.deepEqual(
    d.filter((x) => String(x.code).startsWith('helm-values')),
    [],
  );
  const manifest = uriOf('pvc-values.yaml');
  await client.open(
    manifest,
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: x\nspec:\n  accessModes: [ReadWriteOnce]\n  persistance: 1\n',
  );
  const md = await client.waitForDiagnostics(manifest, (x) => x.length > 0);
  assert.ok(md.every((x) => !String(x.code).startsWith('helm-values')));
});

void test('a values file tied by the kubeStorage.helm.valuesFiles setting', async () => {
  const uri = uriOf('deploy', 'prod.yaml');
  await client.open(uri, 'persistence:\n  sise: 1Gi\n');
  const d = await client.waitForDiagnostics(uri, (x) =>
    x.some((y) => y.code === 'helm-values-unknown-key'),
  );
  assert.match(messageOf(d[0]), /“size”/);
});

void test('changing kubeStorage.helm.valuesFiles re-links open files without an edit', async () => {
  const uri = uriOf('staging', 'db.yaml');
  await client.open(uri, 'persistence:\n  sise: 1Gi\n');
  await client.waitForDiagnostics(uri, (x) => !x.some((y) => String(y.code).startsWith('helm')));
  const previous = client.settings;
  try {
    await client.changeSettings({ helm: { valuesFiles: { 'staging/*.yaml': 'keeper' } } });
    const d = await client.waitForDiagnostics(uri, (x) =>
      x.some((y) => y.code === 'helm-values-unknown-key'),
    );
    assert.match(messageOf(d.find((y) => y.code === 'helm-values-unknown-key')), /“size”/);
  } finally {
    await client.changeSettings(previous);
  }
  await client.waitForDiagnostics(uri, (x) => !x.some((y) => String(y.code).startsWith('helm')));
});

void test('the link request ties any file to a chart; errors come in both languages', async () => {
  const uri = uriOf('elsewhere', 'settings.yml');
  await client.open(uri, 'replicaCount: many\n');
  const linked = await client.request(HelmLinkRequest, {
    uri,
    chart: join(dir, 'keeper', 'Chart.yaml'),
  });
  assert.deepEqual(linked, { ok: true, chartName: 'keeper' });
  await client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'helm-values-schema'));
  const bad = await client.request(HelmLinkRequest, {
    uri,
    chart: join(dir, 'nope'),
  });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.error.ru, /Нет такого файла или папки/);
});

void test('the inspect request: rows with defaults, overrides and uses; storage block; defaults text', async () => {
  const result = await client.request(HelmInspectRequest, {
    chart: { kind: 'path', path: join(dir, 'keeper') },
    valuesUri: uriOf('my-values.yaml'),
  });
  assert.ok(result.ok);
  if (!result.ok) return;
  const { data } = result;
  assert.equal(data.chart.name, 'keeper');
  assert.equal(data.chartDir, join(dir, 'keeper'));
  const size = data.rows.find((r) => r.path === 'persistence.size')!;
  assert.equal(size.default, '8Gi');
  assert.equal(size.storageKind, 'size');
  assert.match(size.storageText!.ru, /Запрос ёмкости/);
  assert.match(data.storageBlock, /persistence:/);
  assert.equal(data.defaultsText, readFileSync(join(dir, 'keeper', 'values.yaml'), 'utf8'));
  const repo = await client.request(HelmInspectRequest, {
    chart: {
      kind: 'files',
      name: 'stable/x',
      files: { 'values.yaml': 'persistence:\n  size: 1Gi\n' },
    },
  });
  assert.ok(repo.ok && repo.data.rows.some((r) => r.path === 'persistence.size'));
  const missing = await client.request(HelmInspectRequest, {
    chart: { kind: 'path', path: join(dir, 'none.tgz') },
  });
  assert.equal(missing.ok, false);
});
