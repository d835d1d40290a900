/**
 * The controller's volume index (index.go `persistentVolumeOrderedIndex`), made fast: volumes are
 * grouped by access-mode set (as upstream), and within a set by class, volumeMode and attributes
 * class (filters upstream applies one by one), each group sorted by capacity so the smallest
 * fitting volume is a binary search away. Volumes that stop being free are skipped in O(α(n)).
 */
import { accessModesKey, containsAllModes, modesFromKey } from './match';
import { claimClass, claimKey, type ClaimState, type VolumeState } from './state';

/** Indices of a sorted array with deletions: `find(i)` is the first live index ≥ i. */
class LiveSet {
  private readonly next: Int32Array;
  private readonly live: Uint8Array;
  private dirty = false;

  constructor(readonly size: number) {
    this.next = new Int32Array(size + 1);
    this.live = new Uint8Array(size);
    for (let i = 0; i <= size; i++) this.next[i] = i < size ? i + 1 : size;
  }

  set(i: number, live: boolean): void {
    if (!!this.live[i] === live) return;
    this.live[i] = live ? 1 : 0;
    if (live) this.dirty = true;
    else if (!this.dirty) this.next[i] = i + 1;
  }

  find(from: number): number {
    if (this.dirty) this.rebuild();
    const next = this.next;
    let root = from;
    while (root < this.size && next[root] !== root) root = next[root]!;
    while (from < root && next[from] !== root) {
      const step = next[from]!;
      next[from] = root;
      from = step;
    }
    return root;
  }

  private rebuild(): void {
    for (let i = 0; i < this.size; i++) this.next[i] = this.live[i] ? i : i + 1;
    this.dirty = false;
  }
}

interface Bucket {
  volumes: VolumeState[];
  capacities: bigint[];
  free: LiveSet;
  /** Free, or taken by a claim during this simulation: the state before the controller acted. */
  freeBefore: LiveSet;
}

function bucketKey(
  modesKey: string,
  cls: string,
  volumeMode: string,
  attributesClass: string,
): string {
  return `${modesKey}\u0000${cls}\u0000${volumeMode}\u0000${attributesClass}`;
}

const compareVolumes = (a: VolumeState, b: VolumeState): number =>
  a.capacity < b.capacity
    ? -1
    : a.capacity > b.capacity
      ? 1
      : a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : 0;

export class VolumeIndex {
  private readonly buckets = new Map<string, Bucket>();
  private readonly where = new Map<VolumeState, { bucket: Bucket; at: number }>();
  private readonly modeKeys: string[];
  private readonly matchingKeys = new Map<string, string[]>();
  /** The same lists by the claim's own array of modes: a claim is matched again in every round. */
  private readonly matchingByModes = new WeakMap<readonly string[], string[]>();
  private readonly byClaimRef = new Map<string, Set<VolumeState>>();
  private readonly refOf = new Map<VolumeState, string>();

  constructor(volumes: readonly VolumeState[]) {
    const groups = new Map<string, VolumeState[]>();
    const keys = new Set<string>();
    for (const v of volumes) {
      keys.add(v.modesKey);
      const key = bucketKey(v.modesKey, v.storageClass, v.volumeMode, v.attributesClass);
      const list = groups.get(key);
      if (list) list.push(v);
      else groups.set(key, [v]);
    }
    this.modeKeys = [...keys];
    for (const [key, list] of groups) {
      list.sort(compareVolumes);
      const bucket: Bucket = {
        volumes: list,
        capacities: list.map((v) => v.capacity),
        free: new LiveSet(list.length),
        freeBefore: new LiveSet(list.length),
      };
      this.buckets.set(key, bucket);
      list.forEach((v, at) => this.where.set(v, { bucket, at }));
    }
    for (const v of volumes) this.update(v);
  }

  /** Call after any change of a volume's claimRef, phase, deletion or `takenBy`. */
  update(v: VolumeState): void {
    const place = this.where.get(v);
    if (place) {
      const free = !v.deleted && !v.deleting && v.claimRef === null && v.phase === 'Available';
      place.bucket.free.set(place.at, free);
      place.bucket.freeBefore.set(place.at, free || (!!v.takenBy && !v.deleted && !v.deleting));
    }
    const ref = v.claimRef ? claimKey(v.claimRef.namespace, v.claimRef.name) : undefined;
    const old = this.refOf.get(v);
    if (old === ref) return;
    if (old !== undefined) this.byClaimRef.get(old)?.delete(v);
    if (ref === undefined) this.refOf.delete(v);
    else {
      this.refOf.set(v, ref);
      let set = this.byClaimRef.get(ref);
      if (!set) this.byClaimRef.set(ref, (set = new Set()));
      set.add(v);
    }
  }

  /**
   * `allPossibleMatchingAccessModes`: every indexed mode set that contains the claim's modes,
   * fewest modes first (ties by the set's name, where upstream's order is a map's).
   */
  modeSetsFor(claimModes: readonly string[]): string[] {
    const known = this.matchingByModes.get(claimModes);
    if (known) return known;
    const key =
      accessModesKey(claimModes) + '|' + claimModes.filter((m) => !accessModesKey([m])).join(',');
    let list = this.matchingKeys.get(key);
    if (!list) {
      list = this.modeKeys
        .filter((k) => containsAllModes(modesFromKey(k), claimModes))
        .sort(
          (a, b) => modesFromKey(a).length - modesFromKey(b).length || (a < b ? -1 : a > b ? 1 : 0),
        );
      this.matchingKeys.set(key, list);
    }
    this.matchingByModes.set(claimModes, list);
    return list;
  }

  /**
   * `findByClaim`: for each possible mode set in turn, the volume pre-bound to the claim, else
   * (unless binding is delayed) the smallest free volume that fits. `before` = pretend volumes
   * taken during this simulation are still free (to detect order-dependent outcomes).
   */
  findBestMatch(claim: ClaimState, delayBinding: boolean, before = false): VolumeState | undefined {
    const prebound = this.byClaimRef.get(claim.key);
    const cls = claimClass(claim);
    for (const modes of this.modeSetsFor(claim.modes)) {
      if (prebound?.size) {
        let found: VolumeState | undefined;
        for (const v of prebound) {
          if (v.modesKey !== modes || v.deleted) continue;
          if (v.claimRef?.uid && v.claimRef.uid !== claim.uid) continue;
          if (v.capacity < claim.request || v.volumeMode !== claim.volumeMode) continue;
          if (v.attributesClass !== claim.attributesClass || v.deleting) continue;
          if (!found || v.name < found.name) found = v;
        }
        if (found) return found;
      }
      if (delayBinding) continue;
      const bucket = this.buckets.get(
        bucketKey(modes, cls, claim.volumeMode, claim.attributesClass),
      );
      if (!bucket) continue;
      const live = before ? bucket.freeBefore : bucket.free;
      let i = lowerBound(bucket.capacities, claim.request);
      for (i = live.find(i); i < bucket.volumes.length; i = live.find(i + 1)) {
        const v = bucket.volumes[i]!;
        if (!claim.selector || claim.selector(v.labels)) return v;
      }
    }
    return undefined;
  }
}

function lowerBound(values: readonly bigint[], target: bigint): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
