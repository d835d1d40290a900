/**
 * What the simulated controller works on: the volumes, claims and classes (built by `index.ts`),
 * and the mutations it makes, each of which bumps a version so the loop knows something changed.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { claimReasons } from './reasonMessages';
import type { Labels } from './selectors';
import { claimClass, type ClaimState, type DecisionParams, type VolumeState } from './state';
import type { ClassState } from './classes';
import type { ClaimOutcome, ConsumerRef, VolumePhase } from './types';
import { VolumeIndex } from './volumeIndex';

export interface SimulationState {
  volumes: VolumeState[];
  claims: ClaimState[];
  classes: Map<string, ClassState>;
  classList: ClassState[];
  defaultClass?: ClassState;
  /** Names of the classes marked default when there are several (the controller takes the newest). */
  otherDefaults?: string[];
  /** The cluster's default class when it is not in the input: its name, if the user gave it. */
  clusterDefault?: { name?: string };
  /** Labels of the node pods are scheduled to (`--node-labels`): the scheduler's path. */
  nodeLabels?: Labels;
  /** The pod template of each consumer (pods and workloads): where the scheduler may put it. */
  podSpecs?: ReadonlyMap<ConsumerRef, PodSpec | undefined>;
  maxRounds: number;
  maxRejected: number;
  /** The outcomes of the claims the result lists; undefined lists every claim. */
  outcomes?: ReadonlySet<ClaimOutcome>;
}

export type ClaimDecision = keyof typeof claimReasons;

/** The controller's caches of one simulation (volumes, claims, the volume index) and the mutations it makes. */
export class Store {
  readonly volumeByName: Map<string, VolumeState>;
  readonly claimByKey: Map<string, ClaimState>;
  readonly index: VolumeIndex;
  version = 0;

  constructor(readonly state: SimulationState) {
    this.volumeByName = new Map(state.volumes.map((v) => [v.name, v]));
    this.claimByKey = new Map(state.claims.map((c) => [c.key, c]));
    this.index = new VolumeIndex(state.volumes);
  }

  /** Something changed that the loop must see (a field without its own setter). */
  changed(v?: VolumeState): void {
    this.version++;
    if (v) this.index.update(v);
  }

  setVolumePhase(v: VolumeState, phase: VolumePhase): void {
    if (v.phase === phase) return;
    v.phase = phase;
    this.changed(v);
  }

  setClaimRef(v: VolumeState, ref: VolumeState['claimRef'], byController: boolean): void {
    v.claimRef = ref;
    v.boundByController = byController;
    this.changed(v);
  }

  setClaimPhase(c: ClaimState, phase: ClaimState['phase']): void {
    if (c.phase === phase) return;
    c.phase = phase;
    this.version++;
  }

  decide(c: ClaimState, key: ClaimDecision, params: DecisionParams = {}): void {
    c.decision = { key, params };
  }

  /** `IsDelayBindingMode`: the claim's class binds `WaitForFirstConsumer`. */
  isDelayBinding(c: ClaimState): boolean {
    const className = claimClass(c);
    if (!className) return false;
    return this.state.classes.get(className)?.waitForFirstConsumer ?? false;
  }

  /**
   * Two claims want the same volume and the one processed first took it: both say that the
   * outcome depends on their order.
   */
  recordContest(
    c: ClaimState,
    found: VolumeState | undefined,
    before: VolumeState | undefined,
  ): void {
    if (!before || before === found || !before.takenBy || before.takenBy === c.key) return;
    const winner = this.claimByKey.get(before.takenBy);
    c.competitors.add(before.takenBy);
    c.contestedVolumes.add(before.name);
    if (winner) {
      winner.competitors.add(c.key);
      winner.contestedVolumes.add(before.name);
    }
  }
}
