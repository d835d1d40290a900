/**
 * The scheduler's side of `WaitForFirstConsumer`, for the pod that mounts a claim: binder.go
 * `FindPodVolumes` decides every claim of the pod for one node (`GetPodVolumeClaims` splits them
 * into bound, unbound immediate and unbound delayed claims; bound volumes must fit the node,
 * immediate claims must be bound, each delayed claim needs a volume or a provisioner there).
 */
import { removedPluginOfProvisioner } from '../kubernetes/removedVolumePlugins';
import { claimNamesOf, statefulSetClaimName } from './expand';
import { nodeWords } from './reasonMessages';
import { podPlacement, type NodeView, type PodPlacement } from './pods';
import { nodeAffinityMatches } from './selectors';
import {
  claimClass,
  claimKey,
  type ClaimState,
  type DecisionParams,
  type VolumeState,
} from './state';
import type { ClaimDecision, Store } from './simulation';
import type { VolumeBinder } from './scheduler';
import type { ConsumerRef } from './types';
import { escapeRegExp } from '../text/regExp';

/** What to do with the claim: bind it to a volume, or only say why it waits or is provisioned. */
export interface PodVerdict {
  key: ClaimDecision;
  params: DecisionParams;
  bind?: VolumeState;
}

const podName = (ref: ConsumerRef): string => `${ref.kind}/${ref.name}`;

export class PodScheduler {
  private readonly placements = new Map<ConsumerRef, PodPlacement>();

  constructor(
    private readonly store: Store,
    private readonly binder: VolumeBinder,
  ) {}

  /** Where the scheduler may put a consumer's pod (cached: pods do not change). */
  placementOf(ref: ConsumerRef): PodPlacement {
    let placement = this.placements.get(ref);
    if (!placement) {
      const { podSpecs, nodeLabels } = this.store.state;
      placement = podPlacement(podSpecs?.get(ref), nodeLabels);
      this.placements.set(ref, placement);
    }
    return placement;
  }

  /** The node the scheduler decides the claim's pod for, if a pod that mounts it can be placed. */
  nodeFor(c: ClaimState): NodeView | undefined {
    for (const ref of c.consumers) {
      const placement = this.placementOf(ref);
      if (placement.kind === 'node') return placement.node;
    }
    return undefined;
  }

  /**
   * The verdict for a delayed claim without a selected node, or undefined when nothing says where
   * its pod goes (it waits for the first consumer). A pod that can be placed decides; else one
   * whose placement is unknown lets the claim wait; else the reason of the first pod.
   */
  decide(c: ClaimState): PodVerdict | undefined {
    const placements = c.consumers.map((ref) => ({ ref, placement: this.placementOf(ref) }));
    const placed = placements.find((p) => p.placement.kind === 'node');
    if (placed?.placement.kind === 'node')
      return this.findPodVolumes(c, placed.ref, placed.placement.node);
    if (!placements.length || placements.some((p) => p.placement.kind === 'unknown'))
      return undefined;
    const first = placements[0]!;
    const pod = podName(first.ref);
    const placement = first.placement;
    if (placement.kind === 'node-name')
      return { key: 'pendingPodNodeName', params: { pod, node: placement.node } };
    if (placement.kind === 'elsewhere' && placement.label)
      return { key: 'pendingPodSelectorElsewhere', params: { pod, label: placement.label } };
    return { key: 'pendingPodAffinityElsewhere', params: { pod } };
  }

  /** binder.go `FindPodVolumes` for the pod of `ref`, answered for its claim `c`. */
  private findPodVolumes(c: ClaimState, ref: ConsumerRef, node: NodeView): PodVerdict {
    const pod = podName(ref);
    const where = node.partial ? nodeWords.pod : nodeWords.given;
    const claims = this.podClaims(ref, c);
    for (const k of claims) {
      const blocked = this.blockedBy(k, c, node);
      if (blocked) return { key: blocked.key, params: { pod, node: where, ...blocked.params } };
    }
    const chosen = new Set<string>();
    let own: PodVerdict | undefined;
    for (const k of claims) {
      if (!this.isUnboundDelayed(k)) continue;
      const verdict = this.verdictOn(k, node, pod, chosen);
      if (verdict.bind) chosen.add(verdict.bind.name);
      // The scheduler counts on the provisioner even for a claim with a selector, which it
      // refuses only afterwards: the pod's other claims are bound all the same.
      const satisfied =
        !!verdict.bind || verdict.key.startsWith('provision') || verdict.key === 'pendingSelector';
      if (!satisfied && k !== c)
        return { key: 'pendingPodOtherClaim', params: { pod, node: where, claim: k.key } };
      if (k === c) own = verdict;
    }
    return own ?? this.verdictOn(c, node, pod, chosen);
  }

  /** A claim of the pod that keeps it off the node: a bound volume elsewhere, an unbound immediate claim. */
  private blockedBy(
    k: ClaimState,
    c: ClaimState,
    node: NodeView,
  ): { key: ClaimDecision; params: DecisionParams } | undefined {
    if (k === c) return undefined;
    if (k.phase === 'Bound' && k.volumeName) {
      const v = this.store.volumeByName.get(k.volumeName);
      if (v && !nodeAffinityMatches(v.nodeAffinity, node.labels, node.partial))
        return { key: 'pendingPodVolumeNode', params: { claim: k.key, volume: v.name } };
      return undefined;
    }
    // An immediate claim being provisioned binds once its volume exists.
    const provisioned = k.decision?.key.startsWith('provision');
    if (!this.store.isDelayBinding(k) && !k.bindCompleted && k.decision && !provisioned)
      return { key: 'pendingPodImmediateUnbound', params: { claim: k.key } };
    return undefined;
  }

  private isUnboundDelayed(k: ClaimState): boolean {
    return (
      !k.bindCompleted && k.volumeName === '' && !k.selectedNode && this.store.isDelayBinding(k)
    );
  }

  /** One delayed claim on the node: `findMatchingVolumes`, else `checkVolumeProvisions`. */
  private verdictOn(
    k: ClaimState,
    node: NodeView,
    pod: string,
    chosen: ReadonlySet<string>,
  ): PodVerdict {
    const verdict = this.binder.findMatchingVolumes(k, node, chosen);
    const cls = claimClass(k);
    const partial = node.partial;
    switch (verdict.kind) {
      case 'volume': {
        const key = verdict.prebound
          ? 'boundPrebound'
          : partial
            ? 'boundSchedulerPod'
            : 'boundScheduler';
        return { key, params: { volume: verdict.volume.name, pod }, bind: verdict.volume };
      }
      case 'prebound-node-mismatch':
        return {
          key: partial ? 'pendingPreboundNodePod' : 'pendingPreboundNode',
          params: { volume: verdict.volume, pod },
        };
      case 'class-missing':
        return { key: 'pendingClassMissing', params: { class: cls } };
      case 'no-provisioner':
        return { key: 'pendingNoProvisioner', params: { class: cls } };
      case 'topology':
        return {
          key: partial ? 'pendingTopologyPod' : 'pendingTopology',
          params: { class: cls, pod },
        };
      case 'provision':
        if (k.hasSelector) return { key: 'pendingSelector', params: { class: cls } };
        // The scheduler places the pod; then the PV controller finds no plugin to provision with.
        if (removedPluginOfProvisioner(verdict.provisioner))
          return {
            key: 'pendingRemovedProvisioner',
            params: { class: cls, provisioner: verdict.provisioner },
          };
        return {
          key: partial ? 'provisionForPod' : 'provisionAtNode',
          params: { class: cls, provisioner: verdict.provisioner, pod },
        };
    }
  }

  /**
   * The claims one pod of the consumer mounts: by `claimName`, the claims of its generic ephemeral
   * volumes, and for a StatefulSet the claims of its templates; the pod is the one of `c` (its
   * ordinal, its ephemeral claim's pod), else the first.
   */
  private podClaims(ref: ConsumerRef, c: ClaimState): ClaimState[] {
    const spec = this.store.state.podSpecs?.get(ref);
    const keys = claimNamesOf(spec).map((n) => claimKey(ref.namespace, n));
    const ordinal = ref.kind === 'StatefulSet' ? this.ordinalOf(ref, c) : undefined;
    const pod = ordinal === undefined ? ephemeralOf(ref, c)?.pod : `${ref.name}-${ordinal}`;
    if (ordinal !== undefined) keys.push(...this.setClaims(ref, ordinal));
    keys.push(...this.ephemeralClaims(ref, pod));
    const claims = [...new Set(keys)]
      .map((k) => this.store.claimByKey.get(k))
      .filter((k): k is ClaimState => !!k);
    return claims.includes(c) ? claims : [c, ...claims];
  }

  private ofSet(ref: ConsumerRef): ClaimState[] {
    return this.store.state.claims.filter(
      (k) => k.fromStatefulSet === ref.name && k.namespace === ref.namespace,
    );
  }

  /** The ordinal of the set's pod that uses `c`, else of its first pod. */
  private ordinalOf(ref: ConsumerRef, c: ClaimState): number | undefined {
    const ofName = (name: string, pattern: string): number | undefined => {
      const m = new RegExp(pattern).exec(name);
      return m ? Number(m[1]) : undefined;
    };
    const templateOrdinal = (k: ClaimState): number | undefined =>
      ofName(k.name, `-${escapeRegExp(ref.name)}-(\\d+)$`);
    const pod = ephemeralOf(ref, c)?.pod;
    const own = pod ? ofName(pod, `^${escapeRegExp(ref.name)}-(\\d+)$`) : templateOrdinal(c);
    if (own !== undefined) return own;
    const ordinals = [
      ...this.ofSet(ref).map(templateOrdinal),
      ...this.workloadEphemeral(ref).map((k) => ofName(k.ephemeral!.pod, `-(\\d+)$`)),
    ].filter((n): n is number => n !== undefined);
    return ordinals.length ? Math.min(...ordinals) : undefined;
  }

  private setClaims(ref: ConsumerRef, ordinal: number): string[] {
    const suffix = statefulSetClaimName('', ref.name, ordinal);
    return this.ofSet(ref)
      .filter((k) => k.name.endsWith(suffix))
      .map((k) => k.key);
  }

  private workloadEphemeral(ref: ConsumerRef): ClaimState[] {
    return this.store.state.claims.filter((k) => ephemeralOf(ref, k));
  }

  /** The claims of the generic ephemeral volumes of one pod (the first, when not given). */
  private ephemeralClaims(ref: ConsumerRef, pod: string | undefined): string[] {
    const mine = this.workloadEphemeral(ref);
    const which = pod ?? mine[0]?.ephemeral?.pod;
    return mine.filter((k) => k.ephemeral?.pod === which).map((k) => k.key);
  }
}

/** The claim's ephemeral origin when a pod of the consumer creates it. */
function ephemeralOf(ref: ConsumerRef, k: ClaimState): ClaimState['ephemeral'] {
  const e = k.ephemeral;
  return e && e.kind === ref.kind && e.workload === ref.name && k.namespace === ref.namespace
    ? e
    : undefined;
}
