/**
 * Limits that keep hostile YAML from freezing or crashing the service. The `yaml` package
 * composes nested collections recursively: a few thousand `[` in a row exhaust the stack (it
 * reports that as an error, but only after seconds of work), and our own walkers, ajv and the
 * rules recurse too. Real manifests nest a few dozen levels at most, so a chunk nested deeper
 * than `MAX_NESTING_DEPTH` is not parsed at all: it gets one clear diagnostic instead.
 */

/** Deeper nesting than this (flow brackets, or compact `- - -` on one line) is refused. */
export const MAX_NESTING_DEPTH = 256;

/**
 * The offset where flow collections (`[`, `{`) or compact block sequences (`- - - x`) nest
 * deeper than `max`, or undefined. Quoted strings inside flow collections and comments are
 * skipped. The scan is linear and allocation-free, so it costs nothing on ordinary files.
 */
export function excessiveNesting(text: string, max = MAX_NESTING_DEPTH): number | undefined {
  if (cannotNestDeeper(text, max)) return undefined;
  let depth = 0;
  let lineStart = true;
  let compact = 0; // `- ` / `? ` indicators seen at the start of the current line
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lineStart = true;
      compact = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 /* space */ || c === 9 /* tab */) continue;
      const next = text.charCodeAt(i + 1);
      if ((c === 45 /* - */ || c === 63) /* ? */ && (next === 32 || next === 9)) {
        if (++compact > max) return i;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (c === 35 /* # */ && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      i = endOfLine(text, i) - 1;
      continue;
    }
    if (depth > 0 && (c === 34 /* " */ || c === 39) /* ' */) {
      i = endOfQuoted(text, i, c) - 1;
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/**
 * True when the text is too plain to nest deeper than `max`: each flow level opens a bracket, and
 * each compact level takes two characters (`- `) of one line. Native searches, so the character
 * walk below runs only on the rare chunk with many brackets or a very long line.
 */
function cannotNestDeeper(text: string, max: number): boolean {
  let brackets = 0;
  for (const open of ['[', '{']) {
    for (let i = text.indexOf(open); i !== -1; i = text.indexOf(open, i + 1)) {
      if (++brackets > max) return false;
    }
  }
  for (let start = 0; start < text.length;) {
    const end = endOfLine(text, start);
    if (end - start > 2 * max) return false;
    start = end + 1;
  }
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function endOfLine(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n === -1 ? text.length : n;
}

/** The offset just after the closing quote (or the end of the text when it never closes). */
function endOfQuoted(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) {
        i++; // '' is an escaped quote in single-quoted scalars
        continue;
      }
      return i + 1;
    }
  }
  return text.length;
}
