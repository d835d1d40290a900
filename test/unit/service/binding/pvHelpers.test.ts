/**
 * Scenarios of upstream component-helpers pv_helpers_test.go and index_test.go's node tests
 * (TestFindMatchVolumeWithNode, TestCheckAccessModes, TestGetPersistentVolumeClaimClass,
 * TestCheckVolumeModeMismatches), on our `findMatchingVolume` and helpers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { claimState, volumeState } from '../../../../server/src/service/binding/build';
import {
  checkAccessModes,
  findMatchingVolume,
  volumeModeMismatch,
} from '../../../../server/src/service/binding/match';
import { claimClass } from '../../../../server/src/service/binding/state';
import { quantityMilli } from '../../../../server/src/service/binding/capacity';
import { claimOf, pv, pvc, sc, simulate, RWO, ROX, RWX, type Writable } from './helpers';

const affinity = (value: string) => (o: Writable<PersistentVolume>) => {
  o.spec!.storageClassName = 'wait';
  o.spec!.nodeAffinity = {
    required: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'key1', operator: 'In', values: [value] }] }],
    },
  };
  o.status = { phase: 'Available' };
};
const phase = (p: string) => (o: Writable<PersistentVolume>) => (o.status = { phase: p });

function nodeVolumes() {
  return [
    pv('affinity-pv', '100G', [RWO, ROX], affinity('value1')),
    pv('affinity-pv2', '150G', [RWO, ROX], affinity('value1')),
    pv('affinity-prebound', '100G', [RWO, ROX], (o) => {
      affinity('value1')(o);
      o.spec!.claimRef = { name: 'claim02', namespace: 'myns' };
    }),
    pv('affinity-pv3', '200G', [RWO, ROX], affinity('value3')),
    pv(
      'affinity-pv4-pending',
      '200G',
      [RWO, ROX],
      (o) => (affinity('value4')(o), phase('Pending')(o)),
    ),
    pv(
      'affinity-pv4-failed',
      '200G',
      [RWO, ROX],
      (o) => (affinity('value4')(o), phase('Failed')(o)),
    ),
    pv(
      'affinity-pv4-released',
      '200G',
      [RWO, ROX],
      (o) => (affinity('value4')(o), phase('Released')(o)),
    ),
    pv('affinity-pv4-empty', '200G', [RWO, ROX], (o) => (affinity('value4')(o), delete o.status)),
  ].map((o, i) => volumeState(o, i, undefined)!);
}

const waitClaim = (size: string, mod?: (c: Writable<PersistentVolumeClaim>) => void) =>
  claimState(
    pvc(size, (c) => {
      c.spec!.storageClassName = 'wait';
      mod?.(c);
    }),
    'default',
    undefined,
    null,
  )!;

void test('TestFindMatchVolumeWithNode', async (t) => {
  const node = (v: string) => ({ key1: v });
  const cases: {
    name: string;
    claim: ReturnType<typeof waitClaim>;
    node: Record<string, string>;
    excluded?: string[];
    expected: string | null;
  }[] = [
    {
      name: 'success-match',
      claim: waitClaim('100G'),
      node: node('value1'),
      expected: 'affinity-pv',
    },
    {
      name: 'success-prebound',
      claim: waitClaim('100G', (c) => (c.metadata!.name = 'claim02')),
      node: node('value1'),
      expected: 'affinity-prebound',
    },
    {
      name: 'success-exclusion',
      claim: waitClaim('100G'),
      node: node('value1'),
      excluded: ['affinity-pv'],
      expected: 'affinity-pv2',
    },
    {
      name: 'fail-exclusion',
      claim: waitClaim('100G'),
      node: node('value1'),
      excluded: ['affinity-pv', 'affinity-pv2'],
      expected: null,
    },
    {
      name: 'fail-accessmode',
      claim: waitClaim('100G', (c) => (c.spec!.accessModes = [RWX])),
      node: node('value1'),
      expected: null,
    },
    { name: 'fail-nodeaffinity', claim: waitClaim('100G'), node: node('value2'), expected: null },
    {
      name: 'fail-prebound-node-affinity',
      claim: waitClaim('100G', (c) => (c.metadata!.name = 'claim02')),
      node: node('value2'),
      expected: null,
    },
    {
      name: 'success-bad-and-good-node-affinity',
      claim: waitClaim('100G'),
      node: node('value3'),
      expected: 'affinity-pv3',
    },
    { name: 'fail-nonavailable', claim: waitClaim('100G'), node: node('value4'), expected: null },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const found = findMatchingVolume(
        c.claim,
        nodeVolumes(),
        c.node,
        new Set(c.excluded ?? []),
        true,
      );
      assert.equal(typeof found === 'object' ? found.name : null, c.expected);
    });
  }
});

void test('TestCheckAccessModes', async (t) => {
  const cases: [string, string[], string[], boolean][] = [
    ['equal', [RWO], [RWO], true],
    ['volume offers more', [RWO, ROX], [RWO], true],
    ['claim wants more', [RWO], [RWO, ROX], false],
    ['different', [ROX], [RWX], false],
    ['claim wants none', [RWO], [], true],
  ];
  for (const [name, volumeModes, claimModes, expected] of cases) {
    await t.test(name, () => {
      const v = volumeState(pv('v', '1G', volumeModes), 0, undefined)!;
      const c = claimState(
        pvc('1G', (o) => (o.spec!.accessModes = claimModes)),
        'default',
        undefined,
        null,
      )!;
      assert.equal(checkAccessModes(c, v), expected);
    });
  }
});

void test('TestGetPersistentVolumeClaimClass: annotation, then storageClassName, else ""', async (t) => {
  const cases: [string, PersistentVolumeClaim, string][] = [
    ['no class', pvc('1G'), ''],
    [
      'annotation',
      pvc(
        '1G',
        (c) => (c.metadata!.annotations = { 'volume.beta.kubernetes.io/storage-class': 'beta' }),
      ),
      'beta',
    ],
    ['field', pvc('1G', (c) => (c.spec!.storageClassName = 'field')), 'field'],
    [
      'annotation wins over the field',
      pvc('1G', (c) => {
        c.metadata!.annotations = { 'volume.beta.kubernetes.io/storage-class': 'beta' };
        c.spec!.storageClassName = 'field';
      }),
      'beta',
    ],
  ];
  for (const [name, object, expected] of cases) {
    await t.test(name, () =>
      assert.equal(claimClass(claimState(object, 'default', undefined, null)!), expected),
    );
  }
});

void test('TestCheckVolumeModeMismatches: unset means Filesystem on both sides', async (t) => {
  const cases: [string | undefined, string | undefined, boolean][] = [
    [undefined, undefined, false],
    ['Filesystem', undefined, false],
    [undefined, 'Filesystem', false],
    ['Block', 'Block', false],
    ['Block', undefined, true],
    [undefined, 'Block', true],
  ];
  for (const [claimMode, volumeMode, mismatch] of cases) {
    await t.test(`${claimMode}/${volumeMode}`, () => {
      const v = volumeState(
        pv('v', '1G', [RWO], (o) => volumeMode && (o.spec!.volumeMode = volumeMode)),
        0,
        undefined,
      )!;
      const c = claimState(
        pvc('1G', (o) => claimMode && (o.spec!.volumeMode = claimMode)),
        'default',
        undefined,
        null,
      )!;
      assert.equal(volumeModeMismatch(c, v), mismatch);
    });
  }
});

void test('quantities compare exactly', () => {
  assert.equal(quantityMilli('1Gi'), 1073741824000n);
  assert.equal(quantityMilli('1G'), 1000000000000n);
  assert.equal(quantityMilli('500m'), 500n);
  assert.equal(quantityMilli('1.5Gi'), 1610612736000n);
  assert.equal(quantityMilli('1e3'), 1000000n);
  assert.ok(quantityMilli('200000000Ei')! > quantityMilli('200E')!);
  assert.equal(quantityMilli('ten'), undefined);
});

void test('WaitForFirstConsumer with node labels: the scheduler path', async (t) => {
  const wait = sc('wait', (s) => (s.volumeBindingMode = 'WaitForFirstConsumer'));
  const volumes = () => [
    pv('on-node-1', '100G', [RWO, ROX], (o) => (affinity('value1')(o), delete o.status)),
    pv('on-node-3', '50G', [RWO, ROX], (o) => (affinity('value3')(o), delete o.status)),
  ];
  const claim = pvc('10G', (c) => (c.spec!.storageClassName = 'wait'));
  const pods = [{ name: 'app', namespace: 'myns', claims: ['claim01'] }];

  await t.test('no node labels: waits for the first consumer', () => {
    const c = claimOf(simulate({ volumes: volumes(), claims: [claim], classes: [wait], pods }));
    assert.equal(c.outcome, 'wait-for-first-consumer');
    assert.equal(c.reason.code, 'wait-for-first-consumer');
  });
  await t.test('no consumer: says nobody uses it', () => {
    const c = claimOf(
      simulate(
        { volumes: volumes(), claims: [claim], classes: [wait] },
        { nodeLabels: { key1: 'value1' } },
      ),
    );
    assert.equal(c.reason.code, 'wait-no-consumer');
  });
  await t.test('node matches the volume affinity: bound', () => {
    const c = claimOf(
      simulate(
        { volumes: volumes(), claims: [claim], classes: [wait], pods },
        { nodeLabels: { key1: 'value1' } },
      ),
    );
    assert.equal(c.volume, 'on-node-1');
    assert.equal(c.reason.code, 'bound-scheduler');
  });
  await t.test('node fits no volume: provision at the node', () => {
    const c = claimOf(
      simulate(
        { volumes: volumes(), claims: [claim], classes: [wait], pods },
        { nodeLabels: { key1: 'value2' } },
      ),
    );
    assert.equal(c.outcome, 'provision');
    assert.equal(c.rejected.find((r) => r.volume === 'on-node-1')?.code, 'node-affinity');
  });
  await t.test('allowedTopologies exclude the node: pending', () => {
    const zoned = sc('wait', (s) => {
      s.volumeBindingMode = 'WaitForFirstConsumer';
      s.allowedTopologies = [{ matchLabelExpressions: [{ key: 'zone', values: ['a'] }] }];
    });
    const c = claimOf(
      simulate({ claims: [claim], classes: [zoned], pods }, { nodeLabels: { zone: 'b' } }),
    );
    assert.equal(c.reason.code, 'pending-topology');
    const ok = claimOf(
      simulate({ claims: [claim], classes: [zoned], pods }, { nodeLabels: { zone: 'a' } }),
    );
    assert.equal(ok.outcome, 'provision');
  });
  await t.test('a reserved volume on another node: pending with that reason', () => {
    // Its access modes keep it out of the controller's index, so only the scheduler sees it.
    const reserved = pv('reserved', '100G', [ROX], (o) => {
      affinity('value1')(o);
      delete o.status;
      o.spec!.claimRef = { name: 'claim01', namespace: 'myns' };
    });
    const c = claimOf(
      simulate(
        {
          volumes: [reserved],
          claims: [
            pvc('10G', (x) => ((x.spec!.storageClassName = 'wait'), (x.spec!.accessModes = [RWO]))),
          ],
          classes: [wait],
          pods,
        },
        { nodeLabels: { key1: 'value2' } },
      ),
    );
    assert.equal(c.reason.code, 'pending-prebound-node');
    assert.match(c.reason.en, /`reserved`/);
  });
  await t.test('no-provisioner and no fitting local volume: pending', () => {
    const local = sc('wait', (s) => {
      s.volumeBindingMode = 'WaitForFirstConsumer';
      s.provisioner = 'kubernetes.io/no-provisioner';
    });
    const c = claimOf(
      simulate(
        { volumes: volumes(), claims: [claim], classes: [local], pods },
        { nodeLabels: { key1: 'other' } },
      ),
    );
    assert.equal(c.outcome, 'pending');
    assert.equal(c.reason.code, 'pending-no-provisioner');
  });
});
