/**
 * Reservations from the volume's side: the PV whose `claimRef` names a claim, and whether the
 * claim is too big for it (the PV controller then skips the volume).
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { claimState, volumeState } from '../binding/build';
import { requestExceedsCapacity } from '../binding/match';
import { parseQuantity } from '../quantity';
import type { Found, Lookups } from './lookups';
import { get, isRecord, str } from './util';

/**
 * The PV whose `claimRef` reserves it for this claim (pre-bound from the volume's side), for a
 * claim without `volumeName`. A `claimRef` without `namespace` reserves the volume for no claim: the
 * PV controller compares namespaces exactly (`IsVolumeBoundToClaim`) and nothing defaults it
 * (`claim-ref-not-found` reports it).
 */
export function reservedVolume(
  lookups: Lookups,
  namespace: string,
  name: string,
): Found<PersistentVolume> | undefined {
  return reservationsOf(lookups).get(namespace)?.get(name);
}

type Reservations = Map<string, Map<string, Found<PersistentVolume>>>;

/**
 * Per lookups (built once per storage signature, so once per run): the claim's namespace → its
 * name → the first PV whose `claimRef` reserves it. Before, every claim scanned every volume.
 */
const reservationsByLookups = new WeakMap<Lookups, Reservations>();

function reservationsOf(lookups: Lookups): Reservations {
  let reservations = reservationsByLookups.get(lookups);
  if (reservations) return reservations;
  reservations = new Map();
  for (const pv of lookups.volumes.values()) {
    const ref = pv.data.spec?.claimRef;
    if (!isRecord(ref) || typeof ref.name !== 'string') continue;
    const namespace = str(ref.namespace);
    if (!namespace) continue;
    let byName = reservations.get(namespace);
    if (!byName) reservations.set(namespace, (byName = new Map()));
    if (!byName.has(ref.name)) byName.set(ref.name, pv);
  }
  reservationsByLookups.set(lookups, reservations);
  return reservations;
}

/**
 * A claim too big for the volume its `claimRef` reserves: the PV controller's
 * `FindMatchingVolume` checks the size before it honours the reservation, so it skips the volume.
 */
export function requestExceedsReservedVolume(
  spec: unknown,
  pv: Found<PersistentVolume>,
): { request: number; capacity: number } | undefined {
  const claim = claimState(
    { metadata: { name: 'claim' }, spec } as PersistentVolumeClaim,
    '',
    undefined,
    null,
  );
  const volume = volumeState(pv.data, 0, undefined);
  if (!claim || !volume || !requestExceedsCapacity(claim, volume)) return undefined;
  const request = parseQuantity(get(spec, ['resources', 'requests', 'storage']));
  const capacity = parseQuantity(pv.data.spec?.capacity?.storage);
  return request === undefined || capacity === undefined ? undefined : { request, capacity };
}
