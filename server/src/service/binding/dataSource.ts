/**
 * What a claim is filled from, for the binding result: the snapshot it restores or the claim it
 * clones (or a populator's object), as the API server keeps it (kubernetes/snapshots.ts).
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import {
  keptInDataSource,
  sourceNamespace,
  sourceType,
  type DataSourceRef,
} from '../kubernetes/snapshots';
import type { ClaimDataSource } from './types';

function refOf(value: unknown): DataSourceRef | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const text = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  return {
    apiGroup: text(v.apiGroup),
    kind: text(v.kind),
    name: text(v.name),
    namespace: text(v.namespace),
  };
}

/** The claim's source: `dataSourceRef`, else a `dataSource` the API server keeps; else undefined. */
export function claimDataSource(
  claim: PersistentVolumeClaim,
  namespace: string,
): ClaimDataSource | undefined {
  const fromRef = refOf(claim.spec?.dataSourceRef);
  const fromSource = refOf(claim.spec?.dataSource);
  const ref = fromRef ?? (fromSource && keptInDataSource(fromSource) ? fromSource : undefined);
  if (!ref?.kind || !ref.name) return undefined;
  const type = sourceType(ref);
  return {
    type: type === 'other' ? 'populator' : type,
    kind: ref.kind,
    ...(ref.apiGroup ? { apiGroup: ref.apiGroup } : {}),
    name: ref.name,
    namespace: sourceNamespace(ref, namespace),
  };
}
