/**
 * Inside a chart's templates (issue 16 item 4): completion of `.Values` paths (values.yaml and the
 * tied values files), built-in objects and named templates; definition and references between a
 * `.Values.x` use and values.yaml, both ways, and between include and define; hover on a value
 * above the Kubernetes card; the YAML help outside actions; no false errors on templates.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CompletionItem,
  CompletionList,
  Hover,
  Location,
  MarkupContent,
  Position,
} from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

const ledger = resolve(__dirname, '../fixtures/helm-render/ledger');
let dir: string;
let client: TestClient;
const uriOf = (...p: string[]) => pathToFileURL(join(dir, ...p)).href;
const read = (...p: string[]) => readFileSync(join(dir, ...p), 'utf8');

/** A template of our own, beside the chart's: `with` blocks and a variable. */
const ARCHIVE = [
  'apiVersion: v1',
  'kind: PersistentVolumeClaim',
  'metadata:',
  '  name: {{ include "ledger.fullname" . }}-archive',
  '  namespace: {{ .Release.Namespace }}',
  'spec:',
  '  {{- with .Values.persistence }}',
  '  accessModes: {{ toYaml .accessModes | nindent 4 }}',
  '  resources:',
  '    requests:',
  '      storage: {{ .size | quote }}',
  '  {{- end }}',
  '',
].join('\n');

const MY_VALUES =
  'auth:\n  password: s3cret\npersistence:\n  size: 40Gi\ntuning:\n  walBuffers: 16MB\n';

before(async () => {
  dir = makeTempDir('ks-helm-templates-');
  cpSync(ledger, join(dir, 'ledger'), { recursive: true });
  writeFileSync(join(dir, 'ledger', 'templates', 'archive-pvc.yaml'), ARCHIVE);
  writeFileSync(join(dir, 'my-values.yaml'), MY_VALUES);
  client = await TestClient.start({ rootPath: dir, settings: { helm: { render: false } } });
  // The values file next to the chart is tied to it; the templates then know it too.
  await client.open(uriOf('my-values.yaml'), MY_VALUES);
  await client.waitForDiagnostics(uriOf('my-values.yaml'));
});

after(async () => {
  await client.stop();
});

/** Opens a template with `text` and asks until the chart is known (it loads in the background). */
async function openTemplate(name: string, text = read('ledger', 'templates', name)) {
  const uri = uriOf('ledger', 'templates', name);
  await client.open(uri, text);
  await client.waitForDiagnostics(uri);
  return uri;
}

/** Asks until the answer is not empty: the chart of a template loads in the background. */
async function ask<R>(method: string, params: unknown): Promise<R> {
  let answer: R | undefined;
  for (let i = 0; i < 50; i++) {
    answer = await client.request<R>(method, params);
    if (Array.isArray(answer) ? answer.length : answer) return answer;
    await new Promise((r) => setTimeout(r, 100));
  }
  return answer!;
}

async function completion(uri: string, position: Position): Promise<CompletionItem[]> {
  for (let i = 0; i < 50; i++) {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position,
    });
    if (list.items.length) return list.items;
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}

/** The position just after `needle` (its n-th occurrence) in a text. */
function after_(text: string, needle: string, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in the text`);
  const before = text.slice(0, at + needle.length).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

void test('.Values. offers the chart values with defaults, and keys of the tied values file', async () => {
  const text = 'kind: ConfigMap\ndata:\n  a: {{ .Values. }}\n  b: {{ $.Values.persistence.s }}\n';
  const uri = await openTemplate('probe-values.yaml', text);
  const top = await completion(uri, after_(text, '.Values.'));
  const labels = top.map((i) => i.label);
  for (const key of ['replicaCount', 'persistence', 'wal', 'backup'])
    assert.ok(labels.includes(key), labels.join());
  assert.ok(labels.includes('tuning'), 'a key only my-values.yaml has');
  const replicas = top.find((i) => i.label === 'replicaCount');
  assert.match(replicas?.detail ?? '', /= 3/);

  const nested = await completion(uri, after_(text, '$.Values.persistence.s'));
  const size = nested.find((i) => i.label === 'size');
  assert.ok(size, nested.map((i) => i.label).join());
  assert.match(size.detail ?? '', /"8Gi"/);
  const doc = (size.documentation as MarkupContent).value;
  assert.match(doc, /Size of each data claim/);
  assert.match(doc, /my-values\.yaml.*40Gi/, 'what the tied values file sets');
  assert.deepEqual(
    (size as { textEdit?: { range: unknown } }).textEdit?.range,
    { start: after_(text, '$.Values.persistence.'), end: after_(text, '$.Values.persistence.s') },
    'the typed part is replaced',
  );
});

void test('.Release., .Chart., .Capabilities. and the built-in objects', async () => {
  const text = [
    'kind: ConfigMap',
    'data:',
    '  r: {{ .Release. }}',
    '  c: {{ .Chart. }}',
    '  k: {{ .Capabilities.KubeVersion. }}',
    '  o: {{ . }}',
    '',
  ].join('\n');
  const uri = await openTemplate('probe-builtins.yaml', text);
  const labels = async (p: Position) => (await completion(uri, p)).map((i) => i.label);
  assert.deepEqual((await labels(after_(text, '.Release.'))).sort(), [
    'IsInstall',
    'IsUpgrade',
    'Name',
    'Namespace',
    'Revision',
    'Service',
  ]);
  const chart = await labels(after_(text, '.Chart.'));
  for (const key of ['Name', 'Version', 'AppVersion']) assert.ok(chart.includes(key), chart.join());
  assert.deepEqual((await labels(after_(text, '.Capabilities.KubeVersion.'))).sort(), [
    'GitVersion',
    'Major',
    'Minor',
    'Version',
  ]);
  const top = await labels(after_(text, '{{ .'));
  for (const key of ['Values', 'Release', 'Chart', 'Capabilities', 'Files', 'Template'])
    assert.ok(top.includes(key), top.join());
});

void test('include " offers the named templates of _helpers.tpl', async () => {
  const text = 'kind: ConfigMap\nmetadata:\n  labels:\n    {{- include "led" . | nindent 4 }}\n';
  const uri = await openTemplate('probe-include.yaml', text);
  const items = await completion(uri, after_(text, 'include "led'));
  assert.deepEqual(
    items.map((i) => i.label),
    ['ledger.fullname', 'ledger.labels', 'ledger.selectorLabels'],
  );
  assert.match(items[0]!.detail ?? '', /templates\/_helpers\.tpl:4/);
});

void test('definition: a .Values use -> its key in values.yaml and in the tied values file', async () => {
  const text = read('ledger', 'templates', 'statefulset.yaml');
  const uri = await openTemplate('statefulset.yaml', text);
  const at = after_(text, '.Values.persistence.si');
  const locations = await ask<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: at,
  });
  assert.deepEqual(
    locations.map(
      (l) => `${l.uri.slice(l.uri.lastIndexOf(dir) + dir.length)}:${l.range.start.line}`,
    ),
    ['/ledger/values.yaml:21', '/my-values.yaml:3'],
  );
  // On `persistence`: the map's key.
  const parent = await ask<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: after_(text, '.Values.pers', 1),
  });
  assert.equal(parent[0]?.range.start.line, 13);
});

void test('definition inside with: `.size` under `with .Values.persistence` is persistence.size', async () => {
  const uri = await openTemplate('archive-pvc.yaml', ARCHIVE);
  const locations = await ask<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: after_(ARCHIVE, '{{ .si'),
  });
  assert.equal(locations[0]?.uri, uriOf('ledger', 'values.yaml'));
  assert.equal(locations[0]?.range.start.line, 21);
});

void test('definition and references between include and define', async () => {
  const text = read('ledger', 'templates', 'statefulset.yaml');
  const uri = await openTemplate('statefulset.yaml', text);
  const position = after_(text, 'include "ledger.full');
  const definition = await ask<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position,
  });
  assert.deepEqual(
    definition.map((l) => [l.uri, l.range.start.line]),
    [[uriOf('ledger', 'templates', '_helpers.tpl'), 3]],
  );
  const references = await ask<Location[]>('textDocument/references', {
    textDocument: { uri },
    position,
    context: { includeDeclaration: false },
  });
  const files = new Set(references.map((l) => l.uri.slice(l.uri.lastIndexOf('/') + 1)));
  for (const f of ['statefulset.yaml', 'archive-pvc.yaml', 'service.yaml'])
    assert.ok(files.has(f), [...files].join());
  assert.ok(references.every((l) => l.range.end.character - l.range.start.character === 15));
});

void test('references: a key of values.yaml -> the templates that read it, and back', async () => {
  const valuesUri = uriOf('ledger', 'values.yaml');
  const values = read('ledger', 'values.yaml');
  await client.open(valuesUri, values);
  await client.waitForDiagnostics(valuesUri);
  // The chart's own values.yaml is tied to the chart in the background.
  let refs: Location[] = [];
  for (let i = 0; i < 50 && !refs.length; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: valuesUri },
      position: { line: 21, character: 3 },
      context: { includeDeclaration: false },
    });
  }
  const places = refs.map(
    (l) =>
      `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.end.character - l.range.start.character}`,
  );
  assert.ok(places.includes('statefulset.yaml:62:24'), places.join());
  assert.ok(
    places.some((p) => p.startsWith('archive-pvc.yaml:10:')),
    'read through with',
  );

  const text = read('ledger', 'templates', 'statefulset.yaml');
  const uri = await openTemplate('statefulset.yaml', text);
  const back = await ask<Location[]>('textDocument/references', {
    textDocument: { uri },
    position: after_(text, '.Values.persistence.si'),
    context: { includeDeclaration: true },
  });
  assert.equal(back[0]?.uri, valuesUri, 'the declaration first');
  assert.ok(back.some((l) => l.uri === uri && l.range.start.line === 62));
});

void test('hover on a value: its comment and default, above the Kubernetes card of the field', async () => {
  const text = read('ledger', 'templates', 'statefulset.yaml');
  const uri = await openTemplate('statefulset.yaml', text);
  const hover = await ask<Hover | null>('textDocument/hover', {
    textDocument: { uri },
    position: after_(text, '.Values.persistence.si'),
  });
  const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
  assert.match(value, /persistence\.size/);
  assert.match(value, /Size of each data claim/);
  assert.match(value, /8Gi/);
  assert.match(value, /my-values\.yaml.*40Gi/);
  const [valuePart, kubePart] = value.split('\n\n---\n\n');
  assert.ok(valuePart && kubePart, 'both cards');
  assert.match(kubePart, /storage/i);

  const release = await ask<Hover | null>('textDocument/hover', {
    textDocument: { uri: await openTemplate('archive-pvc.yaml', ARCHIVE) },
    position: after_(ARCHIVE, '.Release.Name'),
  });
  assert.match((release?.contents as MarkupContent).value, /\.Release\.Namespace/);
});

void test('outside actions the Kubernetes key completion stays', async () => {
  const text = read('ledger', 'templates', 'statefulset.yaml').replace(
    'spec:\n  serviceName',
    'spec:\n  minR\n  serviceName',
  );
  const uri = await openTemplate('statefulset.yaml', text);
  const labels = (await completion(uri, after_(text, '  minR'))).map((i) => i.label);
  assert.ok(labels.includes('minReadySeconds'), labels.join());
});

void test('no false errors on templates', async () => {
  for (const name of ['statefulset.yaml', '_helpers.tpl', 'archive-pvc.yaml', 'backup-pvc.yaml']) {
    const uri = await openTemplate(name);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 1).map((d) => `${d.range.start.line}:${d.message}`),
      [],
      name,
    );
  }
});

void test('inside with .Values.persistence, . offers the keys of persistence; $.Values. the root', async () => {
  const text = [
    'kind: ConfigMap',
    'data:',
    '  {{- with .Values.persistence }}',
    '  size: {{ . }}',
    '  root: {{ $.Values. }}',
    '  {{- end }}',
    '',
  ].join('\n');
  const uri = await openTemplate('probe-with.yaml', text);
  const inside = await completion(uri, after_(text, 'size: {{ .'));
  const labels = inside.map((i) => i.label);
  for (const key of ['enabled', 'storageClass', 'accessModes', 'size'])
    assert.ok(labels.includes(key), labels.join());
  assert.ok(!labels.includes('Release'), 'not the built-ins: . is persistence here');
  const size = inside.find((i) => i.label === 'size');
  assert.match(size?.detail ?? '', /"8Gi"/);
  assert.match((size?.documentation as MarkupContent).value, /my-values\.yaml.*40Gi/);
  const root = (await completion(uri, after_(text, '$.Values.'))).map((i) => i.label);
  for (const key of ['replicaCount', 'persistence', 'wal'])
    assert.ok(root.includes(key), root.join());
});
