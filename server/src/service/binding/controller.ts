/**
 * The PV controller, simulated: pv_controller.go `syncVolume` / `syncClaim` (`syncUnboundClaim`,
 * `syncBoundClaim`, `bind`, `unbindVolume`, `reclaimVolume`, `provisionClaim`,
 * `assignDefaultStorageClass`) run over every volume and claim, round after round, until nothing
 * changes. With node labels, `WaitForFirstConsumer` claims that a workload uses take the
 * scheduler's path (volume binder: `findMatchingVolumes`, `checkVolumeProvisions`).
 */
import { isDefaultStorageClass } from '../kubernetes/storageClass';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { claimNotes, claimReasons, orderText, reasonCode, volumeReasons } from './messages';
import {
  checkVolumeSatisfiesClaim,
  explainRejection,
  findMatchingVolume,
  isVolumeBoundToClaim,
  volumeModeMismatch,
} from './match';
import { topologyMatches, type Labels } from './selectors';
import {
  NO_PROVISIONER,
  claimClass,
  claimHasClass,
  claimKey,
  type ClaimState,
  type VolumeState,
} from './state';
import type {
  BindingResult,
  ClaimOutcome,
  ClaimResult,
  Reason,
  RejectedVolume,
  SourceRef,
  StorageClassResult,
  VolumePhase,
  VolumeResult,
} from './types';
import { VolumeIndex } from './volumeIndex';
import { formatQuantity } from './format';

export interface ClassState {
  name: string;
  object: StorageClass;
  source?: SourceRef;
  provisioner: string;
  waitForFirstConsumer: boolean;
  isDefault: boolean;
  creation?: string;
}

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
  nodeLabels?: Labels;
  maxRounds: number;
  maxRejected: number;
}

export function isDefaultClass(sc: StorageClass): boolean {
  return isDefaultStorageClass(sc.metadata);
}

/**
 * `GetDefaultClass`: of the classes marked default, the newest by `creationTimestamp`, ties by
 * name. Classes without a timestamp are being applied now, so they are the newest (and equal).
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

export function runSimulation(state: SimulationState): BindingResult {
  const { volumes, claims, classes } = state;
  const volumeByName = new Map(volumes.map((v) => [v.name, v]));
  const claimByKey = new Map(claims.map((c) => [c.key, c]));
  const index = new VolumeIndex(volumes);
  let version = 0;

  // ---- mutations (each bumps the version so the loop knows something changed) ----
  const setVolumePhase = (v: VolumeState, phase: VolumePhase): void => {
    if (v.phase === phase) return;
    v.phase = phase;
    version++;
    index.update(v);
  };
  const setClaimRef = (
    v: VolumeState,
    ref: VolumeState['claimRef'],
    byController: boolean,
  ): void => {
    v.claimRef = ref;
    v.boundByController = byController;
    version++;
    index.update(v);
  };
  const setClaimPhase = (c: ClaimState, phase: ClaimState['phase']): void => {
    if (c.phase === phase) return;
    c.phase = phase;
    version++;
  };
  const decide = (
    c: ClaimState,
    key: keyof typeof claimReasons,
    params: Record<string, string> = {},
  ): void => {
    c.decision = { key, params };
  };

  /** `bind`: volume → claim (claimRef, phase), then claim → volume (volumeName, annotations, phase). */
  const bind = (v: VolumeState, c: ClaimState): void => {
    const wasBound = isVolumeBoundToClaim(v, c);
    const ref = v.claimRef;
    if (!ref || ref.name !== c.name || ref.namespace !== c.namespace || ref.uid !== c.uid) {
      setClaimRef(
        v,
        { namespace: c.namespace, name: c.name, uid: c.uid },
        wasBound ? v.boundByController : true,
      );
      if (!wasBound) {
        v.takenBy = c.key;
        index.update(v);
      }
    }
    setVolumePhase(v, 'Bound');
    if (c.volumeName !== v.name) {
      if (c.volumeName === '') c.boundByController = true;
      c.volumeName = v.name;
      version++;
    }
    if (!c.bindCompleted) {
      c.bindCompleted = true;
      version++;
    }
    setClaimPhase(c, 'Bound');
  };

  /** `unbindVolume`: a controller binding is dropped entirely, a user's pre-binding keeps its name. */
  const unbindVolume = (v: VolumeState): void => {
    if (v.boundByController) setClaimRef(v, null, false);
    else if (v.claimRef) setClaimRef(v, { ...v.claimRef, uid: '' }, false);
    setVolumePhase(v, 'Available');
  };

  const reclaimVolume = (v: VolumeState): void => {
    if (v.reclaimed) return;
    v.reclaimed = true;
    const source = v.object.spec ?? {};
    switch (v.reclaimPolicy) {
      case 'Recycle':
        if (source.nfs || source.hostPath) {
          v.note = { key: 'recycled', text: volumeReasons.recycled };
          setClaimRef(v, null, false);
          setVolumePhase(v, 'Available');
        } else {
          v.note = { key: 'failedRecycle', text: volumeReasons.failedRecycle };
          setVolumePhase(v, 'Failed');
        }
        return;
      case 'Delete':
        if (v.provisionedBy || source.hostPath?.path?.startsWith('/tmp/')) {
          v.note = { key: 'deleted', text: volumeReasons.deleted };
          v.deleted = true;
          version++;
          index.update(v);
        } else {
          v.note = { key: 'failedDelete', text: volumeReasons.failedDelete };
          setVolumePhase(v, 'Failed');
        }
        return;
      default:
        if (!v.note) v.note = { key: 'releasedRetain', text: volumeReasons.releasedRetain };
    }
  };

  const syncVolume = (v: VolumeState): void => {
    if (v.deleted) return;
    if (!v.claimRef) {
      setVolumePhase(v, 'Available');
      return;
    }
    if (!v.claimRef.uid) {
      setVolumePhase(v, 'Available');
      return;
    }
    const ref = v.claimRef;
    let claim = claimByKey.get(claimKey(ref.namespace, ref.name));
    if (claim && claim.uid !== ref.uid) claim = undefined;
    if (!claim) {
      if (v.phase !== 'Released' && v.phase !== 'Failed') {
        v.note = {
          key: 'releasedClaimMissing',
          text: localize(volumeReasons.releasedClaimMissing, {
            claim: claimKey(ref.namespace, ref.name),
            policy: v.reclaimPolicy,
          }),
        };
        setVolumePhase(v, 'Released');
      }
      reclaimVolume(v);
      return;
    }
    if (claim.volumeName === '') {
      // Bound volume, pending claim: the claim's sync finishes the binding (unless volumeMode differs).
      if (volumeModeMismatch(claim, v)) return;
      return;
    }
    if (claim.volumeName === v.name) {
      setVolumePhase(v, 'Bound');
      return;
    }
    // The claim is bound to another volume.
    if (v.provisionedBy && v.reclaimPolicy === 'Delete') {
      if (v.phase !== 'Released' && v.phase !== 'Failed') setVolumePhase(v, 'Released');
      reclaimVolume(v);
      return;
    }
    unbindVolume(v);
  };

  const isDelayBinding = (c: ClaimState): boolean => {
    const name = claimClass(c);
    if (!name) return false;
    return classes.get(name)?.waitForFirstConsumer ?? false;
  };

  const recordContest = (
    c: ClaimState,
    found: VolumeState | undefined,
    before: VolumeState | undefined,
  ): void => {
    if (!before || before === found || !before.takenBy || before.takenBy === c.key) return;
    const winner = claimByKey.get(before.takenBy);
    c.competitors.add(before.takenBy);
    c.contestedVolumes.add(before.name);
    if (winner) {
      winner.competitors.add(c.key);
      winner.contestedVolumes.add(before.name);
    }
  };

  /** `provisionClaim` / `findProvisionablePlugin`, as far as the outcome goes. */
  const provision = (c: ClaimState): void => {
    const name = claimClass(c);
    const sc = classes.get(name);
    if (!sc && name === state.clusterDefault?.name)
      decide(c, 'provisionClusterDefaultNamed', { class: name });
    else if (!sc) decide(c, 'pendingClassMissing', { class: name });
    else if (sc.provisioner === NO_PROVISIONER || !sc.provisioner)
      decide(c, 'pendingNoProvisioner', { class: name });
    else if (c.selectedNode)
      decide(c, 'provisionSelectedNode', {
        class: name,
        provisioner: sc.provisioner,
        node: c.selectedNode,
      });
    else decide(c, 'provision', { class: name, provisioner: sc.provisioner });
  };

  /** The scheduler's volume binder for one claim of a pod placed on the given node. */
  const schedule = (c: ClaimState, node: Labels): void => {
    const name = claimClass(c);
    const candidates = volumes.filter((v) => v.storageClass === name);
    const found = findMatchingVolume(c, candidates, node, undefined, true);
    if (found === 'prebound-node-mismatch') {
      const reserved = candidates.find((v) => isVolumeBoundToClaim(v, c));
      decide(c, 'pendingPreboundNode', { volume: reserved?.name ?? '' });
      setClaimPhase(c, 'Pending');
      return;
    }
    const before = findMatchingVolume(
      c,
      candidates.map((v) =>
        v.takenBy && v.takenBy !== c.key
          ? { ...v, claimRef: null, phase: 'Available' as const }
          : v,
      ),
      node,
      undefined,
      true,
    );
    recordContest(
      c,
      found,
      before === 'prebound-node-mismatch' ? undefined : volumeByName.get(before?.name ?? ''),
    );
    if (found) {
      const prebound = isVolumeBoundToClaim(found, c);
      bind(found, c);
      decide(c, prebound ? 'boundPrebound' : 'boundScheduler', { volume: found.name });
      return;
    }
    const sc = classes.get(name);
    if (!sc) decide(c, 'pendingClassMissing', { class: name });
    else if (!sc.provisioner || sc.provisioner === NO_PROVISIONER)
      decide(c, 'pendingNoProvisioner', { class: name });
    else if (!topologyMatches(sc.object.allowedTopologies, node))
      decide(c, 'pendingTopology', { class: name });
    else decide(c, 'provisionAtNode', { class: name, provisioner: sc.provisioner });
    setClaimPhase(c, 'Pending');
  };

  const syncUnboundClaim = (c: ClaimState): void => {
    if (c.volumeName === '') {
      if (c.unnamedClusterDefault) {
        // A class the input does not hold: none of its volumes are known, its provisioner is.
        decide(c, 'provisionClusterDefault');
        setClaimPhase(c, 'Pending');
        return;
      }
      if (c.selectorError !== undefined) {
        decide(c, 'pendingInvalidSelector', { detail: c.selectorError });
        setClaimPhase(c, 'Pending');
        return;
      }
      const delay = isDelayBinding(c);
      const volume = index.findBestMatch(c, delay);
      if (!delay) recordContest(c, volume, index.findBestMatch(c, delay, true));
      if (volume) {
        const prebound = isVolumeBoundToClaim(volume, c);
        bind(volume, c);
        decide(c, prebound ? 'boundPrebound' : 'boundMatch', {
          volume: volume.name,
          capacity: formatQuantity(volume.capacityText, volume.capacity),
        });
        return;
      }
      if (!claimHasClass(c) && state.defaultClass) {
        // assignDefaultStorageClass: the claim is updated and synced again.
        c.specClass = state.defaultClass.name;
        c.classNote = { key: 'retroactiveDefault', className: state.defaultClass.name };
        version++;
        return;
      }
      if (!claimHasClass(c) && state.clusterDefault) {
        if (state.clusterDefault.name === undefined) c.unnamedClusterDefault = true;
        else {
          c.specClass = state.clusterDefault.name;
          c.classNote = { key: 'retroactiveDefault', className: c.specClass };
        }
        version++;
        return;
      }
      if (delay && !c.selectedNode) {
        if (state.nodeLabels && c.consumers.length) {
          schedule(c, state.nodeLabels);
          return;
        }
        decide(c, c.consumers.length ? 'waitForFirstConsumer' : 'waitNoConsumer', {
          class: claimClass(c),
        });
      } else if (claimClass(c) !== '') {
        provision(c);
      } else {
        decide(c, 'pendingNoClass');
      }
      setClaimPhase(c, 'Pending');
      return;
    }
    const volume = volumeByName.get(c.volumeName);
    if (!volume || volume.deleted) {
      decide(c, 'pendingVolumeNameMissing', { volume: c.volumeName });
      setClaimPhase(c, 'Pending');
      return;
    }
    if (!volume.claimRef) {
      const problem = checkVolumeSatisfiesClaim(volume, c);
      if (problem) {
        c.decision = {
          key: 'pendingVolumeNameUnfit',
          params: { volume: volume.name, detailEn: problem.text.en, detailRu: problem.text.ru },
        };
        setClaimPhase(c, 'Pending');
        return;
      }
      bind(volume, c);
      decide(c, 'boundVolumeName', { volume: volume.name });
      return;
    }
    if (isVolumeBoundToClaim(volume, c)) {
      bind(volume, c);
      decide(c, 'boundVolumeName', { volume: volume.name });
      return;
    }
    decide(c, 'pendingVolumeNameTaken', {
      volume: volume.name,
      other: claimKey(volume.claimRef.namespace, volume.claimRef.name),
    });
    setClaimPhase(c, 'Pending');
  };

  const syncBoundClaim = (c: ClaimState): void => {
    if (c.volumeName === '') {
      decide(c, 'lostNoVolumeName');
      setClaimPhase(c, 'Lost');
      return;
    }
    const volume = volumeByName.get(c.volumeName);
    if (!volume || volume.deleted) {
      decide(c, 'lostVolumeMissing', { volume: c.volumeName });
      setClaimPhase(c, 'Lost');
      return;
    }
    if (!volume.claimRef || volume.claimRef.uid === c.uid) {
      bind(volume, c);
      if (!c.decision || c.decision.key.startsWith('lost'))
        decide(c, 'boundExisting', { volume: volume.name });
      return;
    }
    decide(c, 'lostMisbound', {
      volume: volume.name,
      other: claimKey(volume.claimRef.namespace, volume.claimRef.name),
    });
    setClaimPhase(c, 'Lost');
  };

  const byClass = new Map<string, VolumeState[]>();
  for (const v of volumes) {
    const list = byClass.get(v.storageClass);
    if (list) list.push(v);
    else byClass.set(v.storageClass, [v]);
  }

  // ---- the loop ----
  let rounds = 0;
  let stable = false;
  while (rounds < state.maxRounds) {
    rounds++;
    const before = version;
    for (const v of volumes) syncVolume(v);
    for (const c of claims) {
      if (c.bindCompleted) syncBoundClaim(c);
      else syncUnboundClaim(c);
    }
    if (version === before) {
      stable = true;
      break;
    }
  }

  return {
    claims: claims.map((c) => claimResult(c, state, isDelayBinding(c), volumeByName, byClass)),
    volumes: volumes.map(volumeResult),
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
  if (c.phase === 'Bound') return 'bound';
  if (c.phase === 'Lost') return 'lost';
  const key = c.decision?.key ?? '';
  if (key.startsWith('provision')) return 'provision';
  if (key.startsWith('wait')) return 'wait-for-first-consumer';
  return 'pending';
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
  if (c.classNote) {
    const note = localize(claimNotes[c.classNote.key], { class: c.classNote.className });
    text.en += note.en;
    text.ru += note.ru;
  }
  if (c.competitors.size) {
    const names = [...c.competitors]
      .sort()
      .map((k) => `\`${k}\``)
      .join(', ');
    const note = localize(claimNotes.orderDependent, {
      claims: names,
      volume: [...c.contestedVolumes].sort().join('`, `'),
    });
    text.en += note.en;
    text.ru += note.ru;
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

function claimResult(
  c: ClaimState,
  state: SimulationState,
  delay: boolean,
  volumeByName: Map<string, VolumeState>,
  byClass: Map<string, VolumeState[]>,
): ClaimResult {
  const outcome = outcomeOf(c);
  const rejected: RejectedVolume[] = [];
  if (outcome !== 'bound' && outcome !== 'lost') {
    const node = delay && state.nodeLabels && c.consumers.length ? state.nodeLabels : undefined;
    if (c.volumeName) {
      const v = volumeByName.get(c.volumeName);
      if (v && !v.deleted) {
        const problem =
          v.claimRef && !isVolumeBoundToClaim(v, c)
            ? explainRejection(c, v, node, false)
            : checkVolumeSatisfiesClaim(v, c);
        if (problem)
          rejected.push({ volume: v.name, code: reasonCode(problem.key), ...problem.text });
      }
    } else {
      // The closest candidates first: volumes of the claim's class, then the others.
      const cls = claimClass(c);
      const groups = [
        byClass.get(cls) ?? [],
        ...[...byClass].filter(([k]) => k !== cls).map(([, l]) => l),
      ];
      outer: for (const group of groups) {
        for (const v of group) {
          if (rejected.length >= state.maxRejected) break outer;
          const r = explainRejection(c, v, node, delay);
          rejected.push({ volume: v.name, code: reasonCode(r.key), en: r.text.en, ru: r.text.ru });
        }
      }
    }
  }
  return {
    namespace: c.namespace,
    name: c.name,
    source: c.source,
    phase: c.phase,
    volume: c.phase === 'Pending' ? null : c.volumeName || null,
    outcome,
    storageClass: claimClass(c),
    fromStatefulSet: c.fromStatefulSet,
    reason: withDefaultsNote(reasonOf(c), c, state),
    rejected,
    competitors: [...c.competitors].sort(),
    consumers: c.consumers,
    order: c.order,
  };
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
