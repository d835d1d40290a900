/**
 * The simulation's answer, built from the controller's final state: each claim's phase, outcome,
 * reason and the volumes passed over for it; each volume's phase; the classes.
 */
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { claimNotes, claimReasons, orderText, reasonCode, volumeReasons } from './messages';
import { checkVolumeSatisfiesClaim, explainRejection, isVolumeBoundToClaim } from './match';
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

export function buildResult(store: Store, rounds: number, stable: boolean): BindingResult {
  const { state } = store;
  const byClass = new Map<string, VolumeState[]>();
  for (const v of state.volumes) {
    const list = byClass.get(v.storageClass);
    if (list) list.push(v);
    else byClass.set(v.storageClass, [v]);
  }
  return {
    claims: state.claims.map((c) => claimResult(c, store, byClass)),
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
  const p = decision.params;
  const text: LocalizedText =
    decision.key === 'pendingVolumeNameUnfit'
      ? {
          en: template.en.replace('{volume}', p.volume!).replace('{detail}', p.detailEn!),
          ru: template.ru.replace('{volume}', p.volume!).replace('{detail}', p.detailRu!),
        }
      : localize(template, p);
  if (c.classNote)
    appendNote(text, localize(claimNotes[c.classNote.key], { class: c.classNote.className }));
  if (c.competitors.size) {
    const names = [...c.competitors]
      .sort()
      .map((k) => `\`${k}\``)
      .join(', ');
    const volume = [...c.contestedVolumes].sort().join('`, `');
    appendNote(text, localize(claimNotes.orderDependent, { claims: names, volume }));
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
  return { ...reason, en: reason.en + note.en, ru: reason.ru + note.ru };
}

/** The volume a pending claim names in `spec.volumeName`, and why it does not bind. */
function rejectedNamedVolume(
  c: ClaimState,
  v: VolumeState,
  node: Record<string, string> | undefined,
): RejectedVolume[] {
  const problem =
    v.claimRef && !isVolumeBoundToClaim(v, c)
      ? explainRejection(c, v, node, false)
      : checkVolumeSatisfiesClaim(v, c);
  return problem ? [{ volume: v.name, code: reasonCode(problem.key), ...problem.text }] : [];
}

/** Every volume a pending claim passed over, the closest first: its class's, then the others. */
function rejectedVolumes(
  c: ClaimState,
  store: Store,
  byClass: Map<string, VolumeState[]>,
): RejectedVolume[] {
  const { state } = store;
  const delay = store.isDelayBinding(c);
  const node = delay && state.nodeLabels && c.consumers.length ? state.nodeLabels : undefined;
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
      const r = explainRejection(c, v, node, delay);
      rejected.push({ volume: v.name, code: reasonCode(r.key), en: r.text.en, ru: r.text.ru });
    }
  }
  return rejected;
}

function claimResult(
  c: ClaimState,
  store: Store,
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
    fromStatefulSet: c.fromStatefulSet,
    reason: withDefaultsNote(reasonOf(c), c, store.state),
    rejected: passedOver ? rejectedVolumes(c, store, byClass) : [],
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
