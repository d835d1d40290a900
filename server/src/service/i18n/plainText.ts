/**
 * Our messages are written with Markdown code spans (`` `accessModes` ``). Hovers render them;
 * most other surfaces do not: VS Code shows diagnostics, code-action titles, completion details,
 * notifications and quick picks as plain text, and so are the CLI's text report and SARIF's
 * `text` fields. Those surfaces turn code spans into quotes of the language (docs/glossary.md):
 * English “accessModes”, Russian «accessModes». Webviews render the spans as `<code>` through
 * `codeSpans` (text nodes only, never markup).
 *
 * No imports besides types: the webviews bundle this module too.
 */
import type { Lang, LocalizedText } from '../types';

export const QUOTES: Record<Lang, readonly [open: string, close: string]> = {
  en: ['“', '”'],
  ru: ['«', '»'],
};

export interface TextPart {
  text: string;
  /** True for the content of a code span (a name, a value, a command). */
  code: boolean;
}

/** A run of backticks, the span's content (lazy), and the same run closing it (CommonMark). */
const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;

/**
 * The prose and code spans of a Markdown text, in order. A lone backtick (one without a closing
 * run, e.g. in a name taken from the user's file) stays prose. CommonMark trims one space on each
 * side of a span's content when both are there (`` ` `x` ` `` is the way to write a backtick).
 */
export function codeSpans(markdown: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of markdown.matchAll(CODE_SPAN)) {
    const start = match.index;
    if (start > last) parts.push({ text: markdown.slice(last, start), code: false });
    let content = match[2]!;
    if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim())
      content = content.slice(1, -1);
    parts.push({ text: content, code: true });
    last = start + match[0].length;
  }
  if (last < markdown.length) parts.push({ text: markdown.slice(last), code: false });
  return parts;
}

/** The text for a plain-text surface: every code span becomes a quoted name of the language. */
export function plainText(markdown: string, lang: Lang): string {
  if (!markdown.includes('`')) return markdown;
  const [open, close] = QUOTES[lang];
  return codeSpans(markdown)
    .map((p) => (p.code ? open + p.text + close : p.text))
    .join('');
}

/** Both languages of a text, each for a plain-text surface. */
export function plainTexts(text: LocalizedText): LocalizedText {
  return { en: plainText(text.en, 'en'), ru: plainText(text.ru, 'ru') };
}
