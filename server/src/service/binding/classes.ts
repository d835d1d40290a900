/** StorageClasses as the simulation sees them, and the controller's choice of the default one. */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { isDefaultStorageClass } from '../kubernetes/storageClass';
import type { SourceRef } from './types';

export interface ClassState {
  name: string;
  object: StorageClass;
  source?: SourceRef;
  provisioner: string;
  waitForFirstConsumer: boolean;
  isDefault: boolean;
  creation?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The simulation's view of a StorageClass; undefined when it has no name. */
export function classState(object: StorageClass, source?: SourceRef): ClassState | undefined {
  const name = str(object?.metadata?.name);
  if (!name) return undefined;
  return {
    name,
    object,
    source,
    provisioner: str(object.provisioner) ?? '',
    waitForFirstConsumer: object.volumeBindingMode === 'WaitForFirstConsumer',
    isDefault: isDefaultClass(object),
    creation: str(object.metadata?.creationTimestamp),
  };
}

export function isDefaultClass(sc: StorageClass): boolean {
  return isDefaultStorageClass(sc.metadata);
}

/**
 * `GetDefaultClass` (plugin/pkg/admission/storage/storageclass/setdefault, also used by the PV
 * controller): of the classes marked default, the newest by `creationTimestamp`, ties by name.
 * Classes without a timestamp are being applied now, so they are the newest (and equal).
 */
export function pickDefaultClass(classes: readonly ClassState[]): ClassState | undefined {
  const time = (c: ClassState): number => {
    const t = c.creation ? Date.parse(c.creation) : NaN;
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  return classes
    .filter((c) => c.isDefault)
    .sort((a, b) => {
      const ta = time(a);
      const tb = time(b);
      if (ta !== tb) return ta > tb ? -1 : 1;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    })[0];
}
