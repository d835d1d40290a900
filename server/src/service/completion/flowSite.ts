/**
 * The cursor inside a flow collection (`{ }` or `[ ]`) on its line: the key or value being typed,
 * the path of the collection, the keys already written in it.
 */
import type { YamlPath } from '../parse/nodes';
import { lineTokens, parentPath, unquote, wordEnd } from './lineStructure';
import type { Site } from './types';

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
export function flowSite(
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
  const stack = openFlowLevels(prefix, open, base);
  if (!stack) return undefined;
  const top = stack[stack.length - 1];
  if (!top) return null;
  return siteInLevel(top, prefix, text, character);
}

/**
 * The flow collections still open at the end of `prefix`, read from the bracket at `open`
 * (the innermost last); undefined when the outermost one closed before the cursor.
 */
function openFlowLevels(prefix: string, open: number, base: YamlPath): FlowLevel[] | undefined {
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
  return stack;
}

/** The key or value typed at the cursor in the innermost open collection `top`. */
function siteInLevel(top: FlowLevel, prefix: string, text: string, character: number): Site {
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
