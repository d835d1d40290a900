/**
 * Scenarios of upstream index_test.go (TestMatchVolume, TestMatchingWithBoundVolumes,
 * TestAllPossibleAccessModes, TestFindingVolumeWithDifferentAccessModes,
 * TestFindingPreboundVolumes, TestBestMatchDelayed), rewritten as our own table-driven tests
 * against the whole engine (one claim at a time = the index's findBestMatchForClaim).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { bestMatch, pv, pvc, sc, simulate, claimOf, RWO, ROX, RWX, type Writable } from './helpers';
import { VolumeIndex } from '../../../../server/src/service/binding/volumeIndex';
import { volumeState } from '../../../../server/src/service/binding/build';

const labelled = (labels: Record<string, string>) => (o: Writable<PersistentVolume>) => {
  o.metadata!.labels = labels;
};
const classed = (name: string) => (o: Writable<PersistentVolume>) => {
  o.spec!.storageClassName = name;
};
const boundElsewhere = (o: Writable<PersistentVolume>) => {
  o.spec!.claimRef = { uid: 'abc123', name: 'someone', namespace: 'else' };
};

/** The volumes of upstream createTestVolumes, deliberately out of order. */
function testVolumes(): PersistentVolume[] {
  return [
    pv('gce-pd-10', '10G', [RWO, ROX]),
    pv('gce-pd-20', '20G', [RWO, ROX], boundElsewhere),
    pv('nfs-5', '5G', [RWO, ROX, RWX]),
    pv('gce-pd-1', '1G', [RWO, ROX], boundElsewhere),
    pv('nfs-10', '10G', [RWO, ROX, RWX]),
    pv('gce-pd-5', '5G', [RWO, ROX]),
    pv('nfs-1', '1G', [RWO, ROX, RWX]),
    pv('gce-pd-2', '20000G', [RWO], labelled({ 'should-exist': 'true' })),
    pv('gce-pd-silver1', '10000G', [RWO], (o) => {
      labelled({ 'should-exist': 'true' })(o);
      classed('silver')(o);
    }),
    pv('gce-pd-silver2', '100G', [RWO], classed('silver')),
    pv('gce-pd-gold', '50G', [RWO], classed('gold')),
    pv('local-pd-very-large', '200E', [RWO], classed('large')),
    pv('local-pd-extremely-large', '200000000Ei', [RWO], classed('extremely-large')),
  ];
}

const silver = { 'volume.beta.kubernetes.io/storage-class': 'silver' };
const matchVolumeScenarios: {
  name: string;
  expected: string | null;
  claim: ReturnType<typeof pvc>;
}[] = [
  { name: 'successful-match-gce-10', expected: 'gce-pd-10', claim: pvc('8G') },
  {
    name: 'successful-match-nfs-5',
    expected: 'nfs-5',
    claim: pvc('5G', (c) => (c.spec!.accessModes = [ROX, RWO, RWX])),
  },
  { name: 'successful-skip-1g-bound-volume', expected: 'gce-pd-5', claim: pvc('1G') },
  { name: 'successful-no-match', expected: null, claim: pvc('999G') },
  {
    name: 'successful-no-match-due-to-label',
    expected: null,
    claim: pvc('999G', (c) => (c.spec!.selector = { matchLabels: { 'should-not-exist': 'true' } })),
  },
  {
    name: 'successful-no-match-due-to-size-constraint-with-label-selector',
    expected: null,
    claim: pvc('20000G', (c) => {
      c.spec!.selector = { matchLabels: { 'should-exist': 'true' } };
      c.spec!.accessModes = [ROX, RWO];
    }),
  },
  {
    name: 'successful-match-due-with-constraint-and-label-selector',
    expected: 'gce-pd-2',
    claim: pvc('20000G', (c) => {
      c.spec!.selector = { matchLabels: { 'should-exist': 'true' } };
      c.spec!.accessModes = [RWO];
    }),
  },
  {
    name: 'successful-match-with-class',
    expected: 'gce-pd-silver1',
    claim: pvc('1G', (c) => {
      c.metadata!.annotations = silver;
      c.spec!.selector = { matchLabels: { 'should-exist': 'true' } };
      c.spec!.accessModes = [RWO];
    }),
  },
  {
    name: 'successful-match-with-class-and-labels',
    expected: 'gce-pd-silver2',
    claim: pvc('1G', (c) => {
      c.metadata!.annotations = silver;
      c.spec!.accessModes = [RWO];
    }),
  },
  {
    name: 'successful-match-very-large',
    expected: 'local-pd-very-large',
    claim: pvc('200E', (c) => {
      c.spec!.storageClassName = 'large';
      c.spec!.accessModes = [RWO];
    }),
  },
  {
    name: 'successful-match-exact-extremely-large',
    expected: 'local-pd-extremely-large',
    claim: pvc('200000000Ei', (c) => {
      c.spec!.storageClassName = 'extremely-large';
      c.spec!.accessModes = [RWO];
    }),
  },
  {
    name: 'successful-no-match-way-too-large',
    expected: null,
    claim: pvc('950000000Ei', (c) => {
      c.spec!.storageClassName = 'extremely-large';
      c.spec!.accessModes = [RWO];
    }),
  },
  {
    name: 'storage class annotation wins over storageClassName',
    expected: 'gce-pd-silver2',
    claim: pvc('1G', (c) => {
      c.metadata!.annotations = silver;
      c.spec!.storageClassName = 'gold';
      c.spec!.accessModes = [RWO];
    }),
  },
];

for (const s of matchVolumeScenarios) {
  void test(`TestMatchVolume: ${s.name}`, () => {
    assert.equal(bestMatch(testVolumes(), s.claim), s.expected);
  });
}

void test('TestMatchingWithBoundVolumes: a bound twin is skipped', () => {
  const volumes = [pv('gce001', '1G', [RWO, ROX], boundElsewhere), pv('gce002', '1G', [RWO, ROX])];
  assert.equal(bestMatch(volumes, pvc('1G')), 'gce002');
});

void test('TestAllPossibleAccessModes: mode sets containing the request, fewest modes first', () => {
  const volumes = [...testVolumes()].map((o, i) => volumeState(o, i, undefined)!);
  const index = new VolumeIndex(volumes);
  assert.deepEqual(index.modeSetsFor([RWO]), ['RWO', 'RWO,ROX', 'RWO,ROX,RWX']);
  assert.deepEqual(index.modeSetsFor([RWX]), ['RWO,ROX,RWX']);
  assert.deepEqual(index.modeSetsFor([ROX, RWO]), ['RWO,ROX', 'RWO,ROX,RWX']);
});

void test('TestFindingVolumeWithDifferentAccessModes', async (t) => {
  const make = (gceRef?: boolean, ebsRef?: boolean) => [
    pv('gce', '10G', [RWO, ROX], gceRef ? boundElsewhere : undefined),
    pv('ebs', '10G', [RWO], ebsRef ? boundElsewhere : undefined),
    pv('nfs', '10G', [RWO, ROX, RWX]),
  ];
  const claim = (modes: string[]) => pvc('1G', (c) => (c.spec!.accessModes = modes));
  const cases: [string, PersistentVolume[], string[], string][] = [
    ['exact match', make(), [RWO], 'ebs'],
    ['two modes', make(), [RWO, ROX], 'gce'],
    ['order of the requested modes does not matter', make(), [RWX, RWO, ROX], 'nfs'],
    ['fewer modes requested still match', make(), [RWX], 'nfs'],
    ['exact match bound: next level up', make(false, true), [RWO], 'gce'],
    ['continue up the levels', make(true, true), [RWO], 'nfs'],
    ['partial mode request', make(false, true), [ROX], 'gce'],
  ];
  for (const [name, volumes, modes, expected] of cases) {
    await t.test(name, () => assert.equal(bestMatch(volumes, claim(modes)), expected));
  }
});

void test('the first mode set with a fit wins even over a smaller volume with more modes', () => {
  const volumes = [pv('big-rwo', '100G', [RWO]), pv('small-rwx', '1G', [RWO, RWX])];
  assert.equal(
    bestMatch(
      volumes,
      pvc('1G', (c) => (c.spec!.accessModes = [RWO])),
    ),
    'big-rwo',
  );
});

void test('TestFindingPreboundVolumes', async (t) => {
  const ref = { name: 'claim01', namespace: 'myns' };
  const volumes = (pre: Record<string, object | undefined>) =>
    [
      pv('pv1', '1Gi', [RWO]),
      pv('pv5', '5Gi', [RWO]),
      pv('pv8', '8Gi', [RWO]),
      pv('pvBadSize', '1Mi', [RWO]),
      pv('pvBadMode', '1Gi', [ROX]),
    ].map((v) => {
      if (pre[v.metadata!.name!]) v.spec!.claimRef = pre[v.metadata!.name!];
      return v;
    });
  const claim = pvc('1Gi', (c) => {
    c.spec!.accessModes = [RWO];
    c.metadata!.uid = '123';
  });
  const cases: [string, Record<string, object | undefined>, string][] = [
    ['expected exact match on size', {}, 'pv1'],
    [
      'exact match pre-bound elsewhere: next size up',
      { pv1: { name: 'foo', namespace: 'bar' } },
      'pv5',
    ],
    ['the largest volume pre-bound to the claim wins', { pv8: ref }, 'pv8'],
    ['a pre-bound volume that is too small is ignored', { pvBadSize: ref }, 'pv1'],
    ['a pre-bound volume with the wrong access mode is ignored', { pvBadMode: ref }, 'pv1'],
    ['pre-bound with the claim uid wins', { pv8: { ...ref, uid: '123' } }, 'pv8'],
    ['pre-bound with another uid is skipped', { pv1: { ...ref, uid: '999' } }, 'pv5'],
  ];
  for (const [name, pre, expected] of cases) {
    await t.test(name, () => assert.equal(bestMatch(volumes(pre), claim), expected));
  }
});

void test('TestBestMatchDelayed: with WaitForFirstConsumer only a pre-bound volume binds', () => {
  const wait = sc('wait', (s) => (s.volumeBindingMode = 'WaitForFirstConsumer'));
  const claim = pvc('1G', (c) => {
    c.spec!.storageClassName = 'wait';
    c.spec!.accessModes = [RWO];
  });
  const free = pv('free', '10G', [RWO], classed('wait'));
  const r1 = simulate({ volumes: [free], claims: [claim], classes: [wait] });
  assert.equal(claimOf(r1).volume, null);
  assert.equal(claimOf(r1).outcome, 'wait-for-first-consumer');
  assert.equal(claimOf(r1).rejected[0]!.code, 'delayed-binding');
  const prebound = pv('prebound', '10G', [RWO], (o) => {
    classed('wait')(o);
    o.spec!.claimRef = { name: 'claim01', namespace: 'myns' };
  });
  const r2 = simulate({ volumes: [free, prebound], claims: [claim], classes: [wait] });
  assert.equal(claimOf(r2).volume, 'prebound');
  assert.equal(claimOf(r2).reason.code, 'bound-prebound');
});

void test('TestVolumeModeCheck / TestFilteringVolumeModes: volumeMode must match, unset is Filesystem', async (t) => {
  const block = (o: Writable<PersistentVolume>) => (o.spec!.volumeMode = 'Block');
  const cases: [string, string | undefined, PersistentVolume[], string | null][] = [
    ['filesystem claim, block volume', undefined, [pv('b', '1G', [RWO, ROX], block)], null],
    ['block claim, block volume', 'Block', [pv('b', '1G', [RWO, ROX], block)], 'b'],
    ['block claim, unset volume', 'Block', [pv('f', '1G', [RWO, ROX])], null],
    [
      'filesystem claim picks the filesystem one',
      'Filesystem',
      [pv('b', '1G', [RWO, ROX], block), pv('f', '2G', [RWO, ROX])],
      'f',
    ],
  ];
  for (const [name, mode, volumes, expected] of cases) {
    await t.test(name, () =>
      assert.equal(
        bestMatch(
          volumes,
          pvc('1G', (c) => mode && (c.spec!.volumeMode = mode)),
        ),
        expected,
      ),
    );
  }
});

void test('TestStorageObjectInUseProtectionFiltering: a volume being deleted is not matched', () => {
  const deleting = pv(
    'deleting',
    '1G',
    [RWO, ROX],
    (o) => (o.metadata!.deletionTimestamp = '2024-01-01T00:00:00Z'),
  );
  assert.equal(bestMatch([deleting], pvc('1G')), null);
  const r = simulate({ volumes: [deleting], claims: [pvc('1G')] });
  assert.equal(claimOf(r).rejected[0]!.code, 'being-deleted');
  assert.equal(bestMatch([deleting, pv('ok', '5G', [RWO, ROX])], pvc('1G')), 'ok');
});

void test('volume attributes class must be equal on both sides', () => {
  const gold = pv('gold', '1G', [RWO, ROX], (o) => (o.spec!.volumeAttributesClassName = 'gold'));
  assert.equal(bestMatch([gold], pvc('1G')), null);
  assert.equal(
    bestMatch(
      [gold],
      pvc('1G', (c) => (c.spec!.volumeAttributesClassName = 'gold')),
    ),
    'gold',
  );
});

void test('label selector matchExpressions: In, NotIn, Exists, DoesNotExist', async (t) => {
  const volumes = [
    pv('a', '1G', [RWO, ROX], labelled({ tier: 'fast', zone: 'a' })),
    pv('b', '2G', [RWO, ROX], labelled({ tier: 'slow' })),
  ];
  const cases: [string, object[], string | null][] = [
    ['In', [{ key: 'tier', operator: 'In', values: ['slow'] }], 'b'],
    ['NotIn', [{ key: 'tier', operator: 'NotIn', values: ['fast'] }], 'b'],
    ['Exists', [{ key: 'zone', operator: 'Exists' }], 'a'],
    ['DoesNotExist', [{ key: 'zone', operator: 'DoesNotExist' }], 'b'],
    [
      'AND of two',
      [
        { key: 'tier', operator: 'In', values: ['fast', 'slow'] },
        { key: 'zone', operator: 'DoesNotExist' },
      ],
      'b',
    ],
    ['nothing matches', [{ key: 'tier', operator: 'In', values: ['none'] }], null],
  ];
  for (const [name, matchExpressions, expected] of cases) {
    await t.test(name, () =>
      assert.equal(
        bestMatch(
          volumes,
          pvc('1G', (c) => (c.spec!.selector = { matchExpressions } as never)),
        ),
        expected,
      ),
    );
  }
  await t.test('an invalid operator leaves the claim pending with a reason', () => {
    const r = simulate({
      volumes,
      claims: [
        pvc('1G', (c) => (c.spec!.selector = { matchExpressions: [{ key: 'x', operator: 'Is' }] })),
      ],
    });
    assert.equal(claimOf(r).phase, 'Pending');
    assert.equal(claimOf(r).reason.code, 'pending-invalid-selector');
  });
});
