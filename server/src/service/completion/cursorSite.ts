/**
 * Where the cursor is in YAML that is usually half-typed: on a key of which mapping, or on the
 * value of which key. Read from the text around the cursor (indentation, the keys above, flow
 * brackets on the line), not from the parsed tree, which broken YAML would mislead.
 */
import type { YamlPath } from '../parse/nodes';

export interface LineToken {
  type: 'dash' | 'key';
  col: number;
  key?: string;
  /** The key's value starts a block scalar (`|`, `>`): lines below are text, not YAML. */
  block?: boolean;
}

export interface KeySite {
  type: 'key';
  /** Path of the mapping whose key is being typed (sequence items are index 0). */
  path: YamlPath;
  /** Column of the key. */
  column: number;
  /** Range on the cursor line to replace: [start, end) characters. */
  start: number;
  end: number;
  prefix: string;
  /** Keys already present in this mapping. */
  siblings: Set<string>;
  flow: boolean;
  /** The key already has `:` after it (the user edits an existing key's name). */
  hasColon: boolean;
}

export interface ValueSite {
  type: 'value';
  /** Path of the value (the key, or index 0 for a list item). */
  path: YamlPath;
  start: number;
  end: number;
  prefix: string;
  flow: boolean;
  /** The value was started with a quote. */
  quote?: '"' | "'";
  /** Text to put before the value (a space after `key:`). */
  lead: string;
}

export type Site = KeySite | ValueSite;

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#'"{}[\],&*!|>%@`-][^#]*?|-[^\s#][^#]*?))\s*:(?:\s+(.*))?$/;

/** The structure a line starts with: its dashes and first key. */
export function lineTokens(line: string): LineToken[] {
  const tokens: LineToken[] = [];
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#') return tokens;
  if (i === 0 && (line.startsWith('---') || line.startsWith('...'))) {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) return tokens;
  }
  for (;;) {
    if (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
      tokens.push({ type: 'dash', col: i });
      i++;
      while (i < line.length && line[i] === ' ') i++;
      continue;
    }
    break;
  }
  const rest = stripComment(line.slice(i)).trimEnd();
  const m = KEY.exec(rest);
  if (m) {
    const value = (m[2] ?? '').trim();
    tokens.push({
      type: 'key',
      col: i,
      key: unquote(m[1]!.trim()),
      block: /^[|>][-+0-9]*$/.test(value),
    });
  }
  return tokens;
}

/**
 * Where a `#` comment starts in `text` (outside quotes, at the start or after a character that
 * `separates`), or -1.
 */
function commentStart(text: string, separates: (c: string) => boolean): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || separates(text[i - 1]!))) {
      return i;
    }
  }
  return -1;
}

function stripComment(text: string): string {
  const at = commentStart(text, (c) => c === ' ');
  return at < 0 ? text : text.slice(0, at);
}

function unquote(key: string): string {
  if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) {
    return key.slice(1, -1);
  }
  return key;
}

/**
 * The path of the mapping whose keys sit at `column`, reading lines upward from `fromLine`.
 * `pending` are tokens on the cursor line left of the cursor (dashes of a new item).
 * Returns undefined inside a block scalar.
 */
export function parentPath(
  lines: readonly string[],
  fromLine: number,
  column: number,
  pending: LineToken[] = [],
): YamlPath | undefined {
  const path: YamlPath = [];
  let need = column;
  let mode = 'map' as 'map' | 'seq'; // widened: the closure below changes it
  const step = (tokens: LineToken[]): boolean | undefined => {
    // returns undefined for "block scalar", true when a token was consumed
    for (;;) {
      let chosen: LineToken | undefined;
      for (const t of tokens) {
        if (mode === 'map' ? t.col < need : t.col < need || (t.type === 'key' && t.col === need)) {
          chosen = t;
        }
      }
      if (!chosen) return false;
      if (chosen.type === 'key') {
        if (chosen.block) return undefined;
        path.unshift(chosen.key!);
        mode = 'map';
      } else {
        path.unshift(0);
        mode = 'seq';
      }
      need = chosen.col;
      tokens = tokens.filter((t) => t.col < chosen.col);
    }
  };
  if (step(pending) === undefined) return undefined;
  for (let l = fromLine; l >= 0 && (need > 0 || mode === 'seq'); l--) {
    const tokens = lineTokens(lines[l] ?? '');
    if (tokens.length === 0) continue;
    if (step(tokens) === undefined) return undefined;
  }
  // When nothing above holds the indentation, the mapping is taken as the root.
  return path;
}

/** Keys at `column` in the same mapping as the cursor line (not counting the cursor line). */
export function siblingKeys(
  lines: readonly string[],
  line: number,
  column: number,
  newItem: boolean,
): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, dir: 1 | -1): void => {
    for (let l = from; l >= 0 && l < lines.length; l += dir) {
      const tokens = lineTokens(lines[l]!);
      if (tokens.length === 0) continue;
      const left = tokens.some((t) => t.col < column);
      // Downward, a token left of the column ends the mapping (e.g. the next item's dash);
      // upward, that line is our item's first line: its key still counts.
      if (left && dir === 1) return;
      const key = tokens.find((t) => t.type === 'key' && t.col === column);
      if (key) keys.add(key.key!);
      if (left) return;
    }
  };
  if (!newItem) scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}

/** The site at a cursor, or undefined where nothing can be completed (comments, block text). */
export function analyse(
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

function wordEnd(text: string, from: number, quoted: boolean): number {
  let end = from;
  const stop = quoted ? /["'\n]/ : /[\s:,\]}#]/;
  while (end < text.length && !stop.test(text[end]!)) end++;
  if (quoted && (text[end] === '"' || text[end] === "'")) end++;
  return end;
}

function inComment(prefix: string): boolean {
  return commentStart(prefix, (c) => /\s/.test(c)) >= 0;
}

interface FlowLevel {
  bracket: '{' | '[';
  path: YamlPath;
  segment: string;
  key?: string;
  afterColon: boolean;
  keys: Set<string>;
  segmentStart: number;
}

/**
 * A cursor inside `{ }` or `[ ]` on its line. Returns null when the cursor is not in flow style,
 * undefined when it is but nothing can be offered.
 */
function flowSite(
  lines: readonly string[],
  line: number,
  prefix: string,
  text: string,
  character: number,
): Site | undefined | null {
  const open = firstFlowBracket(prefix);
  if (open === -1) return null;
  const before = prefix.slice(0, open);
  const tokens = lineTokens(before);
  const dashes = tokens.filter((t) => t.type === 'dash');
  const keyToken = tokens.find((t) => t.type === 'key');
  let base = parentPath(lines, line - 1, keyToken ? keyToken.col : open, dashes);
  if (!base) return undefined;
  if (keyToken) base = [...base, keyToken.key!];
  const stack: FlowLevel[] = [];
  let quote: string | undefined;
  for (let i = open; i < prefix.length; i++) {
    const c = prefix[i]!;
    const top = stack[stack.length - 1];
    if (quote) {
      if (c === quote) quote = undefined;
      if (top) top.segment += c;
      continue;
    }
    if (c === '{' || c === '[') {
      const path = top ? [...top.path, top.bracket === '{' ? (top.key ?? '') : 0] : base;
      stack.push({
        bracket: c,
        path,
        segment: '',
        afterColon: false,
        keys: new Set(),
        segmentStart: i + 1,
      });
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) return undefined;
    } else if (c === ',') {
      if (top) {
        if (top.bracket === '{' && top.key) top.keys.add(top.key);
        else if (top.bracket === '{' && top.segment.trim()) top.keys.add(top.segment.trim());
        top.segment = '';
        top.key = undefined;
        top.afterColon = false;
        top.segmentStart = i + 1;
      }
    } else if (
      c === ':' &&
      top?.bracket === '{' &&
      !top.afterColon &&
      /[\s{[]|^$/.test(prefix[i + 1] ?? '')
    ) {
      top.key = unquote(top.segment.trim());
      top.afterColon = true;
      top.segment = '';
      top.segmentStart = i + 1;
    } else if (top) {
      if ((c === '"' || c === "'") && top.segment.trim() === '') quote = c;
      top.segment += c;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return null;
  // Keys written after the cursor in the same mapping are present too.
  if (top.bracket === '{') {
    for (const m of text
      .slice(character)
      .split(/[}\]]/)[0]!
      .matchAll(/([\w.-]+)\s*:/g))
      top.keys.add(m[1]!);
  }
  const seg = top.segment.replace(/^\s+/, '');
  const start = character - seg.length;
  const q = seg.startsWith('"') ? '"' : seg.startsWith("'") ? "'" : undefined;
  if (top.bracket === '{' && !top.afterColon) {
    return {
      type: 'key',
      path: top.path,
      column: start,
      start,
      end: wordEnd(text, character, false),
      prefix: seg,
      siblings: top.keys,
      flow: true,
      hasColon: /^\s*:/.test(text.slice(wordEnd(text, character, false))),
    };
  }
  return {
    type: 'value',
    path: top.bracket === '{' ? [...top.path, top.key ?? ''] : [...top.path, 0],
    start,
    end: wordEnd(text, character, !!q),
    prefix: q ? seg.slice(1) : seg,
    flow: true,
    quote: q,
    lead: top.bracket === '{' && !/\s$/.test(prefix) && seg === '' ? ' ' : '',
  };
}

function firstFlowBracket(prefix: string): number {
  let quote: string | undefined;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '{' || c === '[') {
      // A flow collection starts a value: after `key: `, after `- `, or at the line's start.
      const before = prefix.slice(0, i);
      if (/(^|:\s+|-\s+|^\s*)$/.test(before) || /^\s*$/.test(before)) return i;
    } else if (c === '#' && (i === 0 || prefix[i - 1] === ' ')) {
      return -1;
    }
  }
  return -1;
}
