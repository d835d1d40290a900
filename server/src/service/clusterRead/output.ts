/**
 * What kubectl printed, read: `kubectl get <resource> -A -o yaml` prints one `kind: List` whose
 * items carry their own `apiVersion` and `kind`; `kubectl config get-contexts -o name` one context
 * per line. The snapshot is those lists as kubectl printed them (nodes cut down to their labels),
 * one `---` document each, after a comment that says where and when it was read.
 */
import { parse, stringify } from 'yaml';
import { NODE_RESOURCE, type ClusterResource } from './resources';
import { isRecord } from '../plainData';

export type ParsedList =
  { ok: true; items: Record<string, unknown>[] } | { ok: false; reason: string };

/** The items of a `kind: List` (or `…List`) kubectl printed; anything else is a reason. */
export function parseKubectlList(stdout: string): ParsedList {
  let data: unknown;
  try {
    data = parse(stdout, { maxAliasCount: 0 });
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
  if (!isRecord(data) || typeof data.kind !== 'string' || !/List$/.test(data.kind))
    return { ok: false, reason: 'not a kind: List' };
  if (data.items === null || data.items === undefined) return { ok: true, items: [] };
  if (!Array.isArray(data.items)) return { ok: false, reason: 'items is not a list' };
  return { ok: true, items: data.items.filter(isRecord) };
}

/** The items of the expected kind (an item of another kind, or without a name, is dropped). */
export function itemsOfKind(
  items: readonly Record<string, unknown>[],
  kind: string,
): Record<string, unknown>[] {
  return items.filter((item) => {
    const metadata = item.metadata;
    return item.kind === kind && isRecord(metadata) && typeof metadata.name === 'string';
  });
}

/** A node cut down to what kube-storage reads: its name and labels (no status, no images). */
export function nodeLabelsOnly(node: Record<string, unknown>): Record<string, unknown> {
  const metadata = isRecord(node.metadata) ? node.metadata : {};
  const labels: Record<string, string> = {};
  if (isRecord(metadata.labels)) {
    for (const [key, value] of Object.entries(metadata.labels))
      if (typeof value === 'string') labels[key] = value;
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: metadata.name, ...(Object.keys(labels).length ? { labels } : {}) },
  };
}

/** Context names of `kubectl config get-contexts -o name`, in kubectl's order. */
export function parseContextNames(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** One resource as read: the YAML document for the snapshot and how many objects it holds. */
export interface ReadList {
  resource: ClusterResource;
  /** A `kind: List` document: kubectl's text for the storage kinds, the cut-down nodes otherwise. */
  document: string;
  count: number;
  /** Read in this namespace only (RBAC forbade listing every namespace). */
  namespace?: string;
}

/** The snapshot document of one resource's kubectl output; undefined when it is not a list. */
export function readList(
  resource: ClusterResource,
  stdout: string,
  namespace?: string,
): { ok: true; list: ReadList } | { ok: false; reason: string } {
  const parsed = parseKubectlList(stdout);
  if (!parsed.ok) return parsed;
  const items = itemsOfKind(parsed.items, resource.kind);
  const base = namespace ? { namespace } : {};
  if (resource === NODE_RESOURCE || resource.plural === NODE_RESOURCE.plural) {
    const nodes = items.map(nodeLabelsOnly);
    const document = stringify({ apiVersion: 'v1', kind: 'List', items: nodes });
    return { ok: true, list: { resource, document, count: nodes.length, ...base } };
  }
  // kubectl's own text: the objects exactly as the API server returned them.
  return { ok: true, list: { resource, document: stdout, count: items.length, ...base } };
}

export interface SnapshotHeader {
  context: string;
  /** ISO time of the read. */
  readAt: string;
  /** One line per resource that could not be read (kubectl's reason), for the comment. */
  notRead: string[];
}

/** The snapshot file: a comment naming the context and time, then one `---` document per list. */
export function snapshotText(header: SnapshotHeader, lists: readonly ReadList[]): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const comment = [
    `# Cluster snapshot: kubectl context "${oneLine(header.context)}", read ${header.readAt} by kube-storage`,
    '# (kubectl get <kind> -A -o yaml, read-only). The state of the cluster, not a manifest to apply.',
    ...lists
      .filter((l) => l.namespace)
      .map((l) => `# ${l.resource.plural}: namespace ${oneLine(l.namespace!)} only`),
    ...header.notRead.map((line) => `# not read: ${oneLine(line)}`),
  ];
  const documents = lists.map((l) => l.document.replace(/\s+$/, '') + '\n');
  return [comment.join('\n') + '\n', ...documents].join('---\n');
}
