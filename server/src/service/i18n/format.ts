import type { Lang, LocalizedText } from '../types';

export type Params = Record<string, string | number>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so tests catch it. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** A parameter may differ per language: a number or a size written as each language does. */
export type LocalizedParams = Record<string, string | number | LocalizedText>;

function paramsIn(params: LocalizedParams | undefined, lang: Lang): Params | undefined {
  if (!params) return undefined;
  const out: Params = {};
  for (const [key, value] of Object.entries(params))
    out[key] = typeof value === 'object' ? value[lang] : value;
  return out;
}

export function localize(text: LocalizedText, params?: LocalizedParams): LocalizedText {
  return { en: fill(text.en, paramsIn(params, 'en')), ru: fill(text.ru, paramsIn(params, 'ru')) };
}

/** Texts one after the other, in each language (a message and its hint). */
export function joinTexts(...parts: readonly LocalizedText[]): LocalizedText {
  return { en: parts.map((p) => p.en).join(''), ru: parts.map((p) => p.ru).join('') };
}

/**
 * A whole message put after a colon ("In the rendered chart (…): {message}"). Russian goes on in
 * lower case after a colon: «…: в Kubernetes 1.36 …». Only a Cyrillic first word written as the
 * start of a sentence (`В`, `Том`) is lowered; a name (`StatefulSet`, `API-сервер`, a code span)
 * stays as written. English keeps the capital of a full sentence after a colon: its first word
 * is as often a kind (`Pod`, `Service`) as a plain word.
 */
export function afterColon(message: LocalizedText): LocalizedText {
  return { en: message.en, ru: message.ru.replace(/^[А-ЯЁ](?=[а-яё]*(?![А-Яа-яЁё]))/, lowerFirst) };
}

const lowerFirst = (letter: string): string => letter.toLowerCase();

export function resolveLang(setting: string | undefined, locale: string | undefined): Lang {
  if (setting === 'en' || setting === 'ru') return setting;
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
