/**
 * The values a render used, layer by layer as Helm merges them: the chart's values.yaml, then each
 * `-f` file in order, then `--set` pairs. Each leaf of the merged values knows the layer and the
 * line it came from, so a rendered field can be traced to the line that produced it.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import type { Range } from '../types';
import { excessiveNesting } from '../parse/limits';
import { MAX_VALUES_NESTING } from '../helm/valuesTree';
import { documentsData, mergeValuesFiles, valuesDocuments } from '../helm/valuesDocuments';

export { mergeValuesFiles };

export interface ValuesLayer {
  kind: 'chart' | 'file' | 'set';
  /** A file's URI (the chart's values.yaml when the chart is a folder), if it has one. */
  uri?: string;
  /** How the layer is named to the user: a path, `values.yaml`, `--set`. */
  label: string;
  /** YAML text of a file layer; for `set`, the pairs. */
  text?: string;
  pairs?: string[];
}

export type ValuePath = (string | number)[];

export interface ValueLeaf {
  path: ValuePath;
  value: unknown;
  /** Index into the layers. */
  layer: number;
  /** The value's range in its layer's text; for a `--set` pair, its index in `range.start.line`. */
  range: Range;
  /** The `--set` pair this leaf comes from. */
  pair?: string;
}

/** Where a path is written in one layer: its own node or, failing that, the nearest ancestor's. */
export interface ValueSite {
  layer: number;
  range: Range;
  /** The part of the path that exists in the layer. */
  found: ValuePath;
}

interface LayerTree {
  data: unknown;
  leaves: ValueLeaf[];
  /** Path key -> range of the key (or item) in the text. */
  sites: Map<string, Range>;
}

export function valuePathId(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

/** `persistence.size`, `items[0].name`: how a value path is shown. */
export function valuePathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function rangeOf(lines: LineCounter, node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  const start = lines.linePos(r[0]);
  const end = lines.linePos(r[1]);
  return {
    start: { line: start.line - 1, character: start.col - 1 },
    end: { line: end.line - 1, character: end.col - 1 },
  };
}

/**
 * Parsed layers by text: a chart's values.yaml (often thousands of lines) does not change while
 * a values file is edited, so each render does not parse it again. Trees are never modified.
 */
const treeCache = new Map<string, LayerTree>();
const TREE_CACHE_SIZE = 16;

function readFileLayer(text: string, layer: number): LayerTree {
  const key = `${layer}\0${text}`;
  const hit = treeCache.get(key);
  if (hit) return hit;
  const tree = parseFileLayer(text, layer);
  treeCache.set(key, tree);
  while (treeCache.size > TREE_CACHE_SIZE) treeCache.delete(treeCache.keys().next().value!);
  return tree;
}

function parseFileLayer(text: string, layer: number): LayerTree {
  const empty: LayerTree = { data: {}, leaves: [], sites: new Map() };
  if (excessiveNesting(text, MAX_VALUES_NESTING) !== undefined) return empty;
  const lines = new LineCounter();
  const docs = valuesDocuments(text, lines);
  let data: unknown;
  try {
    data = documentsData(docs);
  } catch {
    return empty;
  }
  const leaves: ValueLeaf[] = [];
  const sites = new Map<string, Range>();
  const walk = (node: unknown, path: ValuePath, keyNode?: Node | null): void => {
    const site = rangeOf(lines, keyNode ?? (node as Node | null));
    if (site && path.length) sites.set(valuePathId(path), site);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        walk(pair.value, [...path, String(pair.key.value)], pair.key);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node)) {
      const range = rangeOf(lines, node) ?? site;
      if (range) leaves.push({ path, value: node.value, layer, range });
    }
  };
  // A later document's value wins, as its site does.
  for (const doc of docs) walk(doc.contents, []);
  return { data, leaves, sites };
}

/** `a.b.c=v` as Helm's strvals reads the simple form; other forms are left to Helm alone. */
export function parseSetPair(pair: string): { path: string[]; value: unknown } | undefined {
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const key = pair.slice(0, eq);
  const raw = pair.slice(eq + 1);
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(key) || /[,{}[\]\\]/.test(raw))
    return undefined;
  let value: unknown = raw;
  if (raw === 'true') value = true;
  else if (raw === 'false') value = false;
  else if (raw === 'null') value = null;
  else if (/^-?(0|[1-9]\d{0,17})$/.test(raw)) value = Number(raw);
  return { path: key.split('.'), value };
}

function readSetLayer(pairs: readonly string[], layer: number): LayerTree {
  const data: Record<string, unknown> = {};
  const leaves: ValueLeaf[] = [];
  const sites = new Map<string, Range>();
  pairs.forEach((pair, i) => {
    const parsed = parseSetPair(pair);
    if (!parsed) return;
    setValueAt(data, parsed.path, parsed.value);
    const range = { start: { line: i, character: 0 }, end: { line: i, character: pair.length } };
    parsed.path.forEach((_, n) => sites.set(valuePathId(parsed.path.slice(0, n + 1)), range));
    leaves.push({ path: parsed.path, value: parsed.value, layer, range, pair });
  });
  return { data, leaves, sites };
}

/** `value` put at `path` of `data` as a `--set` pair puts it: maps made on the way, others replaced. */
export function setValueAt(
  data: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): void {
  let at = data;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    at = isObject(next) ? next : (at[key] = {});
  }
  at[path[path.length - 1]!] = value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The values of every layer, merged the way Helm merges them, each leaf with its origin. */
/** The plain data of each file layer as helm reads it, or the first YAML error of a layer. */
export function fileLayerData(
  layers: readonly ValuesLayer[],
): { data: unknown[] } | { layer: number; error: string } {
  const data: unknown[] = [];
  for (const [i, layer] of layers.entries()) {
    if (layer.kind !== 'file') continue;
    const docs = valuesDocuments(layer.text ?? '');
    const error = docs.find((doc) => doc.errors.length)?.errors[0];
    if (error) return { layer: i, error: error.message.split('\n')[0]! };
    try {
      data.push(documentsData(docs));
    } catch (e) {
      return { layer: i, error: e instanceof Error ? e.message : String(e) };
    }
  }
  return { data };
}

export class MergedValues {
  readonly trees: LayerTree[];
  /** The merged values as plain data (null values removed, as Helm removes them). */
  readonly data: Record<string, unknown>;
  /** Leaf path id -> where the merged value comes from. */
  readonly leaves = new Map<string, ValueLeaf>();

  constructor(readonly layers: readonly ValuesLayer[]) {
    this.trees = layers.map((layer, i) =>
      layer.kind === 'set'
        ? readSetLayer(layer.pairs ?? [], i)
        : readFileLayer(layer.text ?? '', i),
    );
    let merged: Record<string, unknown> = {};
    for (const tree of this.trees) merged = mergeInto(merged, tree.data);
    this.data = merged;
    for (const tree of this.trees)
      for (const leaf of tree.leaves)
        if (hasLeaf(merged, leaf.path)) this.leaves.set(valuePathId(leaf.path), leaf);
  }

  /** Where a value path is written: the last layer that has it, else the nearest ancestor. */
  siteOf(path: readonly (string | number)[]): ValueSite | undefined {
    for (let n = path.length; n > 0; n--) {
      const id = valuePathId(path.slice(0, n));
      for (let layer = this.trees.length - 1; layer >= 0; layer--) {
        const range = this.trees[layer]!.sites.get(id);
        if (range) return { layer, range, found: path.slice(0, n) };
      }
    }
    return undefined;
  }
}

/** Helm's merge: maps merge key by key, anything else (lists too) replaces, null removes. */
function mergeInto(base: Record<string, unknown>, over: unknown): Record<string, unknown> {
  if (!isObject(over)) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(out[key]))
      out[key] = mergeInto(out[key] as Record<string, unknown>, value);
    else out[key] = value;
  }
  return out;
}

function hasLeaf(data: unknown, path: ValuePath): boolean {
  let at: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(at) || key >= at.length) return false;
      at = at[key];
    } else {
      if (!isObject(at) || !(key in at)) return false;
      at = at[key];
    }
  }
  return at !== undefined && !isObject(at) && !Array.isArray(at);
}
