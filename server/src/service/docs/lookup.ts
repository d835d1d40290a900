/** Lookups over the bilingual docs catalog: field texts, enum value texts, definition texts. */
import type { Lang } from '../types';
import { catalog } from './catalog';

export interface FieldDoc {
  /** Markdown. */
  text: string;
  /** Official Kubernetes docs page: the field's own `<field>$link`, else its definition's `$link`. */
  link?: string;
}

/** The fallback entry for fields every object has (`apiVersion`, `kind`). */
export const ANY_DEFINITION = '*';

/** The text of a field of a definition, else of the `'*'` fallback entry. */
export function getFieldDoc(definition: string, field: string, lang: Lang): FieldDoc | undefined {
  const docs = catalog(lang);
  for (const name of [definition, ANY_DEFINITION]) {
    const entry = docs[name];
    const text = entry?.[field];
    if (text !== undefined && ownKey(entry!, field)) {
      return { text, link: entry![`${field}$link`] ?? entry!.$link };
    }
  }
  return undefined;
}

/** The text of one value of a field (an enum value), e.g. `accessModes=ReadWriteOnce`. */
export function getValueDoc(
  definition: string,
  field: string,
  value: string,
  lang: Lang,
): string | undefined {
  const docs = catalog(lang);
  const key = `${field}=${value}`;
  for (const name of [definition, ANY_DEFINITION]) {
    const entry = docs[name];
    if (entry && ownKey(entry, key)) return entry[key];
  }
  return undefined;
}

/** The text about a definition itself (`$type`): for kinds, what the object is and who creates it. */
export function getTypeDoc(definition: string, lang: Lang): string | undefined {
  const entry = catalog(lang)[definition];
  return entry && ownKey(entry, '$type') ? entry.$type : undefined;
}

/** The official docs page of a definition (`$link`), if the texts give one. */
export function getTypeLink(definition: string, lang: Lang): string | undefined {
  const entry = catalog(lang)[definition];
  return entry && ownKey(entry, '$link') ? entry.$link : undefined;
}

function ownKey(entry: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(entry, key);
}
