/**
 * The simulation's answer, built from the controller's final state: each claim's phase, outcome,
 * reason and the volumes passed over for it; each volume's phase; the classes.
 */
import { joinTexts, localize } from '../i18n/format';
import { migratedCsiDriver } from '../kubernetes/csiMigration';
import { removedPluginOfProvisioner } from '../kubernetes/removedVolumePlugins';
import type { LocalizedText } from '../types';
import {
  claimNotes,
  claimReasons,
  nodeWords,
  orderText,
  reasonCode,
  volumeReasons,
} from './reasonMessages';
import type { PodScheduler } from './podScheduling';
import type { NodeView } from './pods';
import { nodeAffinityMatches } from './selectors';
import {
  checkVolumeSatisfiesClaim,
  explainRejection,
  isVolumeBoundToClaim,
  type Rejection,
} from './match';
import { claimRemedy } from './remedies';
import { claimClass, claimKey, type ClaimState, type VolumeState } from './state';
import type { SimulationState, Store } from './simulation';
import { claimDataSource } from './dataSource';
import type {
  BindingResult,
  ClaimDataSource,
  ClaimOutcome,
  ClaimResult,
  Reason,
  RejectedVolume,
  StorageClassResult,
  VolumeResult,
} from './types';

export function buildResult(
  store: Store,
  pods: PodScheduler,
  rounds: number,
  stable: boolean,
): BindingResult {
  const { state } = store;
  const byClass = new Map<string, VolumeState[]>();
  for (const v of state.volumes) {
    const list = byClass.get(v.storageClass);
    if (list) list.push(v);
    else byClass.set(v.storageClass, [v]);
  }
  const listed = state.outcomes;
  return {
    claims: (listed ? state.claims.filter((c) => listed.has(outcomeOf(c))) : state.claims).map(
      (c) => claimResult(c, store, pods, byClass),
    ),
    volumes: state.volumes.map(volumeResult),
    storageClasses: state.classList.map((sc): StorageClassResult => ({
      name: sc.name,
      source: sc.source,
      provisioner: sc.provisioner,
      volumeBindingMode: sc.waitForFirstConsumer ? 'WaitForFirstConsumer' : 'Immediate',
      isDefault: sc.isDefault,
      effectiveDefault: sc === state.defaultClass,
    })),
    workloads: [],
    order: orderText,
    rounds,
    stable,
  };
}

function outcomeOf(c: ClaimState): ClaimOutcome {
  // An invalid binding leaves the claim's status as it was, but its pods cannot use it.
  if (c.phase === 'Lost' || c.decision?.key === 'invalidBindingByController') return 'lost';
  if (c.phase === 'Bound') return 'bound';
  const key = c.decision?.key ?? '';
  if (key.startsWith('provision')) return 'provision';
  if (key.startsWith('wait')) return 'wait-for-first-consumer';
  return 'pending';
}

function appendNote(text: LocalizedText, note: LocalizedText): void {
  text.en += note.en;
  text.ru += note.ru;
}

function reasonOf(c: ClaimState): Reason {
  const decision = c.decision ?? { key: 'pendingNoClass', params: {} };
  const template = claimReasons[decision.key as keyof typeof claimReasons];
  const text = localize(template, decision.params);
  if (c.classNote)
    appendNote(text, localize(claimNotes[c.classNote.key], { class: c.classNote.className }));
  if (c.competitors.size) {
    const names = [...c.competitors]
      .sort()
      .map((k) => `\`${k}\``)
      .join(', ');
    const volume = [...c.contestedVolumes].sort().join('`, `');
    // The claim that lost the volume says why no volume fits it; the one that took it, who else could.
    const lost = !decision.key.startsWith('bound');
    const note = lost ? claimNotes.orderDependentLost : claimNotes.orderDependent;
    appendNote(text, localize(note, { claims: names, volume }));
  }
  return { code: reasonCode(decision.key), ...text };
}

/** A claim that took the default class while several are marked default says which one won. */
function withDefaultsNote(reason: Reason, c: ClaimState, state: SimulationState): Reason {
  if (!c.classNote || !state.otherDefaults || c.classNote.className !== state.defaultClass?.name)
    return reason;
  const note = localize(claimNotes.multipleDefaults, {
    count: state.otherDefaults.length,
    classes: state.otherDefaults.map((n) => `\`${n}\``).join(', '),
    class: c.classNote.className,
  });
  return { ...reason, ...joinTexts(reason, note) };
}

function rejectedVolume(v: VolumeState, r: Rejection): RejectedVolume {
  return {
    volume: v.name,
    code: reasonCode(r.key),
    en: r.text.en,
    ru: r.text.ru,
    ...(r.fix ? { fix: r.fix } : {}),
  };
}

/** The volume a pending claim names in `spec.volumeName`, and why it does not bind. */
function rejectedNamedVolume(
  c: ClaimState,
  v: VolumeState,
  node: NodeView | undefined,
): RejectedVolume[] {
  const problem =
    v.claimRef && !isVolumeBoundToClaim(v, c)
      ? explainRejection(c, v, node?.labels, false, false, node?.partial)
      : checkVolumeSatisfiesClaim(v, c);
  return problem ? [rejectedVolume(v, problem)] : [];
}

/** Every volume a pending claim passed over, the closest first: its class's, then the others. */
function rejectedVolumes(
  c: ClaimState,
  store: Store,
  pods: PodScheduler,
  byClass: Map<string, VolumeState[]>,
): RejectedVolume[] {
  const { state } = store;
  const delay = store.isDelayBinding(c);
  const node = delay ? pods.nodeFor(c) : undefined;
  if (c.volumeName) {
    const v = store.volumeByName.get(c.volumeName);
    return v && !v.deleted ? rejectedNamedVolume(c, v, node) : [];
  }
  const rejected: RejectedVolume[] = [];
  const cls = claimClass(c);
  const groups = [
    byClass.get(cls) ?? [],
    ...[...byClass].filter(([k]) => k !== cls).map(([, l]) => l),
  ];
  for (const group of groups) {
    for (const v of group) {
      if (rejected.length >= state.maxRejected) return rejected;
      rejected.push(
        rejectedVolume(v, explainRejection(c, v, node?.labels, delay, false, node?.partial)),
      );
    }
  }
  return rejected;
}

/** A bound claim whose volume cannot be reached from where a pod that mounts it must run. */
function withPodConflict(reason: Reason, c: ClaimState, store: Store, pods: PodScheduler): Reason {
  const v = c.phase === 'Bound' ? store.volumeByName.get(c.volumeName) : undefined;
  if (!v?.nodeAffinity) return reason;
  for (const ref of c.consumers) {
    const placement = pods.placementOf(ref);
    const node =
      placement.kind === 'node'
        ? placement.node
        : placement.kind === 'node-name'
          ? { labels: { 'kubernetes.io/hostname': placement.node }, partial: true }
          : undefined;
    if (!node || nodeAffinityMatches(v.nodeAffinity, node.labels, node.partial)) continue;
    const note = localize(claimNotes.podNodeConflict, {
      pod: `${ref.kind}/${ref.name}`,
      node: node.partial ? nodeWords.pod : nodeWords.given,
    });
    return { ...reason, en: reason.en + note.en, ru: reason.ru + note.ru };
  }
  return reason;
}

/**
 * A claim to be provisioned (now or once its pod is scheduled) by a class of an in-tree
 * provisioner: CSI migration hands it to a CSI driver, which must run; a removed plugin's class
 * waits for a pod only to fail then (`pendingRemovedProvisioner` once a pod is known).
 */
function withInTreeNote(reason: Reason, c: ClaimState, state: SimulationState): Reason {
  const key = c.decision?.key ?? '';
  if (c.phase === 'Bound' || !(key.startsWith('provision') || key.startsWith('wait')))
    return reason;
  const provisioner = state.classes.get(claimClass(c))?.provisioner ?? '';
  const driver = migratedCsiDriver(provisioner);
  const removed = key.startsWith('wait') && removedPluginOfProvisioner(provisioner);
  if (!driver && !removed) return reason;
  const note = driver
    ? localize(claimNotes.csiMigrated, { provisioner, driver })
    : localize(claimNotes.removedProvisioner, { provisioner });
  return { ...reason, en: reason.en + note.en, ru: reason.ru + note.ru };
}

function claimResult(
  c: ClaimState,
  store: Store,
  pods: PodScheduler,
  byClass: Map<string, VolumeState[]>,
): ClaimResult {
  const outcome = outcomeOf(c);
  const passedOver = outcome !== 'bound' && outcome !== 'lost';
  return {
    namespace: c.namespace,
    name: c.name,
    source: c.source,
    phase: c.phase,
    volume: c.phase === 'Pending' ? null : c.volumeName || null,
    outcome,
    storageClass: claimClass(c),
    ...(c.unnamedClusterDefault ? { unnamedDefaultClass: true as const } : {}),
    fromStatefulSet: c.fromStatefulSet,
    ...(c.ephemeral ? { ephemeral: c.ephemeral } : {}),
    reason: withPodConflict(
      withInTreeNote(withDefaultsNote(reasonOf(c), c, store.state), c, store.state),
      c,
      store,
      pods,
    ),
    rejected: passedOver ? rejectedVolumes(c, store, pods, byClass) : [],
    ...withRemedy(c),
    competitors: [...c.competitors].sort(),
    consumers: c.consumers,
    order: c.order,
    ...withDataSource(c),
  };
}

function withDataSource(c: ClaimState): { dataSource?: ClaimDataSource } {
  const dataSource = claimDataSource(c.object, c.namespace);
  return dataSource ? { dataSource } : {};
}

function withRemedy(c: ClaimState): { remedy?: LocalizedText } {
  const remedy = claimRemedy(c);
  return remedy ? { remedy } : {};
}

function volumeResult(v: VolumeState): VolumeResult {
  let reason: Reason | undefined;
  if (v.note) reason = { code: reasonCode(v.note.key), ...v.note.text };
  else if (v.claimRef && !v.claimRef.uid) {
    reason = {
      code: 'reserved',
      ...localize(volumeReasons.reserved, {
        claim: claimKey(v.claimRef.namespace, v.claimRef.name),
      }),
    };
  }
  return {
    name: v.name,
    source: v.source,
    phase: v.phase,
    claim: v.claimRef ? claimKey(v.claimRef.namespace, v.claimRef.name) : null,
    storageClass: v.storageClass,
    capacity: v.capacityText,
    accessModes: v.modes,
    reason,
    deleted: v.deleted,
  };
}
