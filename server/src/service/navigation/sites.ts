/**
 * The places in a document where a linking name is written (references) or declared
 * (definitions), found by walking the link rules over the parsed tree. Spans are relative to the
 * chunk and cached per parsed document, so unchanged documents cost nothing on the next request.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedChunk, ParsedDocument } from '../parse/chunk';
import { keyString, nodesAtPath, type Span, type YamlPath } from '../parse/nodes';
import type { IndexedObject } from '../workspace/file';
import { shiftRange } from '../workspace/file';
import type { Range } from '../types';
import { isNamespaced, linkRules, type LinkKind, type LinkRule } from './linkRules';

export interface RelativeSite {
  link: LinkKind;
  role: 'reference' | 'definition';
  name: string;
  /** For namespaced links: the namespace meant (`undefined` = any, e.g. a claimRef without one). */
  namespace?: string;
  /** For pod-local volumes: which pod spec of the object. */
  scope?: string;
  /** Span of the name itself (inside quotes), relative to the chunk. */
  span: Span;
  path: YamlPath;
}

/** A site placed in the workspace. */
export interface LinkSite extends RelativeSite {
  uri: string;
  range: Range;
  object: IndexedObject;
}

const cache = new WeakMap<ParsedDocument, RelativeSite[]>();

export function relativeSites(
  chunk: ParsedChunk,
  document: ParsedDocument,
  kind: string,
  ownNamespace: string | undefined,
): RelativeSite[] {
  // Sites found where the document was parsed (a thread reading the workspace) need no tree here.
  let sites = cache.get(document) ?? document.sites;
  if (sites) return sites;
  sites = [];
  const root = document.doc.contents;
  for (const rule of linkRules(kind)) {
    for (const hit of expand(root as Node | null, rule.pattern, [])) {
      const site = toSite(chunk, document, rule, hit.node, hit.path, ownNamespace);
      if (site) sites.push(site);
    }
  }
  cache.set(document, sites);
  return sites;
}

/** The sites of an indexed object, with absolute ranges; `keep` filters before ranges are computed. */
export function objectSites(
  object: IndexedObject,
  keep?: (site: RelativeSite) => boolean,
): LinkSite[] {
  const { chunk, startLine } = object.placed;
  const out: LinkSite[] = [];
  for (const s of relativeSites(chunk, object.document, object.kind, object.namespace)) {
    if (keep && !keep(s)) continue;
    out.push({
      ...s,
      uri: object.uri,
      object,
      range: shiftRange(chunk.rangeOf(s.span), startLine),
    });
  }
  return out;
}

function toSite(
  chunk: ParsedChunk,
  document: ParsedDocument,
  rule: LinkRule,
  node: Node,
  path: YamlPath,
  ownNamespace: string | undefined,
): RelativeSite | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const value = node.value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const name = String(value);
  let [start, end] = [node.range[0], node.range[1]];
  const written = chunk.text.slice(start, end);
  if (written.startsWith('"') || written.startsWith("'")) {
    start += 1;
    end = Math.max(start, end - 1);
  }
  // In a Helm template a masked action leaves a different text: such a name is not ours to touch.
  if (chunk.text.slice(start, end) !== name || name === '') return undefined;
  const sibling = (field: string): unknown => {
    const node = nodesAtPath(document.doc, [...path.slice(0, -1), field])?.value;
    return isScalar(node) ? node.value : undefined;
  };
  if (rule.when && sibling(rule.when.sibling) !== rule.when.equals) return undefined;
  let namespace: string | undefined;
  if (isNamespaced(rule.link)) {
    const own = rule.namespaceSibling ? sibling(rule.namespaceSibling) : undefined;
    if (rule.namespaceFrom) {
      const ns = nodesAtPath(document.doc, rule.namespaceFrom)?.value;
      namespace = isScalar(ns) && ns.value ? String(ns.value) : undefined;
    } else if (typeof own === 'string' && own) {
      namespace = own;
    } else {
      namespace = ownNamespace ?? 'default';
    }
  }
  return {
    link: rule.link,
    role: rule.role,
    name,
    namespace,
    scope: rule.scope,
    span: [start, end],
    path,
  };
}

function* expand(
  node: Node | null | undefined,
  pattern: readonly string[],
  path: YamlPath,
): Generator<{ node: Node; path: YamlPath }> {
  if (!node) return;
  if (pattern.length === 0) {
    yield { node, path };
    return;
  }
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '*') {
    if (!isSeq(node)) return;
    for (let i = 0; i < node.items.length; i++) {
      yield* expand(node.items[i] as Node | null, rest, [...path, i]);
    }
    return;
  }
  if (!isMap(node)) return;
  const pair = node.items.find((p) => keyString(p) === head);
  if (!pair) return;
  yield* expand(pair.value as Node | null, rest, [...path, head]);
}

/** Two sites name the same thing. */
export function sameTarget(a: LinkSite, b: LinkSite): boolean {
  if (a.link !== b.link || a.name !== b.name) return false;
  if (a.link === 'volume') return a.object === b.object && a.scope === b.scope;
  if (isNamespaced(a.link)) {
    return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
  }
  return true;
}
