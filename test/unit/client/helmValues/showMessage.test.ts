/**
 * The inspector's labels follow `kubeStorage.language` like its rows: with the setting on `ru`
 * and VS Code in English the webview gets the Russian table (it used to get VS Code's, none).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HelmInspectData } from '../../../../server/src/protocol';
import { showMessage } from '../../../../client/src/helmValues/showMessage';
import { resolveUiLang } from '../../../../client/src/uiLanguage/texts';

const data: HelmInspectData = {
  chart: { name: 'keeper' },
  sourceLabel: 'charts/keeper',
  hasSchema: false,
  defaultsText: 'persistence:\n  size: 8Gi\n',
  storageBlock: 'persistence:\n  size: 8Gi\n',
  rows: [],
  diagnostics: [],
  problems: [],
};
const state = { source: { kind: 'path', path: '/charts/keeper' } } as const;

void test('Russian labels when the setting is ru and VS Code is in English', () => {
  const message = showMessage(data, state, resolveUiLang('ru', 'en'));
  assert.equal(message.type, 'show');
  assert.ok(message.type === 'show' && message.lang === 'ru');
  assert.equal(message.l10n?.['Copy storage block'], 'Скопировать блок хранилища');
  assert.equal(message.l10n?.['Storage only'], 'Только хранилище');
});

void test('English labels when the setting is en and VS Code is in Russian', () => {
  const message = showMessage(data, state, resolveUiLang('en', 'ru-RU'));
  assert.ok(message.type === 'show' && message.lang === 'en');
  // An empty table (not none): a table set by an earlier Russian message is replaced.
  assert.deepEqual(message.l10n, {});
});
