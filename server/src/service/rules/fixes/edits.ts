/**
 * Building text edits for quick fixes on the YAML of an indexed object: replace a value, rename a
 * key, add a key to a block mapping (creating missing parents), add an item to a block sequence,
 * and append a new `---` document after the object. Each returns undefined when the YAML is in a
 * shape it does not handle (flow style, empty values) rather than risk a broken edit.
 */
import { isMap, isSeq, stringify, type Node } from 'yaml';
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
