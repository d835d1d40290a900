/** Every UI string of the binding preview is in both l10n bundles, and Russian is really translated. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { english } from '../../../../../client/src/bindingPreview/uiText';

const bundle = (name: string): Record<string, string> =>
  JSON.parse(readFileSync(resolve(__dirname, '../../../../../l10n', name), 'utf8')) as Record<
    string,
    string
  >;

void test('binding preview strings are in bundle.l10n.json and bundle.l10n.ru.json', () => {
  const en = bundle('bundle.l10n.json');
  const ru = bundle('bundle.l10n.ru.json');
  // Phase names stay English in Russian too (glossary); everything else is translated.
  const same = new Set([
    '`Lost`',
    '`Available`',
    '`Released`',
    '`Failed`',
    english.nodeLabelsPlaceholder,
  ]);
  for (const key of Object.values(english)) {
    assert.equal(en[key], key, `en: ${key}`);
    assert.ok(ru[key], `ru missing: ${key}`);
    if (!same.has(key)) assert.notEqual(ru[key], key, `ru untranslated: ${key}`);
  }
});

void test('phases keep their API names in code spans, in both languages (glossary)', () => {
  const ru = bundle('bundle.l10n.ru.json');
  const phase = /`?\b(Pending|Bound|Lost|Released|Available|Failed)\b`?/g;
  for (const key of Object.values(english)) {
    for (const text of [key, ru[key]!]) {
      for (const m of text.matchAll(phase))
        assert.ok(m[0].startsWith('`') && m[0].endsWith('`'), `${m[1]} in code font: ${text}`);
    }
  }
});
