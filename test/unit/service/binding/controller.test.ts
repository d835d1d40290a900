/**
 * The controller's decisions where the hunt for false findings (report B) found the simulation or
 * its explanations wrong or unproven, each checked against upstream:
 * - a claim and a volume that name each other bind without `checkVolumeSatisfyClaim`
 *   (pv_controller.go `syncUnboundClaim`, `IsVolumeBoundToClaim` branch);
 * - provisioners refuse a claim with a selector (external-provisioner `Provision`:
 *   "claim Selector is not supported", `claim.Spec.Selector != nil`);
 * - a claim that gets the cluster's unnamed default class is passed over by a volume for its
 *   class, not "another volume was preferred";
 * - `claimRef` without a namespace reserves the volume for no claim (`IsVolumeBoundToClaim`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import {
  simulateBindings,
  type BindingInput,
  type ClusterDefaultClass,
} from '../../../../server/src/service/binding';
import { asDefault, claimOf, pv, pvc, sc, simulate, RWO, RWX } from './helpers';

/** The pair of report B's F5: `volumeName` on the claim, `claimRef` naming it on the volume. */
function mutualPair(
  volumeMod: (v: PersistentVolume) => void,
  claimMod: (c: PersistentVolumeClaim) => void = () => {},
) {
  return simulate({
    volumes: [
      pv('pv2', '1Gi', [RWO], (o) => {
        o.spec!.storageClassName = '';
        o.spec!.claimRef = { namespace: 'myns', name: 'claim01' };
        volumeMod(o as PersistentVolume);
      }),
    ],
    claims: [
      pvc('1Gi', (c) => {
        c.spec!.storageClassName = '';
        c.spec!.accessModes = [RWO];
        c.spec!.volumeName = 'pv2';
        claimMod(c as PersistentVolumeClaim);
      }),
    ],
  });
}

void test('a claim and a volume that name each other bind whatever the size, class, modes', async (t) => {
  const cases: [string, (v: PersistentVolume) => void, (c: PersistentVolumeClaim) => void][] = [
    ['smaller than the request', () => {}, (c) => (c.spec!.resources!.requests!.storage = '5Gi')],
    ['another class', (v) => (v.spec!.storageClassName = 'manual'), () => {}],
    ['other access modes', (v) => (v.spec!.accessModes = [RWX]), () => {}],
    ['another volumeMode', (v) => (v.spec!.volumeMode = 'Block'), () => {}],
  ];
  for (const [name, volumeMod, claimMod] of cases) {
    await t.test(name, () => {
      const claim = claimOf(mutualPair(volumeMod, claimMod));
      assert.equal(claim.phase, 'Bound');
      assert.equal(claim.volume, 'pv2');
      assert.equal(claim.reason.code, 'bound-volume-name');
    });
  }
  await t.test('but not when the claimRef has a uid of another claim', () => {
    const claim = claimOf(
      mutualPair((v) => {
        v.spec!.claimRef!.uid = 'old-uid';
        v.spec!.storageClassName = 'manual';
      }),
    );
    assert.equal(claim.phase, 'Pending');
    assert.equal(claim.reason.code, 'pending-volume-name-taken');
  });
});

const selective = (mod?: (c: PersistentVolumeClaim) => void) =>
  pvc('8Gi', (c) => {
    c.spec!.accessModes = [RWO];
    c.spec!.selector = { matchLabels: { app: 'pg' } };
    mod?.(c as PersistentVolumeClaim);
  });

void test('a claim with a selector and no matching volume is Pending: provisioners refuse it', async (t) => {
  await t.test('a default class with a provisioner (report B F6)', () => {
    const claim = claimOf(
      simulate({ claims: [selective()], classes: [sc('standard', (o) => asDefault(o))] }),
    );
    assert.equal(claim.phase, 'Pending');
    assert.equal(claim.outcome, 'pending');
    assert.equal(claim.reason.code, 'pending-selector');
    assert.match(claim.reason.en, /provisioners refuse claims with a `selector`/);
    assert.match(claim.reason.ru, /провижинеры не принимают заявки с `selector`/);
    assert.match(claim.remedy!.en, /remove the `selector`/);
  });
  await t.test('an empty selector too (`claim.Spec.Selector != nil`)', () => {
    const claim = claimOf(
      simulate({
        claims: [selective((c) => (c.spec!.selector = {}))],
        classes: [sc('standard', (o) => asDefault(o))],
      }),
    );
    assert.equal(claim.reason.code, 'pending-selector');
  });
  await t.test('a matching volume still binds', () => {
    const claim = claimOf(
      simulate({
        claims: [selective((c) => (c.spec!.storageClassName = 'standard'))],
        classes: [sc('standard')],
        volumes: [
          pv('pg', '10Gi', [RWO], (o) => {
            o.spec!.storageClassName = 'standard';
            o.metadata!.labels = { app: 'pg' };
          }),
        ],
      }),
    );
    assert.equal(claim.phase, 'Bound');
  });
  await t.test('WaitForFirstConsumer, the pod scheduled to a node', () => {
    const result = simulate(
      {
        claims: [selective((c) => (c.spec!.storageClassName = 'wffc'))],
        classes: [sc('wffc', (o) => (o.volumeBindingMode = 'WaitForFirstConsumer'))],
        pods: [{ name: 'db', namespace: 'myns', claims: ['claim01'] }],
      },
      { nodeLabels: { 'kubernetes.io/hostname': 'n1' } },
    );
    assert.equal(claimOf(result).reason.code, 'pending-selector');
    assert.equal(claimOf(result).phase, 'Pending');
  });
  await t.test("the cluster's default class, named or not, outside the input", () => {
    const run = (clusterDefaultClass: ClusterDefaultClass) =>
      claimOf(simulateBindings(input({ claims: [selective()], clusterDefaultClass })));
    assert.equal(run({ mode: 'unknown' }).reason.code, 'pending-selector-cluster-default');
    assert.equal(run({ mode: 'named', name: 'gp3' }).reason.code, 'pending-selector');
    assert.equal(run({ mode: 'unknown' }).outcome, 'pending');
  });
  await t.test('without a selector the class still provisions', () => {
    const claim = claimOf(
      simulate({
        claims: [selective((c) => delete c.spec!.selector)],
        classes: [sc('standard', (o) => asDefault(o))],
      }),
    );
    assert.equal(claim.reason.code, 'provision');
  });
});

function input(world: {
  claims?: PersistentVolumeClaim[];
  volumes?: PersistentVolume[];
  clusterDefaultClass: ClusterDefaultClass;
}): BindingInput {
  return {
    volumes: (world.volumes ?? []).map((object) => ({ object })),
    claims: (world.claims ?? []).map((object) => ({ object })),
    storageClasses: [],
    statefulSets: [],
    workloads: [],
    clusterDefaultClass: world.clusterDefaultClass,
  };
}

void test("a volume passed over for the cluster's unnamed default class says so (report B F9)", () => {
  const result = simulateBindings(
    input({
      volumes: [
        pv('pv9', '10Gi', [RWO]),
        pv('fast', '10Gi', [RWO], (o) => (o.spec!.storageClassName = 'fast')),
      ],
      claims: [pvc('5Gi', (c) => (c.spec!.accessModes = [RWO]))],
      clusterDefaultClass: { mode: 'unknown' },
    }),
  );
  const claim = claimOf(result);
  assert.equal(claim.reason.code, 'provision-cluster-default');
  const byVolume = Object.fromEntries(claim.rejected.map((r) => [r.volume, r]));
  assert.equal(byVolume.pv9!.code, 'unknown-default-no-class');
  assert.doesNotMatch(byVolume.pv9!.en, /another volume was preferred/);
  assert.match(byVolume.pv9!.fix!.en, /storageClassName: ""/);
  assert.equal(byVolume.fast!.code, 'unknown-default-class');
  assert.match(byVolume.fast!.ru, /`fast`/);
});

void test('volumeName without a class: the unnamed default class the claim gets does not fit a volume without one', () => {
  const claim = claimOf(
    simulateBindings(
      input({
        volumes: [pv('pv9', '10Gi', [RWO])],
        claims: [
          pvc('5Gi', (c) => {
            c.spec!.accessModes = [RWO];
            c.spec!.volumeName = 'pv9';
          }),
        ],
        clusterDefaultClass: { mode: 'unknown' },
      }),
    ),
  );
  assert.equal(claim.phase, 'Pending');
  assert.equal(claim.reason.code, 'pending-volume-name-unfit');
  assert.equal(claim.rejected[0]!.code, 'unknown-default-no-class');
});

void test('claimRef without a namespace reserves the volume for no claim, and says why (report B)', () => {
  const claim = claimOf(
    simulate({
      volumes: [
        pv('pv8', '10Gi', [RWO], (o) => {
          o.spec!.storageClassName = '';
          o.spec!.claimRef = { name: 'claim01' };
        }),
      ],
      claims: [
        pvc('5Gi', (c) => {
          c.spec!.accessModes = [RWO];
          c.spec!.storageClassName = '';
        }),
      ],
    }),
  );
  assert.equal(claim.phase, 'Pending');
  const rejected = claim.rejected[0]!;
  assert.equal(rejected.code, 'claim-ref-no-namespace');
  assert.match(rejected.fix!.en, /Add `namespace: myns`/);
  assert.match(rejected.fix!.ru, /Добавьте `namespace: myns`/);
});
