/**
 * The PV controller, simulated: kubernetes/kubernetes pkg/controller/volume/persistentvolume/
 * pv_controller.go. `syncVolume` and `syncClaim` run over every volume and claim, round after
 * round, until nothing changes. With a node to schedule to, `WaitForFirstConsumer` claims that a
 * pod uses take the scheduler's path (`scheduler.ts`). The result is built in `results.ts`.
 */
import { removedPluginOfProvisioner } from '../kubernetes/removedVolumePlugins';
import { localize } from '../i18n/format';
import { volumeReasons } from './reasonMessages';
import { checkVolumeSatisfiesClaim, isVolumeBoundToClaim } from './match';
import {
  NO_PROVISIONER,
  claimClass,
  claimHasClass,
  claimKey,
  type ClaimState,
  type VolumeState,
} from './state';
import type { BindingResult } from './types';
import { buildResult } from './results';
import { Store, type SimulationState } from './simulation';
import { VolumeBinder } from './scheduler';
import { PodScheduler } from './podScheduling';
import { formatQuantity } from './format';

export { classState, isDefaultClass, pickDefaultClass, type ClassState } from './classes';
export type { SimulationState } from './simulation';

export class PersistentVolumeController {
  readonly store: Store;
  readonly pods: PodScheduler;

  constructor(readonly state: SimulationState) {
    this.store = new Store(state);
    this.pods = new PodScheduler(this.store, new VolumeBinder(this.store));
  }

  /** The controller's resync, repeated: every volume, then every claim, until nothing changes. */
  run(): { rounds: number; stable: boolean } {
    let rounds = 0;
    while (rounds < this.state.maxRounds) {
      rounds++;
      const before = this.store.version;
      for (const v of this.state.volumes) this.syncVolume(v);
      for (const c of this.state.claims) this.syncClaim(c);
      if (this.store.version === before) return { rounds, stable: true };
    }
    return { rounds, stable: false };
  }

  /** pv_controller.go `syncVolume`. */
  syncVolume(v: VolumeState): void {
    const store = this.store;
    if (v.deleted) return;
    // "Volume is unused" / "Volume is pre-bound to a claim that does not exist yet".
    if (!v.claimRef || !v.claimRef.uid) {
      store.setVolumePhase(v, 'Available');
      return;
    }
    const ref = v.claimRef;
    let claim = store.claimByKey.get(claimKey(ref.namespace, ref.name));
    if (claim && claim.uid !== ref.uid) claim = undefined; // "claim has a different UID"
    if (!claim) {
      this.releaseVolume(v, claimKey(ref.namespace, ref.name));
      return;
    }
    // Bound volume, pending claim: the claim's sync finishes the binding (unless volumeMode differs).
    if (claim.volumeName === '') return;
    if (claim.volumeName === v.name) {
      store.setVolumePhase(v, 'Bound');
      return;
    }
    // "Volume is bound to a claim, but the claim is bound elsewhere".
    if (v.provisionedBy && v.reclaimPolicy === 'Delete') {
      if (v.phase !== 'Released' && v.phase !== 'Failed') store.setVolumePhase(v, 'Released');
      this.reclaimVolume(v);
      return;
    }
    this.unbindVolume(v);
  }

  /** `syncVolume`, claim gone: "Volume is released", then `reclaimVolume`. */
  private releaseVolume(v: VolumeState, claim: string): void {
    if (v.phase !== 'Released' && v.phase !== 'Failed') {
      v.note = {
        key: 'releasedClaimMissing',
        text: localize(volumeReasons.releasedClaimMissing, { claim, policy: v.reclaimPolicy }),
      };
      this.store.setVolumePhase(v, 'Released');
    }
    this.reclaimVolume(v);
  }

  /** pv_controller.go `syncClaim`: the `pv.kubernetes.io/bind-completed` annotation decides. */
  syncClaim(c: ClaimState): void {
    if (c.bindCompleted) this.syncBoundClaim(c);
    else this.syncUnboundClaim(c);
  }

  /** pv_controller.go `syncUnboundClaim`. */
  syncUnboundClaim(c: ClaimState): void {
    if (c.volumeName === '') this.syncClaimWithoutVolumeName(c);
    else this.syncClaimNamingVolume(c);
  }

  /** `syncUnboundClaim`, `claim.Spec.VolumeName == ""`: the best match, else provision or wait. */
  private syncClaimWithoutVolumeName(c: ClaimState): void {
    const store = this.store;
    if (c.unnamedClusterDefault) {
      // A class the input does not hold: none of its volumes are known, its provisioner is
      // (and refuses a claim with a selector).
      this.pending(c, c.hasSelector ? 'pendingSelectorClusterDefault' : 'provisionClusterDefault');
      return;
    }
    if (c.selectorError !== undefined) {
      this.pending(c, 'pendingInvalidSelector', { detail: c.selectorError });
      return;
    }
    const delay = store.isDelayBinding(c);
    // `findBestMatchForClaim` (index.go).
    const volume = store.index.findBestMatch(c, delay);
    if (!delay) store.recordContest(c, volume, store.index.findBestMatch(c, delay, true));
    if (volume) {
      const prebound = isVolumeBoundToClaim(volume, c);
      this.bind(volume, c);
      store.decide(c, prebound ? 'boundPrebound' : 'boundMatch', {
        volume: volume.name,
        capacity: formatQuantity(volume.capacityText, volume.capacity),
      });
      return;
    }
    if (this.assignDefaultStorageClass(c)) return;
    if (delay && !c.selectedNode && this.schedule(c)) return;
    if (delay && !c.selectedNode) this.waitForFirstConsumer(c);
    else if (claimClass(c) !== '') this.provisionClaim(c);
    else store.decide(c, 'pendingNoClass');
    store.setClaimPhase(c, 'Pending');
  }

  /** A delayed claim without a selected node and no node to schedule to: it waits. */
  private waitForFirstConsumer(c: ClaimState): void {
    this.store.decide(c, c.consumers.length ? 'waitForFirstConsumer' : 'waitNoConsumer', {
      class: claimClass(c),
    });
  }

  /** `syncUnboundClaim`, `claim.Spec.VolumeName != ""`: the user asked for a specific volume. */
  private syncClaimNamingVolume(c: ClaimState): void {
    const store = this.store;
    const volume = store.volumeByName.get(c.volumeName);
    if (!volume || volume.deleted) {
      this.pending(c, 'pendingVolumeNameMissing', { volume: c.volumeName });
      return;
    }
    if (!volume.claimRef) {
      // "User asked for a PV that is not claimed": `checkVolumeSatisfyClaim`, then `bind`.
      const problem = checkVolumeSatisfiesClaim(volume, c);
      if (problem) {
        this.pending(c, 'pendingVolumeNameUnfit', { volume: volume.name, detail: problem.text });
        return;
      }
      this.bind(volume, c);
      store.decide(c, 'boundVolumeName', { volume: volume.name });
      return;
    }
    if (isVolumeBoundToClaim(volume, c)) {
      this.bind(volume, c);
      store.decide(c, 'boundVolumeName', { volume: volume.name });
      return;
    }
    const other = claimKey(volume.claimRef.namespace, volume.claimRef.name);
    if (c.boundByController) {
      // "This should never happen because someone had to remove AnnBindCompleted": an error,
      // the claim is left as it is.
      store.decide(c, 'invalidBindingByController', { volume: volume.name, other, phase: c.phase });
      return;
    }
    this.pending(c, 'pendingVolumeNameTaken', { volume: volume.name, other });
  }

  /** pv_controller.go `syncBoundClaim`. */
  syncBoundClaim(c: ClaimState): void {
    const store = this.store;
    if (c.volumeName === '') {
      this.lost(c, 'lostNoVolumeName');
      return;
    }
    const volume = store.volumeByName.get(c.volumeName);
    if (!volume || volume.deleted) {
      this.lost(c, 'lostVolumeMissing', { volume: c.volumeName });
      return;
    }
    if (!volume.claimRef || volume.claimRef.uid === c.uid) {
      this.bind(volume, c);
      if (!c.decision || c.decision.key.startsWith('lost'))
        store.decide(c, 'boundExisting', { volume: volume.name });
      return;
    }
    this.lost(c, 'lostMisbound', {
      volume: volume.name,
      other: claimKey(volume.claimRef.namespace, volume.claimRef.name),
    });
  }

  /** pv_controller.go `bind`: `bindVolumeToClaim`, `updateVolumePhase`, `bindClaimToVolume`, `updateClaimStatus`. */
  bind(v: VolumeState, c: ClaimState): void {
    const store = this.store;
    const wasBound = isVolumeBoundToClaim(v, c);
    const ref = v.claimRef;
    if (!ref || ref.name !== c.name || ref.namespace !== c.namespace || ref.uid !== c.uid) {
      const byController = wasBound ? v.boundByController : true;
      store.setClaimRef(v, { namespace: c.namespace, name: c.name, uid: c.uid }, byController);
      if (!wasBound) {
        v.takenBy = c.key;
        store.index.update(v);
      }
    }
    store.setVolumePhase(v, 'Bound');
    if (c.volumeName !== v.name) {
      if (c.volumeName === '') c.boundByController = true;
      c.volumeName = v.name;
      store.changed();
    }
    if (!c.bindCompleted) {
      c.bindCompleted = true;
      store.changed();
    }
    store.setClaimPhase(c, 'Bound');
  }

  /** pv_controller.go `unbindVolume`: a controller's binding goes, a user's pre-binding keeps its name. */
  unbindVolume(v: VolumeState): void {
    const store = this.store;
    if (v.boundByController) store.setClaimRef(v, null, false);
    else if (v.claimRef) store.setClaimRef(v, { ...v.claimRef, uid: '' }, false);
    store.setVolumePhase(v, 'Available');
  }

  /** pv_controller.go `reclaimVolume` (`recycleVolumeOperation`, `deleteVolumeOperation`). */
  reclaimVolume(v: VolumeState): void {
    if (v.reclaimed) return;
    v.reclaimed = true;
    const store = this.store;
    const source = v.object.spec ?? {};
    const note = (key: keyof typeof volumeReasons): void => {
      v.note = { key, text: volumeReasons[key] };
    };
    if (v.reclaimPolicy === 'Recycle') {
      if (source.nfs || source.hostPath) {
        note('recycled');
        store.setClaimRef(v, null, false);
        store.setVolumePhase(v, 'Available');
      } else {
        note('failedRecycle');
        store.setVolumePhase(v, 'Failed');
      }
    } else if (v.reclaimPolicy === 'Delete') {
      if (v.provisionedBy || source.hostPath?.path?.startsWith('/tmp/')) {
        note('deleted');
        v.deleted = true;
        store.changed(v);
      } else {
        note('failedDelete');
        store.setVolumePhase(v, 'Failed');
      }
    } else if (!v.note) note('releasedRetain');
  }

  /**
   * pv_controller.go `assignDefaultStorageClass` (retroactive default class): a claim without a
   * class that found no volume gets the default class and is synced again.
   */
  assignDefaultStorageClass(c: ClaimState): boolean {
    if (claimHasClass(c)) return false;
    const { defaultClass, clusterDefault } = this.state;
    if (defaultClass) {
      c.specClass = defaultClass.name;
      c.classNote = { key: 'retroactiveDefault', className: defaultClass.name };
    } else if (clusterDefault) {
      if (clusterDefault.name === undefined) c.unnamedClusterDefault = true;
      else {
        c.specClass = clusterDefault.name;
        c.classNote = { key: 'retroactiveDefault', className: c.specClass };
      }
    } else return false;
    this.store.changed();
    return true;
  }

  /**
   * pv_controller.go `provisionClaim` / `findProvisionablePlugin`, as far as the outcome goes;
   * the provisioner then refuses a claim with a selector (`provisionersRefuse`).
   */
  provisionClaim(c: ClaimState): void {
    const store = this.store;
    const name = claimClass(c);
    const sc = this.state.classes.get(name);
    const outside = !sc && name === this.state.clusterDefault?.name;
    if (c.hasSelector && (outside || (sc?.provisioner && sc.provisioner !== NO_PROVISIONER)))
      store.decide(c, 'pendingSelector', { class: name });
    else if (outside) store.decide(c, 'provisionClusterDefaultNamed', { class: name });
    else if (!sc) store.decide(c, 'pendingClassMissing', { class: name });
    else if (sc.provisioner === NO_PROVISIONER || !sc.provisioner)
      store.decide(c, 'pendingNoProvisioner', { class: name });
    else if (removedPluginOfProvisioner(sc.provisioner))
      // findProvisionablePlugin: a `kubernetes.io/` name with no plugin is an error, not a wait.
      store.decide(c, 'pendingRemovedProvisioner', { class: name, provisioner: sc.provisioner });
    else if (c.selectedNode)
      store.decide(c, 'provisionSelectedNode', {
        class: name,
        provisioner: sc.provisioner,
        node: c.selectedNode,
      });
    else store.decide(c, 'provision', { class: name, provisioner: sc.provisioner });
  }

  /**
   * The scheduler places a pod that mounts the claim (`podScheduling.ts`): bound, provisioned
   * there, or Pending with the reason. False when nothing says where the pod goes.
   */
  private schedule(c: ClaimState): boolean {
    const verdict = this.pods.decide(c);
    if (!verdict) return false;
    if (verdict.bind) this.bind(verdict.bind, c);
    else this.store.setClaimPhase(c, 'Pending');
    // A new reason may unblock another claim of the pod: sync again.
    if (c.decision?.key !== verdict.key) this.store.changed();
    this.store.decide(c, verdict.key, verdict.params);
    return true;
  }

  private pending(
    c: ClaimState,
    key: Parameters<Store['decide']>[1],
    params?: Parameters<Store['decide']>[2],
  ): void {
    this.store.decide(c, key, params);
    this.store.setClaimPhase(c, 'Pending');
  }

  private lost(
    c: ClaimState,
    key: Parameters<Store['decide']>[1],
    params?: Parameters<Store['decide']>[2],
  ): void {
    this.store.decide(c, key, params);
    this.store.setClaimPhase(c, 'Lost');
  }
}

export function runSimulation(state: SimulationState): BindingResult {
  const controller = new PersistentVolumeController(state);
  const { rounds, stable } = controller.run();
  return buildResult(controller.store, controller.pods, rounds, stable);
}
