/**
 * CSI volume snapshots and data sources: one place for the facts the rules, navigation and the
 * binding preview share. Types follow kubernetes-csi/external-snapshotter `client/apis/
 * volumesnapshot/v1/types.go` (no kubernetes-types package covers the CRDs); what the API server
 * does with a claim's `dataSource` follows kubernetes/kubernetes
 * `pkg/api/persistentvolumeclaim/util.go` (`EnforceDataSourceBackwardsCompatibility`,
 * `DropDisabledFields`) and `ValidatePersistentVolumeClaimSpec`.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';
export const REFERENCE_GRANT_GROUP = 'gateway.networking.k8s.io';

/**
 * An apiVersion of the snapshot group. Kubernetes itself serves none: the CRDs of
 * external-snapshotter (client/config/crd) do, and its releases since 6.0 serve only `v1`
 * (`v1beta1` is kept with `served: false`, CHANGELOG-6.0).
 */
export function isSnapshotApiVersion(apiVersion: string): boolean {
  return apiVersion.startsWith(`${SNAPSHOT_GROUP}/`);
}

/** external-snapshotter: a snapshot class its driver's snapshots get when they name none. */
export const DEFAULT_SNAPSHOT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';

/** external-provisioner: a content that may be restored into a claim of another volume mode. */
export const ALLOW_VOLUME_MODE_CHANGE_ANNOTATION =
  'snapshot.storage.kubernetes.io/allow-volume-mode-change';

export interface VolumeSnapshot {
  metadata?: ObjectMeta;
  spec?: {
    source?: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
    volumeSnapshotClassName?: string;
  };
  status?: { restoreSize?: string | number; boundVolumeSnapshotContentName?: string };
}

export interface VolumeSnapshotClass {
  metadata?: ObjectMeta;
  driver?: string;
  deletionPolicy?: string;
  parameters?: Record<string, string>;
}

export interface VolumeSnapshotContent {
  metadata?: ObjectMeta;
  spec?: {
    driver?: string;
    deletionPolicy?: string;
    sourceVolumeMode?: string;
    volumeSnapshotClassName?: string;
    volumeSnapshotRef?: { name?: string; namespace?: string };
    source?: { snapshotHandle?: string; volumeHandle?: string };
  };
  status?: { restoreSize?: number };
}

/** A ReferenceGrant (Gateway API): objects of `to` in its namespace may be named from `from`. */
export interface ReferenceGrant {
  metadata?: ObjectMeta;
  spec?: {
    from?: { group?: string; kind?: string; namespace?: string }[];
    to?: { group?: string; kind?: string; name?: string }[];
  };
}

/** A claim's `dataSource` or `dataSourceRef` as written. */
export interface DataSourceRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** What the source is: a claim to clone, a snapshot to restore, or something for a populator. */
export type SourceType = 'clone' | 'restore' | 'other';

export function sourceType(ref: DataSourceRef): SourceType {
  const group = ref.apiGroup ?? '';
  if (ref.kind === 'PersistentVolumeClaim' && group === '') return 'clone';
  if (ref.kind === 'VolumeSnapshot' && group === SNAPSHOT_GROUP) return 'restore';
  return 'other';
}

/**
 * True when the API server keeps `dataSource` as written: only a claim (core group) or a
 * VolumeSnapshot; anything else is silently dropped when `dataSourceRef` is not set.
 */
export function keptInDataSource(ref: DataSourceRef): boolean {
  return sourceType(ref) !== 'other';
}

/** The namespace a data source lives in: `dataSourceRef.namespace`, else the claim's own. */
export function sourceNamespace(ref: DataSourceRef, claimNamespace: string): string {
  return typeof ref.namespace === 'string' && ref.namespace ? ref.namespace : claimNamespace;
}

/** `IsDefaultSnapshotClass`: the annotation must be exactly the string "true". */
export function isDefaultSnapshotClass(metadata: ObjectMeta | undefined): boolean {
  const annotations = metadata?.annotations;
  return !!annotations && annotations[DEFAULT_SNAPSHOT_CLASS_ANNOTATION] === 'true';
}

/** True when a grant in the source's namespace lets claims of `claimNamespace` name the source. */
export function grantAllows(
  grant: ReferenceGrant,
  claimNamespace: string,
  ref: DataSourceRef,
): boolean {
  const from = Array.isArray(grant.spec?.from) ? grant.spec.from : [];
  const to = Array.isArray(grant.spec?.to) ? grant.spec.to : [];
  const fromOk = from.some(
    (f) =>
      (f?.group ?? '') === '' &&
      f?.kind === 'PersistentVolumeClaim' &&
      f?.namespace === claimNamespace,
  );
  const toOk = to.some(
    (t) =>
      (t?.group ?? '') === (ref.apiGroup ?? '') &&
      t?.kind === ref.kind &&
      (t?.name === undefined || t.name === '' || t.name === ref.name),
  );
  return fromOk && toOk;
}
