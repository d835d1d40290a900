/**
 * What the index keeps of a chunk without its parsed tree, as plain data that can cross a worker
 * thread (structured clone): each document's recognition, and the value of the documents
 * cross-file checks read (line starts are worked out from the text where they are needed). A
 * file's summary is made where it is parsed (a worker reading the workspace, node/scanWorker.ts)
 * and turned back into chunks by the index (workspace/file.ts) with the same results as parsing
 * the text there.
 */
import type { DocumentValue, ParsedChunk } from './chunk';
import type { Recognition } from './objects';
import { WORKLOAD_KINDS } from '../kubernetes/podSpec';
import { STORAGE_STATE_KINDS } from '../kubernetes/storageKinds';
import { classConfigMap } from '../kubernetes/classConfigMaps';
import { isLocalPathConfigMap } from '../kubernetes/localPathConfig';
import { isReleaseKind } from '../kubernetes/declaredRelease';

/**
 * The kinds whose plain data the index keeps with each object: what the cross-file rules'
 * lookups, the storage signature (rules/signature.ts) and the binding simulation read of every
 * object of the workspace — volumes, claims, classes, Services, snapshots, reference grants,
 * CRDs, CSI drivers and the workloads that mount claims. Other kinds are read from a tree built
 * on demand.
 */
export const DATA_KINDS: ReadonlySet<string> = new Set([
  ...STORAGE_STATE_KINDS,
  // What the rules' lookups read besides: namespaces.
  'Namespace',
  ...WORKLOAD_KINDS,
]);

/** True when the document's value is kept with it (see DATA_KINDS). */
export function keepsData(recognition: Recognition): boolean {
  if (recognition.type !== 'object') return false;
  const { kind, name } = recognition.facts;
  // A ConfigMap an operator makes a StorageClass from is read like the class, and so is
  // local-path-provisioner's configuration (kubernetes/localPathConfig.ts) and a Helm release whose
  // chart makes classes (kubernetes/releaseClasses.ts).
  return (
    DATA_KINDS.has(kind) ||
    (kind === 'ConfigMap' && (classConfigMap(name) !== undefined || isLocalPathConfigMap(name))) ||
    isReleaseKind(kind, recognition.facts.apiVersion)
  );
}

export interface DocumentSummary {
  recognition: Recognition;
  /** The document's value, for the kinds in DATA_KINDS. */
  value?: DocumentValue;
  /**
   * Where it names other objects (navigation/sites.ts, packed by navigation/packedSites.ts: one
   * string crosses threads and is kept at the cost of its text, read when navigation first asks),
   * found by the thread that read the file, so going to a definition or listing references needs no
   * tree of files nobody opened.
   */
  sites?: string;
  /** The hash of what the storage signature reads of it (rules/signature.ts `addStorageHashes`). */
  storageHash?: number;
}

export interface ChunkSummary {
  tooDeepAt?: number;
  docs: DocumentSummary[];
}

/**
 * A file's chunks, in the order `splitDocuments` gives them; undefined for a chunk that keeps its
 * trees anyway (a list: its items are trees), which is parsed where it is indexed.
 */
export interface FileSummary {
  /** Whether the chunks were parsed as a Helm template (actions masked). */
  template: boolean;
  chunks: (ChunkSummary | undefined)[];
}

/** The summary of a parsed chunk, or undefined when the chunk keeps its trees. */
export function summarizeChunk(chunk: ParsedChunk): ChunkSummary | undefined {
  if (chunk.docs.some((d) => d.items !== undefined)) return undefined;
  return {
    tooDeepAt: chunk.tooDeepAt,
    docs: chunk.docs.map((d) => {
      const value = keepsData(d.recognition) ? d.value() : undefined;
      return { recognition: withLabelsOf(d.recognition, value), value };
    }),
  };
}

/**
 * The recognition, its labels being the very object the value holds in `metadata.labels` when they
 * are the same strings in the same order: a structured clone then keeps one object, not two (on
 * the 5,000-file bench, the labels of 20,000 documents took 2.4 MB).
 */
function withLabelsOf(recognition: Recognition, value: DocumentValue | undefined): Recognition {
  if (recognition.type !== 'object' || !value?.ok) return recognition;
  const labels = labelsIn(value.data);
  if (!labels || labels === recognition.facts.labels) return recognition;
  if (!sameStrings(labels, recognition.facts.labels)) return recognition;
  return { type: 'object', facts: { ...recognition.facts, labels } };
}

function labelsIn(data: unknown): Record<string, string> | undefined {
  const metadata = (data as { metadata?: unknown } | null)?.metadata;
  const labels = (metadata as { labels?: unknown } | null | undefined)?.labels;
  return labels !== null && typeof labels === 'object' && isPlain(labels)
    ? (labels as Record<string, string>)
    : undefined;
}

function sameStrings(a: Record<string, unknown>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  const other = Object.keys(b);
  return keys.length === other.length && keys.every((k, i) => other[i] === k && a[k] === b[k]);
}

/** Strings longer than this are left as they come (names and values that repeat are short). */
const SHARED_STRING_MAX_LENGTH = 64;

/**
 * Makes the summaries of many files share their equal strings. A summary that crossed threads is
 * a structured clone, which copies every string value: each document's `type: 'object'`, each
 * kind, namespace, label and access mode, and an object's name twice (its facts and its data) —
 * on 5,000 files, half a million strings. `pool` maps a string to the copy kept; the caller
 * holds it for as long as it reads summaries (the scan) and lets it go with them.
 */
export function shareStrings(summary: FileSummary, pool: Map<string, string>): void {
  for (const chunk of summary.chunks) {
    for (const doc of chunk?.docs ?? []) shareIn(doc as unknown as Record<string, unknown>, pool);
  }
}

function shareIn(node: Record<string, unknown> | unknown[], pool: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = shared(node[i], pool);
    return;
  }
  for (const key of Object.keys(node)) node[key] = shared(node[key], pool);
}

/** The pooled copy of a short string; an object or array has its own strings pooled. */
function shared(value: unknown, pool: Map<string, string>): unknown {
  if (typeof value === 'string') {
    if (value.length > SHARED_STRING_MAX_LENGTH) return value;
    const kept = pool.get(value);
    if (kept !== undefined) return kept;
    pool.set(value, value);
    return value;
  }
  if (value !== null && typeof value === 'object' && isPlain(value))
    shareIn(value as Record<string, unknown>, pool);
  return value;
}

/** Plain objects and arrays (a value may hold a Set or bytes from YAML tags: left alone). */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}
