/** Builders for binding tests, in the spirit of the upstream test helpers (makePVC, createTestVolumes…). */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import {
  simulateBindings,
  type BindingInput,
  type BindingOptions,
  type BindingResult,
  type ClaimResult,
  type VolumeResult,
} from '../../../../server/src/service/binding';

export const RWO = 'ReadWriteOnce';
export const ROX = 'ReadOnlyMany';
export const RWX = 'ReadWriteMany';
export const RWOP = 'ReadWriteOncePod';

/** kubernetes-types marks status, uid and timestamps read-only; tests build such objects freely. */
export type Writable<T> = T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;
type Mod<T> = (o: Writable<T>) => void;

export function pv(
  name: string,
  size: string,
  modes: string[],
  mod?: Mod<PersistentVolume>,
): PersistentVolume {
  const o: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: size }, accessModes: modes, nfs: { server: 'nfs', path: '/' } },
  };
  mod?.(o as Writable<typeof o>);
  return o;
}

/** Like upstream `makePVC`: claim01 in myns, modes ROX+RWO. */
export function pvc(size: string, mod?: Mod<PersistentVolumeClaim>): PersistentVolumeClaim {
  const o: PersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'claim01', namespace: 'myns' },
    spec: { accessModes: [ROX, RWO], resources: { requests: { storage: size } } },
  };
  mod?.(o as Writable<typeof o>);
  return o;
}

export function sc(name: string, mod?: Mod<StorageClass>): StorageClass {
  const o: StorageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner: 'example.com/csi',
  };
  mod?.(o as Writable<typeof o>);
  return o;
}

export function asDefault(o: StorageClass, created?: string): void {
  o.metadata = {
    ...o.metadata,
    annotations: {
      ...o.metadata?.annotations,
      'storageclass.kubernetes.io/is-default-class': 'true',
    },
    ...(created ? { creationTimestamp: created } : {}),
  };
}

export interface World {
  volumes?: PersistentVolume[];
  claims?: PersistentVolumeClaim[];
  classes?: StorageClass[];
  sets?: StatefulSet[];
  pods?: { name: string; namespace?: string; claims: string[] }[];
}

export function simulate(world: World, options?: BindingOptions): BindingResult {
  const input: BindingInput = {
    volumes: (world.volumes ?? []).map((object) => ({ object })),
    claims: (world.claims ?? []).map((object) => ({ object })),
    storageClasses: (world.classes ?? []).map((object) => ({ object })),
    statefulSets: (world.sets ?? []).map((object) => ({ object })),
    workloads: [
      ...(world.pods ?? []).map((p) => ({
        kind: 'Pod',
        name: p.name,
        namespace: p.namespace,
        podSpec: {
          containers: [],
          volumes: p.claims.map((c, i) => ({
            name: `v${i}`,
            persistentVolumeClaim: { claimName: c },
          })),
        },
      })),
      ...(world.sets ?? []).map((s) => ({
        kind: 'StatefulSet',
        name: s.metadata!.name!,
        namespace: s.metadata?.namespace,
        podSpec: s.spec?.template?.spec,
      })),
    ],
  };
  return simulateBindings(input, options);
}

export function claimOf(result: BindingResult, key = 'myns/claim01'): ClaimResult {
  const found = result.claims.find((c) => `${c.namespace}/${c.name}` === key);
  if (!found) throw new Error(`no claim ${key} in result`);
  return found;
}

export function volumeOf(result: BindingResult, name: string): VolumeResult {
  const found = result.volumes.find((v) => v.name === name);
  if (!found) throw new Error(`no volume ${name} in result`);
  return found;
}

/** The volume one claim gets alone with these volumes: the index's `findBestMatchForClaim`. */
export function bestMatch(
  volumes: PersistentVolume[],
  claim: PersistentVolumeClaim,
  classes: StorageClass[] = [],
): string | null {
  return claimOf(
    simulate({ volumes, claims: [claim], classes }),
    `${claim.metadata!.namespace}/${claim.metadata!.name}`,
  ).volume;
}
