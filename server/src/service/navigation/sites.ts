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
  const rules = linkRules(kind);
  const hits = ruleHits(document.doc.contents as Node | null, rules);
  rules.forEach((rule, i) => {
    for (const hit of hits[i]!) {
      const site = toSite(chunk, document, rule, hit.node, hit.path, ownNamespace);
      if (site) sites.push(site);
    }
  });
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
  };
}

interface Hit {
  node: Node;
  path: YamlPath;
}

/** The link rules of a kind as one tree of path segments: each step is walked once for all. */
interface PatternStep {
  /** Indices of the rules whose pattern ends here. */
  ends: number[];
  keys: Map<string, PatternStep>;
  /** `*`: every item of a sequence. */
  items?: PatternStep;
}

const stepsByRules = new WeakMap<readonly LinkRule[], PatternStep>();

function patternSteps(rules: readonly LinkRule[]): PatternStep {
  let root = stepsByRules.get(rules);
  if (root) return root;
  root = { ends: [], keys: new Map() };
  rules.forEach((rule, index) => {
    let step = root!;
    for (const segment of rule.pattern) {
      let next = segment === '*' ? step.items : step.keys.get(segment);
      if (!next) {
        next = { ends: [], keys: new Map() };
        if (segment === '*') step.items = next;
        else step.keys.set(segment, next);
      }
      step = next;
    }
    step.ends.push(index);
  });
  stepsByRules.set(rules, root);
  return root;
}

/**
 * Where each rule's pattern matches in the tree, per rule, in document order. One walk for all
 * rules; a map's key is followed at its first occurrence, as a path lookup would.
 */
function ruleHits(root: Node | null, rules: readonly LinkRule[]): Hit[][] {
  const hits: Hit[][] = rules.map(() => []);
  const walk = (node: Node | null | undefined, step: PatternStep, path: YamlPath): void => {
    if (!node) return;
    for (const index of step.ends) hits[index]!.push({ node, path });
    if (step.items && isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node | null, step.items!, [...path, i]));
    }
    if (step.keys.size === 0 || !isMap(node)) return;
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = keyString(pair);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      const next = step.keys.get(key);
      if (next) walk(pair.value as Node | null, next, [...path, key]);
    }
  };
  walk(root, patternSteps(rules), []);
  return hits;
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
