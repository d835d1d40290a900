/** Where an object keeps its pod spec: one module for the rules, the binding and navigation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  podSpecPath,
  volumesReplacedByClaimTemplates,
  WORKLOAD_KINDS,
  workloadPodSpec,
  workloadPodSpecAsRun,
  workloadPodSpecPath,
} from '../../../../server/src/service/kubernetes/podSpec';
import { podSpecOf as bindingPodSpec } from '../../../../server/src/service/binding/expand';
import {
  podSpecOf as rulesPodSpec,
  volumesOf,
  workloadKinds,
  writtenVolumesOf,
} from '../../../../server/src/service/rules/util';

const spec = { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] };

void test('the pod spec of each workload kind, a CronJob one level deeper', () => {
  assert.deepEqual([...WORKLOAD_KINDS].sort(), [
    'CronJob',
    'DaemonSet',
    'Deployment',
    'Job',
    'Pod',
    'ReplicaSet',
    'ReplicationController',
    'StatefulSet',
  ]);
  assert.deepEqual(workloadPodSpec('Pod', { spec }), spec);
  assert.deepEqual(workloadPodSpec('StatefulSet', { spec: { template: { spec } } }), spec);
  assert.deepEqual(
    workloadPodSpec('CronJob', { spec: { jobTemplate: { spec: { template: { spec } } } } }),
    spec,
  );
  assert.deepEqual(workloadPodSpecPath('Job'), ['spec', 'template', 'spec']);
});

void test('a PodTemplate has a pod spec but runs nothing; other kinds have none', () => {
  assert.deepEqual(podSpecPath('PodTemplate'), ['template', 'spec']);
  assert.equal(workloadPodSpecPath('PodTemplate'), undefined);
  assert.equal(podSpecPath('PersistentVolumeClaim'), undefined);
  assert.equal(podSpecPath('toString'), undefined);
  assert.equal(workloadPodSpec('Service', { spec }), undefined);
});

void test('a pod spec that is not a map is none (YAML null, a list, a scalar)', () => {
  for (const bad of [null, [], 'x', 3])
    assert.equal(workloadPodSpec('Deployment', { spec: { template: { spec: bad } } }), undefined);
  assert.equal(workloadPodSpec('Deployment', { spec: ['template'] }), undefined);
  assert.equal(workloadPodSpec('Pod', null), undefined);
});

void test('the rules and the binding read the same pod spec', () => {
  const data = { spec: { jobTemplate: { spec: { template: { spec } } } } };
  assert.deepEqual(rulesPodSpec('CronJob', data)?.spec, bindingPodSpec('CronJob', data));
  assert.deepEqual(rulesPodSpec('CronJob', data)?.path, [
    'spec',
    'jobTemplate',
    'spec',
    'template',
    'spec',
  ]);
  assert.deepEqual([...workloadKinds].sort(), [...WORKLOAD_KINDS].sort());
});

void test("a StatefulSet's claim templates replace the template volumes of the same name", () => {
  const set = {
    spec: {
      template: {
        spec: {
          volumes: [
            { name: 'data', emptyDir: {} },
            { name: 'settings', configMap: { name: 'settings' } },
          ],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' } }, { metadata: {} }],
    },
  };
  assert.deepEqual([...volumesReplacedByClaimTemplates('StatefulSet', set)], ['data']);
  assert.deepEqual(workloadPodSpecAsRun('StatefulSet', set)?.volumes, [
    { name: 'settings', configMap: { name: 'settings' } },
  ]);
  // The binding reads the pods as run; the rules keep every entry's path and leave the replaced out.
  assert.deepEqual(bindingPodSpec('StatefulSet', set)?.volumes?.length, 1);
  const at = rulesPodSpec('StatefulSet', set)!;
  assert.deepEqual(
    volumesOf(at).map((v) => v.path),
    [['spec', 'template', 'spec', 'volumes', 1]],
  );
  assert.equal(writtenVolumesOf(at).length, 2);
  // Other kinds keep their volumes, and the same object is handed back when nothing is replaced.
  const deployment = { spec: set.spec };
  assert.equal(volumesReplacedByClaimTemplates('Deployment', deployment).size, 0);
  assert.equal(workloadPodSpecAsRun('Deployment', deployment), set.spec.template.spec);
  const alone = { spec: { template: set.spec.template } };
  assert.equal(workloadPodSpecAsRun('StatefulSet', alone), set.spec.template.spec);
});
