/**
 * Building text edits for quick fixes on the YAML of an indexed object: replace a value, rename a
 * key, add a key to a block mapping (creating missing parents), add an item to a block sequence,
 * append a new `---` document after the object, remove a key or a list item, replace a key with
 * another, set a key (replaced or added); a scalar written as YAML. Each returns undefined when
 * the YAML is in a shape it does not handle (flow style, empty values) rather than risk a broken
 * edit.
 */
import { isMap, isScalar, isSeq, stringify, type Node } from 'yaml';
import { nodeSpan, nodesAtPath, type YamlPath } from '../../parse/nodes';
import { shiftRange, type IndexedObject } from '../../workspace/file';
import type { Position, Range } from '../../types';

export interface TextEditLike {
  /** The file the edit applies to (a fix may touch another file, e.g. the Service of a StatefulSet). */
  uri: string;
  range: Range;
  newText: string;
}

function absolute(object: IndexedObject, offset: number): Position {
  const p = object.placed.chunk.positionAt(offset);
  return { line: p.line + object.placed.startLine, character: p.character };
}

function at(object: IndexedObject, offset: number): Range {
  const p = absolute(object, offset);
  return { start: p, end: p };
}

/** Replaces the value at `path` with `newText` (a scalar as YAML text). */
export function replaceValue(
  object: IndexedObject,
  path: YamlPath,
  newText: string,
): TextEditLike | undefined {
  const span = nodeSpan(nodesAtPath(object.document.doc, path)?.value);
  if (!span) return undefined;
  return {
    uri: object.uri,
    range: shiftRange(object.placed.chunk.rangeOf(span), object.placed.startLine),
    newText,
  };
}

function yamlLines(value: unknown): string[] {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
}

/** Text inserted at a column: following lines are indented to the same column. */
function indented(lines: string[], column: number): string {
  const pad = ' '.repeat(column);
  return lines.join('\n' + pad) + '\n' + pad;
}

/**
 * Adds `key: value` to the block mapping at `mapPath`, creating the missing parent mappings.
 * The new key goes before the mapping's first key, at the same indentation.
 */
export function insertInMap(
  object: IndexedObject,
  mapPath: YamlPath,
  key: string,
  value: unknown,
): TextEditLike | undefined {
  const doc = object.document.doc;
  let depth = mapPath.length;
  let node: unknown;
  for (; depth >= 0; depth--) {
    if (depth === 0) {
      node = doc.contents;
      break;
    }
    const nodes = nodesAtPath(doc, mapPath.slice(0, depth));
    if (nodes?.value) {
      node = nodes.value;
      break;
    }
    if (nodes?.key) return undefined; // the key is there with an empty value
  }
  if (!isMap(node) || node.flow || !node.items.length) return undefined;
  let wrapped: unknown = { [key]: value };
  for (let i = mapPath.length - 1; i >= depth; i--) wrapped = { [String(mapPath[i])]: wrapped };
  const first = node.items[0]!.key as Node | null;
  const offset = first?.range?.[0];
  if (offset === undefined) return undefined;
  const start = absolute(object, offset);
  return {
    uri: object.uri,
    range: at(object, offset),
    newText: indented(yamlLines(wrapped), start.character),
  };
}

/** Adds `item` to the block sequence at `seqPath` (before its first item), creating it if absent. */
export function insertInSeq(
  object: IndexedObject,
  seqPath: YamlPath,
  item: unknown,
): TextEditLike | undefined {
  const nodes = nodesAtPath(object.document.doc, seqPath);
  if (!nodes?.value) {
    if (nodes?.key) return undefined;
    return insertInMap(object, seqPath.slice(0, -1), String(seqPath[seqPath.length - 1]), [item]);
  }
  const seq = nodes.value;
  if (!isSeq(seq) || seq.flow || !seq.items.length) return undefined;
  const firstStart = (seq.items[0] as Node | null)?.range?.[0];
  if (firstStart === undefined) return undefined;
  const text = object.placed.chunk.text;
  const dash = text.lastIndexOf('-', firstStart);
  if (dash < 0 || text.slice(dash + 1, firstStart).trim() !== '') return undefined;
  const start = absolute(object, dash);
  return {
    uri: object.uri,
    range: at(object, dash),
    newText: indented(yamlLines([item]), start.character),
  };
}

/** Appends a new `---` document holding `value` right after the object's document. */
export function appendDocument(object: IndexedObject, value: unknown): TextEditLike {
  const text = object.placed.chunk.text;
  const body = stringify(value, { lineWidth: 0 });
  const end = absolute(object, text.length);
  return {
    uri: object.uri,
    range: { start: end, end },
    newText: text.endsWith('\n') ? `---\n${body}` : `\n---\n${body.replace(/\n$/, '')}`,
  };
}

/**
 * Removes the object's whole `---` document: its marker line, the comments above it and its
 * text (the document after it keeps its own marker). Undefined for an item of a `List`, which
 * shares its document with the other items.
 */
export function removeDocument(object: IndexedObject): TextEditLike | undefined {
  const chunk = object.placed.chunk;
  if (chunk.docs.length !== 1 || chunk.docs[0] !== object.document) return undefined;
  return { uri: object.uri, range: rangeOfOffsets(object, 0, chunk.text.length), newText: '' };
}

/** Offsets of whole lines covering [start, end): from the line start to after the last newline. */
function wholeLines(text: string, start: number, end: number): [number, number] | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== '') return undefined; // something else on the line
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  const newline = text.indexOf('\n', e);
  return [lineStart, newline === -1 ? text.length : newline + 1];
}

function rangeOfOffsets(object: IndexedObject, start: number, end: number): Range {
  return { start: absolute(object, start), end: absolute(object, end) };
}

/**
 * Removes `key: value` at `path` (whole lines) from a block mapping. A mapping left empty goes
 * too (`annotations:` with its only annotation), up to the document's top level.
 */
export function removeKey(object: IndexedObject, path: YamlPath): TextEditLike | undefined {
  const doc = object.document.doc;
  const parent = path.length > 1 ? nodesAtPath(doc, path.slice(0, -1))?.value : doc.contents;
  if (!isMap(parent) || parent.flow) return undefined;
  const last = String(path[path.length - 1]);
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
  if (!pair) return undefined;
  if (parent.items.length === 1 && path.length > 1 && typeof path[path.length - 2] === 'string')
    return removeKey(object, path.slice(0, -1));
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const start = key.range?.[0];
  const end = value?.range?.[1] ?? key.range?.[1];
  if (start === undefined || end === undefined) return undefined;
  const lines = wholeLines(object.placed.chunk.text, start, end);
  if (!lines) return undefined;
  return { uri: object.uri, range: rangeOfOffsets(object, ...lines), newText: '' };
}

/** Removes item `path` (whole lines, `- ` included) from a block sequence; an emptied one goes. */
export function removeSeqItem(object: IndexedObject, path: YamlPath): TextEditLike | undefined {
  const doc = object.document.doc;
  const seq = nodesAtPath(doc, path.slice(0, -1))?.value;
  if (!isSeq(seq) || seq.flow) return undefined;
  if (seq.items.length === 1) return removeKey(object, path.slice(0, -1));
  const item = seq.items[Number(path[path.length - 1])] as Node | undefined;
  const span = item?.range;
  if (!span) return undefined;
  const text = object.placed.chunk.text;
  const dash = text.lastIndexOf('-', span[0]);
  if (dash < 0 || text.slice(dash + 1, span[0]).trim() !== '') return undefined;
  const lines = wholeLines(text, dash, span[1]);
  if (!lines) return undefined;
  return { uri: object.uri, range: rangeOfOffsets(object, ...lines), newText: '' };
}

/**
 * Replaces `key: value` at `path` with `newKey: newValue` (block YAML at the key's column), e.g.
 * `emptyDir: {}` with `persistentVolumeClaim:\n  claimName: data`.
 */
export function replacePair(
  object: IndexedObject,
  path: YamlPath,
  newKey: string,
  newValue: unknown,
): TextEditLike | undefined {
  const nodes = nodesAtPath(object.document.doc, path);
  const start = nodes?.key?.range?.[0];
  const text = object.placed.chunk.text;
  // `key:` with no value: the pair ends at its colon.
  let end = nodes?.value?.range?.[1] ?? afterColon(text, nodes?.key?.range?.[1]);
  if (start === undefined || end === undefined) return undefined;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const column = absolute(object, start).character;
  return {
    uri: object.uri,
    range: rangeOfOffsets(object, start, end),
    newText: yamlLines({ [newKey]: newValue }).join('\n' + ' '.repeat(column)),
  };
}

/** The offset after the `:` that follows a key ending at `keyEnd` (blanks may come between). */
function afterColon(text: string, keyEnd: number | undefined): number | undefined {
  if (keyEnd === undefined) return undefined;
  const colon = /^[ \t]*:/.exec(text.slice(keyEnd));
  return colon ? keyEnd + colon[0].length : undefined;
}

/**
 * Sets `key` in the mapping at `mapPath`: replaces the value if the key is there (also one written
 * without a value, `storage:`), else adds it.
 */
export function setKey(
  object: IndexedObject,
  mapPath: YamlPath,
  key: string,
  value: unknown,
): TextEditLike | undefined {
  const existing = nodesAtPath(object.document.doc, [...mapPath, key]);
  if (existing && writtenEmpty(existing.value))
    return replacePair(object, [...mapPath, key], key, value);
  if (
    existing?.value &&
    (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
  ) {
    return replaceValue(object, [...mapPath, key], scalarText(value));
  }
  if (existing) return undefined;
  return insertInMap(object, mapPath, key, value);
}

/** No value written after the key (`storage:`): no node, or a null scalar of no text. */
function writtenEmpty(node: Node | undefined): boolean {
  if (!node) return true;
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

/** A scalar as YAML text, quoted when plain text would read as something else (`"true"`, `""`). */
export function scalarText(value: unknown): string {
  return stringify(value, { lineWidth: 0 }).trim();
}
