/**
 * The YAML documents of a values file as Helm 4 reads them: every `---` document, merged in order
 * as `-f` files merge (`LoadValues` and `MergeMaps` of pkg/chart/v2/loader/load.go, for `-f`
 * files in pkg/cli/values/options.go and for the chart's values.yaml). Helm 3 read the first
 * document only. A document that is not a mapping fails the whole file ("cannot unmarshal yaml
 * document"); an empty one, or one of comments only, adds nothing.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';
import { keyString, type PathNodes, type PathSegment } from '../parse/nodes';
import { isRecord } from '../plainData';
import { pathId } from './paths';

export function valuesDocuments(text: string, lineCounter?: LineCounter): Document[] {
  return [...parseAllDocuments(text, { lineCounter, uniqueKeys: false, logLevel: 'error' })];
}

/**
 * How helm merges values files (and the documents of one) before the chart's defaults: maps
 * merge key by key, anything else replaces, and a null stays a null (it removes the chart's
 * default later). Several values files can so be given to helm as one.
 */
export function mergeValuesFiles(files: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Maps made here are merged into in place (a file of many documents stays linear); the
  // files' own maps are copied before the first merge into them, never changed.
  const own = new WeakSet<object>([out]);
  for (const file of files) if (isRecord(file)) mergeKeepingNulls(out, file, own);
  return out;
}

function mergeKeepingNulls(
  into: Record<string, unknown>,
  from: Record<string, unknown>,
  own: WeakSet<object>,
): void {
  for (const [key, value] of Object.entries(from)) {
    const before = into[key];
    if (isRecord(value) && isRecord(before)) {
      const target = own.has(before) ? before : { ...before };
      own.add(target);
      into[key] = target;
      mergeKeepingNulls(target, value, own);
    } else {
      into[key] = value;
    }
  }
}

/** The values of a file's documents, merged in order (an empty file has none: `{}`). */
export function documentsData(docs: readonly Document[]): Record<string, unknown> {
  return mergeValuesFiles(docs.map((doc) => doc.toJS({ maxAliasCount: 1000 }) as unknown));
}

export interface ParsedValues {
  /** The file's documents (mostly one), merged by helm; a path's value: `winningNodes`. */
  docs: Document[];
  lineCounter: LineCounter;
  /** The file's values as helm reads them: its documents merged. */
  data: unknown;
}

export function parseValues(text: string): ParsedValues {
  const lineCounter = new LineCounter();
  const docs = valuesDocuments(text, lineCounter);
  let data: unknown = {};
  try {
    data = valuesData(docs);
  } catch {
    data = {};
  }
  return { docs, lineCounter, data };
}

/** One document's data as it is (a list stays a list); several merged, unless one is no mapping. */
function valuesData(docs: readonly Document[]): unknown {
  if (docs.length === 1) return docs[0]!.toJS({ maxAliasCount: 1000 }) ?? {};
  const notMap = docs.find(isNotMapDocument);
  return notMap ? notMap.toJS({ maxAliasCount: 1000 }) : documentsData(docs);
}

/** A document whose root is neither a mapping nor empty: helm refuses the file for it. */
export function isNotMapDocument(doc: Document): boolean {
  const root = doc.contents;
  return !!root && !isMap(root) && !(isScalar(root) && root.value === null);
}

/** A document's key and value nodes at a path, with the document they are in. */
export interface WinningNodes extends PathNodes {
  doc: Document;
}

/**
 * Where the value helm uses at `path` is written: the last document that writes the path, unless
 * a later document replaced something above it (a map by a scalar, a list, a null), when no
 * document's value there survives. With one document this is that document's node at the path.
 */
export function winningNodes(
  docs: readonly Document[],
  path: readonly PathSegment[],
): WinningNodes | undefined {
  for (let i = docs.length - 1; i >= 0; i--) {
    const found = nodesInDocument(docs[i]!, path);
    if (found === 'replaced') return undefined;
    if (found) return { ...found, doc: docs[i]! };
  }
  return undefined;
}

/**
 * The nodes at `path` in one document; `replaced` when the document replaces a value above the
 * path wholesale (so earlier documents' values there are gone), undefined when it says nothing.
 */
function nodesInDocument(
  doc: Document,
  path: readonly PathSegment[],
): PathNodes | 'replaced' | undefined {
  let current: unknown = doc.contents;
  let key: Node | undefined;
  // Maps merge with earlier documents; inside anything else the whole value was replaced.
  let merging = true;
  for (const [i, segment] of path.entries()) {
    if (isMap(current)) {
      const pair = current.items.find((p) => keyString(p) === String(segment));
      if (!pair) return merging ? undefined : 'replaced';
      key = pair.key as Node;
      current = pair.value ?? undefined;
    } else if (isSeq(current) && /^\d+$/.test(String(segment))) {
      merging = false;
      key = undefined;
      current = current.items[Number(segment)];
      if (current === undefined) return 'replaced';
    } else {
      return i === 0 ? undefined : 'replaced';
    }
  }
  return { value: (current as Node | undefined) ?? undefined, key };
}

/**
 * The key node of every key path whose value wins (by `pathId`), for all the pairs of a file at
 * once: `winningNodes` of each path, in one pass over the documents from the last one.
 */
export function winningKeys(docs: readonly Document[]): Map<string, Node> {
  const winners = new Map<string, Node>();
  // Paths a later document wrote as something else than a map: what earlier ones put under them
  // is gone.
  const replaced = new Set<string>();
  const walk = (map: unknown, path: readonly string[]): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const key = keyString(pair);
      if (key === undefined) continue;
      const childPath = [...path, key];
      const id = pathId(childPath);
      if (!winners.has(id)) {
        winners.set(id, pair.key as Node);
        if (!isMap(pair.value)) replaced.add(id);
      }
      if (!replaced.has(id)) walk(pair.value, childPath);
    }
  };
  for (let i = docs.length - 1; i >= 0; i--) walk(docs[i]!.contents, []);
  return winners;
}

/** The document of a file that holds `offset` (the one document of most files). */
export function documentAt(docs: readonly Document[], offset: number): Document | undefined {
  let found = docs[0];
  for (const doc of docs) if ((doc.range?.[0] ?? 0) <= offset) found = doc;
  return found;
}
