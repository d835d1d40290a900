import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChartModel } from '../../../../server/src/service/helm';
import { keeper } from './fixture';

void test('the values tree has types, defaults and the chart comments of every style', () => {
  const model = keeper();
  assert.equal(model.meta.name, 'keeper');
  assert.deepEqual(model.problems, []);
  const get = (id: string) => {
    const node = model.byId.get(id);
    assert.ok(node, id);
    return node;
  };
  assert.equal(get('replicaCount').type, 'integer');
  assert.equal(get('replicaCount').defaultValue, 3);
  assert.equal(get('replicaCount').doc, 'Number of keeper pods');
  assert.equal(get('image.tag').trailing, 'pinned tag, trailing comment');
  assert.equal(get('image.tag').type, 'string');
  assert.equal(get('podLabels').doc, 'Extra labels for every pod (helm-docs style)');
  assert.equal(get('podAnnotations').doc, 'Annotations for keeper pods (readme-generator style)');
  assert.equal(
    get('persistence.enabled').doc,
    'Keep data on a PersistentVolumeClaim per pod.\nWhen false, data lives in an emptyDir.',
  );
  assert.equal(get('persistence.size').doc, 'Size of the data volume');
  assert.equal(get('persistence.mountPath').trailing, 'where the app keeps its data');
  assert.equal(get('persistence.accessModes').type, 'array');
  assert.equal(
    get('persistence.accessModes').doc,
    undefined,
    'the storageClass example sits between the docs and accessModes',
  );
  assert.equal(get('config').doc, undefined);
  assert.equal(get('after').doc, undefined, 'a # line inside a block scalar is not a comment');
  assert.equal(get('header' in {} ? '' : 'replicaCount').doc?.includes('Default values'), false);
});

void test('commented-out keys are documented-but-unset values under the right parent', () => {
  const model = keeper();
  const sc = model.byId.get('persistence.storageClass');
  assert.ok(sc?.unset);
  assert.equal(sc.unset.example, 'storageClass: "-"');
  assert.equal(sc.defaultValue, undefined);
  assert.match(sc.doc ?? '', /If set to "-", storageClassName: ""/);
  assert.equal(sc.storage, 'storageClass');
  assert.ok(model.byId.get('persistence.existingClaim')?.unset);
  assert.equal(
    model.byId.get('persistence.existingClaim')?.doc,
    'Use a claim you created yourself',
  );
  const resources = model.byId.get('resources');
  assert.ok(resources?.unset);
  assert.equal(resources.type, 'object');
  assert.equal(model.byId.has('ref'), false);
  assert.equal(model.byId.has('note'), false);
  // Children keep file order with the commented ones in place.
  assert.deepEqual(
    model.byId.get('persistence')!.children.map((c) => c.key),
    ['enabled', 'storageClass', 'accessModes', 'existingClaim', 'size', 'annotations', 'mountPath'],
  );
});

void test('storage values are recognised by name and by use', () => {
  const model = keeper();
  const kind = (id: string) => model.byId.get(id)?.storage;
  assert.equal(kind('persistence'), 'persistence');
  assert.equal(kind('persistence.enabled'), 'enabled');
  assert.equal(kind('persistence.size'), 'size');
  assert.equal(kind('persistence.accessModes'), 'accessModes');
  assert.equal(kind('persistence.existingClaim'), 'existingClaim');
  assert.equal(kind('persistence.annotations'), 'annotations');
  assert.equal(kind('persistence.mountPath'), 'mountPath');
  assert.equal(kind('volumePermissions'), 'volumePermissions');
  assert.equal(kind('volumePermissions.enabled'), 'volumePermissions');
  assert.equal(kind('replicaCount'), undefined);
  assert.equal(kind('service.port'), undefined);
});

void test('by use: a value that fills storageClassName or storage is a storage value whatever its name', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'db:\n  klass: fast\n  gigs: 10Gi\n'],
      [
        'templates/pvc.yaml',
        'spec:\n  storageClassName: {{ .Values.db.klass }}\n  resources:\n    requests:\n      storage: {{ .Values.db.gigs }}\n',
      ],
    ]),
  );
  assert.equal(model.byId.get('db.klass')?.storage, 'storageClass');
  assert.equal(model.byId.get('db.gigs')?.storage, 'size');
});

void test('a broken values.yaml or schema is reported, not thrown', () => {
  const model = buildChartModel(
    new Map([
      ['Chart.yaml', 'name: broken\nversion: 0.1.0\n'],
      ['values.yaml', 'a: [1, 2\nb: 3\n'],
      ['values.schema.json', '{ not json'],
    ]),
  );
  assert.equal(model.problems.length >= 2, true);
  assert.match(model.problems[0]!.ru, /ошибка YAML/);
  assert.equal(model.schema, undefined);
  assert.match(model.problems[model.problems.length - 1]!.en, /values\.schema\.json/);
});

void test('a chart without values.yaml gives an empty tree', () => {
  const model = buildChartModel(new Map([['Chart.yaml', 'name: empty']]));
  assert.deepEqual(model.roots, []);
  assert.equal(model.valuesText, '');
});

void test('Chart.yaml is read as Helm reads it: a quoted description continued at column 0', () => {
  const chartYaml = [
    'apiVersion: v2',
    'description: "A storage driver whose description',
    'goes on at the first column"',
    'name: demo-driver',
    'version: 1.2.0',
    'dependencies:',
    '  - name: common',
    '    version: 1.x',
    '',
  ].join('\n');
  const model = buildChartModel(new Map([['Chart.yaml', chartYaml]]));
  assert.equal(model.meta.name, 'demo-driver');
  assert.equal(model.meta.version, '1.2.0');
  assert.equal(
    model.meta.description,
    'A storage driver whose description goes on at the first column',
  );
  assert.deepEqual(model.meta.dependencies, ['common']);
  // Text go-yaml refuses too still gives no name.
  const broken = buildChartModel(new Map([['Chart.yaml', 'name: [demo\nversion: 1\n']]));
  assert.equal(broken.meta.name, undefined);
});
