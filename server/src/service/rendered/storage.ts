/**
 * What a render creates, for the Helm values inspector's "Rendered storage": every claim (a
 * StatefulSet's claim templates expanded per replica, `<template>-<statefulset>-<ordinal>`, as the
 * binding simulation names them) with its class, size, access modes and binding outcome; every
 * workload with its volumes. Each row says where it comes from: the template line and, when a
 * value produced the field, the value's line (traced like the findings, see index.ts).
 */
import type { BindingResult, ClaimOutcome, ClaimPhase, ClaimResult } from '../binding/types';
import type { LocalizedText, Range } from '../types';
import type { RenderedChartsView, RenderedObject } from './types';
import type { NodePath } from './output';
import { valuePathText } from './values';

/** Where a row (or one of its fields) comes from. */
export interface RenderedLink {
  /** Chart-relative template and 1-based line. */
  template?: { file: string; line: number };
  /** The value that produced the field. */
  value?: {
    path: string;
    /** The values file's name (`values.yaml` of the chart, `my-values.yaml`, `--set`). */
    label: string;
    uri?: string;
    /** 0-based line in that file (absent for `--set`). */
    line?: number;
  };
}

export interface RenderedClaimRow {
  namespace: string;
  name: string;
  /** The StatefulSet whose claim template creates it, and the replica's ordinal. */
  statefulSet: string | null;
  ordinal: number | null;
  storageClass: string;
  size: string | null;
  accessModes: string[];
  outcome: ClaimOutcome;
  phase: ClaimPhase;
  volume: string | null;
  reason: LocalizedText;
  /** The object (its name), the size, the class and the access modes. */
  links: { object: RenderedLink; size: RenderedLink; class: RenderedLink; modes: RenderedLink };
}

export interface RenderedWorkloadRow {
  kind: string;
  name: string;
  replicas: number | null;
  /** Each pod volume: its name and source (`persistentVolumeClaim data`, `emptyDir`…). */
  volumes: { name: string; source: string }[];
  /** A StatefulSet's claim templates. */
  claimTemplates: string[];
  link: RenderedLink;
}

export interface RenderedStorage {
  state: 'rendered' | 'failed' | 'none';
  /** Why there is nothing to show (helm failed, rendering off…). */
  message?: LocalizedText;
  claims: RenderedClaimRow[];
  workloads: RenderedWorkloadRow[];
}

const WORKLOAD_POD_SPEC: Record<string, NodePath> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function at(data: unknown, path: NodePath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The fields of a claim in its object: a PersistentVolumeClaim's spec, a StatefulSet's claim
 * template's, or a pod's generic ephemeral volume's template; `name` is where the claim is named.
 */
export interface ClaimPlace {
  object: RenderedObject;
  spec: NodePath;
  name: NodePath;
  ordinal: number | null;
  statefulSet: string | null;
}

export function claimPlace(
  objects: readonly RenderedObject[],
  claim: ClaimResult,
): ClaimPlace | undefined {
  const line = claim.source?.range.start.line;
  if (line === undefined) return undefined;
  const object = objects.find((o) => o.startLine <= line && line <= o.endLine);
  if (!object) return undefined;
  if (claim.ephemeral) return ephemeralPlace(object, claim.ephemeral);
  if (!claim.fromStatefulSet)
    return { object, spec: ['spec'], name: ['metadata', 'name'], ordinal: null, statefulSet: null };
  const ordinal = Number(/-(\d+)$/.exec(claim.name)?.[1] ?? NaN);
  const suffix = `-${claim.fromStatefulSet}-${ordinal}`;
  const template = claim.name.endsWith(suffix) ? claim.name.slice(0, -suffix.length) : undefined;
  const templates = at(object.data, ['spec', 'volumeClaimTemplates']);
  const index = Array.isArray(templates)
    ? templates.findIndex((t) => at(t, ['metadata', 'name']) === template)
    : -1;
  if (index < 0) return undefined;
  return {
    object,
    spec: ['spec', 'volumeClaimTemplates', index, 'spec'],
    name: ['spec', 'volumeClaimTemplates', index, 'metadata', 'name'],
    ordinal: Number.isNaN(ordinal) ? null : ordinal,
    statefulSet: claim.fromStatefulSet,
  };
}

/** The claim of a pod's generic ephemeral volume: the volume's `volumeClaimTemplate`. */
function ephemeralPlace(
  object: RenderedObject,
  origin: NonNullable<ClaimResult['ephemeral']>,
): ClaimPlace | undefined {
  const podSpec = WORKLOAD_POD_SPEC[origin.kind];
  const volumes = podSpec ? at(object.data, [...podSpec, 'volumes']) : undefined;
  const index = Array.isArray(volumes)
    ? volumes.findIndex((v) => at(v, ['name']) === origin.volume)
    : -1;
  if (!podSpec || index < 0) return undefined;
  const volume = [...podSpec, 'volumes', index];
  return {
    object,
    spec: [...volume, 'ephemeral', 'volumeClaimTemplate', 'spec'],
    name: [...volume, 'name'],
    ordinal: null,
    statefulSet: null,
  };
}

/** The ranges of the rendered fields the rows show (to trace them to values first). */
export function renderedStorageFields(
  charts: RenderedChartsView,
  key: string,
  bindings: BindingResult,
): Range[] {
  const uri = charts.uriOf(key);
  if (!uri) return [];
  const objects = charts.objects(key);
  const ranges: Range[] = [];
  for (const claim of bindings.claims) {
    if (claim.source?.uri !== uri) continue;
    const place = claimPlace(objects, claim);
    if (!place) continue;
    for (const path of claimFields(place))
      ranges.push(...[place.object.rangeOf(path)].filter((r): r is Range => !!r));
  }
  return ranges;
}

function claimFields(place: ClaimPlace): NodePath[] {
  const s = place.spec;
  return [
    [...s, 'resources', 'requests', 'storage'],
    [...s, 'storageClassName'],
    [...s, 'accessModes'],
  ];
}

/** The rows of a render (empty when it failed or was not made). */
export function renderedStorage(
  charts: RenderedChartsView,
  key: string,
  bindings: BindingResult,
): RenderedStorage {
  const uri = charts.uriOf(key);
  const problem = charts.problemOf(key);
  if (problem) return { state: 'failed', message: problem.message, claims: [], workloads: [] };
  if (!uri) return { state: 'none', claims: [], workloads: [] };
  const objects = charts.objects(key);
  const link = (object: RenderedObject, path: NodePath): RenderedLink => {
    const range = object.rangeOf(path);
    return range ? linkOf(charts, uri, range) : {};
  };
  const claims: RenderedClaimRow[] = [];
  for (const claim of bindings.claims) {
    if (claim.source?.uri !== uri) continue;
    const place = claimPlace(objects, claim);
    const spec = place ? record(at(place.object.data, place.spec)) : {};
    const size = at(spec, ['resources', 'requests', 'storage']);
    const modes = at(spec, ['accessModes']);
    const [sizePath, classPath, modesPath] = place ? claimFields(place) : [];
    claims.push({
      namespace: claim.namespace,
      name: claim.name,
      statefulSet: claim.fromStatefulSet,
      ordinal: place?.ordinal ?? null,
      storageClass: claim.storageClass,
      size: size === undefined || size === null ? null : String(size),
      accessModes: Array.isArray(modes) ? modes.map(String) : [],
      outcome: claim.outcome,
      phase: claim.phase,
      volume: claim.volume,
      reason: { en: claim.reason.en, ru: claim.reason.ru },
      links: place
        ? {
            object: link(place.object, place.name),
            size: link(place.object, sizePath!),
            class: link(place.object, classPath!),
            modes: link(place.object, modesPath!),
          }
        : { object: {}, size: {}, class: {}, modes: {} },
    });
  }
  const workloads: RenderedWorkloadRow[] = [];
  for (const object of objects) {
    const podSpec = object.kind ? WORKLOAD_POD_SPEC[object.kind] : undefined;
    if (!podSpec || !object.kind) continue;
    const volumes = at(object.data, [...podSpec, 'volumes']);
    const templates = at(object.data, ['spec', 'volumeClaimTemplates']);
    const replicas = at(object.data, ['spec', 'replicas']);
    workloads.push({
      kind: object.kind,
      name: object.name ?? '',
      replicas:
        typeof replicas === 'number'
          ? replicas
          : ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(object.kind)
            ? 1
            : null,
      volumes: Array.isArray(volumes) ? volumes.map(volumeOf) : [],
      claimTemplates: Array.isArray(templates)
        ? templates.map((t) => String(at(t, ['metadata', 'name']) ?? ''))
        : [],
      link: link(object, ['metadata', 'name']),
    });
  }
  return { state: 'rendered', claims, workloads };
}

/** `persistentVolumeClaim data-claim`, `emptyDir 1Gi`, `hostPath /var/lib/x`, `configMap app`. */
function volumeOf(volume: unknown): { name: string; source: string } {
  const v = record(volume);
  const kind = Object.keys(v).find((k) => k !== 'name') ?? '';
  const source = record(v[kind]);
  const detail =
    source.claimName ?? source.sizeLimit ?? source.path ?? source.name ?? source.secretName;
  return {
    name: String(v.name ?? ''),
    source: detail === undefined ? kind : `${kind} ${String(detail)}`,
  };
}

export function linkOf(charts: RenderedChartsView, uri: string, range: Range): RenderedLink {
  const found = charts.traceRange(uri, range);
  if (!found) return {};
  const { trace } = found;
  const out: RenderedLink = {};
  if (trace.template && trace.templateLine !== undefined)
    out.template = { file: trace.template, line: trace.templateLine + 1 };
  const leaf = trace.values[0];
  const layer = leaf ? charts.layerOf(found.entryKey, leaf.layer) : undefined;
  if (leaf && layer)
    out.value = {
      path: valuePathText(leaf.path),
      label: layer.label,
      ...(layer.uri ? { uri: layer.uri } : {}),
      ...(layer.kind === 'set' ? {} : { line: leaf.range.start.line }),
    };
  return out;
}
