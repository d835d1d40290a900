import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, item, labels, sorted } from './helpers';

const PVC = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n';

void test('a new line under a mapping offers the keys of its schema', () => {
  const items = completeAt(`${PVC}spec:\n  |`);
  assert.ok(labels(items).includes('accessModes'));
  assert.ok(labels(items).includes('storageClassName'));
  assert.ok(!labels(items).includes('name'), 'keys of metadata are not offered in spec');
});

void test('the indentation decides the mapping: back at column 0 the root keys come', () => {
  const items = completeAt(`${PVC}spec:\n  volumeMode: Block\n|`);
  // apiVersion, kind, metadata and spec are all written: only status is left.
  assert.deepEqual(labels(items), ['status']);
  const fresh = completeAt(`${PVC}|`);
  assert.equal(sorted(fresh)[0]!.label, 'spec');
});

void test('deeper indentation: keys of a nested object', () => {
  const items = completeAt(`${PVC}spec:\n  resources:\n    |`);
  assert.deepEqual(labels(items), ['limits', 'requests']);
});

void test('keys already present in the mapping are not offered, above or below the cursor', () => {
  const items = completeAt(
    `${PVC}spec:\n  accessModes: [ReadWriteOnce]\n  |\n  volumeMode: Filesystem\n`,
  );
  const names = labels(items);
  assert.ok(!names.includes('accessModes'));
  assert.ok(!names.includes('volumeMode'));
  assert.ok(names.includes('resources'));
});

void test('required fields come first', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      volumeMounts:\n        - |',
  );
  const names = labels(items);
  assert.deepEqual(names.slice(0, 2).sort(), ['mountPath', 'name']);
  assert.match(item(items, 'mountPath').detail ?? '', /required/);
});

void test('a new list item `- ` offers the keys of the item object', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n  - name: a\n    emptyDir: {}\n  - |',
  );
  assert.equal(sorted(items)[0]!.label, 'name', 'required name first');
  assert.ok(labels(items).includes('persistentVolumeClaim'));
});

void test('keys inside a list item after its first line (compact and indented lists)', () => {
  for (const text of [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n  - name: a\n    |',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: a\n      |',
  ]) {
    const items = completeAt(text);
    assert.ok(!labels(items).includes('name'), 'name is already in the item');
    assert.ok(labels(items).includes('persistentVolumeClaim'));
  }
});

void test('a volume that has a source gets other sources only at the end, with a warning', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n  - name: a\n    |\n    emptyDir: {}\n',
  );
  const hostPath = item(items, 'hostPath');
  assert.ok(hostPath.sortText.startsWith('8'));
  assert.match(hostPath.documentation ?? '', /emptyDir/);
});

void test('deprecated in-tree volume plugins come after the current sources', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n  - name: a\n    |',
  );
  const names = labels(items);
  assert.ok(names.indexOf('persistentVolumeClaim') < names.indexOf('awsElasticBlockStore'));
  assert.ok(names.indexOf('csi') < names.indexOf('glusterfs'));
});

void test('inside flow style { } keys of that mapping, without those already written', () => {
  const items = completeAt(`${PVC}spec:\n  resources: {requests: {storage: 1Gi}, |}`);
  assert.deepEqual(labels(items), ['limits']);
  const flow = completeAt(`${PVC}spec: {accessModes: [ReadWriteOnce], |}`);
  assert.ok(!labels(flow).includes('accessModes'));
  assert.equal(item(flow, 'resources').insertText, 'resources: {$1}$0');
});

void test('after a partial word the item replaces the word', () => {
  const items = completeAt(`${PVC}spec:\n  stor|`);
  const sc = item(items, 'storageClassName');
  assert.deepEqual(sc.range, {
    start: { line: 5, character: 2 },
    end: { line: 5, character: 6 },
  });
  assert.equal(sc.insertText, 'storageClassName: $0');
  assert.equal(sc.retrigger, true, 'value suggestions open right away');
});

void test('editing the name of an existing key inserts only the name', () => {
  const items = completeAt(`${PVC}spec:\n  volume|Mode: Block\n`);
  assert.equal(item(items, 'volumeName').insertText, 'volumeName');
});

void test('object keys put the cursor on the next line, indented; list keys add `- `', () => {
  const items = completeAt(
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          |',
  );
  assert.equal(item(items, 'resources').insertText, 'resources:\n            $0');
  assert.equal(item(items, 'volumeMounts').insertText, 'volumeMounts:\n            - $0');
  assert.equal(item(items, 'image').insertText, 'image: $0');
});

void test('an empty document offers apiVersion and kind first, then whole-object skeletons', () => {
  const items = completeAt('|');
  const names = labels(items);
  assert.deepEqual(names.slice(0, 2), ['apiVersion', 'kind']);
  for (const kind of ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'StatefulSet']) {
    const skeleton = item(items, kind);
    assert.equal(skeleton.kind, 'snippet');
    assert.match(skeleton.insertText, new RegExp(`^apiVersion: \\S+\\nkind: ${kind}\\n`));
  }
});

void test('a skeleton offers the workspace StorageClasses, the default first', () => {
  const classes =
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: slow\nprovisioner: x\n---\n' +
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: x\n';
  const items = completeAt('---\n|', { 'file:///ws/classes.yaml': classes });
  assert.match(
    item(items, 'PersistentVolumeClaim').insertText,
    /storageClassName: \$\{4\|fast,slow\|\}/,
  );
});

void test('a document with only a kind offers apiVersion, not skeletons', () => {
  const items = completeAt('kind: Foo\n|');
  assert.deepEqual(labels(items), ['apiVersion', 'metadata']);
});

void test('requests of a claim offer `storage`', () => {
  const items = completeAt(`${PVC}spec:\n  resources:\n    requests:\n      |`);
  assert.deepEqual(labels(items), ['storage']);
  assert.equal(item(items, 'storage').retrigger, true);
});

void test('documentation comes in the requested language', () => {
  const en = item(completeAt(`${PVC}spec:\n  |`, {}, 'en'), 'accessModes').documentation ?? '';
  const ru = item(completeAt(`${PVC}spec:\n  |`, {}, 'ru'), 'accessModes').documentation ?? '';
  assert.ok(en.length > 0 && ru.length > 0);
  assert.notEqual(en, ru);
  assert.match(ru, /[а-яё]/i);
});

void test('nothing inside a block scalar or a comment', () => {
  assert.deepEqual(
    completeAt(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a.conf: >\n    key: value\n    |',
    ),
    [],
  );
  assert.deepEqual(completeAt(`${PVC}spec:\n  # sto|`), []);
});

void test('only the chunk under the cursor matters in a multi-document file', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  clusterIP: None\n---\n' +
      `${PVC}spec:\n  |\n---\napiVersion: v1\nkind: Pod\n`,
  );
  assert.ok(labels(items).includes('accessModes'));
  assert.ok(!labels(items).includes('clusterIP'));
});

void test('under a list key without the dash yet, items come with `- `', () => {
  const modes = completeAt(`${PVC}spec:\n  accessModes:\n    |`);
  assert.equal(item(modes, '- ReadWriteOnce').insertText, '- ReadWriteOnce');
  const volumes = completeAt(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    |',
  );
  const name = item(volumes, '- name');
  assert.equal(name.insertText, '- name: $0');
  assert.equal(sorted(volumes)[0]!.label, '- name');
  assert.equal(
    item(volumes, '- persistentVolumeClaim').insertText,
    '- persistentVolumeClaim:\n        $0',
  );
});
