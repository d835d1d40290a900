import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Workspace } from '../../../../server/src/service/workspace/workspace';

const pvc = (name: string, ns?: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}  labels:\n    app: db\nspec:\n  accessModes: [ReadWriteOnce]\n`;

describe('Workspace', () => {
  it('indexes every object with kind, apiVersion, namespace, name, labels and ranges', () => {
    const ws = new Workspace();
    ws.setFile('file:///w/a.yaml', `${pvc('data', 'db')}---\n${pvc('logs')}`);
    ws.setFile('file:///w/notes.yaml', 'title: not kubernetes\n');
    const claims = ws.objectsOfKind('PersistentVolumeClaim');
    assert.deepEqual(
      claims.map((o) => [
        o.name,
        o.namespace,
        o.apiVersion,
        o.labels.app,
        o.range.start.line,
        o.nameRange?.start,
      ]),
      [
        ['data', 'db', 'v1', 'db', 0, { line: 3, character: 8 }],
        ['logs', undefined, 'v1', 'db', 10, { line: 13, character: 8 }],
      ],
    );
    assert.equal([...ws.allObjects()].length, 2);
  });

  it('knows the line an object starts on before its range is worked out, and the same after', () => {
    const ws = new Workspace();
    // A comment and blank lines before the first object, a list of two items after it.
    const list = `apiVersion: v1\nkind: List\nitems:\n  - ${pvc('x').replace(/\n/g, '\n    ').trimEnd()}\n  - ${pvc('y').replace(/\n/g, '\n    ').trimEnd()}\n`;
    ws.setFile('file:///w/a.yaml', `# claims\n\n${pvc('data')}---\n\n${pvc('logs')}---\n${list}`);
    const claims = ws.objectsOfKind('PersistentVolumeClaim');
    const before = claims.map((o) => o.startLine);
    assert.deepEqual(
      before,
      claims.map((o) => o.range.start.line),
    );
    assert.deepEqual(
      claims.map((o) => o.startLine),
      before,
    );
    assert.deepEqual(before.slice(0, 2), [2, 12]);
    assert.equal(claims.length, 4);
  });

  it('re-parses only the documents whose text changed', () => {
    const ws = new Workspace();
    const first = ws.setFile(
      'file:///w/a.yaml',
      `${pvc('a')}---\n${pvc('b')}---\n${pvc('c')}`,
      'editor',
      1,
    )!;
    const second = ws.setFile(
      'file:///w/a.yaml',
      `# new line on top\n${pvc('a')}---\n${pvc('b2')}---\n${pvc('c')}`,
      'editor',
      2,
    )!;
    assert.notEqual(second.chunks[0]!.chunk, first.chunks[0]!.chunk, 'changed first chunk');
    assert.notEqual(second.chunks[1]!.chunk, first.chunks[1]!.chunk, 'changed second chunk');
    assert.equal(
      second.chunks[2]!.chunk,
      first.chunks[2]!.chunk,
      'unchanged third chunk is reused',
    );
    assert.equal(second.chunks[2]!.startLine, first.chunks[2]!.startLine + 1);
    assert.deepEqual(
      second.objects().map((o) => [o.name, o.range.start.line]),
      [
        ['a', 1],
        ['b2', 10],
        ['c', 19],
      ],
    );
  });

  it('lets an open document win over the disk copy until it is closed', () => {
    const ws = new Workspace();
    ws.setFile('file:///w/a.yaml', pvc('from-editor'), 'editor', 3);
    ws.setFile('file:///w/a.yaml', pvc('from-disk'), 'disk');
    assert.equal(ws.objectsOfKind('PersistentVolumeClaim')[0]!.name, 'from-editor');
    ws.removeFile('file:///w/a.yaml');
    assert.equal(
      ws.objectsOfKind('PersistentVolumeClaim').length,
      1,
      'an open file is not removed by a disk event',
    );
    ws.closeFile('file:///w/a.yaml');
    ws.setFile('file:///w/a.yaml', pvc('from-disk'), 'disk');
    assert.equal(ws.objectsOfKind('PersistentVolumeClaim')[0]!.name, 'from-disk');
    ws.removeFile('file:///w/a.yaml');
    assert.equal(ws.objectsOfKind('PersistentVolumeClaim').length, 0);
  });

  it('treats files under a chart templates/ folder as Helm templates, even when the Chart.yaml comes later', () => {
    const ws = new Workspace();
    const templateUri = 'file:///w/chart/templates/pvc.yaml';
    ws.setFile(templateUri, pvc('plain'));
    assert.equal(ws.getFile(templateUri)!.template, false);
    ws.setFile('file:///w/chart/Chart.yaml', 'apiVersion: v2\nname: chart\nversion: 0.1.0\n');
    assert.equal(ws.getFile(templateUri)!.template, true);
    assert.deepEqual(ws.charts(), new Set(['file:///w/chart/']));
  });

  it("reads helm's output as manifests, though a ConfigMap in it carries Helm actions as data", () => {
    // A chart that ships the values template of a chart installed later by another tool.
    const output = [
      '# Source: shop/templates/worker-values.yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: shop-worker-values',
      'data:',
      '  values.yaml.tpl: |',
      '    replicas: {{ .Values.worker.replicas }}',
      '    cacheDir: {{ .Values.worker.cacheDir | quote }}',
      '---',
      '# Source: shop/templates/pvc.yaml',
      pvc('shop-cache'),
    ].join('\n');
    const ws = new Workspace();
    const rendered = 'kube-storage-rendered:/1a2b/shop.yaml';
    ws.setFile(rendered, output);
    ws.setFile('file:///w/shop-template.yaml', output);
    assert.equal(ws.getFile(rendered)!.template, false);
    assert.equal(ws.objectsOfKind('PersistentVolumeClaim')[0]!.template, false);
    assert.equal(ws.getFile('file:///w/shop-template.yaml')!.template, true, 'a file of its own');
  });

  it('indexes objects of Helm templates, leaving templated names out', () => {
    const ws = new Workspace();
    ws.setFile(
      'file:///w/t.yaml',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {{ .Release.Name }}-data\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: fixed\n',
    );
    const objects = [...ws.allObjects()];
    assert.deepEqual(
      objects.map((o) => [o.kind, o.template]),
      [
        ['PersistentVolumeClaim', true],
        ['Service', true],
      ],
    );
    assert.equal(objects[1]!.name, 'fixed');
  });

  it('bumps the generation on every change', () => {
    const ws = new Workspace();
    const g0 = ws.generation;
    ws.setFile('file:///w/a.yaml', pvc('a'));
    ws.setFile('file:///w/a.yaml', pvc('a'));
    assert.equal(ws.generation, g0 + 1, 'same text, same version: no change');
    ws.setFile('file:///w/a.yaml', pvc('b'));
    assert.equal(ws.generation, g0 + 2);
  });
});

describe('Workspace memory across edits', () => {
  it('editing many different documents does not keep a copy of the file per edit', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const docs = Array.from({ length: 2000 }, (_, i) => pvc(`claim-${i}`));
    const ws = new Workspace();
    const uri = 'file:///w/many.yaml';
    ws.setFile(uri, docs.join('---\n'), 'editor', 1);
    ws.objectsOfKind('PersistentVolumeClaim');
    gc();
    const before = process.memoryUsage().heapUsed;
    // 200 edits, each in another document: a chunk sliced from the text it came from would keep
    // that whole text (about 350 KB here) alive, 70 MB in all.
    for (let i = 0; i < 200; i++) {
      docs[i * 10] = docs[i * 10]!.replace('app: db', 'app: web');
      ws.setFile(uri, docs.join('---\n'), 'editor', i + 2);
      ws.objectsOfKind('PersistentVolumeClaim');
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    assert.ok(grown < 20, `the heap grew by ${grown.toFixed(0)} MB`);
    assert.equal(
      ws
        .getFile(uri)!
        .objects()
        .filter((o) => o.labels.app === 'web').length,
      200,
    );
  });
});
