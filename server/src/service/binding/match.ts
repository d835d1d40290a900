/**
 * The matching rules of the PV controller, after component-helpers/storage/volume
 * (`FindMatchingVolume`, `CheckAccessModes`, `CheckVolumeModeMismatches`, `IsVolumeBoundToClaim`)
 * and pv_controller.go (`checkVolumeSatisfyClaim`), plus the explanation of every rejection.
 */
import { localize, type LocalizedParams } from '../i18n/format';
import { classMismatchFixes, rejectFixes } from './remedies';
import type { LocalizedText } from '../types';
import { classMismatchReasons, rejectReasons } from './reasonMessages';
import { nodeAffinityMatches, type Labels } from './selectors';
import { claimClass, type ClaimState, type VolumeState } from './state';
import { formatQuantity } from './format';

/** Access modes in the order of `GetAccessModesAsString`. */
const MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
/** Short names of access modes, as kubectl prints them. */
export const MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** The index key of a set of access modes, e.g. `RWO,ROX`; unknown modes are left out as upstream does. */
export function accessModesKey(modes: readonly string[]): string {
  return MODE_ORDER.filter((m) => modes.includes(m))
    .map((m) => MODE_SHORT[m])
    .join(',');
}

export function modesFromKey(key: string): string[] {
  if (!key) return [];
  const byShort = Object.fromEntries(Object.entries(MODE_SHORT).map(([l, s]) => [s, l]));
  return key.split(',').map((s) => byShort[s]!);
}

/** `ContainsAllAccessModes`: every requested mode is in the indexed set. */
export function containsAllModes(
  indexed: readonly string[],
  requested: readonly string[],
): boolean {
  return requested.every((m) => indexed.includes(m));
}

/** `CheckAccessModes`: the volume offers every mode the claim asks for. */
export function checkAccessModes(claim: ClaimState, volume: VolumeState): boolean {
  return containsAllModes(volume.modes, claim.modes);
}

/** `CheckVolumeModeMismatches` (an unset mode on either side is `Filesystem`). */
export function volumeModeMismatch(claim: ClaimState, volume: VolumeState): boolean {
  return claim.volumeMode !== volume.volumeMode;
}

/** `FindMatchingVolume`'s capacity check: the volume is smaller than the claim's request. */
export function requestExceedsCapacity(claim: ClaimState, volume: VolumeState): boolean {
  return volume.capacity < claim.request;
}

/** The volume's class is not the claim's (`GetPersistentVolumeClass` vs `GetPersistentVolumeClaimClass`). */
export function classMismatch(claim: ClaimState, volume: VolumeState): boolean {
  return volume.storageClass !== claimClass(claim);
}

/** `IsVolumeBoundToClaim`: claimRef names the claim, and its uid (when set) is the claim's. */
export function isVolumeBoundToClaim(volume: VolumeState, claim: ClaimState): boolean {
  const ref = volume.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.name || ref.namespace !== claim.namespace) return false;
  return !ref.uid || ref.uid === claim.uid;
}

/**
 * `FindMatchingVolume` over a plain list: the pre-bound volume wins at once; otherwise the
 * smallest that passes every filter (ties: the first in the list). `node` set = the scheduler's
 * path (node affinity and access modes are checked; delayed binding is allowed).
 * `prebound-node-mismatch` is returned when the volume reserved for the claim fails the node.
 * `partialNode`: the node is known only by the labels a pod pins (`nodeAffinityMatches`).
 */
export function findMatchingVolume(
  claim: ClaimState,
  volumes: readonly VolumeState[],
  node: Labels | undefined,
  excluded: ReadonlySet<string> | undefined,
  delayBinding: boolean,
  partialNode = false,
): VolumeState | 'prebound-node-mismatch' | undefined {
  let smallest: VolumeState | undefined;
  const requestedClass = claimClass(claim);
  for (const volume of volumes) {
    if (volume.deleted || excluded?.has(volume.name)) continue;
    if (volume.claimRef && !isVolumeBoundToClaim(volume, claim)) continue;
    if (requestExceedsCapacity(claim, volume)) continue;
    if (volumeModeMismatch(claim, volume)) continue;
    if (claim.attributesClass !== volume.attributesClass) continue;
    if (volume.deleting) continue;
    const nodeAffinityValid = node
      ? nodeAffinityMatches(volume.nodeAffinity, node, partialNode)
      : true;
    if (isVolumeBoundToClaim(volume, claim)) {
      return nodeAffinityValid ? volume : 'prebound-node-mismatch';
    }
    if (!node && delayBinding) continue;
    if (volume.phase !== 'Available') continue;
    if (claim.selector && !claim.selector(volume.labels)) continue;
    if (volume.storageClass !== requestedClass) continue;
    if (!nodeAffinityValid) continue;
    if (node && !checkAccessModes(claim, volume)) continue;
    if (!smallest || smallest.capacity > volume.capacity) smallest = volume;
  }
  return smallest;
}

export interface Rejection {
  key: keyof typeof rejectReasons;
  text: LocalizedText;
  /** What would make the volume bind to the claim (remedies.ts), when something would. */
  fix?: LocalizedText;
}

/** A rejection's text and its remedy, with the same parameters. */
function rejection(key: keyof typeof rejectReasons, params: LocalizedParams): Rejection {
  const fix = key in rejectFixes ? rejectFixes[key as keyof typeof rejectFixes] : undefined;
  return {
    key,
    text: localize(rejectReasons[key], params),
    ...(fix ? { fix: localize(fix, params) } : {}),
  };
}

/** Rejections repeat a lot (the same sizes, classes, modes): each text is built once. */
const rejectionCache = new Map<string, Map<string, Map<string, Rejection>>>();
let cachedRejections = 0;

function reject(
  key: keyof typeof rejectReasons,
  names: readonly string[] = [],
  a = '',
  b = '',
): Rejection {
  let byA = rejectionCache.get(key);
  if (!byA) rejectionCache.set(key, (byA = new Map()));
  let byB = byA.get(a);
  if (!byB) byA.set(a, (byB = new Map()));
  let found = byB.get(b);
  if (!found) {
    if (++cachedRejections > 20000) {
      rejectionCache.clear();
      cachedRejections = 0;
    }
    const params: Record<string, string> = {};
    if (names[0]) params[names[0]] = a;
    if (names[1]) params[names[1]] = b;
    found = rejection(key, params);
    byB.set(b, found);
  }
  return found;
}

const classRejections = new Map<string, Rejection>();

function classReject(volume: VolumeState, claim: ClaimState): Rejection {
  const cacheKey = volume.storageClass + '\u0000' + claimClass(claim);
  let found = classRejections.get(cacheKey);
  if (!found) {
    if (classRejections.size > 10000) classRejections.clear();
    found = buildClassReject(volume.storageClass, claimClass(claim));
    classRejections.set(cacheKey, found);
  }
  return found;
}

/** Two classes, or no class (`""`) on one side: then the texts say "no class" in words. */
function buildClassReject(volumeClass: string, claimClassName: string): Rejection {
  const params = { volumeClass: `\`${volumeClass}\``, claimClass: `\`${claimClassName}\`` };
  const none = volumeClass ? (claimClassName ? undefined : 'claimNone') : 'volumeNone';
  if (!none) return rejection('storageClass', params);
  return {
    key: 'storageClass',
    text: localize(classMismatchReasons[none], params),
    fix: localize(classMismatchFixes[none], params),
  };
}

/**
 * The claim's class rules the volume out: another class, or — for a claim that gets the
 * cluster's default class, whose name is not known — any class (the default class has a name, so
 * never `""`; whether a named one is the default nobody here can tell).
 */
function classProblem(claim: ClaimState, volume: VolumeState): Rejection | undefined {
  if (claim.unnamedClusterDefault) {
    return volume.storageClass
      ? reject('unknownDefaultClass', ['volumeClass'], volume.storageClass)
      : reject('unknownDefaultNoClass');
  }
  return classMismatch(claim, volume) ? classReject(volume, claim) : undefined;
}

const modeLists = new WeakMap<readonly string[], string>();
const modeList = (modes: readonly string[]): string => {
  let text = modeLists.get(modes);
  if (text === undefined) {
    text = modes.length ? modes.join(', ') : '—';
    modeLists.set(modes, text);
  }
  return text;
};

/**
 * `checkVolumeSatisfyClaim`: the checks for a volume the claim names in `spec.volumeName`
 * (no phase, selector or node checks there).
 */
export function checkVolumeSatisfiesClaim(
  volume: VolumeState,
  claim: ClaimState,
): Rejection | undefined {
  if (volume.deleting) return reject('beingDeleted');
  if (requestExceedsCapacity(claim, volume)) return tooSmall(volume, claim);
  const cls = classProblem(claim, volume);
  if (cls) return cls;
  if (volumeModeMismatch(claim, volume)) return volumeModeReject(volume, claim);
  if (!checkAccessModes(claim, volume)) return modesReject(volume, claim);
  if (claim.attributesClass !== volume.attributesClass) return attributesReject(volume, claim);
  return undefined;
}

const tooSmall = (volume: VolumeState, claim: ClaimState): Rejection =>
  reject(
    'tooSmall',
    ['capacity', 'request'],
    formatQuantity(volume.capacityText, volume.capacity),
    formatQuantity(claim.requestText, claim.request),
  );
const volumeModeReject = (volume: VolumeState, claim: ClaimState): Rejection =>
  reject('volumeMode', ['volumeMode', 'claimMode'], volume.volumeMode, claim.volumeMode);
const modesReject = (volume: VolumeState, claim: ClaimState): Rejection =>
  reject(
    'accessModes',
    ['volumeModes', 'claimModes'],
    modeList(volume.modes),
    modeList(claim.modes),
  );
const attributesReject = (volume: VolumeState, claim: ClaimState): Rejection =>
  reject(
    'attributesClass',
    ['volumeClass', 'claimClass'],
    volume.attributesClass || '—',
    claim.attributesClass || '—',
  );

/**
 * Why the controller (or, with `node`, the scheduler) passes over `volume` for `claim`: the
 * first failing check, in the order of `FindMatchingVolume` after the access-mode index.
 */
export function explainRejection(
  claim: ClaimState,
  volume: VolumeState,
  node: Labels | undefined,
  delayBinding: boolean,
  /** Judge the volume as if it were free (no claimRef, `Available`). */
  asFree = false,
  /** The node is known only by the labels the claim's pod pins. */
  partialNode = false,
): Rejection {
  if (volume.deleted) return reject('deleted');
  if (!checkAccessModes(claim, volume)) return modesReject(volume, claim);
  const ref = asFree ? null : volume.claimRef;
  if (ref && !isVolumeBoundToClaim(volume, claim)) {
    const other = `${ref.namespace}/${ref.name}`;
    if (ref.namespace === claim.namespace && ref.name === claim.name) {
      return reject('claimRefUid', ['uid'], ref.uid);
    }
    if (ref.namespace === '' && ref.name === claim.name) {
      return reject('claimRefNoNamespace', ['name', 'namespace'], ref.name, claim.namespace);
    }
    if (volume.takenBy) {
      // Say "taken" only when the volume would otherwise have fitted.
      const otherwise = explainRejection(claim, volume, node, delayBinding, true, partialNode);
      return otherwise.key === 'notChosen'
        ? reject('takenByEarlierClaim', ['other'], volume.takenBy)
        : otherwise;
    }
    if (volume.phase === 'Released' || volume.phase === 'Failed') {
      return reject('phase', ['phase'], volume.phase);
    }
    return reject(ref.uid ? 'claimedByOther' : 'reservedForOther', ['other'], other);
  }
  if (requestExceedsCapacity(claim, volume)) return tooSmall(volume, claim);
  if (volumeModeMismatch(claim, volume)) return volumeModeReject(volume, claim);
  if (claim.attributesClass !== volume.attributesClass) return attributesReject(volume, claim);
  if (volume.deleting) return reject('beingDeleted');
  if (node && !nodeAffinityMatches(volume.nodeAffinity, node, partialNode))
    return reject(partialNode ? 'nodeAffinityPod' : 'nodeAffinity');
  if (!asFree && isVolumeBoundToClaim(volume, claim)) return reject('notChosen');
  if (!node && delayBinding) {
    // Say the real obstacle first when there is one; otherwise the delay is the reason.
    return staticMismatch(claim, volume, asFree) ?? reject('delayedBinding');
  }
  return staticMismatch(claim, volume, asFree) ?? reject('notChosen');
}

function staticMismatch(
  claim: ClaimState,
  volume: VolumeState,
  asFree: boolean,
): Rejection | undefined {
  if (!asFree && volume.phase !== 'Available') return reject('phase', ['phase'], volume.phase);
  if (claim.selector && !claim.selector(volume.labels)) return reject('selector');
  return classProblem(claim, volume);
}

/**
 * The PV controller could bind `volume` to `claim` by `FindMatchingVolume`'s checks and the
 * access-mode index alone, no other claim competing for it. A written volume without a status is
 * `Available` once the controller first syncs it.
 */
export function volumeCouldBind(claim: ClaimState, volume: VolumeState): boolean {
  const synced: VolumeState =
    volume.phase === 'Pending' ? { ...volume, phase: 'Available' } : volume;
  return explainRejection(claim, synced, undefined, false).key === 'notChosen';
}
