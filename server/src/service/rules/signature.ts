/**
 * The storage signature of the workspace: a number that changes only when something the
 * cross-file rules and the binding simulation read has changed — a volume, a claim, a class, a
 * Service, a StatefulSet's claim templates, the claims a workload mounts, its pods' generic
 * ephemeral volumes and what places them on a node. Typing in a probe, an
 * image or a comment leaves it as it was, so findings that depend on other objects stay valid.
 *
 * Each object contributes a fingerprint (a 53-bit hash of its uri, kind and the fields that
 * matter as JSON), computed once per parsed document; the signature compares the sequence of
 * fingerprints with the previous generation's. Equal sequences mean equal inputs in the same
 * order, so anything derived from them — except source positions, which the fingerprints leave
 * out — is the same.
 */
import { claimNamesOf, podSpecOf, WORKLOAD_KINDS } from '../binding/expand';
import type { DocumentValue, ParsedDocument } from '../parse/chunk';
import type { FileSummary } from '../parse/summary';
import type { IndexedObject, WorkspaceFile } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import { ephemeralVolumesOf, workloadPods } from '../kubernetes/ephemeral';
import { isRecord } from './util';
import { STORAGE_STATE_KINDS } from '../kubernetes/storageKinds';
import { hash53 } from '../text/hash';
import { isLocalPathConfigMap } from '../kubernetes/localPathConfig';

/** Every kind that takes part in the signature. */
const SIGNATURE_KINDS: readonly string[] = [...STORAGE_STATE_KINDS, ...WORKLOAD_KINDS];

/**
 * Of other kinds, the objects whose data a rule reads across files: local-path-provisioner's
 * ConfigMap, which says whether its classes' volumes are node-local (kubernetes/localPathConfig.ts).
 */
function readAsState(kind: string, name: string | undefined): boolean {
  return kind === 'ConfigMap' && isLocalPathConfigMap(name);
}

/**
 * The hash of the relevant part of each parsed document (as JSON), computed once, and the last
 * fingerprint built from it with what else went into it (uri, flags). Numbers rather than the JSON
 * itself: on 20,000 objects the JSON took some 10 MB for as long as the workspace was open, and
 * comparing two sequences of numbers is as cheap as comparing strings by reference.
 */
const relevantHash = new WeakMap<
  ParsedDocument,
  { body: number; uri?: string; flags?: string; fingerprint?: number }
>();

/** What of one object the cross-file rules and the binding simulation can see, as a hash. */
export function storageFingerprint(object: IndexedObject): number {
  let entry = relevantHash.get(object.document);
  if (entry === undefined) {
    const body =
      object.document.storageHash ?? storageBodyHash(object.kind, object.document.value());
    entry = { body };
    relevantHash.set(object.document, entry);
  }
  // The origin belongs to the file, not the document: a file named a snapshot keeps its parse.
  const flags = (object.template ? 't' : '') + (object.origin === 'cluster' ? 'c' : '');
  if (entry.fingerprint === undefined || entry.uri !== object.uri || entry.flags !== flags) {
    entry.uri = object.uri;
    entry.flags = flags;
    entry.fingerprint = hash53(
      `${object.uri}\u0000${object.kind}\u0000${flags}\u0000${entry.body}`,
    );
  }
  return entry.fingerprint;
}

/** The hash of what the signature reads of a document of `kind` with this value. */
function storageBodyHash(kind: string, value: DocumentValue): number {
  const data = value.ok && isRecord(value.data) ? value.data : undefined;
  return hash53(data ? JSON.stringify(relevantPart(kind, data)) : '!');
}

/**
 * Adds to a file's summary the hash of what the signature reads of each of its objects, worked out
 * once by the thread that parsed the file rather than by every thread that indexes the summary
 * (on 20,000 objects, some 0.2 s each). With the parsed `file` the summary was made from, its own
 * documents keep the hashes too.
 */
export function addStorageHashes(summary: FileSummary, file?: WorkspaceFile): void {
  summary.chunks.forEach((chunk, c) =>
    chunk?.docs.forEach((doc, d) => {
      const facts = doc.recognition.type === 'object' ? doc.recognition.facts : undefined;
      const kind = facts?.kind;
      if (kind === undefined || !doc.value) return;
      if (!SIGNATURE_KINDS.includes(kind) && !readAsState(kind, facts?.name)) return;
      doc.storageHash = storageBodyHash(kind, doc.value);
      const parsed = file?.chunks[c]?.chunk.docs[d];
      if (parsed) parsed.storageHash = doc.storageHash;
    }),
  );
}

function relevantPart(kind: string, data: Record<string, unknown>): unknown {
  // Storage state and a ConfigMap read as state (`readAsState`) count in full.
  if (STORAGE_STATE_KINDS.includes(kind) || kind === 'ConfigMap') return data;
  const pods = podFacts(kind, data);
  if (kind !== 'StatefulSet') {
    const metadata = isRecord(data.metadata) ? data.metadata : {};
    return { name: metadata.name, namespace: metadata.namespace, ...pods };
  }
  // A StatefulSet: everything but the pod template (replicas, ordinals, claim templates,
  // selector, service name, metadata), plus what the binding reads of its pods.
  const spec = isRecord(data.spec) ? { ...data.spec, template: undefined } : data.spec;
  return { ...data, spec, ...pods };
}

/**
 * What the binding reads of a workload's pods: the claims they mount by name, their generic
 * ephemeral volumes' templates and how many pods get one claim each, and what places a pod on a
 * node for `WaitForFirstConsumer` claims (binding/pods.ts).
 */
function podFacts(kind: string, data: Record<string, unknown>): Record<string, unknown> {
  const spec = podSpecOf(kind, data);
  const ephemeral = ephemeralVolumesOf(spec).map((v) => [v.volume, v.template]);
  const name = isRecord(data.metadata) ? String(data.metadata.name) : '';
  return {
    claims: claimNamesOf(spec),
    ...(ephemeral.length
      ? { ephemeral, pods: workloadPods(kind, name, data).map((p) => p.name) }
      : {}),
    placement: [spec?.nodeName, spec?.nodeSelector, spec?.affinity?.nodeAffinity],
  };
}

interface SignatureState {
  generation: number;
  version: number;
  fingerprints: number[];
}

const states = new WeakMap<Workspace, SignatureState>();

/** The current storage signature version of the workspace (computed once per generation). */
export function storageSignature(workspace: Workspace): number {
  // Read once, the workspace changes only while it is read: its generation is its signature, and
  // the fingerprints of 20,000 objects need not be worked out (0.2 s of each `lint` thread).
  if (workspace.readOnce) return workspace.generation;
  const state = states.get(workspace);
  if (state && state.generation === workspace.generation) return state.version;
  // The cluster's default class decides claims without a class as much as the objects do.
  const current: number[] = [hash53(JSON.stringify(workspace.cluster.defaultStorageClass) ?? '')];
  for (const kind of SIGNATURE_KINDS) {
    for (const object of workspace.objectsOfKind(kind)) current.push(storageFingerprint(object));
  }
  for (const object of workspace.objectsOfKind('ConfigMap')) {
    if (readAsState(object.kind, object.name)) current.push(storageFingerprint(object));
  }
  const same = state !== undefined && sameNumbers(state.fingerprints, current);
  const version = same ? state.version : (state?.version ?? 0) + 1;
  states.set(workspace, { generation: workspace.generation, version, fingerprints: current });
  return version;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
