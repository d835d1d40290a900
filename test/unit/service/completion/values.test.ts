import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, item, labels, sorted } from './helpers';

const PVC = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n';

void test('enum values of a scalar field', () => {
  assert.deepEqual(labels(completeAt(`${PVC}spec:\n  volumeMode: |`)), ['Filesystem', 'Block']);
});

void test('enum values of a list item, in block and flow style', () => {
  const modes = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
  assert.deepEqual(labels(completeAt(`${PVC}spec:\n  accessModes:\n    - |`)), modes);
  assert.deepEqual(labels(completeAt(`${PVC}spec:\n  accessModes: [ReadWriteOnce, |]`)), modes);
});

void test('enum values carry the value documentation when there is one', () => {
  const en = item(completeAt(`${PVC}spec:\n  accessModes:\n    - |`), 'ReadWriteOncePod');
  const ru = item(completeAt(`${PVC}spec:\n  accessModes:\n    - |`, {}, 'ru'), 'ReadWriteOncePod');
  assert.ok(en.documentation && ru.documentation);
  assert.notEqual(en.documentation, ru.documentation);
});

void test('a partial value is replaced, quotes are kept', () => {
  const items = completeAt(`${PVC}spec:\n  volumeMode: Fi|`);
  assert.deepEqual(item(items, 'Filesystem').range, {
    start: { line: 5, character: 14 },
    end: { line: 5, character: 16 },
  });
  const quoted = completeAt(`${PVC}spec:\n  volumeMode: "Bl|"`);
  assert.equal(item(quoted, 'Block').insertText, '"Block"');
  assert.equal(item(quoted, 'Block').range.end.character, 18, 'the closing quote is replaced too');
});

void test('right after `key:` a space is inserted before the value', () => {
  assert.equal(item(completeAt(`${PVC}spec:\n  volumeMode:|`), 'Block').insertText, ' Block');
});

void test('booleans', () => {
  const items = completeAt(
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: c\nprovisioner: x\nallowVolumeExpansion: |',
  );
  assert.deepEqual(labels(items), ['true', 'false']);
});

void test('apiVersion: only versions that serve the kind, the stable one first', () => {
  assert.deepEqual(labels(completeAt('apiVersion: |\nkind: StatefulSet\n')), ['apps/v1']);
  const items = completeAt('kind: StorageClass\napiVersion: |');
  assert.equal(sorted(items)[0]!.label, 'storage.k8s.io/v1');
  assert.ok(items.every((i) => i.label.startsWith('storage.k8s.io/')));
});

void test('kind: storage kinds first; kinds the apiVersion does not serve come last', () => {
  const items = completeAt('apiVersion: v1\nkind: |');
  const names = labels(items);
  assert.equal(names[0], 'PersistentVolumeClaim');
  assert.ok(names.indexOf('PersistentVolume') < names.indexOf('StorageClass'));
  assert.ok(item(items, 'StorageClass').sortText.startsWith('5'), 'not served by v1');
  assert.ok(names.includes('ComponentStatus'));
});

void test('storage quantities', () => {
  const items = completeAt(`${PVC}spec:\n  resources:\n    requests:\n      storage: |`);
  const names = labels(items);
  for (const q of ['1Gi', '5Gi', '10Gi', '100Gi']) assert.ok(names.includes(q));
  assert.match(item(items, '10Gi').documentation ?? '', /10,737,418,240 bytes/);
  const pv = completeAt(
    'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  capacity:\n    storage: |',
  );
  assert.ok(labels(pv).includes('100Gi'));
});

void test('cpu and memory quantities in container resources', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          memory: |',
  );
  assert.ok(labels(items).includes('512Mi'));
});

void test('no values for free-text fields', () => {
  assert.deepEqual(completeAt(`${PVC.replace('name: data', 'name: |')}`), []);
});
