/** Walking the `yaml` package's node tree: nodes at a path, the path at an offset, ranges. */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type PathSegment = string | number;
export type YamlPath = PathSegment[];

/** Offsets [start, end) inside the text the document was parsed from. */
export type Span = [number, number];

export function nodeSpan(node: Node | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

export function keyString(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

export interface PathNodes {
  /** The value node at the path (undefined when the key has no value). */
  value?: Node;
  /** The key node when the last segment is a mapping key. */
  key?: Node;
}

/** Follows a path of mapping keys and sequence indexes from the document root. */
export function nodesAtPath(doc: Document, path: YamlPath): PathNodes | undefined {
  let current: unknown = doc.contents;
  let key: Node | undefined;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => keyString(p) === String(segment));
      if (!pair) return undefined;
      key = pair.key as Node;
      current = pair.value ?? undefined;
    } else if (isSeq(current) && /^\d+$/.test(String(segment))) {
      key = undefined;
      current = current.items[Number(segment)];
    } else {
      return undefined;
    }
  }
  return { value: (current as Node | undefined) ?? undefined, key };
}

export interface PathAtOffset {
  path: YamlPath;
  /** The cursor is on a mapping key (the last path segment), not on its value. */
  onKey: boolean;
  node?: Node;
}

/** The deepest node that contains `offset`, with its path. */
export function pathAtOffset(doc: Document, offset: number): PathAtOffset {
  const path: YamlPath = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => pairContains(p, offset));
      if (!pair) return { path, onKey: false, node: node as Node };
      const name = keyString(pair);
      if (name === undefined) return { path, onKey: false, node: node as Node };
      path.push(name);
      const keyNode = pair.key as Node | null;
      if (keyNode?.range && offset >= keyNode.range[0] && offset <= keyNode.range[1]) {
        return { path, onKey: true, node: keyNode };
      }
      if (!pair.value) return { path, onKey: false };
      node = pair.value;
      continue;
    }
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index === -1) return { path, onKey: false, node: node as Node };
      path.push(index);
      node = node.items[index];
      continue;
    }
    return { path, onKey: false, node: (node as Node | undefined) ?? undefined };
  }
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && offset >= r[0] && offset <= r[1];
}

function pairContains(pair: Pair, offset: number): boolean {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[1] ?? key?.range?.[1];
  return start !== undefined && end !== undefined && offset >= start && offset <= end;
}

export { isMap, isPair, isScalar, isSeq };

/** A root key written like `key` but in another case (`apiversion`), with its span and value. */
export function rootKeyIgnoringCase(
  doc: Document,
  key: string,
): { key: string; span: Span; value: unknown } | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const written = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof written !== 'string' || written === key) continue;
    if (written.toLowerCase() !== key.toLowerCase()) continue;
    const span = nodeSpan(pair.key as Node);
    const value = isScalar(pair.value) ? pair.value.value : pair.value;
    if (span) return { key: written, span, value };
  }
  return undefined;
}
