/**
 * The scheduler's volume binder for `WaitForFirstConsumer` claims, after
 * pkg/scheduler/framework/plugins/volumebinding/binder.go: `findMatchingVolumes` (a volume that
 * fits the claim on the pod's node) and `checkVolumeProvisions` (else the class may provision
 * one there).
 */
import { findMatchingVolume, isVolumeBoundToClaim } from './match';
import { topologyMatches } from './selectors';
import type { NodeView } from './pods';
import { NO_PROVISIONER, claimClass, type ClaimState, type VolumeState } from './state';
import type { Store } from './simulation';

export type SchedulerVerdict =
  | { kind: 'volume'; volume: VolumeState; prebound: boolean }
  | { kind: 'prebound-node-mismatch'; volume: string }
  | { kind: 'provision'; provisioner: string }
  | { kind: 'class-missing' | 'no-provisioner' | 'topology' };

export class VolumeBinder {
  constructor(private readonly store: Store) {}

  /**
   * binder.go `findMatchingVolumes`: the volume of the claim's class that fits on the node
   * (`volume.FindMatchingVolume` with the node; volumes already chosen for the pod's other claims
   * are excluded), else `checkVolumeProvisions`.
   */
  findMatchingVolumes(
    c: ClaimState,
    node: NodeView,
    chosen?: ReadonlySet<string>,
  ): SchedulerVerdict {
    const name = claimClass(c);
    const candidates = this.store.state.volumes.filter((v) => v.storageClass === name);
    const found = findMatchingVolume(c, candidates, node.labels, chosen, true, node.partial);
    if (found === 'prebound-node-mismatch') {
      const reserved = candidates.find((v) => isVolumeBoundToClaim(v, c));
      return { kind: 'prebound-node-mismatch', volume: reserved?.name ?? '' };
    }
    this.recordContest(c, candidates, node, found);
    if (found) return { kind: 'volume', volume: found, prebound: isVolumeBoundToClaim(found, c) };
    return this.checkVolumeProvisions(c, node);
  }

  /** binder.go `checkVolumeProvisions`: the class exists, has a provisioner, and allows the node. */
  checkVolumeProvisions(c: ClaimState, node: NodeView): SchedulerVerdict {
    const sc = this.store.state.classes.get(claimClass(c));
    if (!sc) return { kind: 'class-missing' };
    if (!sc.provisioner || sc.provisioner === NO_PROVISIONER) return { kind: 'no-provisioner' };
    if (!topologyMatches(sc.object.allowedTopologies, node.labels, node.partial))
      return { kind: 'topology' };
    return { kind: 'provision', provisioner: sc.provisioner };
  }

  /** The same search as if volumes taken during this simulation were still free. */
  private recordContest(
    c: ClaimState,
    candidates: readonly VolumeState[],
    node: NodeView,
    found: VolumeState | undefined,
  ): void {
    const before = findMatchingVolume(
      c,
      candidates.map((v) =>
        v.takenBy && v.takenBy !== c.key
          ? { ...v, claimRef: null, phase: 'Available' as const }
          : v,
      ),
      node.labels,
      undefined,
      true,
      node.partial,
    );
    const original =
      before === 'prebound-node-mismatch'
        ? undefined
        : this.store.volumeByName.get(before?.name ?? '');
    this.store.recordContest(c, found, original);
  }
}
