import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCatalog, paragraphs } from '../../../../server/src/service/docs/catalog';
import { getFieldDoc, getTypeDoc, getValueDoc } from '../../../../server/src/service/docs/lookup';

void test('each line of a text is a paragraph; list items stay one list', () => {
  assert.equal(paragraphs('One.\nTwo.\n'), 'One.\n\nTwo.');
  assert.equal(paragraphs('Intro:\n- a;\n- b.\nAfter.\n'), 'Intro:\n- a;\n- b.\n\nAfter.');
  assert.equal(paragraphs('A.\n\n\nB.'), 'A.\n\nB.');
});

void test('topic files merge per definition; non-string values and empty files are skipped', () => {
  const catalog = buildCatalog({
    a: { 'core.v1.X': { $type: 'X.', f: 'F.' } },
    b: { 'core.v1.X': { g: 'G.', bad: 3 } },
    empty: null,
  });
  assert.deepEqual(catalog, { 'core.v1.X': { $type: 'X.', f: 'F.', g: 'G.' } });
});

void test('lookups: field link falls back to the definition link, fields to the * entry', () => {
  const spec = getFieldDoc('core.v1.PersistentVolumeClaimSpec', 'volumeMode', 'en');
  assert.ok(spec?.link?.endsWith('#volume-mode'));
  const resources = getFieldDoc('core.v1.VolumeResourceRequirements', 'limits', 'en');
  assert.equal(
    resources?.link,
    'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#resources',
  );
  assert.ok(getFieldDoc('storage.v1.StorageClass', 'kind', 'ru')?.text, 'kind comes from *');
  assert.equal(getFieldDoc('storage.v1.StorageClass', 'noSuchField', 'en'), undefined);
  assert.equal(getFieldDoc('storage.v1.StorageClass', 'constructor', 'en'), undefined);
  assert.ok(getValueDoc('storage.v1.StorageClass', 'reclaimPolicy', 'Retain', 'ru'));
  assert.equal(getValueDoc('storage.v1.StorageClass', 'reclaimPolicy', 'Recycle', 'en'), undefined);
  assert.ok(getTypeDoc('apps.v1.StatefulSet', 'ru')?.includes('заявк'));
  assert.equal(getTypeDoc('core.v1.NoSuchKind', 'en'), undefined);
});
