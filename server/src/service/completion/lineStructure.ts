/**
 * The structure of YAML lines read from their text: the dashes and first key a line starts with,
 * the mapping a column belongs to (by the keys above), the keys beside it, where a comment or a
 * word ends. Half-typed YAML does not parse, so completion reads the lines themselves.
 */
import type { YamlPath } from '../parse/nodes';

export interface LineToken {
  type: 'dash' | 'key';
  col: number;
  key?: string;
  /** The key's value starts a block scalar (`|`, `>`): lines below are text, not YAML. */
  block?: boolean;
}

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

export function unquote(key: string): string {
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

/** Where the word at `from` ends (after the closing quote of a quoted one). */
export function wordEnd(text: string, from: number, quoted: boolean): number {
  let end = from;
  const stop = quoted ? /["'\n]/ : /[\s:,\]}#]/;
  while (end < text.length && !stop.test(text[end]!)) end++;
  if (quoted && (text[end] === '"' || text[end] === "'")) end++;
  return end;
}

/** `prefix` (the line left of the cursor) ends inside a comment. */
export function inComment(prefix: string): boolean {
  return commentStart(prefix, (c) => /\s/.test(c)) >= 0;
}
