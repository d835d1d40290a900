import type { Lang, LocalizedText } from '../types';

export type Params = Record<string, string | number>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so tests catch it. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function localize(text: LocalizedText, params?: Params): LocalizedText {
  return { en: fill(text.en, params), ru: fill(text.ru, params) };
}

export function resolveLang(setting: string | undefined, locale: string | undefined): Lang {
  if (setting === 'en' || setting === 'ru') return setting;
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
