/**
 * What Kubernetes' YAML reader accepts that the `yaml` package does not, and how it reads it.
 *
 * kubectl, Helm and kustomize read manifests with go-yaml (kubectl and Helm through
 * sigs.k8s.io/yaml on go-yaml v2, kustomize on go-yaml v3). Where it is more lenient than the
 * `yaml` package, a manifest Kubernetes accepts must not come out as a syntax error here:
 *
 * - Continuation lines of a quoted scalar or of a `[ ]` / `{ }` collection may sit at any
 *   column, even at or left of the key's. go-yaml does not track indentation inside them
 *   (scannerc.go: `yaml_parser_roll_indent` and `yaml_parser_unroll_indent` do nothing while
 *   `flow_level > 0`, and a quoted scalar is scanned to its closing quote whatever the lines'
 *   indentation). Old go-yaml emitters wrote long descriptions of CRDs this way, and charts write
 *   `command: [ "/bin/sh",` with the rest of the list under the key. The `yaml` package ends the
 *   scalar or collection at such a line and reports BAD_INDENT, MISSING_CHAR or
 *   MULTILINE_IMPLICIT_KEY. When it reported an error, the text is read again with those lines
 *   indented just enough (`readLeniently`); added indentation changes no value (a quoted
 *   scalar's continuation lines lose their leading blanks, and blanks separate nothing else in
 *   a collection), and the parsed positions are mapped back to the text as written.
 * - A tag go-yaml does not know (`!!string`, `!Ref`) is ignored: a scalar is read as its text
 *   (resolve.go: `if !resolvableTag(tag) { return tag, in }`), a mapping or list as written.
 * - A repeated key keeps its last value (sigs.k8s.io/yaml's `YAMLToJSON` is not strict), and
 *   kustomize (go-yaml v3's decoder) refuses the file: "mapping key … already defined".
 */
import { visit, type Document, type Node } from 'yaml';
import type { Span } from './nodes';

/** A stretch of continuation lines go-yaml reads and the `yaml` package would not. */
export interface ShallowContinuation {
  /** What continues on them: a quoted scalar, or a flow collection. */
  kind: 'quoted' | 'sequence' | 'mapping';
  /** The first shallow line, from its first character to its end (offsets in the text). */
  span: Span;
}

/** The shallow continuations each document was read with (see `readLeniently`). */
const continuations = new WeakMap<Document.Parsed, ShallowContinuation[]>();

/** The shallow continuations a document was read despite (none for most). */
export function shallowContinuations(doc: Document.Parsed): readonly ShallowContinuation[] {
  return continuations.get(doc) ?? [];
}

/** Errors that are not about the structure: a repeated key is read all the same. */
function structuralErrors(docs: readonly Document.Parsed[]): number {
  let n = 0;
  for (const doc of docs) for (const e of doc.errors) if (e.code !== 'DUPLICATE_KEY') n++;
  return n;
}

/**
 * The documents of `source` as go-yaml reads them, given the `yaml` package's `docs` of it and a
 * way to parse text. Called only when the package reported an error: unchanged documents come
 * back unless continuation lines too shallow for the package were found and reading them
 * indented leaves fewer errors. Positions of the documents read again refer to `source`.
 */
export function readLeniently(
  source: string,
  docs: Document.Parsed[],
  parse: (text: string) => Document.Parsed[],
): Document.Parsed[] {
  const before = structuralErrors(docs);
  if (before === 0) return docs;
  const found = findShallowContinuations(source);
  if (!found.length) return docs;
  const repaired = indented(source, found);
  const again = parse(repaired.text);
  if (again.length !== docs.length || structuralErrors(again) >= before) return docs;
  for (const doc of again) mapPositions(doc, repaired.original);
  for (const shallow of found) {
    const span: Span = [shallow.lines[0]!.content, lineEnd(source, shallow.lines[0]!.content)];
    const doc = again.find((d) => d.range[0] <= shallow.open && shallow.open < d.range[2]);
    if (!doc) continue;
    const list = continuations.get(doc) ?? [];
    list.push({ kind: shallow.kind, span });
    continuations.set(doc, list);
  }
  return again;
}

interface Shallow {
  kind: ShallowContinuation['kind'];
  /** Offset of the opening quote or bracket. */
  open: number;
  /** Lines to indent: where each starts and its first character, and the indentation needed. */
  lines: { start: number; content: number; pad: number }[];
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** A line break, the end of the text, or a blank: what ends an indicator such as `-` or `:`. */
function endsToken(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return Number.isNaN(c) || c === SPACE || c === TAB || c === LF || c === CR;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  const end = newline === -1 ? text.length : newline;
  return text.charCodeAt(end - 1) === CR ? end - 1 : end;
}

/** `---` or `...` at `at`, a line start: a document marker, which no scalar or collection spans. */
function isDocumentMarker(text: string, at: number): boolean {
  const three = text.slice(at, at + 3);
  return (three === '---' || three === '...') && endsToken(text, at + 3);
}

/**
 * Quoted scalars and flow collections of the block structure that span lines, with the
 * continuation lines that are not indented past the block collection holding them (the
 * `yaml` package wants them further right; go-yaml does not care). A line-by-line scan of what
 * starts a node in block context (after indentation, `- `, `? `, `key: `, properties); block
 * scalars and plain multi-line scalars are skipped. Linear in the text.
 */
export function findShallowContinuations(text: string): Shallow[] {
  const out: Shallow[] = [];
  /** Lines indented past this belong to a block scalar or a multi-line plain scalar. */
  let skipDeeperThan: number | undefined;
  let at = 0;
  while (at < text.length) {
    const start = at;
    let p = start;
    while (text.charCodeAt(p) === SPACE) p++;
    const indent = p - start;
    const end = lineEnd(text, p);
    const next = text.indexOf('\n', end);
    at = next === -1 ? text.length : next + 1;
    if (p === end || text[p] === '#') continue; // blank or comment
    if (skipDeeperThan !== undefined && indent > skipDeeperThan) continue;
    skipDeeperThan = undefined;
    if (indent === 0 && text[p] === '%') continue; // a directive
    let parent = indent - 1; // a node at the line start: its block is further left
    if (indent === 0 && isDocumentMarker(text, p)) {
      p += 3;
      parent = -1;
    }
    let expectNode = true;
    for (;;) {
      while (isBlank(text.charCodeAt(p))) p++;
      if (p >= end || text[p] === '#') break;
      const c = text[p]!;
      if (!expectNode) {
        // After a closed quoted scalar or collection: `:` makes it a key.
        if (c === ':' && endsToken(text, p + 1)) {
          expectNode = true;
          p++;
          continue;
        }
        break;
      }
      if ((c === '-' || c === '?' || c === ':') && endsToken(text, p + 1)) {
        parent = p - start;
        p++;
        continue;
      }
      if (c === '&' || c === '!') {
        while (p < end && !isBlank(text.charCodeAt(p))) p++;
        continue;
      }
      if (c === '|' || c === '>') {
        skipDeeperThan = parent; // its lines are indented past its key or `-`
        break;
      }
      if (c === '[' || c === '{' || c === '"' || c === "'") {
        const shallow = scanFlow(text, p, parent);
        if (!shallow) return out; // not closed: a real error, and nothing after it can be trusted
        const column = p - start;
        if (shallow.lines.length) out.push(shallow);
        p = shallow.close;
        const closeLine = text.lastIndexOf('\n', p - 1);
        if (closeLine >= start) {
          // It ended on a later line. After it may come `: value` (a key over several lines,
          // which go-yaml refuses too) or a comment: nothing to look at; go on below that line.
          const newline = text.indexOf('\n', p);
          at = newline === -1 ? text.length : newline + 1;
          break;
        }
        parent = column;
        expectNode = false;
        continue;
      }
      if (c === '*') {
        while (p < end && !isBlank(text.charCodeAt(p))) p++;
        expectNode = false;
        continue;
      }
      // A plain scalar: a key when `: ` follows on the line, else a value that may go on below.
      const key = plainKeyEnd(text, p, end);
      if (key === -1) {
        skipDeeperThan = parent;
        break;
      }
      parent = p - start;
      p = key + 1;
    }
  }
  return out;
}

/** Where the `:` of `key: ` is on a line of block context starting with a plain scalar, or -1. */
function plainKeyEnd(text: string, from: number, end: number): number {
  for (let p = from + 1; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 58 /* : */ && endsToken(text, p + 1)) return p;
    if (c === 35 /* # */ && isBlank(text.charCodeAt(p - 1))) return -1;
  }
  return -1;
}

/**
 * A quoted scalar or flow collection opening at `open`, read to its closing character the way
 * go-yaml reads it; its continuation lines that are not right of `parent` are noted with the
 * indentation they need. Undefined when it is not closed before a document marker or the end.
 */
function scanFlow(
  text: string,
  open: number,
  parent: number,
): (Shallow & { close: number }) | undefined {
  const first = text[open]!;
  const kind: Shallow['kind'] = first === '[' ? 'sequence' : first === '{' ? 'mapping' : 'quoted';
  const lines: Shallow['lines'] = [];
  const atLineStart = (p: number): boolean => {
    // p is just after a line break: note the line if it is too shallow; false at a marker.
    if (isDocumentMarker(text, p)) return false;
    let q = p;
    while (text.charCodeAt(q) === SPACE) q++;
    const c = text.charCodeAt(q);
    const blank = Number.isNaN(c) || c === LF || c === CR;
    if (!blank && q - p <= parent) lines.push({ start: p, content: q, pad: parent + 1 - (q - p) });
    return true;
  };
  let depth = 0;
  let nodeStart = true; // where a quoted scalar may begin inside a collection
  for (let p = open; p < text.length; p++) {
    const c = text[p]!;
    if (c === '\n') {
      if (!atLineStart(p + 1)) return undefined;
      continue;
    }
    if (c === "'" || c === '"') {
      if (!nodeStart && depth > 0) continue; // inside a plain scalar: `[it's]`
      const close = scanQuoted(text, p, atLineStart);
      if (close === undefined) return undefined;
      if (depth === 0) return { kind, open, lines, close };
      p = close - 1;
      nodeStart = false;
      continue;
    }
    if (c === '#' && (p === 0 || /\s/.test(text[p - 1]!))) {
      const newline = text.indexOf('\n', p);
      if (newline === -1) return undefined;
      p = newline - 1;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      nodeStart = true;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return { kind, open, lines, close: p + 1 };
      nodeStart = false;
    } else if (c === ',' || c === ':' || c === '?') {
      nodeStart = true;
    } else if (c !== ' ' && c !== '\t' && c !== '\r') {
      nodeStart = false;
    }
  }
  return undefined;
}

/**
 * The offset after the closing quote of the quoted scalar opening at `open` (`''` is an escaped
 * quote in single quotes, `\` escapes the next character in double quotes); `lineStart` is told
 * of each line break inside and may stop the scan (a document marker).
 */
function scanQuoted(
  text: string,
  open: number,
  lineStart: (p: number) => boolean,
): number | undefined {
  const quote = text[open]!;
  for (let p = open + 1; p < text.length; p++) {
    const c = text[p]!;
    if (c === '\n') {
      if (!lineStart(p + 1)) return undefined;
    } else if (quote === '"' && c === '\\') {
      if (text[p + 1] === '\n' && !lineStart(p + 2)) return undefined;
      p++;
    } else if (c === quote) {
      if (quote === "'" && text[p + 1] === "'") p++;
      else return p + 1;
    }
  }
  return undefined;
}

/**
 * The text with the shallow lines indented, and a map from its offsets back to the text's:
 * an offset in added indentation maps to the start of its line.
 */
function indented(
  text: string,
  found: readonly Shallow[],
): { text: string; original: (offset: number) => number } {
  const pads = found.flatMap((s) => s.lines).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  /** Where each pad starts in the new text, its length, and the total added up to its end. */
  const at: number[] = [];
  const length: number[] = [];
  const added: number[] = [];
  let last = 0;
  let total = 0;
  for (const { start, pad } of pads) {
    if (start < last) continue; // the same line twice (nested collections)
    parts.push(text.slice(last, start), ' '.repeat(pad));
    at.push(start + total);
    length.push(pad);
    total += pad;
    added.push(total);
    last = start;
  }
  parts.push(text.slice(last));
  const original = (offset: number): number => {
    let lo = 0;
    let hi = at.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= offset) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (i === -1) return offset;
    if (offset < at[i]! + length[i]!) return at[i]! - (added[i]! - length[i]!);
    return offset - added[i]!;
  };
  return { text: parts.join(''), original };
}

/** Moves every position of a document parsed from the indented text back to the text's. */
function mapPositions(doc: Document.Parsed, original: (offset: number) => number): void {
  const map = (range: [number, number, number]): [number, number, number] => [
    original(range[0]),
    original(range[1]),
    original(range[2]),
  ];
  doc.range = map(doc.range);
  visit(doc, {
    Node(_, node: Node) {
      if (node.range) node.range = map(node.range);
    },
  });
  for (const problem of [...doc.errors, ...doc.warnings]) {
    problem.pos = [original(problem.pos[0]), original(problem.pos[1])];
  }
}

/**
 * The tags go-yaml resolves (resolve.go `resolvableTag`, and `!!binary`, `!!merge`, `!!map`,
 * `!!seq` in decode.go); any other tag it ignores.
 */
const GO_YAML_TAGS = new Set(
  ['str', 'bool', 'int', 'float', 'null', 'timestamp', 'binary', 'merge', 'map', 'seq'].map(
    (t) => `tag:yaml.org,2002:${t}`,
  ),
);

/** Does go-yaml ignore this tag (as resolved: `tag:yaml.org,2002:string`, `!Ref`)? */
export function goYamlIgnoresTag(tag: string): boolean {
  return !GO_YAML_TAGS.has(tag);
}

/** The core tag a misspelt one most likely meant: `!!string` → `!!str`. */
const MEANT: Record<string, string> = {
  'tag:yaml.org,2002:string': '!!str',
  'tag:yaml.org,2002:boolean': '!!bool',
  'tag:yaml.org,2002:integer': '!!int',
  'tag:yaml.org,2002:number': '!!float',
  'tag:yaml.org,2002:double': '!!float',
};

export function meantTag(tag: string): string | undefined {
  return MEANT[tag];
}
