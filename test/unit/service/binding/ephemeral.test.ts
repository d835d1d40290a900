/**
 * Generic ephemeral volumes (issue 17 item 7): each pod's `ephemeral.volumeClaimTemplate` becomes
 * the claim `<pod>-<volume>` the ephemeral volume controller creates, in the pod's namespace, with
 * the template's spec, owned by the pod; placeholders where the controller generates pod names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeClaimTemplate,
  PodSpec,
} from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import {
  simulateBindings,
  type BindingOptions,
  type WorkloadInput,
} from '../../../../server/src/service/binding';
import { workloadPods } from '../../../../server/src/service/kubernetes/ephemeral';
import { asDefault, claimOf, pv, pvc, sc, RWO } from './helpers';

const HOST = 'kubernetes.io/hostname';

const template = (
  mod?: (t: {
    -readonly [K in keyof PersistentVolumeClaimTemplate]: PersistentVolumeClaimTemplate[K];
  }) => void,
): PersistentVolumeClaimTemplate => {
  const t = {
    metadata: { labels: { app: 'builder' }, annotations: { team: 'ci' } },
    spec: {
      accessModes: [RWO],
      storageClassName: 'fast',
      resources: { requests: { storage: '4Gi' } },
    },
  };
  mod?.(t);
  return t;
};

const podSpec = (t: PersistentVolumeClaimTemplate, more: Partial<PodSpec> = {}): PodSpec => ({
  containers: [{ name: 'build', image: 'registry.example.com/builder:2.1' }],
  ...more,
  volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: t } }, ...(more.volumes ?? [])],
});

function run(
  world: {
    workloads: WorkloadInput[];
    volumes?: PersistentVolume[];
    claims?: PersistentVolumeClaim[];
    classes?: StorageClass[];
  },
  options?: BindingOptions,
) {
  return simulateBindings(
    {
      volumes: (world.volumes ?? []).map((object) => ({ object })),
      claims: (world.claims ?? []).map((object) => ({ object })),
      storageClasses: (world.classes ?? [sc('fast')]).map((object) => ({ object })),
      statefulSets: [],
      workloads: world.workloads,
    },
    options,
  );
}

const pod = (spec: PodSpec, name = 'builder', namespace = 'ci'): WorkloadInput => ({
  kind: 'Pod',
  name,
  namespace,
  podSpec: spec,
});

void test("a Pod's ephemeral volume is the claim <pod>-<volume> in its namespace, with the template's spec", () => {
  const result = run({ workloads: [pod(podSpec(template()))] });
  assert.equal(result.claims.length, 1);
  const c = claimOf(result, 'ci/builder-scratch');
  assert.equal(c.outcome, 'provision');
  assert.equal(c.storageClass, 'fast');
  assert.equal(c.fromStatefulSet, null);
  assert.deepEqual(
    { ...c.ephemeral, about: undefined },
    {
      kind: 'Pod',
      workload: 'builder',
      volume: 'scratch',
      pod: 'builder',
      generated: false,
      about: undefined,
    },
  );
  assert.match(c.ephemeral!.about.en, /pod `builder`.*`scratch`.*deleted with the pod/);
  assert.match(c.ephemeral!.about.ru, /пода `builder`.*`scratch`.*удаляется вместе с ним/);
  assert.deepEqual(
    c.consumers.map((r) => `${r.kind}/${r.namespace}/${r.name}`),
    ['Pod/ci/builder'],
  );
  assert.deepEqual(result.workloads[0]!.claims, ['ci/builder-scratch']);
});

void test('the template decides like a claim: size, access modes, volumeMode, selector, no class', () => {
  const volumes = [
    pv('small', '2Gi', [RWO], (v) => (v.spec!.storageClassName = '')),
    pv('block', '8Gi', [RWO], (v) => {
      v.spec!.storageClassName = '';
      v.spec!.volumeMode = 'Block';
    }),
    pv('labelled', '8Gi', [RWO], (v) => {
      v.spec!.storageClassName = '';
      v.metadata!.labels = { pool: 'ci' };
    }),
    pv('plain', '8Gi', [RWO], (v) => (v.spec!.storageClassName = '')),
  ];
  const noClass = template((t) => (t.spec!.storageClassName = ''));
  const plain = run({ volumes, workloads: [pod(podSpec(noClass))] });
  assert.equal(claimOf(plain, 'ci/builder-scratch').volume, 'labelled');

  const selected = template((t) => {
    t.spec!.storageClassName = '';
    t.spec!.selector = { matchLabels: { pool: 'ci' } };
  });
  assert.equal(
    claimOf(run({ volumes, workloads: [pod(podSpec(selected))] }), 'ci/builder-scratch').volume,
    'labelled',
  );
  const block = template((t) => {
    t.spec!.storageClassName = '';
    t.spec!.volumeMode = 'Block';
  });
  assert.equal(
    claimOf(run({ volumes, workloads: [pod(podSpec(block))] }), 'ci/builder-scratch').volume,
    'block',
  );
  const big = template((t) => {
    t.spec!.storageClassName = '';
    t.spec!.resources = { requests: { storage: '50Gi' } };
  });
  const pending = claimOf(run({ volumes, workloads: [pod(podSpec(big))] }), 'ci/builder-scratch');
  assert.equal(pending.outcome, 'pending');
  assert.ok(pending.rejected.some((r) => r.code === 'too-small'));
});

void test('a template without a class gets the default class, like any new claim', () => {
  const noClass = template((t) => delete t.spec!.storageClassName);
  const result = run({
    classes: [sc('standard', (o) => asDefault(o))],
    workloads: [pod(podSpec(noClass))],
  });
  const c = claimOf(result, 'ci/builder-scratch');
  assert.equal(c.storageClass, 'standard');
  assert.equal(c.outcome, 'provision');
});

void test('a Deployment: one claim per replica, named with a placeholder for the generated pod name', () => {
  const noClass = template((t) => (t.spec!.storageClassName = ''));
  const spec = podSpec(noClass);
  const deployment: WorkloadInput = {
    kind: 'Deployment',
    name: 'web',
    namespace: 'shop',
    podSpec: spec,
    pods: workloadPods('Deployment', 'web', { spec: { replicas: 3 } }),
  };
  const volumes = [
    pv('pre-1', '5Gi', [RWO], (v) => (v.spec!.storageClassName = '')),
    pv('pre-2', '5Gi', [RWO], (v) => (v.spec!.storageClassName = '')),
  ];
  const result = run({ volumes, workloads: [deployment] });
  assert.deepEqual(
    result.claims.map((c) => [c.name, c.volume, c.outcome]),
    [
      ['web-…[1]-scratch', 'pre-1', 'bound'],
      ['web-…[2]-scratch', 'pre-2', 'bound'],
      ['web-…[3]-scratch', null, 'pending'],
    ],
  );
  const origin = claimOf(result, 'shop/web-…[3]-scratch').ephemeral!;
  assert.equal(origin.generated, true);
  assert.equal(origin.pod, 'web-…[3]');
  assert.match(origin.about.en, /each pod of Deployment `web`.*`…` stands for/);
  assert.match(origin.about.en, /Pods at once: 3/);
  assert.match(origin.about.ru, /Подов одновременно: 3/);
  // One replica: no number.
  const one = run({ workloads: [{ ...deployment, pods: workloadPods('Deployment', 'web', {}) }] });
  assert.deepEqual(
    one.claims.map((c) => c.name),
    ['web-…-scratch'],
  );
});

void test('workload pods: StatefulSet ordinals are names, Jobs run parallelism, DaemonSets one, 0 replicas none', () => {
  assert.deepEqual(
    workloadPods('StatefulSet', 'db', { spec: { replicas: 2, ordinals: { start: 3 } } }),
    [
      { name: 'db-3', generated: false },
      { name: 'db-4', generated: false },
    ],
  );
  assert.deepEqual(workloadPods('Pod', 'builder', {}), [{ name: 'builder', generated: false }]);
  assert.deepEqual(workloadPods('Deployment', 'web', { spec: { replicas: 0 } }), []);
  assert.equal(workloadPods('Job', 'export', { spec: { parallelism: 4 } }).length, 4);
  assert.equal(
    workloadPods('Job', 'export', { spec: { parallelism: 4, completions: 2 } }).length,
    2,
  );
  assert.equal(
    workloadPods('CronJob', 'nightly', {
      spec: { jobTemplate: { spec: { parallelism: 2 } } },
    }).length,
    2,
  );
  assert.deepEqual(workloadPods('DaemonSet', 'agent', {}), [{ name: 'agent-…', generated: true }]);
  // A replica count that is not a number is read as the default.
  assert.equal(workloadPods('Deployment', 'web', { spec: { replicas: 'three' } }).length, 1);
});

void test('a StatefulSet pod: <set>-<ordinal>-<volume>, beside its template claims', () => {
  const spec = podSpec(template());
  const set: WorkloadInput = {
    kind: 'StatefulSet',
    name: 'db',
    namespace: 'shop',
    podSpec: spec,
    pods: workloadPods('StatefulSet', 'db', { spec: { replicas: 2 } }),
  };
  const result = run({ workloads: [set] });
  assert.deepEqual(
    result.claims.map((c) => c.name),
    ['db-0-scratch', 'db-1-scratch'],
  );
  assert.match(
    claimOf(result, 'shop/db-1-scratch').ephemeral!.about.en,
    /pod `db-1` of StatefulSet `db`/,
  );
});

void test("a running pod's claim in the cluster is the pod's; a claim it does not own is never used", () => {
  const owned = pvc('4Gi', (c) => {
    c.metadata = {
      name: 'builder-scratch',
      namespace: 'ci',
      uid: 'u-claim',
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Pod', name: 'builder', uid: 'u-1', controller: true },
      ],
      annotations: { 'pv.kubernetes.io/bind-completed': 'yes' },
    };
    c.spec!.volumeName = 'pv-running';
    c.spec!.storageClassName = 'fast';
    c.status = { phase: 'Bound' };
  });
  const running = pv('pv-running', '4Gi', [RWO], (v) => {
    v.spec!.storageClassName = 'fast';
    v.spec!.claimRef = { namespace: 'ci', name: 'builder-scratch', uid: 'u-claim' };
    v.status = { phase: 'Bound' };
  });
  const result = run({
    volumes: [running],
    claims: [owned],
    workloads: [pod(podSpec(template()))],
  });
  assert.equal(result.claims.length, 1);
  const c = claimOf(result, 'ci/builder-scratch');
  assert.equal(c.volume, 'pv-running');
  assert.equal(c.phase, 'Bound');
  assert.equal(c.ephemeral?.pod, 'builder');
  assert.deepEqual(result.workloads[0]!.claims, ['ci/builder-scratch']);

  // Written by hand, not owned by the pod: upstream does not use it (VolumeIsForPod).
  const unrelated = pvc('1Gi', (c) => {
    c.metadata = { name: 'builder-scratch', namespace: 'ci' };
    c.spec!.storageClassName = 'fast';
  });
  const other = run({ claims: [unrelated], workloads: [pod(podSpec(template()))] });
  assert.equal(other.claims.length, 1);
  assert.equal(claimOf(other, 'ci/builder-scratch').ephemeral, undefined);
  assert.deepEqual(claimOf(other, 'ci/builder-scratch').consumers, []);
  assert.deepEqual(other.workloads[0]!.claims, []);
});

void test("all claims of one pod, ephemeral ones included, are decided for the pod's node", () => {
  const localClass = sc('local', (o) => {
    o.provisioner = 'kubernetes.io/no-provisioner';
    o.volumeBindingMode = 'WaitForFirstConsumer';
  });
  const local = (name: string, node: string, size: string): PersistentVolume =>
    pv(name, size, [RWO], (v) => {
      v.spec!.storageClassName = 'local';
      v.spec!.local = { path: `/mnt/${name}` };
      v.spec!.nfs = undefined;
      v.spec!.nodeAffinity = {
        required: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: HOST, operator: 'In', values: [node] }] },
          ],
        },
      };
    });
  const data = pvc('1Gi', (c) => {
    c.metadata = { name: 'data', namespace: 'ci' };
    c.spec!.accessModes = [RWO];
    c.spec!.storageClassName = 'local';
  });
  const scratch = template((t) => (t.spec!.storageClassName = 'local'));
  const spec = podSpec(scratch, {
    nodeSelector: { [HOST]: 'node-a' },
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
  });
  // node-a has a disk for `data` but none big enough for the 4Gi scratch claim.
  const result = run({
    classes: [localClass],
    volumes: [local('a-small', 'node-a', '1Gi'), local('b-big', 'node-b', '10Gi')],
    claims: [data],
    workloads: [pod(spec)],
  });
  const scratchClaim = claimOf(result, 'ci/builder-scratch');
  assert.equal(scratchClaim.phase, 'Pending');
  assert.equal(scratchClaim.volume, null);
  const dataClaim = claimOf(result, 'ci/data');
  assert.equal(dataClaim.phase, 'Pending');
  assert.equal(dataClaim.reason.code, 'pending-pod-other-claim');
  assert.match(dataClaim.reason.en, /ci\/builder-scratch/);
});
