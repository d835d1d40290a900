/**
 * Where the cursor is in YAML that is usually half-typed: on a key of which mapping, or on the
 * value of which key. Read from the text around the cursor (indentation, the keys above, flow
 * brackets on the line), not from the parsed tree, which broken YAML would mislead.
 */
import { flowSite } from './flowSite';
import {
  inComment,
  parentPath,
  siblingKeys,
  unquote,
  wordEnd,
  type LineToken,
} from './lineStructure';
import type { KeySite, Site, ValueSite } from './types';

/** The site at a cursor, or undefined where nothing can be completed (comments, block text). */
export function cursorSiteAt(
  lines: readonly string[],
  line: number,
  character: number,
): Site | undefined {
  const text = lines[line] ?? '';
  const prefix = text.slice(0, character);
  if (/^(---|\.\.\.)(\s|$)/.test(prefix)) return undefined;
  if (inComment(prefix)) return undefined;
  const flow = flowSite(lines, line, prefix, text, character);
  if (flow !== null) return flow;

  let i = 0;
  while (i < prefix.length && prefix[i] === ' ') i++;
  const pending: LineToken[] = [];
  for (;;) {
    if (prefix[i] === '-' && (i + 1 === prefix.length || prefix[i + 1] === ' ')) {
      if (i + 1 === prefix.length) return undefined; // `-|`: a space must come first
      pending.push({ type: 'dash', col: i });
      i++;
      while (i < prefix.length && prefix[i] === ' ') i++;
      continue;
    }
    break;
  }
  const rest = prefix.slice(i);
  const keyMatch = /^((?:"[^"]*"|'[^']*'|[^\s#'"{}[\],:][^#:]*?))\s*:(\s*)(.*)$/.exec(rest);
  if (keyMatch) {
    const key = unquote(keyMatch[1]!.trim());
    const valueText = keyMatch[3]!;
    if (/^[|>]/.test(valueText) || valueText.startsWith('&') || valueText.startsWith('*')) {
      return undefined;
    }
    const base = parentPath(lines, line - 1, i, pending);
    if (!base) return undefined;
    const valueStart = character - valueText.length;
    const quote = valueText.startsWith('"') ? '"' : valueText.startsWith("'") ? "'" : undefined;
    return {
      type: 'value',
      path: [...base, key],
      start: valueStart,
      end: wordEnd(text, character, !!quote),
      prefix: quote ? valueText.slice(1) : valueText,
      flow: false,
      quote,
      lead: keyMatch[2] === '' ? ' ' : '',
    };
  }
  if (/[\s:]/.test(rest.trimEnd()) && rest.trim() !== '') return undefined; // free text, not a key
  const column = rest === '' && pending.length === 0 ? character : i;
  const base = parentPath(lines, line - 1, column, pending);
  if (!base) return undefined;
  const end = wordEnd(text, character, false);
  const after = text.slice(end);
  return {
    type: 'key',
    path: base,
    column,
    start: i <= character ? i : character,
    end,
    prefix: rest,
    siblings: siblingKeys(lines, line, column, pending.length > 0),
    flow: false,
    hasColon: /^\s*:/.test(after),
  };
}

/** For a list item (`- x`) the same site seen as a value of the list. */
export function asItemValue(
  site: KeySite,
  lines: readonly string[],
  line: number,
): ValueSite | undefined {
  const text = lines[line] ?? '';
  if (!/^\s*-\s/.test(text.slice(0, site.column))) return undefined;
  const last = site.path[site.path.length - 1];
  if (last !== 0) return undefined;
  const quote = site.prefix.startsWith('"') ? '"' : site.prefix.startsWith("'") ? "'" : undefined;
  return {
    type: 'value',
    path: site.path,
    start: site.start,
    end: site.end,
    prefix: quote ? site.prefix.slice(1) : site.prefix,
    flow: false,
    quote,
    lead: '',
  };
}
