/** Helpers shared by the rule families: where pod specs live, ranges of paths, small readers. */
import type { Container, PodSpec, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import {
  WORKLOAD_KINDS,
  volumesReplacedByClaimTemplates,
  workloadPodSpec,
  workloadPodSpecPath,
} from '../kubernetes/podSpec';
import { nodeSpan, nodesAtPath, type YamlPath } from '../parse/nodes';
import { shiftRange, type IndexedObject } from '../workspace/file';
import type { Range } from '../types';
import { isRecord } from '../plainData';

/** Kinds that run pods (kubernetes/podSpec.ts). */
export const workloadKinds: string[] = [...WORKLOAD_KINDS];

export interface PodSpecAt {
  spec: PodSpec;
  path: YamlPath;
  /** Volumes of the template the pods do not get: a StatefulSet's claim templates replace them. */
  replaced: ReadonlySet<string>;
}

/** A workload's pod spec with its path (for ranges), when it is there and is a map. */
export function podSpecOf(kind: string, data: Record<string, unknown>): PodSpecAt | undefined {
  const spec = workloadPodSpec(kind, data);
  const path = workloadPodSpecPath(kind);
  if (!spec || !path) return undefined;
  return { spec, path: [...path], replaced: volumesReplacedByClaimTemplates(kind, data) };
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerAt {
  container: Container;
  group: ContainerGroup;
  path: YamlPath;
}

export function containersOf(at: PodSpecAt): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const group of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const list = at.spec[group];
    if (!Array.isArray(list)) continue;
    list.forEach((container, i) => {
      if (isRecord(container)) {
        out.push({ container: container as Container, group, path: [...at.path, group, i] });
      }
    });
  }
  return out;
}

export interface MountAt {
  mount: VolumeMount;
  container: ContainerAt;
  path: YamlPath;
  field: 'volumeMounts' | 'volumeDevices';
}

export function mountsOf(c: ContainerAt): MountAt[] {
  const out: MountAt[] = [];
  for (const field of ['volumeMounts', 'volumeDevices'] as const) {
    const list = c.container[field];
    if (!Array.isArray(list)) continue;
    list.forEach((mount, i) => {
      if (isRecord(mount) && typeof mount.name === 'string') {
        out.push({ mount: mount as VolumeMount, container: c, path: [...c.path, field, i], field });
      }
    });
  }
  return out;
}

export interface VolumeAt {
  volume: Volume;
  path: YamlPath;
}

/**
 * The pod spec's volumes the pods get, with their paths; a volume a StatefulSet's claim template
 * replaces is not one of them (`writtenVolumesOf` lists every entry).
 */
export function volumesOf(at: PodSpecAt): VolumeAt[] {
  return writtenVolumesOf(at).filter((v) => !at.replaced.has(v.volume.name));
}

/** Every named entry of the pod spec's `volumes`, with its path. */
export function writtenVolumesOf(at: PodSpecAt): VolumeAt[] {
  const list = at.spec.volumes;
  if (!Array.isArray(list)) return [];
  const out: VolumeAt[] = [];
  list.forEach((volume, i) => {
    if (isRecord(volume) && typeof volume.name === 'string') {
      out.push({ volume: volume as Volume, path: [...at.path, 'volumes', i] });
    }
  });
  return out;
}

/** The names of a StatefulSet's volumeClaimTemplates. */
export function claimTemplatesOf(
  data: Record<string, unknown>,
): { name: string; template: Record<string, unknown>; path: YamlPath }[] {
  const list = get(data, ['spec', 'volumeClaimTemplates']);
  if (!Array.isArray(list)) return [];
  const out: { name: string; template: Record<string, unknown>; path: YamlPath }[] = [];
  list.forEach((t, i) => {
    const name = get(t, ['metadata', 'name']);
    if (isRecord(t)) {
      out.push({
        name: typeof name === 'string' ? name : '',
        template: t,
        path: ['spec', 'volumeClaimTemplates', i],
      });
    }
  });
  return out;
}

/**
 * The claim templates of a pod's generic ephemeral volumes (`ephemeral.volumeClaimTemplate`),
 * with the volume's path: each becomes the claim `<pod>-<volume>` (kubernetes/ephemeral.ts).
 */
export function ephemeralTemplatesOf(
  kind: string,
  data: Record<string, unknown>,
): { volume: VolumeAt; spec: Record<string, unknown>; path: YamlPath }[] {
  const at = podSpecOf(kind, data);
  if (!at) return [];
  return volumesOf(at).flatMap((v) => {
    const template = get(v.volume, ['ephemeral', 'volumeClaimTemplate']);
    if (!isRecord(template)) return [];
    const spec = isRecord(template.spec) ? template.spec : {};
    return [{ volume: v, spec, path: [...v.path, 'ephemeral', 'volumeClaimTemplate', 'spec'] }];
  });
}

/** Where an object writes a claim: a PVC itself, a StatefulSet's claim template, an ephemeral volume. */
export type ClaimSource = 'claim' | 'template' | 'ephemeral';

/** A claim as an object writes it: its metadata and spec as written (maybe not maps), with paths. */
export interface WrittenClaim {
  source: ClaimSource;
  metadata: unknown;
  metadataPath: YamlPath;
  spec: unknown;
  specPath: YamlPath;
}

/**
 * The claims an object writes: a PVC's own, a StatefulSet's `volumeClaimTemplates`, and the
 * templates of the generic ephemeral volumes (`ephemeral.volumeClaimTemplate`) of its pod spec.
 */
export function writtenClaimsOf(kind: string, data: Record<string, unknown>): WrittenClaim[] {
  const out: WrittenClaim[] = [];
  if (kind === 'PersistentVolumeClaim') {
    const metadataPath = ['metadata'];
    out.push({
      source: 'claim',
      metadata: data.metadata,
      metadataPath,
      spec: data.spec,
      specPath: ['spec'],
    });
  }
  for (const t of kind === 'StatefulSet' ? claimTemplatesOf(data) : []) {
    const { metadata, spec } = t.template;
    const [metadataPath, specPath] = [
      [...t.path, 'metadata'],
      [...t.path, 'spec'],
    ];
    out.push({ source: 'template', metadata, metadataPath, spec, specPath });
  }
  const at = podSpecOf(kind, data);
  for (const v of at ? volumesOf(at) : []) {
    const template = get(v.volume, ['ephemeral', 'volumeClaimTemplate']);
    if (!isRecord(template)) continue;
    const path = [...v.path, 'ephemeral', 'volumeClaimTemplate'];
    const [metadataPath, specPath] = [
      [...path, 'metadata'],
      [...path, 'spec'],
    ];
    out.push({
      source: 'ephemeral',
      metadata: template.metadata,
      metadataPath,
      spec: template.spec,
      specPath,
    });
  }
  return out;
}

export interface ClaimSpecAt {
  spec: Record<string, unknown>;
  path: YamlPath;
}

/** The specs of the claims an object writes (`writtenClaimsOf`) that are maps, of those sources. */
export function claimSpecsOf(
  kind: string,
  data: Record<string, unknown>,
  sources: readonly ClaimSource[] = ['claim', 'template', 'ephemeral'],
): ClaimSpecAt[] {
  return writtenClaimsOf(kind, data).flatMap((c) =>
    sources.includes(c.source) && isRecord(c.spec) ? [{ spec: c.spec, path: c.specPath }] : [],
  );
}

/**
 * `spec.<field>` of the object itself (a claim, a volume), or of each claim template for a
 * StatefulSet, with the path it stands at.
 */
export function claimSpecFields(
  kind: string,
  data: Record<string, unknown>,
  field: string,
): { value: unknown; path: YamlPath }[] {
  if (kind === 'StatefulSet') {
    return claimTemplatesOf(data).map((t) => ({
      value: get(t.template, ['spec', field]),
      path: [...t.path, 'spec', field],
    }));
  }
  return [{ value: get(data, ['spec', field]), path: ['spec', field] }];
}

/** Names in code spans for a message: `` `a`, `b` ``; with `max`, at most that many, then `…`. */
export function codeList(names: Iterable<string>, max = Infinity): string {
  const all = [...names];
  const shown = all.slice(0, max).map((n) => '`' + n + '`');
  return shown.join(', ') + (all.length > max ? ', …' : '');
}

export { isRecord };

export function get(v: unknown, path: YamlPath): unknown {
  let cur = v;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur)) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

/** `spec.replicas` of a workload; unset means 1. */
export function replicasOf(data: Record<string, unknown>): number {
  const r = get(data, ['spec', 'replicas']);
  return typeof r === 'number' ? r : 1;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A container's command line: its `command` and then its `args`, the string items of each. */
export function commandWords(c: Pick<Container, 'command' | 'args'>): string[] {
  return [...strings(c.command), ...strings(c.args)];
}

/** The namespace an object lands in when applied without `-n`: unset means `default`. */
export function namespaceOf(object: IndexedObject): string {
  return object.namespace || 'default';
}

/** Absolute range of the node at `path` (the deepest existing prefix), in the object's file. */
export function rangeAt(object: IndexedObject, path: YamlPath, onKey = false): Range {
  const doc = object.document.doc;
  for (let depth = path.length; depth > 0; depth--) {
    const nodes = nodesAtPath(doc, path.slice(0, depth));
    if (!nodes) continue;
    const preferKey = onKey || depth < path.length;
    const span = preferKey
      ? (nodeSpan(nodes.key) ?? nodeSpan(nodes.value))
      : (nodeSpan(nodes.value) ?? nodeSpan(nodes.key));
    if (span) return shiftRange(object.placed.chunk.rangeOf(span), object.placed.startLine);
  }
  return object.nameRange ?? object.range;
}

/**
 * `path` is `dir` or lies below it, by whole components (`/data/app` is below `/data`, `/database`
 * is not); every path is below `/`. Both are taken as written: normalize them first
 * (`normalizeHostPath`).
 */
export function isAtOrBelow(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(dir + '/');
}
