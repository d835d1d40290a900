/**
 * The language of the client's own texts (commands' messages, the webviews' labels), one resolver
 * for all: the `kubeStorage.language` setting when it names a language, else VS Code's display
 * language. Texts are keyed by their English source (the `l10n/bundle.l10n*.json` convention of
 * `vscode.l10n.t`); the Russian table is read directly, so the setting wins over the display
 * language (`vscode.l10n.t` knows only the latter). No `vscode` import: unit-tested under Node;
 * index.ts reads the setting and the display language.
 */
import ruBundle from '../../../l10n/bundle.l10n.ru.json';
import type { Lang } from '../../../server/src/protocol';

/** The language of the display language tag (`ru`, `ru-RU`, `en-US`, `de`…): Russian or English. */
export function displayLang(displayLanguage: string): Lang {
  return displayLanguage.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** `kubeStorage.language` (`auto`, `en`, `ru`, anything) over the display language. */
export function resolveUiLang(setting: unknown, displayLanguage: string): Lang {
  return setting === 'en' || setting === 'ru' ? setting : displayLang(displayLanguage);
}

/**
 * The translation table of `lang` for a webview's `@vscode/l10n` (English source → text): empty
 * for English, whose keys are the texts.
 */
export function l10nTable(lang: Lang): Record<string, string> {
  return lang === 'ru' ? { ...(ruBundle as Record<string, string>) } : {};
}

/** `vscode.l10n.t` in a given language: `{0}`, `{1}`… replaced by the arguments. */
export function translate(lang: Lang, key: string, ...args: (string | number)[]): string {
  const text = lang === 'ru' ? ((ruBundle as Record<string, string>)[key] ?? key) : key;
  return text.replace(/\{(\d+)\}/g, (whole, i: string) =>
    Number(i) < args.length ? String(args[Number(i)]) : whole,
  );
}

/** The `l10n.t` of one language (named so `npm run l10n` finds its literal keys). */
export interface UiL10n {
  lang: Lang;
  t(key: string, ...args: (string | number)[]): string;
}

export function uiL10n(lang: Lang): UiL10n {
  return { lang, t: (key, ...args) => translate(lang, key, ...args) };
}
