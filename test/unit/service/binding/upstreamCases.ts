/**
 * The cases of upstream kubernetes/kubernetes pkg/controller/volume/persistentvolume/binder_test.go
 * (`TestSync`, `TestSyncBlockVolume`) that our inputs can express, written as our own table in
 * the shape of upstream's helpers: `vol` is `newVolume(name, capacity, claimUID, claimName, phase,
 * reclaimPolicy, class, annotations…)`, `claim` is `newClaim(name, uid, capacity, volumeName,
 * phase, class, annotations…)`. Left out: 4-11 and 4-12 (the informer cache lags behind the API
 * server: not a state of the objects), 2-13 (the VolumeAttributesClass feature gate off).
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { RWO, ROX, RWX, sc } from './helpers';

export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const NAMESPACE = 'default';

type Annotation = typeof BOUND_BY_CONTROLLER | typeof BIND_COMPLETED;
const annotations = (list: Annotation[]) =>
  list.length ? Object.fromEntries(list.map((a) => [a, 'yes'])) : undefined;

export function vol(
  name: string,
  capacity: string,
  claimUid: string,
  claimName: string,
  phase: string,
  policy: 'Retain' | 'Delete',
  storageClass: string,
  ...anns: Annotation[]
): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: annotations(anns) },
    spec: {
      capacity: { storage: capacity },
      accessModes: [RWO, ROX],
      persistentVolumeReclaimPolicy: policy,
      storageClassName: storageClass,
      volumeMode: 'Filesystem',
      gcePersistentDisk: { pdName: name },
      ...(claimName
        ? {
            claimRef: {
              kind: 'PersistentVolumeClaim',
              apiVersion: 'v1',
              namespace: NAMESPACE,
              name: claimName,
              ...(claimUid ? { uid: claimUid } : {}),
            },
          }
        : {}),
    },
    status: phase ? { phase } : {},
  } as PersistentVolume;
}

export function claim(
  name: string,
  uid: string,
  capacity: string,
  volumeName: string,
  phase: string,
  storageClass: string | null,
  ...anns: Annotation[]
): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: NAMESPACE, uid, annotations: annotations(anns) },
    spec: {
      accessModes: [RWO, ROX],
      resources: { requests: { storage: capacity } },
      volumeMode: 'Filesystem',
      ...(volumeName ? { volumeName } : {}),
      ...(storageClass !== null ? { storageClassName: storageClass } : {}),
    },
    status: { phase },
  } as PersistentVolumeClaim;
}

type Change<T> = (o: T) => T;
const labels = { foo: 'true', bar: 'false' };
const withLabels: Change<PersistentVolume> = (v) => ({
  ...v,
  metadata: { ...v.metadata, labels },
});
const withSelector: Change<PersistentVolumeClaim> = (c) => ({
  ...c,
  spec: { ...c.spec, selector: { matchLabels: labels } },
});
const volumeMode =
  (mode: string): Change<PersistentVolume> =>
  (v) => ({ ...v, spec: { ...v.spec, volumeMode: mode } });
const claimMode =
  (mode: string): Change<PersistentVolumeClaim> =>
  (c) => ({ ...c, spec: { ...c.spec, volumeMode: mode } });
const volumeAttributes =
  (cls: string): Change<PersistentVolume> =>
  (v) => ({ ...v, spec: { ...v.spec, volumeAttributesClassName: cls } });
const claimAttributes =
  (cls: string): Change<PersistentVolumeClaim> =>
  (c) => ({ ...c, spec: { ...c.spec, volumeAttributesClassName: cls } });
const accessModes =
  (modes: string[]): Change<PersistentVolumeClaim> =>
  (c) => ({ ...c, spec: { ...c.spec, accessModes: modes } });
const selectedNode =
  (node: string): Change<PersistentVolumeClaim> =>
  (c) => ({
    ...c,
    metadata: {
      ...c.metadata,
      annotations: { ...c.metadata?.annotations, 'volume.kubernetes.io/selected-node': node },
    },
  });

/** Upstream's `classWait`: the only StorageClass TestSync creates. */
export const classes: StorageClass[] = [
  sc('wait', (o) => {
    o.provisioner = '';
    o.volumeBindingMode = 'WaitForFirstConsumer';
  }),
];

export interface UpstreamCase {
  name: string;
  /** The upstream test calls `syncClaim` on every claim, or `syncVolume` on every volume, once. */
  test: 'syncClaim' | 'syncVolume';
  volumes: PersistentVolume[];
  claims: PersistentVolumeClaim[];
  expectedVolumes: PersistentVolume[];
  expectedClaims: PersistentVolumeClaim[];
}

const c = (
  name: string,
  test: UpstreamCase['test'],
  volumes: PersistentVolume[],
  expectedVolumes: PersistentVolume[],
  claims: PersistentVolumeClaim[],
  expectedClaims: PersistentVolumeClaim[],
): UpstreamCase => ({ name, test, volumes, claims, expectedVolumes, expectedClaims });

const BC = BOUND_BY_CONTROLLER;
const BIND = BIND_COMPLETED;
const A = 'Available';
const B = 'Bound';
const P = 'Pending';

// prettier-ignore
export const upstreamCases: UpstreamCase[] = [
  // [Unit test set 1] User did not care which PV they get.
  c('1-1 - successful bind', 'syncClaim',
    [vol('volume1-1', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-1', '1Gi', 'uid1-1', 'claim1-1', B, 'Retain', '', BC)],
    [claim('claim1-1', 'uid1-1', '1Gi', '', P, null)],
    [claim('claim1-1', 'uid1-1', '1Gi', 'volume1-1', B, null, BC, BIND)]),
  c('1-2 - noop', 'syncClaim',
    [vol('volume1-2', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-2', '1Gi', '', '', A, 'Retain', '')],
    [claim('claim1-2', 'uid1-2', '10Gi', '', P, null)],
    [claim('claim1-2', 'uid1-2', '10Gi', '', P, null)]),
  c('1-3 - reset to Pending', 'syncClaim',
    [vol('volume1-3', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-3', '1Gi', '', '', A, 'Retain', '')],
    [claim('claim1-3', 'uid1-3', '10Gi', '', B, null)],
    [claim('claim1-3', 'uid1-3', '10Gi', '', P, null)]),
  c('1-4 - smallest volume', 'syncClaim',
    [vol('volume1-4_1', '10Gi', '', '', A, 'Retain', ''), vol('volume1-4_2', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-4_1', '10Gi', '', '', A, 'Retain', ''), vol('volume1-4_2', '1Gi', 'uid1-4', 'claim1-4', B, 'Retain', '', BC)],
    [claim('claim1-4', 'uid1-4', '1Gi', '', P, null)],
    [claim('claim1-4', 'uid1-4', '1Gi', 'volume1-4_2', B, null, BC, BIND)]),
  c('1-5 - prebound volume by name - success', 'syncClaim',
    [vol('volume1-5_1', '10Gi', '', 'claim1-5', A, 'Retain', ''), vol('volume1-5_2', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-5_1', '10Gi', 'uid1-5', 'claim1-5', B, 'Retain', ''), vol('volume1-5_2', '1Gi', '', '', A, 'Retain', '')],
    [claim('claim1-5', 'uid1-5', '1Gi', '', P, null)],
    [claim('claim1-5', 'uid1-5', '1Gi', 'volume1-5_1', B, null, BC, BIND)]),
  c('1-6 - prebound volume by UID - success', 'syncClaim',
    [vol('volume1-6_1', '10Gi', 'uid1-6', 'claim1-6', A, 'Retain', ''), vol('volume1-6_2', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-6_1', '10Gi', 'uid1-6', 'claim1-6', B, 'Retain', ''), vol('volume1-6_2', '1Gi', '', '', A, 'Retain', '')],
    [claim('claim1-6', 'uid1-6', '1Gi', '', P, null)],
    [claim('claim1-6', 'uid1-6', '1Gi', 'volume1-6_1', B, null, BC, BIND)]),
  c('1-7 - prebound volume to different claim', 'syncClaim',
    [vol('volume1-7', '10Gi', 'uid1-777', 'claim1-7', A, 'Retain', '')],
    [vol('volume1-7', '10Gi', 'uid1-777', 'claim1-7', A, 'Retain', '')],
    [claim('claim1-7', 'uid1-7', '1Gi', '', P, null)],
    [claim('claim1-7', 'uid1-7', '1Gi', '', P, null)]),
  c('1-8 - complete bind after crash - PV bound', 'syncClaim',
    [vol('volume1-8', '1Gi', 'uid1-8', 'claim1-8', A, 'Retain', '', BC)],
    [vol('volume1-8', '1Gi', 'uid1-8', 'claim1-8', B, 'Retain', '', BC)],
    [claim('claim1-8', 'uid1-8', '1Gi', '', P, null)],
    [claim('claim1-8', 'uid1-8', '1Gi', 'volume1-8', B, null, BC, BIND)]),
  c('1-9 - complete bind after crash - PV status saved', 'syncClaim',
    [vol('volume1-9', '1Gi', 'uid1-9', 'claim1-9', B, 'Retain', '', BC)],
    [vol('volume1-9', '1Gi', 'uid1-9', 'claim1-9', B, 'Retain', '', BC)],
    [claim('claim1-9', 'uid1-9', '1Gi', '', P, null)],
    [claim('claim1-9', 'uid1-9', '1Gi', 'volume1-9', B, null, BC, BIND)]),
  c('1-10 - complete bind after crash - PVC bound', 'syncClaim',
    [vol('volume1-10', '1Gi', 'uid1-10', 'claim1-10', B, 'Retain', '', BC)],
    [vol('volume1-10', '1Gi', 'uid1-10', 'claim1-10', B, 'Retain', '', BC)],
    [claim('claim1-10', 'uid1-10', '1Gi', 'volume1-10', P, null, BC, BIND)],
    [claim('claim1-10', 'uid1-10', '1Gi', 'volume1-10', B, null, BC, BIND)]),
  c('1-11 - bind when selector matches', 'syncClaim',
    [withLabels(vol('volume1-1', '1Gi', '', '', A, 'Retain', ''))],
    [withLabels(vol('volume1-1', '1Gi', 'uid1-1', 'claim1-1', B, 'Retain', '', BC))],
    [withSelector(claim('claim1-1', 'uid1-1', '1Gi', '', P, null))],
    [withSelector(claim('claim1-1', 'uid1-1', '1Gi', 'volume1-1', B, null, BC, BIND))]),
  c('1-12 - do not bind when selector does not match', 'syncClaim',
    [vol('volume1-1', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-1', '1Gi', '', '', A, 'Retain', '')],
    [withSelector(claim('claim1-1', 'uid1-1', '1Gi', '', P, null))],
    [withSelector(claim('claim1-1', 'uid1-1', '1Gi', '', P, null))]),
  c('1-13 - delayed binding', 'syncClaim',
    [vol('volume1-1', '1Gi', '', '', A, 'Retain', 'wait')],
    [vol('volume1-1', '1Gi', '', '', A, 'Retain', 'wait')],
    [claim('claim1-1', 'uid1-1', '1Gi', '', P, 'wait')],
    [claim('claim1-1', 'uid1-1', '1Gi', '', P, 'wait')]),
  c('1-14 - successful prebound PV', 'syncClaim',
    [vol('volume1-1', '1Gi', '', 'claim1-1', A, 'Retain', 'wait')],
    [vol('volume1-1', '1Gi', 'uid1-1', 'claim1-1', B, 'Retain', 'wait')],
    [claim('claim1-1', 'uid1-1', '1Gi', '', P, 'wait')],
    [claim('claim1-1', 'uid1-1', '1Gi', 'volume1-1', B, 'wait', BC, BIND)]),
  c('1-15 - successful prebound PVC', 'syncClaim',
    [vol('volume1-15_1', '10Gi', '', '', A, 'Retain', ''), vol('volume1-15_2', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-15_1', '10Gi', 'uid1-15', 'claim1-15', B, 'Retain', '', BC), vol('volume1-15_2', '1Gi', '', '', A, 'Retain', '')],
    [claim('claim1-15', 'uid1-15', '1Gi', 'volume1-15_1', P, null)],
    [claim('claim1-15', 'uid1-15', '1Gi', 'volume1-15_1', B, null, BIND)]),
  c('1-16 - successful prebound PVC (access mode differs)', 'syncClaim',
    [vol('volume1-16', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume1-16', '1Gi', '', '', A, 'Retain', '')],
    [accessModes([RWX])(claim('claim1-16', 'uid1-16', '1Gi', 'volume1-16', P, null))],
    [accessModes([RWX])(claim('claim1-16', 'uid1-16', '1Gi', 'volume1-16', P, null))]),
  c("1-17 - skip non-available PV if it's not pre-bind", 'syncClaim',
    [
      vol('volume1-17-pending', '1Gi', '', '', P, 'Retain', ''),
      vol('volume1-17-failed', '1Gi', '', '', 'Failed', 'Retain', ''),
      vol('volume1-17-released', '1Gi', '', '', 'Released', 'Retain', ''),
      vol('volume1-17-empty', '1Gi', '', '', '', 'Retain', ''),
    ],
    [
      vol('volume1-17-pending', '1Gi', '', '', P, 'Retain', ''),
      vol('volume1-17-failed', '1Gi', '', '', 'Failed', 'Retain', ''),
      vol('volume1-17-released', '1Gi', '', '', 'Released', 'Retain', ''),
      vol('volume1-17-empty', '1Gi', '', '', '', 'Retain', ''),
    ],
    [claim('claim1-17', 'uid1-17', '1Gi', '', P, null)],
    [claim('claim1-17', 'uid1-17', '1Gi', '', P, null)]),
  c('1-18 - successful pre-bound PV to PVC provisioning', 'syncClaim',
    [vol('volume1-18', '1Gi', 'uid1-18', 'claim1-18', A, 'Retain', 'wait')],
    [vol('volume1-18', '1Gi', 'uid1-18', 'claim1-18', B, 'Retain', 'wait')],
    [selectedNode('node1')(claim('claim1-18', 'uid1-18', '1Gi', '', P, 'wait'))],
    [selectedNode('node1')(claim('claim1-18', 'uid1-18', '1Gi', 'volume1-18', B, 'wait', BC, BIND))]),

  // [Unit test set 2] User asked for a specific PV.
  c('2-1 - claim prebound to non-existing volume - noop', 'syncClaim', [], [],
    [claim('claim2-1', 'uid2-1', '10Gi', 'volume2-1', P, null)],
    [claim('claim2-1', 'uid2-1', '10Gi', 'volume2-1', P, null)]),
  c('2-2 - claim prebound to non-existing volume - reset status', 'syncClaim', [], [],
    [claim('claim2-2', 'uid2-2', '10Gi', 'volume2-2', B, null)],
    [claim('claim2-2', 'uid2-2', '10Gi', 'volume2-2', P, null)]),
  c('2-3 - claim prebound to unbound volume', 'syncClaim',
    [vol('volume2-3', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume2-3', '1Gi', 'uid2-3', 'claim2-3', B, 'Retain', '', BC)],
    [claim('claim2-3', 'uid2-3', '1Gi', 'volume2-3', P, null)],
    [claim('claim2-3', 'uid2-3', '1Gi', 'volume2-3', B, null, BIND)]),
  c('2-4 - claim prebound to prebound volume by name', 'syncClaim',
    [vol('volume2-4', '1Gi', '', 'claim2-4', A, 'Retain', '')],
    [vol('volume2-4', '1Gi', 'uid2-4', 'claim2-4', B, 'Retain', '')],
    [claim('claim2-4', 'uid2-4', '1Gi', 'volume2-4', P, null)],
    [claim('claim2-4', 'uid2-4', '1Gi', 'volume2-4', B, null, BIND)]),
  c('2-5 - claim prebound to prebound volume by UID', 'syncClaim',
    [vol('volume2-5', '1Gi', 'uid2-5', 'claim2-5', A, 'Retain', '')],
    [vol('volume2-5', '1Gi', 'uid2-5', 'claim2-5', B, 'Retain', '')],
    [claim('claim2-5', 'uid2-5', '1Gi', 'volume2-5', P, null)],
    [claim('claim2-5', 'uid2-5', '1Gi', 'volume2-5', B, null, BIND)]),
  c('2-6 - claim prebound to already bound volume', 'syncClaim',
    [vol('volume2-6', '1Gi', 'uid2-6_1', 'claim2-6_1', B, 'Retain', '')],
    [vol('volume2-6', '1Gi', 'uid2-6_1', 'claim2-6_1', B, 'Retain', '')],
    [claim('claim2-6', 'uid2-6', '1Gi', 'volume2-6', B, null)],
    [claim('claim2-6', 'uid2-6', '1Gi', 'volume2-6', P, null)]),
  c('2-7 - claim bound by controller to already bound volume (an error: nothing changes)', 'syncClaim',
    [vol('volume2-7', '1Gi', 'uid2-7_1', 'claim2-7_1', B, 'Retain', '')],
    [vol('volume2-7', '1Gi', 'uid2-7_1', 'claim2-7_1', B, 'Retain', '')],
    [claim('claim2-7', 'uid2-7', '1Gi', 'volume2-7', B, null, BC)],
    [claim('claim2-7', 'uid2-7', '1Gi', 'volume2-7', B, null, BC)]),
  c('2-8 - claim prebound to unbound volume that does not match the selector', 'syncClaim',
    [vol('volume2-8', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume2-8', '1Gi', 'uid2-8', 'claim2-8', B, 'Retain', '', BC)],
    [withSelector(claim('claim2-8', 'uid2-8', '1Gi', 'volume2-8', P, null))],
    [withSelector(claim('claim2-8', 'uid2-8', '1Gi', 'volume2-8', B, null, BIND))]),
  c('2-9 - claim prebound to unbound volume that size is smaller than requested', 'syncClaim',
    [vol('volume2-9', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume2-9', '1Gi', '', '', A, 'Retain', '')],
    [claim('claim2-9', 'uid2-9', '2Gi', 'volume2-9', B, null)],
    [claim('claim2-9', 'uid2-9', '2Gi', 'volume2-9', P, null)]),
  c('2-10 - claim prebound to unbound volume that class is different', 'syncClaim',
    [vol('volume2-10', '1Gi', '', '', A, 'Retain', 'gold')],
    [vol('volume2-10', '1Gi', '', '', A, 'Retain', 'gold')],
    [claim('claim2-10', 'uid2-10', '1Gi', 'volume2-10', B, null)],
    [claim('claim2-10', 'uid2-10', '1Gi', 'volume2-10', P, null)]),
  c('2-11 - claim prebound to unbound volume that volume attributes class is different', 'syncClaim',
    [volumeAttributes('gold')(vol('volume2-11', '1Gi', '', '', A, 'Retain', ''))],
    [volumeAttributes('gold')(vol('volume2-11', '1Gi', '', '', A, 'Retain', ''))],
    [claim('claim2-11', 'uid2-11', '1Gi', 'volume2-11', B, null)],
    [claim('claim2-11', 'uid2-11', '1Gi', 'volume2-11', P, null)]),
  c('2-12 - claim prebound to unbound volume that volume attributes class is same', 'syncClaim',
    [volumeAttributes('gold')(vol('volume2-12', '1Gi', '', '', A, 'Retain', ''))],
    [volumeAttributes('gold')(vol('volume2-12', '1Gi', 'uid2-12', 'claim2-12', B, 'Retain', '', BC))],
    [claimAttributes('gold')(claim('claim2-12', 'uid2-12', '1Gi', 'volume2-12', P, null))],
    [claimAttributes('gold')(claim('claim2-12', 'uid2-12', '1Gi', 'volume2-12', B, null, BIND))]),

  // [Unit test set 3] Syncing bound claim
  c('3-1 - bound claim with missing VolumeName', 'syncClaim', [], [],
    [claim('claim3-1', 'uid3-1', '10Gi', '', B, null, BC, BIND)],
    [claim('claim3-1', 'uid3-1', '10Gi', '', 'Lost', null, BC, BIND)]),
  c('3-2 - bound claim with missing volume', 'syncClaim', [], [],
    [claim('claim3-2', 'uid3-2', '10Gi', 'volume3-2', B, null, BC, BIND)],
    [claim('claim3-2', 'uid3-2', '10Gi', 'volume3-2', 'Lost', null, BC, BIND)]),
  c('3-3 - bound claim with unbound volume', 'syncClaim',
    [vol('volume3-3', '10Gi', '', '', A, 'Retain', '')],
    [vol('volume3-3', '10Gi', 'uid3-3', 'claim3-3', B, 'Retain', '', BC)],
    [claim('claim3-3', 'uid3-3', '10Gi', 'volume3-3', P, null, BC, BIND)],
    [claim('claim3-3', 'uid3-3', '10Gi', 'volume3-3', B, null, BC, BIND)]),
  c('3-4 - bound claim with prebound volume', 'syncClaim',
    [vol('volume3-4', '10Gi', 'claim3-4-x', 'claim3-4', A, 'Retain', '')],
    [vol('volume3-4', '10Gi', 'claim3-4-x', 'claim3-4', A, 'Retain', '')],
    [claim('claim3-4', 'uid3-4', '10Gi', 'volume3-4', P, null, BC, BIND)],
    [claim('claim3-4', 'uid3-4', '10Gi', 'volume3-4', 'Lost', null, BC, BIND)]),
  c('3-5 - bound claim with bound volume', 'syncClaim',
    [vol('volume3-5', '10Gi', 'uid3-5', 'claim3-5', A, 'Retain', '')],
    [vol('volume3-5', '10Gi', 'uid3-5', 'claim3-5', B, 'Retain', '')],
    [claim('claim3-5', 'uid3-5', '10Gi', 'volume3-5', P, null, BIND)],
    [claim('claim3-5', 'uid3-5', '10Gi', 'volume3-5', B, null, BIND)]),
  c('3-6 - bound claim with bound volume (of another claim)', 'syncClaim',
    [vol('volume3-6', '10Gi', 'uid3-6-x', 'claim3-6-x', A, 'Retain', '')],
    [vol('volume3-6', '10Gi', 'uid3-6-x', 'claim3-6-x', A, 'Retain', '')],
    [claim('claim3-6', 'uid3-6', '10Gi', 'volume3-6', P, null, BIND)],
    [claim('claim3-6', 'uid3-6', '10Gi', 'volume3-6', 'Lost', null, BIND)]),
  c("3-7 - bound claim with unbound volume where selector doesn't match", 'syncClaim',
    [vol('volume3-3', '10Gi', '', '', A, 'Retain', '')],
    [vol('volume3-3', '10Gi', 'uid3-3', 'claim3-3', B, 'Retain', '', BC)],
    [withSelector(claim('claim3-3', 'uid3-3', '10Gi', 'volume3-3', P, null, BC, BIND))],
    [withSelector(claim('claim3-3', 'uid3-3', '10Gi', 'volume3-3', B, null, BC, BIND))]),

  // [Unit test set 4] All syncVolume tests.
  c('4-1 - pending volume', 'syncVolume',
    [vol('volume4-1', '10Gi', '', '', P, 'Retain', '')],
    [vol('volume4-1', '10Gi', '', '', A, 'Retain', '')], [], []),
  c('4-2 - pending prebound volume', 'syncVolume',
    [vol('volume4-2', '10Gi', '', 'claim4-2', P, 'Retain', '')],
    [vol('volume4-2', '10Gi', '', 'claim4-2', A, 'Retain', '')], [], []),
  c('4-3 - bound volume with missing claim', 'syncVolume',
    [vol('volume4-3', '10Gi', 'uid4-3', 'claim4-3', B, 'Retain', '')],
    [vol('volume4-3', '10Gi', 'uid4-3', 'claim4-3', 'Released', 'Retain', '')], [], []),
  c('4-4 - volume bound to claim with different UID', 'syncVolume',
    [vol('volume4-4', '10Gi', 'uid4-4', 'claim4-4', B, 'Retain', '')],
    [vol('volume4-4', '10Gi', 'uid4-4', 'claim4-4', 'Released', 'Retain', '')],
    [claim('claim4-4', 'uid4-4-x', '10Gi', 'volume4-4', B, null, BIND)],
    [claim('claim4-4', 'uid4-4-x', '10Gi', 'volume4-4', B, null, BIND)]),
  c('4-5 - volume bound by controller to unbound claim', 'syncVolume',
    [vol('volume4-5', '10Gi', 'uid4-5', 'claim4-5', B, 'Retain', '', BC)],
    [vol('volume4-5', '10Gi', 'uid4-5', 'claim4-5', B, 'Retain', '', BC)],
    [claim('claim4-5', 'uid4-5', '10Gi', '', P, null)],
    [claim('claim4-5', 'uid4-5', '10Gi', '', P, null)]),
  c('4-5 - volume bound by user to bound claim', 'syncVolume',
    [vol('volume4-5', '10Gi', 'uid4-5', 'claim4-5', B, 'Retain', '')],
    [vol('volume4-5', '10Gi', 'uid4-5', 'claim4-5', B, 'Retain', '')],
    [claim('claim4-5', 'uid4-5', '10Gi', '', P, null)],
    [claim('claim4-5', 'uid4-5', '10Gi', '', P, null)]),
  c('4-6 - volume bound by to bound claim', 'syncVolume',
    [vol('volume4-6', '10Gi', 'uid4-6', 'claim4-6', A, 'Retain', '')],
    [vol('volume4-6', '10Gi', 'uid4-6', 'claim4-6', B, 'Retain', '')],
    [claim('claim4-6', 'uid4-6', '10Gi', 'volume4-6', B, null)],
    [claim('claim4-6', 'uid4-6', '10Gi', 'volume4-6', B, null)]),
  c('4-7 - volume bound by controller to claim bound somewhere else', 'syncVolume',
    [vol('volume4-7', '10Gi', 'uid4-7', 'claim4-7', B, 'Retain', '', BC)],
    [vol('volume4-7', '10Gi', '', '', A, 'Retain', '')],
    [claim('claim4-7', 'uid4-7', '10Gi', 'volume4-7-x', B, null)],
    [claim('claim4-7', 'uid4-7', '10Gi', 'volume4-7-x', B, null)]),
  c('4-8 - volume bound by user to claim bound somewhere else', 'syncVolume',
    [vol('volume4-8', '10Gi', 'uid4-8', 'claim4-8', B, 'Retain', '')],
    [vol('volume4-8', '10Gi', '', 'claim4-8', A, 'Retain', '')],
    [claim('claim4-8', 'uid4-8', '10Gi', 'volume4-8-x', B, null)],
    [claim('claim4-8', 'uid4-8', '10Gi', 'volume4-8-x', B, null)]),
  c('4-9 - volume bound to bound claim, with PersistentVolumeReclaimDelete', 'syncVolume',
    [vol('volume4-9', '10Gi', 'uid4-9', 'claim4-9', A, 'Delete', '')],
    [vol('volume4-9', '10Gi', 'uid4-9', 'claim4-9', B, 'Delete', '')],
    [claim('claim4-9', 'uid4-9', '10Gi', 'volume4-9', B, null)],
    [claim('claim4-9', 'uid4-9', '10Gi', 'volume4-9', B, null)]),
  c('4-10 - volume bound to missing claim (no plugin deletes it)', 'syncVolume',
    [vol('volume4-10', '10Gi', 'uid4-10', 'claim4-10', A, 'Delete', '')],
    [vol('volume4-10', '10Gi', 'uid4-10', 'claim4-10', 'Failed', 'Delete', '')], [], []),

  // PVC with class
  c('13-1 - binding to class', 'syncClaim',
    [vol('volume13-1-1', '1Gi', '', '', A, 'Retain', ''), vol('volume13-1-2', '10Gi', '', '', A, 'Retain', 'gold')],
    [vol('volume13-1-1', '1Gi', '', '', A, 'Retain', ''), vol('volume13-1-2', '10Gi', 'uid13-1', 'claim13-1', B, 'Retain', 'gold', BC)],
    [claim('claim13-1', 'uid13-1', '1Gi', '', P, 'gold')],
    [claim('claim13-1', 'uid13-1', '1Gi', 'volume13-1-2', B, 'gold', BC, BIND)]),
  c('13-2 - binding without a class', 'syncClaim',
    [vol('volume13-2-1', '1Gi', '', '', A, 'Retain', 'gold'), vol('volume13-2-2', '10Gi', '', '', A, 'Retain', '')],
    [vol('volume13-2-1', '1Gi', '', '', A, 'Retain', 'gold'), vol('volume13-2-2', '10Gi', 'uid13-2', 'claim13-2', B, 'Retain', '', BC)],
    [claim('claim13-2', 'uid13-2', '1Gi', '', P, null)],
    [claim('claim13-2', 'uid13-2', '1Gi', 'volume13-2-2', B, null, BC, BIND)]),
  c('13-3 - binding to specific a class', 'syncClaim',
    [vol('volume13-3-1', '1Gi', '', '', A, 'Retain', 'silver'), vol('volume13-3-2', '10Gi', '', '', A, 'Retain', 'gold')],
    [vol('volume13-3-1', '1Gi', '', '', A, 'Retain', 'silver'), vol('volume13-3-2', '10Gi', 'uid13-3', 'claim13-3', B, 'Retain', 'gold', BC)],
    [claim('claim13-3', 'uid13-3', '1Gi', '', P, 'gold')],
    [claim('claim13-3', 'uid13-3', '1Gi', 'volume13-3-2', B, 'gold', BC, BIND)]),
  c('13-4 - empty class', 'syncClaim',
    [vol('volume13-4', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume13-4', '1Gi', 'uid13-4', 'claim13-4', B, 'Retain', '', BC)],
    [claim('claim13-4', 'uid13-4', '1Gi', '', P, '')],
    [claim('claim13-4', 'uid13-4', '1Gi', 'volume13-4', B, '', BC, BIND)]),
  c('13-5 - nil class', 'syncClaim',
    [vol('volume13-5', '1Gi', '', '', A, 'Retain', '')],
    [vol('volume13-5', '1Gi', 'uid13-5', 'claim13-5', B, 'Retain', '', BC)],
    [claim('claim13-5', 'uid13-5', '1Gi', '', P, null)],
    [claim('claim13-5', 'uid13-5', '1Gi', 'volume13-5', B, null, BC, BIND)]),

  // TestSyncBlockVolume
  ...blockCases(),
];

function blockCases(): UpstreamCase[] {
  const block = 'Block';
  const fs = 'Filesystem';
  const v = (mode: string, ...args: Parameters<typeof vol>) => volumeMode(mode)(vol(...args));
  const k = (mode: string, ...args: Parameters<typeof claim>) => claimMode(mode)(claim(...args));
  // prettier-ignore
  return [
    c('14-1 - binding to volumeMode block', 'syncClaim',
      [v(block, 'volume14-1', '10Gi', '', '', A, 'Retain', '')],
      [v(block, 'volume14-1', '10Gi', 'uid14-1', 'claim14-1', B, 'Retain', '', BC)],
      [k(block, 'claim14-1', 'uid14-1', '10Gi', '', P, null)],
      [k(block, 'claim14-1', 'uid14-1', '10Gi', 'volume14-1', B, null, BC, BIND)]),
    c('14-2 - binding to volumeMode filesystem', 'syncClaim',
      [v(fs, 'volume14-2', '10Gi', '', '', A, 'Retain', '')],
      [v(fs, 'volume14-2', '10Gi', 'uid14-2', 'claim14-2', B, 'Retain', '', BC)],
      [k(fs, 'claim14-2', 'uid14-2', '10Gi', '', P, null)],
      [k(fs, 'claim14-2', 'uid14-2', '10Gi', 'volume14-2', B, null, BC, BIND)]),
    c('14-3 - do not bind pv volumeMode filesystem and pvc volumeMode block', 'syncClaim',
      [v(fs, 'volume14-3', '10Gi', '', '', A, 'Retain', '')],
      [v(fs, 'volume14-3', '10Gi', '', '', A, 'Retain', '')],
      [k(block, 'claim14-3', 'uid14-3', '10Gi', '', P, null)],
      [k(block, 'claim14-3', 'uid14-3', '10Gi', '', P, null)]),
    c('14-4 - do not bind pv volumeMode block and pvc volumeMode filesystem', 'syncClaim',
      [v(block, 'volume14-4', '10Gi', '', '', A, 'Retain', '')],
      [v(block, 'volume14-4', '10Gi', '', '', A, 'Retain', '')],
      [k(fs, 'claim14-4', 'uid14-4', '10Gi', '', P, null)],
      [k(fs, 'claim14-4', 'uid14-4', '10Gi', '', P, null)]),
    c('14-5 - do not bind when matching class but not volumeMode', 'syncClaim',
      [v(fs, 'volume14-5', '10Gi', '', '', A, 'Retain', 'gold')],
      [v(fs, 'volume14-5', '10Gi', '', '', A, 'Retain', 'gold')],
      [k(block, 'claim14-5', 'uid14-5', '10Gi', '', P, 'gold')],
      [k(block, 'claim14-5', 'uid14-5', '10Gi', '', P, 'gold')]),
    c('14-5-1 - do not bind when matching volumeModes but class does not match', 'syncClaim',
      [v(fs, 'volume14-5-1', '10Gi', '', '', A, 'Retain', 'gold')],
      [v(fs, 'volume14-5-1', '10Gi', '', '', A, 'Retain', 'gold')],
      [k(fs, 'claim14-5-1', 'uid14-5-1', '10Gi', '', P, 'silver')],
      [k(fs, 'claim14-5-1', 'uid14-5-1', '10Gi', '', P, 'silver')]),
    c('14-5-2 - do not bind when pvc is prebound to pv with matching volumeModes but class does not match', 'syncClaim',
      [v(fs, 'volume14-5-2', '10Gi', '', '', A, 'Retain', 'gold')],
      [v(fs, 'volume14-5-2', '10Gi', '', '', A, 'Retain', 'gold')],
      [k(fs, 'claim14-5-2', 'uid14-5-2', '10Gi', 'volume14-5-2', P, 'silver')],
      [k(fs, 'claim14-5-2', 'uid14-5-2', '10Gi', 'volume14-5-2', P, 'silver')]),
    c('14-7 - bind when pv volume is prebound and volumeModes match', 'syncClaim',
      [v(block, 'volume14-7', '10Gi', '', 'claim14-7', A, 'Retain', '')],
      [v(block, 'volume14-7', '10Gi', 'uid14-7', 'claim14-7', B, 'Retain', '')],
      [k(block, 'claim14-7', 'uid14-7', '10Gi', '', P, null)],
      [k(block, 'claim14-7', 'uid14-7', '10Gi', 'volume14-7', B, null, BC, BIND)]),
    c('14-8 - do not bind when pvc is prebound to pv with mismatching volumeModes', 'syncClaim',
      [v(block, 'volume14-8', '10Gi', '', '', A, 'Retain', '')],
      [v(block, 'volume14-8', '10Gi', '', '', A, 'Retain', '')],
      [k(fs, 'claim14-8', 'uid14-8', '10Gi', 'volume14-8', P, null)],
      [k(fs, 'claim14-8', 'uid14-8', '10Gi', 'volume14-8', P, null)]),
    c('14-8-1 - do not bind when pv is prebound to pvc with mismatching volumeModes', 'syncClaim',
      [v(block, 'volume14-8-1', '10Gi', '', 'claim14-8-1', A, 'Retain', '')],
      [v(block, 'volume14-8-1', '10Gi', '', 'claim14-8-1', A, 'Retain', '')],
      [k(fs, 'claim14-8-1', 'uid14-8-1', '10Gi', '', P, null)],
      [k(fs, 'claim14-8-1', 'uid14-8-1', '10Gi', '', P, null)]),
    c('14-9 - bind when pvc is prebound to pv with matching volumeModes block', 'syncClaim',
      [v(block, 'volume14-9', '10Gi', '', '', A, 'Retain', '')],
      [v(block, 'volume14-9', '10Gi', 'uid14-9', 'claim14-9', B, 'Retain', '', BC)],
      [k(block, 'claim14-9', 'uid14-9', '10Gi', 'volume14-9', P, null)],
      [k(block, 'claim14-9', 'uid14-9', '10Gi', 'volume14-9', B, null, BIND)]),
    c('14-10 - bind when pv is prebound to pvc with matching volumeModes block', 'syncClaim',
      [v(block, 'volume14-10', '10Gi', '', 'claim14-10', A, 'Retain', '')],
      [v(block, 'volume14-10', '10Gi', 'uid14-10', 'claim14-10', B, 'Retain', '')],
      [k(block, 'claim14-10', 'uid14-10', '10Gi', '', P, null)],
      [k(block, 'claim14-10', 'uid14-10', '10Gi', 'volume14-10', B, null, BC, BIND)]),
    c('14-11 - bind when pvc is prebound to pv with matching volumeModes filesystem', 'syncClaim',
      [v(fs, 'volume14-11', '10Gi', '', '', A, 'Retain', '')],
      [v(fs, 'volume14-11', '10Gi', 'uid14-11', 'claim14-11', B, 'Retain', '', BC)],
      [k(fs, 'claim14-11', 'uid14-11', '10Gi', 'volume14-11', P, null)],
      [k(fs, 'claim14-11', 'uid14-11', '10Gi', 'volume14-11', B, null, BIND)]),
    c('14-12 - bind when pv is prebound to pvc with matching volumeModes filesystem', 'syncClaim',
      [v(fs, 'volume14-12', '10Gi', '', 'claim14-12', A, 'Retain', '')],
      [v(fs, 'volume14-12', '10Gi', 'uid14-12', 'claim14-12', B, 'Retain', '')],
      [k(fs, 'claim14-12', 'uid14-12', '10Gi', '', P, null)],
      [k(fs, 'claim14-12', 'uid14-12', '10Gi', 'volume14-12', B, null, BC, BIND)]),
  ];
}
