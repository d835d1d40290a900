/**
 * UI strings of the binding preview. Keys are the English texts (the `l10n/bundle.l10n*.json`
 * convention); `vscode.l10n.t` translates them into VS Code's display language. When the
 * `kubeStorage.language` setting asks for another language than the display language, the
 * Russian bundle is read directly (English needs no bundle).
 */
import * as vscode from 'vscode';
import ruBundle from '../../../l10n/bundle.l10n.ru.json';
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';
import { english } from './uiText';

export type Lang = 'en' | 'ru';

/** The preview's language: the setting, else VS Code's display language. */
export function resolveUiLang(): Lang {
  const setting = vscode.workspace.getConfiguration('kubeStorage').get<string>('language');
  if (setting === 'en' || setting === 'ru') return setting;
  return vscode.env.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function uiStrings(lang: Lang): UiStrings {
  const display: Lang = vscode.env.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  const bundle = ruBundle as Record<string, string>;
  const t = (key: string): string =>
    lang === display ? vscode.l10n.t(key) : lang === 'ru' ? (bundle[key] ?? key) : key;
  const out = {} as UiStrings;
  for (const [name, key] of Object.entries(english) as [keyof UiStrings, string][])
    out[name] = t(key);
  return out;
}
