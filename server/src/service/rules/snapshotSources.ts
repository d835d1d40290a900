/**
 * What a claim restores or clones, resolved across the workspace for the snapshot rules: the data
 * source the API server keeps, the snapshot or claim it names, and the facts of that source that
 * decide whether the CSI provisioner can create the volume (size, driver, class, volume mode).
 */
import type { PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import {
  keptInDataSource,
  sourceNamespace,
  sourceType,
  type DataSourceRef,
  type SourceType,
  type VolumeSnapshot,
  type VolumeSnapshotContent,
} from '../kubernetes/snapshots';
import type { YamlPath } from '../parse/nodes';
import { parseQuantity } from '../quantity';
import type { ClaimEntry, Found, Lookups } from './lookups';
import type { RuleContext } from './types';
import { claimSpecsOf as writtenClaimSpecs, get, isRecord, str, type ClaimSpecAt } from './util';

/** A claim spec of an object: a PVC's own, or each claim template of a StatefulSet. */
/** Kinds whose claims (a claim, a StatefulSet's claim templates) may restore or clone. */
export const SNAPSHOT_CLAIM_KINDS = ['PersistentVolumeClaim', 'StatefulSet'];

export type { ClaimSpecAt };

/** The claim specs a data source is written in: a PVC's own and a StatefulSet's claim templates. */
export function claimSpecsOf(kind: string, data: Record<string, unknown>): ClaimSpecAt[] {
  return writtenClaimSpecs(kind, data, ['claim', 'template']);
}

export type SourceField = 'dataSource' | 'dataSourceRef';

/** A data source as written in one of the two fields. */
export interface WrittenSource {
  field: SourceField;
  ref: DataSourceRef;
  path: YamlPath;
}

export function writtenSource(at: ClaimSpecAt, field: SourceField): WrittenSource | undefined {
  const value = at.spec[field];
  if (!isRecord(value)) return undefined;
  const ref: DataSourceRef = {
    apiGroup: str(value.apiGroup),
    kind: str(value.kind),
    name: str(value.name),
    namespace: str(value.namespace),
  };
  return { field, ref, path: [...at.path, field] };
}

/**
 * The source the API server acts on: `dataSourceRef` when set, else `dataSource` when it is a
 * claim or a snapshot (anything else in `dataSource` alone is dropped).
 */
export function effectiveSource(at: ClaimSpecAt): WrittenSource | undefined {
  const ref = writtenSource(at, 'dataSourceRef');
  if (ref) return ref;
  const source = writtenSource(at, 'dataSource');
  return source && keptInDataSource(source.ref) ? source : undefined;
}

/** A claim's source resolved in the workspace. */
export interface ResolvedSource {
  written: WrittenSource;
  type: SourceType;
  name: string;
  namespace: string;
  snapshot?: Found<VolumeSnapshot>;
  /** The content bound to (or named by) the snapshot. */
  content?: Found<VolumeSnapshotContent>;
  /** The claim cloned, or the claim the snapshot was taken from. */
  claim?: ClaimEntry;
}

/**
 * The claim's source in the workspace. Other objects are read (`ctx.lookups`) only when the claim
 * names a source: for the others a rule stays a check of the claim alone, which the editor's first
 * diagnostics and a lint thread's precheck give at once (rules/engine.ts). `near` is the file of
 * the claim: of a source name written in several folders, the nearest copy is meant.
 */
export function resolveSource(
  at: ClaimSpecAt,
  claimNamespace: string,
  ctx: Pick<RuleContext, 'lookups'>,
  near?: string,
): ResolvedSource | undefined {
  const written = effectiveSource(at);
  if (!written?.ref.name) return undefined;
  const lookups = ctx.lookups;
  const type = sourceType(written.ref);
  const namespace = sourceNamespace(written.ref, claimNamespace);
  const name = written.ref.name;
  const out: ResolvedSource = { written, type, name, namespace };
  if (type === 'clone') out.claim = lookups.claim(namespace, name, near);
  if (type === 'restore') {
    out.snapshot = lookups.snapshot(namespace, name);
    const data = out.snapshot?.data;
    const contentName =
      str(data?.status?.boundVolumeSnapshotContentName) ??
      str(data?.spec?.source?.volumeSnapshotContentName);
    if (contentName) out.content = lookups.snapshotContents.get(contentName);
    const claimName = str(data?.spec?.source?.persistentVolumeClaimName);
    if (claimName) out.claim = lookups.claim(namespace, claimName, out.snapshot?.object.uri);
  }
  return out;
}

export function requestOf(spec: PersistentVolumeClaimSpec | Record<string, unknown>): unknown {
  return get(spec, ['resources', 'requests', 'storage']);
}

/** The smallest size a volume made from the source may have, as written and in bytes. */
export function sourceSize(
  source: ResolvedSource,
): { text: string; bytes: number; from: 'restoreSize' | 'claim' } | undefined {
  const restoreSize = source.snapshot?.data.status?.restoreSize;
  const fromStatus = parseQuantity(restoreSize);
  if (fromStatus !== undefined)
    return { text: String(restoreSize), bytes: fromStatus, from: 'restoreSize' };
  const contentSize = source.content?.data.status?.restoreSize;
  if (typeof contentSize === 'number' && contentSize > 0)
    return { text: String(contentSize), bytes: contentSize, from: 'restoreSize' };
  const request = source.claim ? requestOf(source.claim.spec) : undefined;
  const bytes = parseQuantity(request);
  return bytes === undefined ? undefined : { text: String(request), bytes, from: 'claim' };
}

/** The volume mode of the source (`Filesystem` when unset), or undefined when unknown. */
export function sourceVolumeMode(source: ResolvedSource): string | undefined {
  const fromContent = str(source.content?.data.spec?.sourceVolumeMode);
  if (fromContent) return fromContent;
  if (!source.claim) return undefined;
  return str(source.claim.spec.volumeMode) ?? 'Filesystem';
}

/**
 * The StorageClass a claim spec is provisioned from: the one it names (the copy nearest `near`,
 * the file of the claim), or the workspace's only default class when it names none; undefined
 * when unknown or `""`.
 */
export function classOf(
  spec: PersistentVolumeClaimSpec | Record<string, unknown>,
  lookups: Lookups,
  near?: string,
): Found<StorageClass> | undefined {
  const name = (spec as Record<string, unknown>).storageClassName;
  if (typeof name === 'string') return name ? lookups.storageClass(name, near) : undefined;
  return lookups.defaultClasses.length === 1 ? lookups.defaultClasses[0] : undefined;
}

/**
 * The CSI driver that holds a restored snapshot: the driver of its snapshot class, of its
 * content, or else the provisioner of the class of the claim it was taken from.
 */
export function snapshotDriver(source: ResolvedSource, lookups: Lookups): string | undefined {
  const className = str(source.snapshot?.data.spec?.volumeSnapshotClassName);
  const fromClass = className
    ? str(lookups.snapshotClasses.get(className)?.data.driver)
    : undefined;
  if (fromClass) return fromClass;
  const fromContent = str(source.content?.data.spec?.driver);
  if (fromContent) return fromContent;
  const claim = source.claim;
  return claim ? str(classOf(claim.spec, lookups, claim.object.uri)?.data.provisioner) : undefined;
}
