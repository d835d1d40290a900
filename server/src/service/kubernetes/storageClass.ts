/**
 * Which StorageClass is the default: one Kubernetes fact, used by the rules, the binding
 * simulation and completion alike. Follows `IsDefaultAnnotation` in
 * kubernetes/kubernetes `pkg/apis/storage/v1/util/helpers.go`, which still honours the beta
 * annotation: a class marked default by either annotation is a default class.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { isRecord } from '../plainData';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
export const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

/** The default-class annotations in the order upstream reads them. */
const DEFAULT_CLASS_ANNOTATIONS = [
  DEFAULT_CLASS_ANNOTATION,
  BETA_DEFAULT_CLASS_ANNOTATION,
] as const;

/** Every annotation that marks this class default (unmarking it means removing them all). */
export function defaultClassAnnotations(metadata: ObjectMeta | undefined): string[] {
  const annotations = metadata?.annotations;
  if (!annotations || typeof annotations !== 'object') return [];
  return DEFAULT_CLASS_ANNOTATIONS.filter((key) => annotations[key] === 'true');
}

/** The annotation that makes this class a default one, if any (the GA one first). */
export function defaultClassAnnotation(metadata: ObjectMeta | undefined): string | undefined {
  return defaultClassAnnotations(metadata)[0];
}

/** `IsDefaultAnnotation`: the value must be exactly the string "true". */
export function isDefaultStorageClass(metadata: ObjectMeta | undefined): boolean {
  return defaultClassAnnotation(metadata) !== undefined;
}

/** The deprecated annotation that names a claim's class; it wins over `spec.storageClassName`. */
export const BETA_CLAIM_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/**
 * The class a claim asks for, as component-helpers/storage/volume reads it: the beta annotation,
 * when present, whatever its value (`""` included), wins over `spec.storageClassName`
 * (`GetPersistentVolumeClaimClass`); `""` means "no class". `undefined` when neither is set
 * (`PersistentVolumeClaimHasClass` is false): only such a claim gets the default class written
 * into it by the DefaultStorageClass admission plugin (or later by the PV controller).
 */
export function claimClassOf(
  betaAnnotation: unknown,
  storageClassName: unknown,
): string | undefined {
  if (typeof betaAnnotation === 'string') return betaAnnotation;
  return typeof storageClassName === 'string' ? storageClassName : undefined;
}

/** `claimClassOf` for a written claim (or claim template): its annotations and spec. */
export function writtenClaimClass(claim: {
  metadata?: unknown;
  spec?: unknown;
}): string | undefined {
  const annotations = recordAt(claim.metadata, 'annotations');
  const spec = isRecord(claim.spec) ? claim.spec : {};
  return claimClassOf(annotations?.[BETA_CLAIM_CLASS_ANNOTATION], spec.storageClassName);
}

function recordAt(v: unknown, key: string): Record<string, unknown> | undefined {
  const inner = isRecord(v) ? v[key] : undefined;
  return isRecord(inner) ? inner : undefined;
}
