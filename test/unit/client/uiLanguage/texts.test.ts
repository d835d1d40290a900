/** One resolver for the client's language: the setting over VS Code's display language. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  displayLang,
  l10nTable,
  resolveUiLang,
  translate,
  uiL10n,
} from '../../../../client/src/uiLanguage/texts';

void test('the setting wins when it names a language; auto and anything else follow VS Code', () => {
  assert.equal(resolveUiLang('ru', 'en'), 'ru');
  assert.equal(resolveUiLang('en', 'ru'), 'en');
  assert.equal(resolveUiLang('auto', 'ru-RU'), 'ru');
  assert.equal(resolveUiLang(undefined, 'ru'), 'ru');
  assert.equal(resolveUiLang('auto', 'de'), 'en');
  assert.equal(resolveUiLang('fr', 'en-US'), 'en');
  assert.equal(displayLang('RU'), 'ru');
  assert.equal(displayLang('pt-br'), 'en');
});

void test('texts in a language whatever the display language, with their arguments', () => {
  assert.equal(translate('ru', 'Helm failed: {0}', 'exit 1'), 'Ошибка helm: exit 1');
  assert.equal(translate('en', 'Helm failed: {0}', 'exit 1'), 'Helm failed: exit 1');
  assert.equal(uiL10n('ru').t('Helm values: {0}', 'keeper'), 'Значения Helm: keeper');
  // A text without a translation stays English; a missing argument stays visible.
  assert.equal(translate('ru', 'Not a key {0} {1}', 1), 'Not a key 1 {1}');
});

void test("a webview's table: the Russian bundle, or empty for English", () => {
  assert.equal(l10nTable('ru')['Copy storage block'], 'Скопировать блок хранилища');
  assert.deepEqual(l10nTable('en'), {});
  // A copy: a webview message cannot change the bundle.
  l10nTable('ru')['Copy storage block'] = 'x';
  assert.equal(l10nTable('ru')['Copy storage block'], 'Скопировать блок хранилища');
});
