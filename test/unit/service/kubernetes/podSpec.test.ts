/** Where an object keeps its pod spec: one module for the rules, the binding and navigation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  podSpecPath,
  WORKLOAD_KINDS,
  workloadPodSpec,
  workloadPodSpecPath,
} from '../../../../server/src/service/kubernetes/podSpec';
import { podSpecOf as bindingPodSpec } from '../../../../server/src/service/binding/expand';
import {
  podSpecOf as rulesPodSpec,
  workloadKinds,
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
