import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

/**
 * A parent chart `store` with a subchart `db`. The parent sets defaults under `db` of its own
 * (`enabled` for the condition, `port` as a string, `labels.tier` in the subchart's free map).
 */
function store(schema?: string) {
  const files = new Map<string, string>([
    [
      'Chart.yaml',
      [
        'apiVersion: v2',
        'name: store',
        'version: 1.0.0',
        'dependencies:',
        '  - name: db',
        '    version: 2.0.0',
        '    condition: db.enabled',
      ].join('\n'),
    ],
    [
      'values.yaml',
      [
        'db:',
        '  enabled: true',
        '  port: "6000"',
        '  auth:',
        '    user: shop',
        '  labels:',
        '    tier: backend',
      ].join('\n'),
    ],
    ['templates/cm.yaml', 'kind: ConfigMap\n'],
    ['charts/db/Chart.yaml', 'apiVersion: v2\nname: db\nversion: 2.0.0\n'],
    ['charts/db/values.yaml', 'port: 6000\nauth:\n  user: ""\nlabels: {}\nvolume:\n  size: 2Gi\n'],
    [
      'charts/db/templates/sts.yaml',
      [
        'port: {{ .Values.port }}',
        'user: {{ .Values.auth.user }}',
        'labels: {{ toYaml .Values.labels }}',
        'size: {{ .Values.volume.size }}',
      ].join('\n'),
    ],
  ]);
  if (schema) files.set('charts/db/values.schema.json', schema);
  return buildChartModel(files);
}

function findings(text: string, schema?: string) {
  return checkValuesFile(store(schema), text).map(
    (d) => `${d.range.start.line + 1}:${d.code}:${d.message.en}`,
  );
}

void test("the parent's own keys under a subchart's key keep their type check", () => {
  // `enabled` is the condition: only the parent has it; `labels` is free in the subchart.
  const text = ['db:', '  enabled: "false"', '  labels:', '    tier: 0', '    zone: a'].join('\n');
  assert.deepEqual(findings(text), [
    '2:helm-values-type:`db.enabled` is a boolean in the chart defaults, but here it is a string.',
    '4:helm-values-type:`db.labels.tier` is a string in the chart defaults, but here it is an integer.',
  ]);
});

void test('under a subchart key both defaults count, the parent first', () => {
  // auth.user: both defaults; volume.size: only the subchart's; port: parent "6000", subchart
  // 6000 (either type is taken, a list fits neither and is named by the parent's type).
  const text = ['db:', '  port: [1]', '  auth:', '    user: 5', '  volume:', '    size: 3'].join(
    '\n',
  );
  assert.deepEqual(findings(text), [
    '2:helm-values-type:`db.port` is a string in the chart defaults, but here it is a list.',
    '4:helm-values-type:`db.auth.user` is a string in the chart defaults, but here it is an integer.',
    '6:helm-values-type:`db.volume.size` is a string in the chart defaults, but here it is an integer.',
  ]);
  assert.deepEqual(findings('db:\n  port: "6001"\n  auth:\n    user: app\n'), []);
  assert.deepEqual(findings('db:\n  port: 6001\n'), []);
});

const schema = JSON.stringify({
  type: 'object',
  properties: { auth: { type: 'object', properties: { user: { type: 'string' } } } },
});

void test("a subchart's values.schema.json checks the values under its key", () => {
  const text = ['db:', '  auth:', '    user: 5', '  volume:', '    size: 3'].join('\n');
  assert.deepEqual(findings(text, schema), [
    '3:helm-values-schema:`db.auth.user` does not match values.schema.json of the chart: must be string',
    '5:helm-values-type:`db.volume.size` is a string in the chart defaults, but here it is an integer.',
  ]);
  // Good values, and a subchart turned off (helm checks no schema of a disabled subchart).
  assert.deepEqual(findings('db:\n  auth:\n    user: app\n', schema), []);
  assert.deepEqual(findings('db:\n  enabled: false\n  auth:\n    user: 5\n', schema), []);
});
