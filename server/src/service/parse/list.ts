/**
 * The items of a list document — what `kubectl get pv,pvc -o yaml` prints (`kind: List`) or a
 * typed list (`PersistentVolumeList`) — each made a document of its own. An item document holds
 * the item's own node, so its spans are offsets in the same chunk text and every path starts at
 * the item: schema checks, rules, navigation and hover read it like a `---` document.
 */
import { Document, isSeq, type Node } from 'yaml';
import { nodesAtPath } from './nodes';
import type { ImpliedType, ObjectFacts } from './objects';

/** The item node of each entry of the list's `items` (null entries are kept as null). */
export function listItemNodes(doc: Document): (Node | null)[] {
  const items = nodesAtPath(doc, ['items'])?.value;
  return isSeq(items) ? (items.items as (Node | null)[]) : [];
}

/** A document whose root is `node`, sharing the list's errors (a broken list has broken items). */
export function itemDocument(list: Document.Parsed, node: Node): Document.Parsed {
  const doc = new Document(undefined, { version: '1.1' }) as unknown as Document.Parsed;
  doc.contents = node as Document.Parsed['contents'];
  const range = node.range ?? [0, 0, 0];
  doc.range = [range[0], range[1], range[2]];
  doc.errors = list.errors;
  return doc;
}

/** An item of `FooList` that names neither apiVersion nor kind is a `Foo` of the list's version. */
export function impliedItemType(list: ObjectFacts): ImpliedType | undefined {
  if (list.kind === 'List' || !list.apiVersion) return undefined;
  return { apiVersion: list.apiVersion, kind: list.kind.slice(0, -'List'.length) };
}
