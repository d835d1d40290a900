/**
 * YAML bombs: alias expansion (billion laughs, merge keys), huge anchors, and nesting far deeper
 * than any manifest (10^5 `[`, `{`, `- `). Each must cost bounded time and memory and end in a
 * clear diagnostic in both languages, and every request on the file must still answer.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../server/src/service';
import { MAX_NESTING_DEPTH } from '../../../server/src/service/parse/limits';
import { corpus, probeFile, probePosition, timed, warmUp } from './support';

const URI = 'file:///fuzz/bombs/bomb.yaml';

/** Memory the bomb may add at most (the expansion of a billion laughs would need gigabytes). */
const MEMORY_BOUND = 256 * 1024 * 1024;

function run(text: string, uri = URI): KubeDiagnostic[] {
  const service = getLanguageService();
  const heap = process.memoryUsage().heapUsed;
  timed('setFile bomb', () => service.setFile(uri, text, 'editor', 1));
  const diagnostics = probeFile(service, uri);
  const lines = text.split('\n');
  const step = Math.max(1, Math.ceil(lines.length / 12));
  for (let line = 0; line < lines.length; line += step) {
    const length = lines[line]!.length;
    for (const character of [0, Math.floor(length / 2), length]) {
      probePosition(service, uri, { line, character });
    }
  }
  const grown = process.memoryUsage().heapUsed - heap;
  assert.ok(grown < MEMORY_BOUND, `memory grew by ${(grown / 2 ** 20).toFixed(0)} MB`);
  return diagnostics;
}

function laughs(levels: number, width: number, indent = '  '): string {
  const lines = [`${indent}l0: &l0 [${Array<string>(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i <= levels; i++) {
    lines.push(
      `${indent}l${i}: &l${i} [${Array<string>(width)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  }
  return lines.join('\n');
}

const codes = (ds: readonly KubeDiagnostic[]): string[] => ds.map((d) => d.code);

function assertClear(ds: readonly KubeDiagnostic[], code: string): void {
  const found = ds.find((d) => d.code === code);
  assert.ok(found, `expected ${code}, got ${codes(ds).join(', ')}`);
  assert.match(found.message.en, /\w{4}/);
  assert.match(found.message.ru, /[а-яё]{4}/);
}

void describe('YAML bombs', () => {
  before(warmUp);

  void it('billion laughs in a ConfigMap: reported, not expanded', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${laughs(9, 10)}\n`;
    assertClear(run(text), 'yaml-alias-limit');
  });

  void it('billion laughs inside a StatefulSet the rules walk (labels, claim templates)', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: db',
      '  annotations:',
      laughs(9, 10, '    '),
      'spec:',
      '  serviceName: db',
      '  selector: {matchLabels: {app: db}}',
      '  template:',
      '    metadata: {labels: {app: db}}',
      '    spec:',
      '      containers: [{name: db, image: postgres, volumeMounts: [{name: data, mountPath: /d}]}]',
      '  volumeClaimTemplates:',
      '    - metadata: {name: data}',
      '      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
      '---',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata: &m {name: c, labels: &l {a: b}}',
      'spec: &s {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
      '---',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata: {name: d}',
      'spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
    ].join('\n');
    assertClear(run(text), 'yaml-alias-limit');
  });

  void it('merge keys that multiply: reported, not expanded', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: merge}', 'x:'];
    lines.push('  m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}');
    for (let i = 1; i <= 12; i++) {
      lines.push(`  m${i}: &m${i}`);
      for (let j = 0; j < 8; j++) lines.push(`    k${j}: {<<: *m${i - 1}}`);
    }
    const ds = run(lines.join('\n'));
    assert.ok(
      ds.some((d) => d.code === 'yaml-alias-limit'),
      `expected the alias limit, got ${codes(ds).join(', ')}`,
    );
  });

  void it('a huge anchor used a few times is fine; used a thousand times it is reported', () => {
    const big = 'x'.repeat(500_000);
    const few = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  a: &a "${big}"\n  b: *a\n  c: *a\n`;
    assert.deepEqual(codes(run(few)), []);
    const refs = Array.from({ length: 1000 }, (_, i) => `  r${i}: *a`).join('\n');
    const many = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  a: &a "${big}"\n${refs}\n`;
    assertClear(run(many), 'yaml-alias-limit');
  });

  for (const [name, open, close] of [
    ['[', '[', ']'],
    ['{', '{', '}'],
    ['{a: [', '{a: [', ']}'],
  ] as const) {
    void it(`10^5 × ${name}: refused before parsing, with one clear diagnostic`, () => {
      const n = 100_000;
      const closed = `apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\nspec:\n  containers: ${open.repeat(n)}${close.repeat(n)}\n`;
      const ds = run(closed);
      assertClear(ds, 'yaml-nesting-limit');
      assert.equal(ds.length, 1, codes(ds).join(', '));
      assertClear(run(`a: ${open.repeat(n)}`), 'yaml-nesting-limit');
    });
  }

  void it('10^5 compact `- ` on one line: refused with a clear diagnostic', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\nspec:\n  containers:\n  ${'- '.repeat(100_000)}x\n`;
    assertClear(run(text), 'yaml-nesting-limit');
  });

  void it('only the deep `---` document is refused; the others are still checked', () => {
    const pvc = corpus.find((f) => f.path === 'valid/static-volumes.yaml');
    assert.ok(pvc, 'fixture');
    const text = `${pvc.text}\n---\na: ${'['.repeat(5000)}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: x}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, bogus: 1}\n`;
    const ds = run(text);
    assertClear(ds, 'yaml-nesting-limit');
    assert.ok(
      ds.some((d) => d.code === 'unknown-field'),
      codes(ds).join(', '),
    );
    const deep = ds.find((d) => d.code === 'yaml-nesting-limit')!;
    assert.equal(text.split('\n')[deep.range.start.line]!.startsWith('a: ['), true);
  });

  void it(`nesting just under the limit (${MAX_NESTING_DEPTH}) is parsed and every walker copes`, () => {
    const n = MAX_NESTING_DEPTH - 2;
    const flow = `apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\nspec:\n  containers: [${'{a: ['.repeat(n / 2)}${']}'.repeat(n / 2)}]\n`;
    assert.ok(!codes(run(flow)).includes('yaml-nesting-limit'));
    const dashes = `apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\nspec:\n  containers:\n  ${'- '.repeat(n)}x\n`;
    assert.ok(!codes(run(dashes)).includes('yaml-nesting-limit'));
    const block = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n');
    run(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec:\n${block}\n`);
  });

  void it('alias cycles and aliases to undefined anchors are plain errors', () => {
    for (const text of [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: &a {x: *a}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {x: *nowhere}\n',
      'a: &a [*a, *a]\n',
    ]) {
      run(text);
    }
  });

  void it('bombs in a Helm chart values file and in the values file tied to it', () => {
    const service = getLanguageService();
    const bomb = `persistence:\n${laughs(9, 10)}\n  deep: ${'['.repeat(100_000)}\n`;
    const key = 'file:///fuzz/bombs/chart/';
    timed('setChart bomb', () =>
      service.setChartFiles(
        key,
        new Map([
          ['Chart.yaml', 'apiVersion: v2\nname: bomb\nversion: 1.0.0\n'],
          ['values.yaml', bomb],
          ['templates/a.yaml', '{{ .Values.persistence.l9 }}\n'],
        ]),
      ),
    );
    const uri = 'file:///fuzz/bombs/my-values.yaml';
    service.linkValuesFile(uri, key);
    timed('setFile values bomb', () => service.setFile(uri, bomb, 'editor', 1));
    probeFile(service, uri);
    for (let line = 0; line < 12; line++) probePosition(service, uri, { line, character: 4 });
  });
});
