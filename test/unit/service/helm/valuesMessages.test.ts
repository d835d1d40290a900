import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  helmLabels,
  helmMessages,
  storageExplanations,
  valueTypeNames,
} from '../../../../server/src/service/helm/valuesMessages';
import { chartSourceMessages } from '../../../../server/src/node/charts/chartSourceMessages';
import { glossaryProblems } from '../../l10n/glossary';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

void test('every Helm message exists in both languages with the same placeholders and code spans', () => {
  for (const [name, text] of Object.entries({
    ...helmMessages,
    ...helmLabels,
    ...storageExplanations,
    ...valueTypeNames,
  })) {
    assert.ok(text.en.trim() && text.ru.trim(), name);
    assert.deepEqual(placeholders(text.ru), placeholders(text.en), name);
    const code = (s: string) =>
      (s.match(/`[^`]+`/g) ?? []).filter((c) => !/[а-яё<]/i.test(c)).sort();
    assert.deepEqual(code(text.ru), code(text.en), `${name}: code spans`);
    assert.doesNotMatch(text.ru, /\bимеет место\b/, name);
  }
});

void test('the Russian texts of the Helm model and chart sources follow the glossary', () => {
  const all = { ...helmMessages, ...helmLabels, ...storageExplanations, ...chartSourceMessages };
  for (const [name, text] of Object.entries(all)) {
    assert.deepEqual(glossaryProblems(name, text.ru), [], `${name}: ${text.ru}`);
  }
});
