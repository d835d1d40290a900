/** values.yaml -> a tree of value nodes with defaults, types and the chart's comments as docs. */
import { isMap, isScalar, LineCounter, parse, type Document, type Node, type Pair } from 'yaml';
import type { LocalizedText, Range } from '../types';
import { localize } from '../i18n/format';
import { classifyComments, docAbove, trailingComment, type CommentedKey } from './comments';
import { helmMessages } from './valuesMessages';
import { excessiveNesting } from '../parse/limits';
import { pathId } from './paths';
import type { ValueNode, ValueType } from './types';
import { documentsData, isNotMapDocument, valuesDocuments } from './valuesDocuments';

export interface ValuesTree {
  roots: ValueNode[];
  byId: Map<string, ValueNode>;
  /** The whole file as plain JS (an empty object when it is not a mapping). */
  data: Record<string, unknown>;
  problems: LocalizedText[];
}

export function typeOf(value: unknown): ValueType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` of plain values data, when every key on the way is there. */
export function valueAt(data: unknown, path: readonly string[]): { value: unknown } | undefined {
  let at: unknown = data;
  for (const key of path) {
    if (!isPlainObject(at) || !(key in at)) return undefined;
    at = at[key];
  }
  return { value: at };
}

/**
 * Values files nest a handful of levels; past this the file is refused, because turning deeply
 * nested collection keys into strings grows much faster than the text (seconds at ~170 `{`).
 */
export const MAX_VALUES_NESTING = 64;

export function buildValuesTree(text: string): ValuesTree {
  if (excessiveNesting(text, MAX_VALUES_NESTING) !== undefined) {
    return {
      roots: [],
      byId: new Map(),
      data: {},
      problems: [localize(helmMessages.valuesTooDeep, { max: MAX_VALUES_NESTING })],
    };
  }
  const lineCounter = new LineCounter();
  const docs = valuesDocuments(text, lineCounter);
  if (docs.length > 1) return documentsTree(text, docs, lineCounter);
  return documentTree(text, docs[0], lineCounter);
}

/** The tree of a values.yaml of one document (or none: an empty file, or comments only). */
function documentTree(
  text: string,
  doc: Document | undefined,
  lineCounter: LineCounter,
): ValuesTree {
  const problems: LocalizedText[] = syntaxProblems(doc ? [doc] : []);
  let data: Record<string, unknown> = {};
  try {
    const js: unknown = doc?.toJS({ maxAliasCount: 1000 });
    if (isPlainObject(js)) data = js;
  } catch (e) {
    problems.push(localize(helmMessages.valuesSyntax, { detail: String(e) }));
  }
  const lines = text.split(/\r?\n/);
  const toPos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line - 1, character: p.col - 1 };
  };
  const rangeOf = (node: Node): Range => ({
    start: toPos(node.range![0]),
    end: toPos(node.range![1]),
  });

  // Lines inside multi-line scalars are content, never comments.
  const skip = new Set<number>();
  const byId = new Map<string, ValueNode>();
  const flat: ValueNode[] = [];

  const walkMap = (map: unknown, path: string[], into: ValueNode[], value: unknown): void => {
    if (!isMap(map)) return;
    for (const pair of map.items as Pair[]) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || keyNode.value === null || !keyNode.range) continue;
      const key = String(keyNode.value);
      const childPath = [...path, key];
      const defaultValue = isPlainObject(value) ? value[key] : undefined;
      const valueNode = pair.value as Node | null;
      if (valueNode?.range && isScalar(valueNode)) {
        const a = toPos(valueNode.range[0]).line;
        const b = toPos(valueNode.range[1]).line;
        for (let l = a + 1; l <= b; l++) skip.add(l);
      }
      const range = rangeOf(keyNode);
      const node: ValueNode = {
        path: childPath,
        id: pathId(childPath),
        key,
        type: typeOf(defaultValue),
        defaultValue,
        line: range.start.line,
        range,
        children: [],
      };
      into.push(node);
      flat.push(node);
      byId.set(node.id, node);
      if (isMap(valueNode)) walkMap(valueNode, childPath, node.children, defaultValue);
    }
  };
  const roots: ValueNode[] = [];
  walkMap(doc?.contents, [], roots, data);

  const { kinds, keys } = classifyComments(lines, skip);
  for (const node of flat) {
    node.doc = docAbove(lines, kinds, node.line);
    const lineText = lines[node.line] ?? '';
    const colon = lineText.indexOf(':', node.range.end.character);
    if (colon >= 0) node.trailing = trailingComment(lineText, colon + 1);
  }
  addCommentedKeys(keys, flat, roots, byId, lines, kinds);
  return { roots, byId, data, problems };
}

function syntaxProblems(docs: readonly Document[]): LocalizedText[] {
  return docs.flatMap((doc) =>
    doc.errors.map((e) =>
      localize(helmMessages.valuesSyntax, { detail: e.message.split('\n')[0] ?? '' }),
    ),
  );
}

/**
 * The tree of a values.yaml of several `---` documents, which helm merges in order
 * (valuesDocuments.ts): each document's tree is built as a file of its own, then a later
 * document's key wins with its position, comments and type, and a map merges with the map before.
 */
function documentsTree(text: string, docs: Document[], lineCounter: LineCounter): ValuesTree {
  const problems = syntaxProblems(docs);
  const startLine = (doc: Document) => lineCounter.linePos(doc.range?.[0] ?? 0).line - 1;
  for (const doc of docs.filter(isNotMapDocument)) {
    const line = lineCounter.linePos(doc.contents?.range?.[0] ?? 0).line;
    problems.push(localize(helmMessages.valuesDocumentNotMap, { line }));
  }
  let data: Record<string, unknown> = {};
  try {
    data = documentsData(docs);
  } catch (e) {
    problems.push(localize(helmMessages.valuesSyntax, { detail: String(e) }));
  }
  const starts = docs.map((doc, i) => (i === 0 ? 0 : startLine(doc)));
  const roots: ValueNode[] = [];
  const places = new WeakMap<ValueNode[], Map<string, number>>();
  starts.forEach((line, i) => {
    const next = starts[i + 1];
    const from = lineCounter.lineStarts[line] ?? text.length;
    const to = next === undefined ? text.length : (lineCounter.lineStarts[next] ?? text.length);
    mergeNodes(roots, shiftLines(partTree(text.slice(from, to)).roots, line), places);
  });
  const byId = new Map<string, ValueNode>();
  for (const node of walkNodes(roots)) {
    byId.set(node.id, node);
    if (node.unset) continue;
    node.defaultValue = valueAt(data, node.path)?.value;
    node.type = typeOf(node.defaultValue);
  }
  return { roots, byId, data, problems };
}

/** One document's text (its lines, the `---` line first) read as a values.yaml of its own. */
function partTree(part: string): ValuesTree {
  const lineCounter = new LineCounter();
  return documentTree(part, valuesDocuments(part, lineCounter)[0], lineCounter);
}

function shiftLines(nodes: ValueNode[], by: number): ValueNode[] {
  for (const node of walkNodes(nodes)) {
    node.line += by;
    const { start, end } = node.range;
    node.range = {
      start: { line: start.line + by, character: start.character },
      end: { line: end.line + by, character: end.character },
    };
  }
  return nodes;
}

/**
 * A later document's nodes over the nodes before them, as helm merges the values: a key written
 * again wins (a map merging with a map), a commented-out example never hides a value. `before`
 * is merged into in place (its keys' places kept in `places`), so many documents stay linear.
 */
function mergeNodes(
  before: ValueNode[],
  later: readonly ValueNode[],
  places: WeakMap<ValueNode[], Map<string, number>>,
): ValueNode[] {
  let index = places.get(before);
  if (!index) places.set(before, (index = new Map(before.map((node, i) => [node.key, i]))));
  for (const node of later) {
    const i = index.get(node.key);
    const old = i === undefined ? undefined : before[i];
    if (i === undefined || !old) {
      index.set(node.key, before.push(node) - 1);
    } else if (node.unset && !old.unset) {
      old.children = mergeNodes(old.children, node.children, places);
    } else {
      if (old.unset || (old.type === 'object' && node.type === 'object'))
        node.children = mergeNodes(old.children, node.children, places);
      before[i] = node;
    }
  }
  return before;
}

/**
 * Places each commented-out key under the real mapping whose keys sit left of its original column.
 * A key commented out inside an item of a list (`pools:` / `- servers: 4` / `# storageClassName:`)
 * belongs to that item, which the tree does not model: it is left out rather than given to the
 * list's parent, where setting it would do nothing.
 */
function addCommentedKeys(
  keys: CommentedKey[],
  flat: ValueNode[],
  roots: ValueNode[],
  byId: Map<string, ValueNode>,
  lines: readonly string[],
  kinds: Parameters<typeof docAbove>[1],
): void {
  for (const ck of keys) {
    let parent: ValueNode | undefined;
    for (const node of flat) {
      if (node.line >= ck.line) break;
      if (node.range.start.character < ck.keyColumn) parent = node;
    }
    if (parent?.type === 'array') continue;
    while (parent && parent.type !== 'object' && parent.type !== 'null') {
      parent = byId.get(pathId(parent.path.slice(0, -1)));
    }
    const siblings = parent ? parent.children : roots;
    const path = [...(parent?.path ?? []), ck.key];
    const id = pathId(path);
    if (byId.has(id)) continue;
    let example: unknown = null;
    try {
      const parsed: unknown = parse(ck.example, { logLevel: 'error' });
      if (isPlainObject(parsed)) example = parsed[ck.key] ?? null;
    } catch {
      example = null;
    }
    const node: ValueNode = {
      path,
      id,
      key: ck.key,
      type: typeOf(example),
      defaultValue: undefined,
      doc: docAbove(lines, kinds, ck.line),
      unset: { example: ck.example },
      line: ck.line,
      range: {
        start: { line: ck.line, character: ck.column },
        end: { line: ck.line, character: (lines[ck.line] ?? '').length },
      },
      children: [],
    };
    siblings.push(node);
    siblings.sort((a, b) => a.line - b.line);
    byId.set(id, node);
  }
}

/** Every node of a tree in document order, depth first. */
export function* walkNodes(nodes: readonly ValueNode[]): Generator<ValueNode> {
  for (const node of nodes) {
    yield node;
    yield* walkNodes(node.children);
  }
}
