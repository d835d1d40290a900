/**
 * `helm template` output read as documents: each `---` document with the template it came from
 * (helm's `# Source: <chart>/templates/x.yaml` comment), its index among the documents of that
 * template, its lines in the output, and its parsed YAML with line positions.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { splitDocuments } from '../parse/split';

export interface RenderedDocument {
  /** The template path as helm prints it: `ledger/templates/statefulset.yaml`. */
  source?: string;
  /** Index among the documents with the same source (a template may print several). */
  index: number;
  /** 0-based first and last line of the document in the whole output. */
  startLine: number;
  endLine: number;
  text: string;
  kind?: string;
  name?: string;
}

const SOURCE = /^# Source: (\S.*?)\s*$/m;

/** A line of the document that is neither blank, a comment nor a `---` separator. */
const CONTENT = /^(?!---)[ \t]*[^\s#]/m;

/**
 * Helm prints `---\n# Source: x\n` before each template's output: when that output starts with
 * its own `---` (the app-template charts), the comment stands alone in an empty document and the
 * object after it is still the template's, so a document with no source of its own takes the
 * source of the empty one before it.
 */
export function renderedDocuments(output: string): RenderedDocument[] {
  const counts = new Map<string, number>();
  const out: RenderedDocument[] = [];
  let pending: string | undefined;
  for (const chunk of splitDocuments(output)) {
    const own = SOURCE.exec(chunk.text)?.[1];
    const empty = !CONTENT.test(chunk.text);
    const source = own ?? pending;
    pending = empty ? source : undefined;
    const key = source ?? '';
    const index = counts.get(key) ?? 0;
    counts.set(key, index + 1);
    const lines = chunk.text.split('\n').length - (chunk.text.endsWith('\n') ? 1 : 0);
    out.push({
      source,
      index,
      startLine: chunk.startLine,
      endLine: chunk.startLine + Math.max(lines - 1, 0),
      text: chunk.text,
      kind: /^kind:\s*(\S+)/m.exec(chunk.text)?.[1],
      name: /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*["']?([^"'\s]+)/m.exec(chunk.text)?.[1],
    });
  }
  return out;
}

/**
 * The templates that printed objects, in the order of the output: helm's `# Source:` paths
 * without the chart's name (`templates/pvc.yaml`, `charts/common/templates/x.yaml`).
 */
export function renderedTemplates(output: string): string[] {
  const out = new Set<string>();
  for (const doc of renderedDocuments(output)) {
    if (!doc.source || !CONTENT.test(doc.text)) continue;
    const slash = doc.source.indexOf('/');
    out.add(slash < 0 ? doc.source : doc.source.slice(slash + 1));
  }
  return [...out];
}

/** The identity of a document across two renders of the same chart. */
export function documentKey(doc: Pick<RenderedDocument, 'source' | 'index'>): string {
  return `${doc.source ?? ''}#${doc.index}`;
}

/** The document holding a 0-based line of the output. */
export function documentAtLine(
  docs: readonly RenderedDocument[],
  line: number,
): RenderedDocument | undefined {
  return docs.find((d) => d.startLine <= line && line <= d.endLine);
}

/** A node path inside a document: keys and sequence indices. */
export type NodePath = (string | number)[];

export function pathKey(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

export interface ParsedRendered {
  doc: Document;
  lines: LineCounter;
}

export function parseRendered(text: string): ParsedRendered {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, logLevel: 'error' });
  return { doc, lines };
}

/** Every scalar of a document with its path (keys and indices) and its text as written. */
export function* scalarsOf(
  node: unknown,
  path: NodePath = [],
): Generator<{ path: NodePath; value: string }> {
  if (isScalar(node)) {
    if (node.value !== null && node.value !== undefined) yield { path, value: String(node.value) };
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined) yield* scalarsOf(pair.value, [...path, key]);
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) yield* scalarsOf(node.items[i], [...path, i]);
  }
}

/**
 * The path of the deepest node (or pair key) that holds a 0-based line/character of the
 * document's text, or [] for the document itself.
 */
export function pathAt(parsed: ParsedRendered, line: number, character: number): NodePath {
  const offset = offsetOf(parsed.lines, line, character);
  const path: NodePath = [];
  let node: Node | null | undefined = parsed.doc.contents as Node | null;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const start = (p.key as Node | null)?.range?.[0];
        const end = (p.value as Node | null)?.range?.[2] ?? (p.key as Node | null)?.range?.[2];
        return start !== undefined && end !== undefined && start <= offset && offset <= end;
      });
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      const keyEnd = pair.key.range?.[2] ?? 0;
      if (offset <= keyEnd) return path;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => {
        const r = (item as Node | null)?.range;
        return !!r && r[0] <= offset && offset <= r[2];
      });
      if (i < 0) return path;
      path.push(i);
      node = node.items[i] as Node | null;
    } else {
      return path;
    }
  }
}

function offsetOf(lines: LineCounter, line: number, character: number): number {
  const start = lines.lineStarts[line];
  return start === undefined ? Number.MAX_SAFE_INTEGER : start + character;
}
