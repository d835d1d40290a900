/**
 * The chart's comments as documentation. Chart authors write docs as comment lines above a key
 * (`#`, `##`, helm-docs `# --`, readme-generator `## @param`), sometimes after the value, and
 * show optional keys as commented-out YAML (`# storageClass: "-"`). Lines are classified once,
 * then each key takes the comment block right above it. A code sample inside the docs (after an
 * reStructuredText `.. code-block::` or `Example::` line, or between Markdown fences) is part of
 * the docs: its keys are written relative to whatever the prose talks about, not commented out
 * where they stand.
 */

export type CommentLineKind = 'doc' | 'example-key' | 'example-more';

export interface CommentLine {
  kind: CommentLineKind;
  /** Column of `#`. */
  column: number;
}

export interface CommentedKey {
  line: number;
  /** Column of the `#`. */
  column: number;
  /**
   * The column the key had before it was commented out, which places it among its siblings.
   * `# key:` (one space or none) keeps the key's column at the `#`, as editors comment out a
   * line; `#  key:` (two spaces or more) was commented out by putting `#` in front of the
   * indentation (often at column 0), so the key text, one column back, keeps it.
   */
  keyColumn: number;
  key: string;
  /** The commented-out YAML, markers removed (several lines for a commented block). */
  example: string;
  /** The value part of the first line, e.g. `"-"`; '' when none. */
  value: string;
}

const COMMENT = /^(\s*)#/;
/**
 * A single `#`, then a YAML key (starting in lower case, as chart values do) and a colon. A key
 * may have dots inside, as the file names of a config map do (`elasticsearch.yml: |`), but not at
 * its end, where they are abbreviations of prose (`e.g.:`).
 */
const COMMENTED_KEY = /^(\s*)#(\s*)([a-z_](?:[\w.-]*[\w-])?|"[^"]+"):(?:\s+(.*?))?\s*$/;
const PROSE_WORDS = new Set([
  'ref',
  'note',
  'eg',
  'example',
  'default',
  'see',
  'todo',
  'warning',
  'http',
  'https',
  'also',
  'optional',
  'required',
]);

/** The text after the comment marker opens a literal block (reStructuredText) or is a Markdown fence. */
const SAMPLE_OPENER = /^\.\.\s+(?:code-block|code|sourcecode)::|::$/;
const FENCE = /^(```|~~~)/;

interface CodeSample {
  column: number;
  /** Indentation of the opening line's text; the sample's lines are indented deeper. */
  indent: number;
  fenced: boolean;
}

/**
 * Whether a comment line (its text after the markers) belongs to the code sample: a
 * reStructuredText literal block goes on while lines are blank or indented deeper than its
 * opener; a fenced block up to and including its closing fence.
 */
function inCodeSample(sample: CodeSample, column: number, text: string): boolean {
  if (column !== sample.column) return false;
  if (sample.fenced) return true;
  const indent = text.length - text.trimStart().length;
  return text.trim() === '' || indent > sample.indent;
}

/** The code sample a documentation line opens, if it is an opener. */
function codeSampleOpened(column: number, text: string): CodeSample | undefined {
  const trimmed = text.trim();
  const fenced = FENCE.test(trimmed);
  if (!fenced && !SAMPLE_OPENER.test(trimmed)) return undefined;
  return { column, indent: text.length - text.trimStart().length, fenced };
}

/** The value part after a commented-out key's colon, without a comment after it (`## note`). */
function valuePart(rest: string | undefined): string {
  return (rest ?? '').replace(/(^|\s+)#.*$/, '');
}

function isPlausibleValue(rest: string | undefined): boolean {
  const value = valuePart(rest);
  if (value === '') return true;
  if (/^(["']).*\1$/.test(value)) return true;
  if (/^[[{]/.test(value)) return true;
  if (/^[|>][-+]?\d*$/.test(value)) return true;
  return !/\s/.test(value);
}

/** Classifies every comment line of a values file; lines inside block scalars must be given in `skip`. */
export function classifyComments(
  lines: readonly string[],
  skip: ReadonlySet<number>,
): { kinds: Map<number, CommentLine>; keys: CommentedKey[] } {
  const kinds = new Map<number, CommentLine>();
  const keys: CommentedKey[] = [];
  let open: { key: CommentedKey; innerIndent: number } | undefined;
  /** A commented-out list (`#  - name: x`): lines indented deeper belong to its items. */
  let list: { column: number; innerIndent: number } | undefined;
  let sample: CodeSample | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = COMMENT.exec(line);
    if (!m || skip.has(i)) {
      open = undefined;
      list = undefined;
      sample = undefined;
      continue;
    }
    const column = m[1]!.length;
    const after = line.slice(column + 1);
    const text = after.replace(/^#+/, '');
    if (sample && inCodeSample(sample, column, text)) {
      if (sample.fenced && FENCE.test(text.trim())) sample = undefined;
      kinds.set(i, { kind: 'doc', column });
      continue;
    }
    sample = undefined;
    const single = !after.startsWith('#');
    const innerIndent = after.length - after.trimStart().length;
    // Deeper than the open key's text, with the `#` in its column (`#   type: ssd`) or indented
    // with its text (`  # type: ssd` under `# storageClass:`): the key's value, commented out too.
    const deeper = open ? column + innerIndent - (open.key.column + open.innerIndent) : 0;
    if (open && single && column >= open.key.column && deeper > 0 && after.trim() !== '') {
      kinds.set(i, { kind: 'example-more', column });
      // `# ...`: the rest is left out, not a value of three dots.
      if (!/^(\.\.\.|…)$/.test(after.trim()))
        open.key.example += '\n' + ' '.repeat(deeper) + after.trimStart();
      continue;
    }
    open = undefined;
    if (list && single && column === list.column && innerIndent > list.innerIndent) {
      kinds.set(i, { kind: 'example-more', column });
      continue;
    }
    list = undefined;
    if (single && /^-\s/.test(after.trimStart())) {
      list = { column, innerIndent };
      kinds.set(i, { kind: 'example-more', column });
      continue;
    }
    const k = COMMENTED_KEY.exec(line);
    if (k && single && isPlausibleValue(k[4]) && !PROSE_WORDS.has(k[3]!.toLowerCase())) {
      const rawKey = k[3]!;
      const key: CommentedKey = {
        line: i,
        column,
        keyColumn: innerIndent >= 2 ? column + innerIndent : column,
        key: rawKey.startsWith('"') ? rawKey.slice(1, -1) : rawKey,
        example: after.slice(innerIndent),
        value: valuePart(k[4]),
      };
      keys.push(key);
      kinds.set(i, { kind: 'example-key', column });
      open = { key, innerIndent };
      continue;
    }
    kinds.set(i, { kind: 'doc', column });
    sample = codeSampleOpened(column, text);
  }
  return { kinds, keys };
}

/** The documentation block right above `line`: contiguous doc comments, stopping at a blank line, YAML or an example. */
export function docAbove(
  lines: readonly string[],
  kinds: ReadonlyMap<number, CommentLine>,
  line: number,
): string | undefined {
  const collected: string[] = [];
  for (let i = line - 1; i >= 0; i--) {
    const kind = kinds.get(i);
    if (!kind || kind.kind !== 'doc') break;
    collected.unshift(lines[i]!);
  }
  return cleanComment(collected);
}

/** Removes comment markers and decorations; '' lines inside are kept as paragraph breaks. */
export function cleanComment(raw: readonly string[]): string | undefined {
  const out: string[] = [];
  for (const line of raw) {
    let text = line.trim().replace(/^#+/, '');
    if (text.startsWith(' ')) text = text.slice(1);
    text = text.trimEnd();
    if (/^--\s/.test(text) || text === '--') text = text.slice(2).trimStart();
    const param = /^@param\s+\S+\s*(.*)$/.exec(text);
    if (param) text = param[1]!;
    else if (/^@(section|skip|extra|descriptionStart|descriptionEnd)\b/.test(text)) continue;
    if (/^[-=#*]{3,}$/.test(text)) continue;
    out.push(text);
  }
  while (out.length && out[0] === '') out.shift();
  while (out.length && out[out.length - 1] === '') out.pop();
  const joined = out.join('\n').replace(/\n{3,}/g, '\n\n');
  return joined || undefined;
}

/** The comment after a value on one line (`size: 8Gi  # per pod`), outside quotes; from `fromColumn`. */
export function trailingComment(lineText: string, fromColumn: number): string | undefined {
  let quote: string | undefined;
  for (let i = fromColumn; i < lineText.length; i++) {
    const c = lineText[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && (i === fromColumn || /[\s[{,]/.test(lineText[i - 1]!))) {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(lineText[i - 1]!))) {
      return cleanComment([lineText.slice(i)]);
    }
  }
  return undefined;
}
