/**
 * How a pod uses its volumes and what bounds them: which containers write to a volume, which
 * volume sources are always read-only, and the resource limits the kubelet enforces.
 */
import type { Volume } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../quantity';
import {
  containersOf,
  get,
  isRecord,
  mountsOf,
  str,
  type ContainerAt,
  type MountAt,
  type PodSpecAt,
} from './util';

/** Sources the kubelet always mounts read-only, whatever `readOnly` says. */
const READ_ONLY_SOURCES = ['configMap', 'secret', 'downwardAPI', 'projected', 'image'];

/** The source field of a volume (`emptyDir`, `nfs`…): its first key other than `name`. */
export function volumeTypeOf(volume: Volume): string | undefined {
  return Object.keys(volume).find((k) => k !== 'name');
}

export function isReadOnlySource(volume: Volume): boolean {
  const type = volumeTypeOf(volume);
  return !!type && READ_ONLY_SOURCES.includes(type);
}

/** An `emptyDir` on the node's disk (no `medium`, or `medium: ""`). */
export function isDiskEmptyDir(volume: Volume): boolean {
  return isRecord(volume.emptyDir) && !volume.emptyDir.medium;
}

export function isMemoryEmptyDir(volume: Volume): boolean {
  return isRecord(volume.emptyDir) && volume.emptyDir.medium === 'Memory';
}

/** Mounts (not devices) of a container that may write: `readOnly` is not `true`. */
export function writableMountsOf(c: ContainerAt): MountAt[] {
  return mountsOf(c).filter((m) => m.field === 'volumeMounts' && m.mount.readOnly !== true);
}

/** The containers (init, regular and ephemeral) that mount volume `name` writable. */
export function writersOf(at: PodSpecAt, name: string): ContainerAt[] {
  return containersOf(at).filter((c) => writableMountsOf(c).some((m) => m.mount.name === name));
}

export type LimitedResource = 'ephemeral-storage' | 'memory';

/** `resources.limits.<resource>` of a container, in bytes. */
export function containerLimit(c: ContainerAt, resource: LimitedResource): number | undefined {
  return parseQuantity(get(c.container, ['resources', 'limits', resource]));
}

/** The pod-level limit (`spec.resources.limits`, pod-level resources), in bytes. */
export function podLevelLimit(at: PodSpecAt, resource: LimitedResource): number | undefined {
  return parseQuantity(get(at.spec, ['resources', 'limits', resource]));
}

/**
 * True when the kubelet enforces a pod-wide `ephemeral-storage` limit: a pod-level limit, or any
 * init or regular container with one (the kubelet sums what is declared and evicts the pod when
 * its containers' writable layers, logs and disk `emptyDir` volumes together exceed it).
 */
export function hasPodEphemeralStorageLimit(at: PodSpecAt): boolean {
  if (podLevelLimit(at, 'ephemeral-storage') !== undefined) return true;
  return containersOf(at).some(
    (c) =>
      c.group !== 'ephemeralContainers' && containerLimit(c, 'ephemeral-storage') !== undefined,
  );
}

export function containerName(c: ContainerAt): string {
  return str(c.container.name) ?? '?';
}
