/**
 * The outline: one `Kind/name` symbol per Kubernetes object, with the spec sections people look
 * for (volumes, claim templates, containers) as children; and workspace symbols over the index.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { keyString, nodesAtPath, type Span } from '../parse/nodes';
import type { PlacedChunk, WorkspaceFile } from '../workspace/file';
import { shiftRange } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import type { Range } from '../types';
import { podSpecPath } from '../kubernetes/podSpec';

export type KubeSymbolKind =
  'object' | 'section' | 'volume' | 'container' | 'claimTemplate' | 'field';

export interface KubeSymbol {
  name: string;
  detail?: string;
  kind: KubeSymbolKind;
  range: Range;
  selectionRange: Range;
  children: KubeSymbol[];
}

export interface WorkspaceSymbol {
  name: string;
  kind: string;
  namespace?: string;
  uri: string;
  range: Range;
}

export function documentSymbols(file: WorkspaceFile): KubeSymbol[] {
  const out: KubeSymbol[] = [];
  for (const object of file.objects()) {
    const place = placer(object.placed);
    const root = object.document.doc.contents as Node | null;
    const children: KubeSymbol[] = [];
    const pod = podSpecPath(object.kind);
    if (object.kind === 'StatefulSet') {
      children.push(
        ...listSection(
          place,
          object.document.doc,
          ['spec', 'volumeClaimTemplates'],
          'claimTemplate',
          ['metadata', 'name'],
        ),
      );
    }
    if (pod) {
      for (const list of ['initContainers', 'containers'] as const) {
        children.push(
          ...listSection(place, object.document.doc, [...pod, list], 'container', ['name'], image),
        );
      }
      children.push(
        ...listSection(place, object.document.doc, [...pod, 'volumes'], 'volume', ['name'], source),
      );
    }
    const rootSpan = root?.range ? ([root.range[0], root.range[1]] as Span) : undefined;
    if (!rootSpan) continue;
    out.push({
      name: `${object.kind}/${object.name ?? '?'}`,
      detail: object.namespace ? `${object.apiVersion} · ${object.namespace}` : object.apiVersion,
      kind: 'object',
      range: object.range,
      selectionRange: object.nameRange ?? object.range,
      children,
    });
  }
  return out;
}

type Placer = (span: Span) => Range;

function placer(placed: PlacedChunk): Placer {
  return (span) => shiftRange(placed.chunk.rangeOf(span), placed.startLine);
}

/** A list (`volumes`, `containers`...) as a section symbol with one child per named item. */
function listSection(
  place: Placer,
  doc: Parameters<typeof nodesAtPath>[0],
  path: string[],
  itemKind: KubeSymbolKind,
  namePath: string[],
  describe?: (item: Node) => string | undefined,
): KubeSymbol[] {
  const hit = nodesAtPath(doc, path);
  const list = hit?.value;
  if (!isSeq(list) || !list.range || !hit?.key?.range) return [];
  const items: KubeSymbol[] = [];
  for (const item of list.items as (Node | null)[]) {
    if (!item?.range) continue;
    const nameNode = nodeAt(item, namePath);
    const name = isScalar(nameNode) && nameNode.value != null ? String(nameNode.value) : '?';
    const itemRange = place([item.range[0], item.range[1]]);
    items.push({
      name,
      detail: describe?.(item),
      kind: itemKind,
      range: itemRange,
      selectionRange: nameNode?.range ? place([nameNode.range[0], nameNode.range[1]]) : itemRange,
      children: [],
    });
  }
  const section = path[path.length - 1]!;
  return [
    {
      name: section,
      detail: String(items.length),
      kind: 'section',
      range: place([hit.key.range[0], list.range[1]]),
      selectionRange: place([hit.key.range[0], hit.key.range[1]]),
      children: items,
    },
  ];
}

function nodeAt(node: Node, path: string[]): Node | undefined {
  let current: Node | undefined = node;
  for (const segment of path) {
    if (!isMap(current)) return undefined;
    const pair: Pair | undefined = current.items.find((p) => keyString(p) === segment);
    current = (pair?.value as Node | null) ?? undefined;
  }
  return current;
}

function image(item: Node): string | undefined {
  const n = nodeAt(item, ['image']);
  return isScalar(n) && n.value != null ? String(n.value) : undefined;
}

/** The volume source type (`persistentVolumeClaim`, `emptyDir`...), plus the claim name when there is one. */
function source(item: Node): string | undefined {
  if (!isMap(item)) return undefined;
  for (const pair of item.items) {
    const key = keyString(pair);
    if (!key || key === 'name') continue;
    if (key === 'persistentVolumeClaim') {
      const claim = nodeAt(pair.value as Node, ['claimName']);
      return isScalar(claim) ? `persistentVolumeClaim: ${String(claim.value)}` : key;
    }
    return key;
  }
  return undefined;
}

/** Objects whose `Kind/name` matches the query: case-insensitive, letters in order. */
export function workspaceSymbols(
  workspace: Workspace,
  query: string,
  limit = 500,
): WorkspaceSymbol[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: WorkspaceSymbol[] = [];
  for (const object of workspace.allObjects()) {
    const name = `${object.kind}/${object.name ?? '?'}`;
    if (q && !subsequence(q, name.toLowerCase())) continue;
    out.push({
      name,
      kind: object.kind,
      namespace: object.namespace,
      uri: object.uri,
      range: object.nameRange ?? object.range,
    });
    if (out.length >= limit) break;
  }
  return out;
}

function subsequence(needle: string, hay: string): boolean {
  if (hay.includes(needle)) return true;
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}
