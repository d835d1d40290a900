/**
 * The scheduler's node comes from the pod (issue 17 item 6): `nodeName`, `nodeSelector` and
 * required node affinity decide where `WaitForFirstConsumer` claims are bound; a pod's claims are
 * decided for one node; a volume the pod's node cannot reach is reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim, PodSpec } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { simulateBindings, type BindingOptions } from '../../../../server/src/service/binding';
import { claimOf, pv, pvc, sc, RWO, ROX } from './helpers';

const HOST = 'kubernetes.io/hostname';

/** A local volume on one node, of class `local` (WaitForFirstConsumer, no provisioner). */
const local = (name: string, node: string, size = '10Gi'): PersistentVolume =>
  pv(name, size, [RWO, ROX], (o) => {
    o.spec!.storageClassName = 'local';
    o.spec!.local = { path: `/mnt/disks/${name}` };
    o.spec!.nfs = undefined;
    o.spec!.nodeAffinity = {
      required: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: HOST, operator: 'In', values: [node] }] }],
      },
    };
  });
const localClass = sc('local', (o) => {
  o.provisioner = 'kubernetes.io/no-provisioner';
  o.volumeBindingMode = 'WaitForFirstConsumer';
});
const claim = (name: string, cls = 'local'): PersistentVolumeClaim =>
  pvc('5Gi', (c) => {
    c.metadata!.name = name;
    c.spec!.storageClassName = cls;
  });

function run(
  world: {
    volumes?: PersistentVolume[];
    claims: PersistentVolumeClaim[];
    classes?: StorageClass[];
    pod: Omit<PodSpec, 'containers' | 'volumes'>;
    mounts: string[];
  },
  options?: BindingOptions,
) {
  const podSpec: PodSpec = {
    ...world.pod,
    containers: [{ name: 'app', image: 'registry.example.com/app:1.4' }],
    volumes: world.mounts.map((claimName, i) => ({
      name: `v${i}`,
      persistentVolumeClaim: { claimName },
    })),
  };
  return simulateBindings(
    {
      volumes: (world.volumes ?? []).map((object) => ({ object })),
      claims: world.claims.map((object) => ({ object })),
      storageClasses: (world.classes ?? [localClass]).map((object) => ({ object })),
      statefulSets: [],
      workloads: [{ kind: 'Pod', name: 'app', namespace: 'myns', podSpec }],
    },
    options,
  );
}

void test('a pod whose nodeSelector excludes the given node does not bind there', () => {
  const result = run(
    {
      volumes: [local('disk-a', 'node-a')],
      claims: [claim('data')],
      pod: { nodeSelector: { [HOST]: 'node-b' } },
      mounts: ['data'],
    },
    { nodeLabels: { [HOST]: 'node-a' } },
  );
  const data = claimOf(result, 'myns/data');
  assert.equal(data.phase, 'Pending');
  assert.equal(data.reason.code, 'pending-pod-selector-elsewhere');
  assert.match(data.reason.en, /kubernetes\.io\/hostname=node-b/);
  assert.match(data.reason.ru, /nodeSelector/);
});

void test('required node affinity of the pod is checked against the given node', () => {
  const result = run(
    {
      volumes: [local('disk-a', 'node-a')],
      claims: [claim('data')],
      pod: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] },
              ],
            },
          },
        },
      },
      mounts: ['data'],
    },
    { nodeLabels: { [HOST]: 'node-a', disk: 'hdd' } },
  );
  assert.equal(claimOf(result, 'myns/data').reason.code, 'pending-pod-affinity-elsewhere');
});

void test('nodeName bypasses the scheduler: the WaitForFirstConsumer claim stays Pending', () => {
  for (const options of [undefined, { nodeLabels: { [HOST]: 'node-a' } }]) {
    const result = run(
      {
        volumes: [local('disk-a', 'node-a')],
        claims: [claim('data')],
        pod: { nodeName: 'node-a' },
        mounts: ['data'],
      },
      options,
    );
    const data = claimOf(result, 'myns/data');
    assert.equal(data.phase, 'Pending');
    assert.equal(data.reason.code, 'pending-pod-node-name');
    assert.match(data.reason.en, /`kubernetes\.io\/hostname: node-a`/);
  }
});

void test("without --node-labels the pod's nodeSelector chooses among local volumes", () => {
  const result = run({
    volumes: [local('disk-a', 'node-a'), local('disk-b', 'node-b', '20Gi')],
    claims: [claim('data')],
    pod: { nodeSelector: { [HOST]: 'node-b' } },
    mounts: ['data'],
  });
  const data = claimOf(result, 'myns/data');
  assert.equal(data.volume, 'disk-b');
  assert.equal(data.reason.code, 'bound-scheduler-pod');
  const unpinned = run({
    volumes: [local('disk-a', 'node-a')],
    claims: [claim('data')],
    pod: {},
    mounts: ['data'],
  });
  assert.equal(claimOf(unpinned, 'myns/data').outcome, 'wait-for-first-consumer');
});

void test('a pinned pod that no volume fits: each volume says the node, in both languages', () => {
  const result = run({
    volumes: [local('disk-a', 'node-a')],
    claims: [claim('data')],
    pod: { nodeSelector: { [HOST]: 'node-b' } },
    mounts: ['data'],
  });
  const data = claimOf(result, 'myns/data');
  assert.equal(data.phase, 'Pending');
  assert.equal(data.reason.code, 'pending-no-provisioner');
  assert.deepEqual(
    data.rejected.map((r) => [r.volume, r.code]),
    [['disk-a', 'node-affinity-pod']],
  );
  assert.match(data.rejected[0]!.ru, /nodeSelector/);
});

void test("a class whose allowedTopologies exclude the pod's zone cannot provision for it", () => {
  const zonal = sc('zonal', (o) => {
    o.volumeBindingMode = 'WaitForFirstConsumer';
    o.allowedTopologies = [
      { matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['eu-west-1a'] }] },
    ];
  });
  const pinned = (zone: string) =>
    run({
      claims: [claim('data', 'zonal')],
      classes: [zonal],
      pod: { nodeSelector: { 'topology.kubernetes.io/zone': zone } },
      mounts: ['data'],
    });
  assert.equal(claimOf(pinned('eu-west-1b'), 'myns/data').reason.code, 'pending-topology-pod');
  assert.equal(claimOf(pinned('eu-west-1a'), 'myns/data').reason.code, 'provision-for-pod');
});

void test('all claims of one pod are decided for one node: one that cannot be satisfied keeps the other', () => {
  const result = run(
    {
      volumes: [local('disk-a', 'node-a')],
      claims: [claim('data'), claim('logs')],
      pod: {},
      mounts: ['data', 'logs'],
    },
    { nodeLabels: { [HOST]: 'node-a' } },
  );
  const data = claimOf(result, 'myns/data');
  const logs = claimOf(result, 'myns/logs');
  assert.equal(logs.reason.code, 'pending-no-provisioner');
  assert.equal(data.phase, 'Pending', 'disk-a fits data, but the pod cannot start on node-a');
  assert.equal(data.reason.code, 'pending-pod-other-claim');
  assert.match(data.reason.en, /myns\/logs/);
  assert.equal(result.volumes.find((v) => v.name === 'disk-a')!.phase, 'Available');
});

void test('two claims of one pod never take the same volume', () => {
  const result = run(
    {
      volumes: [local('disk-a1', 'node-a'), local('disk-a2', 'node-a')],
      claims: [claim('data'), claim('logs')],
      pod: {},
      mounts: ['data', 'logs'],
    },
    { nodeLabels: { [HOST]: 'node-a' } },
  );
  const volumes = [claimOf(result, 'myns/data').volume, claimOf(result, 'myns/logs').volume];
  assert.deepEqual(volumes.sort(), ['disk-a1', 'disk-a2']);
});

void test("a claim bound to a volume on another node keeps the pod's other claims Pending and says why", () => {
  const bound = pv('disk-a', '10Gi', [RWO, ROX], (o) => {
    o.spec!.storageClassName = 'manual';
    o.spec!.nodeAffinity = local('x', 'node-a').spec!.nodeAffinity;
  });
  const result = run(
    {
      volumes: [bound, local('disk-b', 'node-b')],
      claims: [claim('logs', 'manual'), claim('data')],
      classes: [localClass, sc('manual', (o) => (o.provisioner = 'kubernetes.io/no-provisioner'))],
      pod: {},
      mounts: ['logs', 'data'],
    },
    { nodeLabels: { [HOST]: 'node-b' } },
  );
  const logs = claimOf(result, 'myns/logs');
  assert.equal(logs.volume, 'disk-a');
  assert.match(logs.reason.en, /cannot run where the volume is/);
  assert.match(logs.reason.ru, /не сможет работать там, где том/);
  const data = claimOf(result, 'myns/data');
  assert.equal(data.phase, 'Pending');
  assert.equal(data.reason.code, 'pending-pod-volume-node');
  assert.match(data.reason.en, /`disk-a`/);
});
