/** An empty `{}` or `[]` default takes any map or list: helm hands the templates the user's one. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

const defaults = [
  'extraContainers: {}',
  'podLabels: []',
  'server:',
  '  initContainers: {}',
  'tolerations:',
  '  - key: dedicated',
  '    operator: Exists',
  'nodeSelector:',
  '  disk: ssd',
  'logging: {}',
  '',
].join('\n');

const template = [
  'spec:',
  '  containers:',
  '{{ toYaml .Values.extraContainers | indent 4 }}',
  '  initContainers:',
  '{{ toYaml .Values.server.initContainers | indent 4 }}',
  '  labels: {{ toJson .Values.podLabels }}',
  '  tolerations: {{ toJson .Values.tolerations }}',
  '  nodeSelector: {{ toJson .Values.nodeSelector }}',
  '  logging: {{ toJson .Values.logging }}',
].join('\n');

function typeWarnings(given: string): string[] {
  const model = buildChartModel(
    new Map([
      ['values.yaml', defaults],
      ['templates/pod.yaml', template],
    ]),
  );
  return checkValuesFile(model, given)
    .filter((d) => d.code === 'helm-values-type')
    .map((d) => d.message.en);
}

void test('a list over an empty {} default, or a map over an empty [] default: no type warning', () => {
  const given = [
    'extraContainers:',
    '  - name: exporter',
    '    image: busybox',
    'server:',
    '  initContainers:',
    '    - name: wait',
    '      image: busybox',
    'podLabels:',
    '  tier: db',
    '',
  ].join('\n');
  assert.deepEqual(typeWarnings(given), []);
});

void test('a default with content keeps its shape: the other kind of collection is warned', () => {
  const given = 'tolerations:\n  key: dedicated\nnodeSelector:\n  - disk=ssd\n';
  assert.deepEqual(typeWarnings(given), [
    '`tolerations` is a list in the chart defaults, but here it is a mapping.',
    '`nodeSelector` is a mapping in the chart defaults, but here it is a list.',
  ]);
});

void test('an empty default still expects a map or list: a scalar over it is warned', () => {
  assert.deepEqual(typeWarnings('logging: true\nextraContainers: 3\n'), [
    '`logging` is a mapping in the chart defaults, but here it is a boolean.',
    '`extraContainers` is a mapping in the chart defaults, but here it is an integer.',
  ]);
});
