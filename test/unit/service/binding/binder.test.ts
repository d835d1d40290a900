/**
 * Scenarios of upstream binder_test.go (syncClaim / syncVolume test sets 1–4), rewritten as our
 * own table: each names the starting objects and the phases and links we expect once the
 * simulated controller is stable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import {
  claimOf,
  pv,
  pvc,
  sc,
  simulate,
  volumeOf,
  RWO,
  ROX,
  type World,
  type Writable,
} from './helpers';

const claimRef = (name = 'claim01', uid?: string) => ({
  name,
  namespace: 'myns',
  ...(uid ? { uid } : {}),
});
const withStatus = (phase: string) => (o: Writable<PersistentVolume>) => (o.status = { phase });
const bound =
  (volumeName: string, uid = 'uid-claim01') =>
  (c: Writable<PersistentVolumeClaim>) => {
    c.metadata!.uid = uid;
    c.metadata!.annotations = { 'pv.kubernetes.io/bind-completed': 'yes' };
    c.spec!.volumeName = volumeName;
    c.status = { phase: 'Bound' };
  };

interface Scenario {
  name: string;
  world: World;
  claim?: { phase: string; volume: string | null; code?: string; outcome?: string };
  volumes?: Record<string, { phase: string; claim?: string | null; deleted?: boolean }>;
}

const scenarios: Scenario[] = [
  // ---- 1: syncUnboundClaim, no volumeName ----
  {
    name: '1-1 - successful bind',
    world: { volumes: [pv('volume1-1', '1Gi', [RWO, ROX])], claims: [pvc('1Gi')] },
    claim: { phase: 'Bound', volume: 'volume1-1', code: 'bound-match' },
    volumes: { 'volume1-1': { phase: 'Bound', claim: 'myns/claim01' } },
  },
  {
    name: '1-2 - noop: claim and volume already bound',
    world: {
      volumes: [
        pv(
          'volume1-2',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('claim01', 'uid-claim01')), withStatus('Bound')(o)),
        ),
      ],
      claims: [pvc('1Gi', bound('volume1-2'))],
    },
    claim: { phase: 'Bound', volume: 'volume1-2', code: 'bound-existing' },
    volumes: { 'volume1-2': { phase: 'Bound', claim: 'myns/claim01' } },
  },
  {
    name: '1-3 - pending: no volumes at all',
    world: { claims: [pvc('1Gi')] },
    claim: { phase: 'Pending', volume: null, code: 'pending-no-class', outcome: 'pending' },
  },
  {
    name: '1-4 - pending: the only volume is too small',
    world: { volumes: [pv('volume1-4', '1Gi', [RWO, ROX])], claims: [pvc('10Gi')] },
    claim: { phase: 'Pending', volume: null, code: 'pending-no-class' },
    volumes: { 'volume1-4': { phase: 'Available', claim: null } },
  },
  {
    name: '1-5 - binds a volume pre-bound to the claim (claimRef without uid)',
    world: {
      volumes: [
        pv('volume1-5', '10Gi', [RWO, ROX], (o) => (o.spec!.claimRef = claimRef())),
        pv('smaller', '1Gi', [RWO, ROX]),
      ],
      claims: [pvc('1Gi')],
    },
    claim: { phase: 'Bound', volume: 'volume1-5', code: 'bound-prebound' },
    volumes: { 'volume1-5': { phase: 'Bound' }, smaller: { phase: 'Available', claim: null } },
  },
  {
    name: '1-6 - does not bind a volume pre-bound to another claim',
    world: {
      volumes: [
        pv('volume1-6', '1Gi', [RWO, ROX], (o) => (o.spec!.claimRef = claimRef('claim-other'))),
      ],
      claims: [pvc('1Gi')],
    },
    claim: { phase: 'Pending', volume: null },
    volumes: { 'volume1-6': { phase: 'Available', claim: 'myns/claim-other' } },
  },
  {
    name: '1-7 - a claim with a class binds only a volume of that class',
    world: {
      volumes: [
        pv('plain', '1Gi', [RWO, ROX]),
        pv('gold', '5Gi', [RWO, ROX], (o) => (o.spec!.storageClassName = 'gold')),
      ],
      claims: [pvc('1Gi', (c) => (c.spec!.storageClassName = 'gold'))],
      classes: [sc('gold')],
    },
    claim: { phase: 'Bound', volume: 'gold' },
  },
  {
    name: '1-8 - storageClassName "" binds only a volume without class',
    world: {
      volumes: [
        pv('gold', '1Gi', [RWO, ROX], (o) => (o.spec!.storageClassName = 'gold')),
        pv('plain', '5Gi', [RWO, ROX]),
      ],
      claims: [pvc('1Gi', (c) => (c.spec!.storageClassName = ''))],
      classes: [
        sc(
          'gold',
          (s) =>
            (s.metadata!.annotations = { 'storageclass.kubernetes.io/is-default-class': 'true' }),
        ),
      ],
    },
    claim: { phase: 'Bound', volume: 'plain' },
  },
  {
    name: '1-9 - provision: no volume fits, the class has a provisioner',
    world: {
      claims: [pvc('1Gi', (c) => (c.spec!.storageClassName = 'fast'))],
      classes: [sc('fast')],
    },
    claim: { phase: 'Pending', volume: null, code: 'provision', outcome: 'provision' },
  },
  {
    name: '1-10 - kubernetes.io/no-provisioner cannot provision',
    world: {
      claims: [pvc('1Gi', (c) => (c.spec!.storageClassName = 'local'))],
      classes: [sc('local', (s) => (s.provisioner = 'kubernetes.io/no-provisioner'))],
    },
    claim: { phase: 'Pending', volume: null, code: 'pending-no-provisioner', outcome: 'pending' },
  },
  {
    name: '1-11 - class missing from the input',
    world: { claims: [pvc('1Gi', (c) => (c.spec!.storageClassName = 'ghost'))] },
    claim: { phase: 'Pending', volume: null, code: 'pending-class-missing' },
  },
  {
    name: '1-12 - Released and Failed volumes are not reused',
    world: {
      volumes: [
        pv(
          'released',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('gone', 'old')), withStatus('Released')(o)),
        ),
        pv(
          'failed',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('gone2', 'old2')), withStatus('Failed')(o)),
        ),
      ],
      claims: [pvc('1Gi')],
    },
    claim: { phase: 'Pending', volume: null },
    volumes: { released: { phase: 'Released' }, failed: { phase: 'Failed' } },
  },
  {
    name: '1-13 - a selected-node claim is provisioned',
    world: {
      claims: [
        pvc('1Gi', (c) => {
          c.spec!.storageClassName = 'wait';
          c.metadata!.annotations = { 'volume.kubernetes.io/selected-node': 'node-1' };
        }),
      ],
      classes: [sc('wait', (s) => (s.volumeBindingMode = 'WaitForFirstConsumer'))],
    },
    claim: {
      phase: 'Pending',
      volume: null,
      code: 'provision-selected-node',
      outcome: 'provision',
    },
  },
  // ---- 2: syncUnboundClaim with spec.volumeName ----
  {
    name: '2-1 - volumeName names a missing volume: pending',
    world: { claims: [pvc('1Gi', (c) => (c.spec!.volumeName = 'volume2-1'))] },
    claim: { phase: 'Pending', volume: null, code: 'pending-volume-name-missing' },
  },
  {
    name: '2-2 - volumeName names a free volume: bind (no phase or selector check)',
    world: {
      volumes: [pv('volume2-2', '10Gi', [RWO, ROX]), pv('smaller', '1Gi', [RWO, ROX])],
      claims: [
        pvc('1Gi', (c) => {
          c.spec!.volumeName = 'volume2-2';
          c.spec!.selector = { matchLabels: { nothing: 'matches' } };
        }),
      ],
    },
    claim: { phase: 'Bound', volume: 'volume2-2', code: 'bound-volume-name' },
    volumes: { smaller: { phase: 'Available', claim: null } },
  },
  {
    name: '2-3 - volumeName names a volume pre-bound to this claim: bind',
    world: {
      volumes: [pv('volume2-3', '1Gi', [RWO, ROX], (o) => (o.spec!.claimRef = claimRef()))],
      claims: [pvc('1Gi', (c) => (c.spec!.volumeName = 'volume2-3'))],
    },
    claim: { phase: 'Bound', volume: 'volume2-3', code: 'bound-volume-name' },
  },
  {
    name: '2-4 - volumeName names a volume bound to another claim: pending',
    world: {
      volumes: [pv('volume2-4', '1Gi', [RWO, ROX], (o) => (o.spec!.claimRef = claimRef('other')))],
      claims: [pvc('1Gi', (c) => (c.spec!.volumeName = 'volume2-4'))],
    },
    claim: { phase: 'Pending', volume: null, code: 'pending-volume-name-taken' },
  },
  {
    name: '2-5 - volumeName names a volume that is too small: pending',
    world: {
      volumes: [pv('volume2-5', '1Gi', [RWO, ROX])],
      claims: [pvc('10Gi', (c) => (c.spec!.volumeName = 'volume2-5'))],
    },
    claim: { phase: 'Pending', volume: null, code: 'pending-volume-name-unfit' },
  },
  {
    name: '2-6 - volumeName names a volume of another class: pending',
    world: {
      volumes: [pv('volume2-6', '1Gi', [RWO, ROX], (o) => (o.spec!.storageClassName = 'gold'))],
      claims: [pvc('1Gi', (c) => (c.spec!.volumeName = 'volume2-6'))],
    },
    claim: { phase: 'Pending', volume: null, code: 'pending-volume-name-unfit' },
  },
  {
    name: '2-7 - volumeName names a volume with another access mode: pending',
    world: {
      volumes: [pv('volume2-7', '1Gi', [RWO])],
      claims: [pvc('1Gi', (c) => (c.spec!.volumeName = 'volume2-7'))],
    },
    claim: { phase: 'Pending', volume: null, code: 'pending-volume-name-unfit' },
  },
  // ---- 3: syncBoundClaim ----
  {
    name: '3-1 - bound claim whose volume is missing is Lost',
    world: { claims: [pvc('1Gi', bound('volume3-1'))] },
    claim: { phase: 'Lost', volume: 'volume3-1', code: 'lost-volume-missing', outcome: 'lost' },
  },
  {
    name: '3-2 - bound claim, volume lost its claimRef: bind again',
    world: {
      volumes: [pv('volume3-2', '1Gi', [RWO, ROX])],
      claims: [pvc('1Gi', bound('volume3-2'))],
    },
    claim: { phase: 'Bound', volume: 'volume3-2' },
    volumes: { 'volume3-2': { phase: 'Bound', claim: 'myns/claim01' } },
  },
  {
    name: '3-3 - bound claim, volume bound to another claim: Lost (misbound)',
    world: {
      volumes: [
        pv(
          'volume3-3',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('other', 'uid-other')), withStatus('Bound')(o)),
        ),
      ],
      claims: [pvc('1Gi', bound('volume3-3'))],
    },
    claim: { phase: 'Lost', volume: 'volume3-3', code: 'lost-misbound' },
  },
  {
    name: '3-4 - bind-completed claim without volumeName is Lost',
    world: {
      claims: [
        pvc(
          '1Gi',
          (c) => (
            (c.metadata!.annotations = { 'pv.kubernetes.io/bind-completed': 'yes' }),
            (c.status = { phase: 'Bound' })
          ),
        ),
      ],
    },
    claim: { phase: 'Lost', volume: null, code: 'lost-no-volume-name' },
  },
  // ---- 4: syncVolume ----
  {
    name: '4-1 - a new volume becomes Available',
    world: { volumes: [pv('volume4-1', '1Gi', [RWO])] },
    volumes: { 'volume4-1': { phase: 'Available', claim: null } },
  },
  {
    name: '4-2 - a volume pre-bound without uid stays Available until its claim comes',
    world: {
      volumes: [pv('volume4-2', '1Gi', [RWO], (o) => (o.spec!.claimRef = claimRef('nobody')))],
    },
    volumes: { 'volume4-2': { phase: 'Available', claim: 'myns/nobody' } },
  },
  {
    name: '4-3 - a bound volume whose claim is missing is Released (Retain keeps it)',
    world: {
      volumes: [
        pv(
          'volume4-3',
          '1Gi',
          [RWO],
          (o) => ((o.spec!.claimRef = claimRef('gone', 'uid-gone')), withStatus('Bound')(o)),
        ),
      ],
    },
    volumes: { 'volume4-3': { phase: 'Released', claim: 'myns/gone' } },
  },
  {
    name: '4-4 - claim of the same name but another uid: the volume is Released',
    world: {
      volumes: [
        pv(
          'volume4-4',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('claim01', 'old-uid')), withStatus('Bound')(o)),
        ),
      ],
      claims: [pvc('1Gi')],
    },
    claim: { phase: 'Pending', volume: null },
    volumes: { 'volume4-4': { phase: 'Released' } },
  },
  {
    name: '4-5 - volume bound by the controller to a claim bound elsewhere is unbound',
    world: {
      volumes: [
        pv('volume4-5', '1Gi', [RWO, ROX], (o) => {
          o.metadata!.annotations = { 'pv.kubernetes.io/bound-by-controller': 'yes' };
          o.spec!.claimRef = claimRef('claim01', 'uid-claim01');
          withStatus('Bound')(o);
        }),
        pv(
          'real',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('claim01', 'uid-claim01')), withStatus('Bound')(o)),
        ),
      ],
      claims: [pvc('1Gi', bound('real'))],
    },
    claim: { phase: 'Bound', volume: 'real' },
    volumes: { 'volume4-5': { phase: 'Available', claim: null }, real: { phase: 'Bound' } },
  },
  {
    name: '4-6 - user pre-bound volume whose claim is bound elsewhere keeps claimRef without uid',
    world: {
      volumes: [
        pv(
          'volume4-6',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('claim01', 'uid-claim01')), withStatus('Bound')(o)),
        ),
        pv(
          'real',
          '1Gi',
          [RWO, ROX],
          (o) => ((o.spec!.claimRef = claimRef('claim01', 'uid-claim01')), withStatus('Bound')(o)),
        ),
      ],
      claims: [pvc('1Gi', bound('real'))],
    },
    volumes: { 'volume4-6': { phase: 'Available', claim: 'myns/claim01' } },
  },
  {
    name: '4-7 - dynamically provisioned volume with Delete is deleted when its claim is gone',
    world: {
      volumes: [
        pv('volume4-7', '1Gi', [RWO], (o) => {
          o.metadata!.annotations = { 'pv.kubernetes.io/provisioned-by': 'example.com/csi' };
          o.spec!.persistentVolumeReclaimPolicy = 'Delete';
          o.spec!.claimRef = claimRef('gone', 'uid-gone');
          withStatus('Bound')(o);
        }),
      ],
    },
    volumes: { 'volume4-7': { phase: 'Released', deleted: true } },
  },
  {
    name: '4-8 - Delete on a volume no plugin can delete: Failed',
    world: {
      volumes: [
        pv('volume4-8', '1Gi', [RWO], (o) => {
          o.spec!.persistentVolumeReclaimPolicy = 'Delete';
          o.spec!.claimRef = claimRef('gone', 'uid-gone');
          withStatus('Bound')(o);
        }),
      ],
    },
    volumes: { 'volume4-8': { phase: 'Failed' } },
  },
  {
    name: '4-9 - Recycle of an nfs volume makes it Available and reusable',
    world: {
      volumes: [
        pv('volume4-9', '1Gi', [RWO, ROX], (o) => {
          o.spec!.persistentVolumeReclaimPolicy = 'Recycle';
          o.spec!.claimRef = claimRef('gone', 'uid-gone');
          withStatus('Bound')(o);
        }),
      ],
      claims: [pvc('1Gi')],
    },
    claim: { phase: 'Bound', volume: 'volume4-9' },
    volumes: { 'volume4-9': { phase: 'Bound', claim: 'myns/claim01' } },
  },
];

for (const s of scenarios) {
  void test(`syncClaim/syncVolume: ${s.name}`, () => {
    const result = simulate(s.world);
    assert.ok(result.stable, 'the simulation settles');
    if (s.claim) {
      const c = claimOf(result);
      assert.equal(c.phase, s.claim.phase, 'claim phase');
      assert.equal(c.volume, s.claim.volume, 'claim volume');
      if (s.claim.code) assert.equal(c.reason.code, s.claim.code, c.reason.en);
      if (s.claim.outcome) assert.equal(c.outcome, s.claim.outcome);
      assert.ok(c.reason.en && c.reason.ru, 'reason in both languages');
    }
    for (const [name, expected] of Object.entries(s.volumes ?? {})) {
      const v = volumeOf(result, name);
      assert.equal(v.phase, expected.phase, `${name} phase`);
      if (expected.claim !== undefined) assert.equal(v.claim, expected.claim, `${name} claim`);
      if (expected.deleted !== undefined) assert.equal(v.deleted, expected.deleted);
    }
  });
}

void test('competing claims: deterministic order, both flagged as order-dependent', () => {
  const a = pvc('1Gi', (c) => (c.metadata!.name = 'a'));
  const b = pvc('1Gi', (c) => (c.metadata!.name = 'b'));
  const result = simulate({ volumes: [pv('only', '1Gi', [RWO, ROX])], claims: [a, b] });
  const first = claimOf(result, 'myns/a');
  const second = claimOf(result, 'myns/b');
  assert.equal(first.volume, 'only');
  assert.equal(second.phase, 'Pending');
  assert.deepEqual(first.competitors, ['myns/b']);
  assert.deepEqual(second.competitors, ['myns/a']);
  assert.match(first.reason.en, /depends on order/);
  assert.match(second.reason.ru, /зависит от порядка/);
  assert.equal(second.rejected.find((r) => r.volume === 'only')?.code, 'taken-by-earlier-claim');
  // An older creationTimestamp goes first, whatever the file order.
  (b as Writable<typeof b>).metadata!.creationTimestamp = '2020-01-01T00:00:00Z';
  const swapped = simulate({ volumes: [pv('only', '1Gi', [RWO, ROX])], claims: [a, b] });
  assert.equal(claimOf(swapped, 'myns/b').volume, 'only');
});

void test('claims that do not compete are not flagged', () => {
  const a = pvc('1Gi', (c) => (c.metadata!.name = 'a'));
  const b = pvc('5Gi', (c) => (c.metadata!.name = 'b'));
  const result = simulate({
    volumes: [pv('small', '1Gi', [RWO, ROX]), pv('big', '5Gi', [RWO, ROX])],
    claims: [a, b],
  });
  assert.equal(claimOf(result, 'myns/a').volume, 'small');
  assert.equal(claimOf(result, 'myns/b').volume, 'big');
  assert.deepEqual(claimOf(result, 'myns/a').competitors, []);
});

void test('every rejected volume has a code and both languages', () => {
  const result = simulate({
    volumes: [
      pv('small', '1Gi', [RWO, ROX]),
      pv('rwo', '10Gi', [RWO]),
      pv('gold', '10Gi', [RWO, ROX], (o) => {
        o.spec!.storageClassName = 'gold';
        o.metadata!.labels = { a: 'c' };
      }),
      pv('labelled', '10Gi', [RWO, ROX], (o) => (o.metadata!.labels = { a: 'b' })),
    ],
    claims: [pvc('5Gi', (c) => (c.spec!.selector = { matchLabels: { a: 'c' } }))],
  });
  const c = claimOf(result);
  const codes = Object.fromEntries(c.rejected.map((r) => [r.volume, r.code]));
  assert.deepEqual(codes, {
    small: 'too-small',
    rwo: 'access-modes',
    gold: 'storage-class',
    labelled: 'selector',
  });
  for (const r of c.rejected)
    assert.ok(r.en && r.ru && !/\{\w+\}/.test(r.en + r.ru), JSON.stringify(r));
});
