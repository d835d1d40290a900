import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

/** A parent chart `shop` with an unpacked subchart `db` and a packaged one aliased `queue`. */
function shop(withSubcharts = true) {
  const files = new Map<string, string>([
    [
      'Chart.yaml',
      [
        'apiVersion: v2',
        'name: shop',
        'version: 1.0.0',
        'dependencies:',
        '  - name: db',
        '    version: 2.0.0',
        '    condition: db.enabled',
        '  - name: broker',
        '    alias: queue',
        '    version: 3.1.0',
        '    tags: [messaging]',
        '  - name: search',
        '    version: 1.0.0',
      ].join('\n'),
    ],
    ['values.yaml', 'replicas: 1\ndb:\n  persistence:\n    size: 4Gi\n'],
    ['templates/deploy.yaml', 'replicas: {{ .Values.replicas }}\n'],
  ]);
  if (withSubcharts) {
    files.set('charts/db/Chart.yaml', 'apiVersion: v2\nname: db\nversion: 2.0.0\n');
    files.set(
      'charts/db/values.yaml',
      'persistence:\n  enabled: true\n  storageClass: ""\n  size: 8Gi\nconfig: {}\n',
    );
    files.set(
      'charts/db/templates/sts.yaml',
      [
        'class: {{ .Values.persistence.storageClass }}',
        'size: {{ .Values.persistence.size }}',
        '{{- if .Values.persistence.enabled }}on{{ end }}',
        'tier: {{ .Values.tier | default "a" }}',
        'region: {{ .Values.global.region }}',
        'config: {{ toYaml .Values.config }}',
      ].join('\n'),
    );
    files.set(
      'charts/broker-3.1.0.tgz/Chart.yaml',
      'apiVersion: v2\nname: broker\nversion: 3.1.0\n',
    );
    files.set('charts/broker-3.1.0.tgz/values.yaml', 'retention:\n  hours: 24\n');
  }
  return buildChartModel(files);
}

function findings(text: string, withSubcharts = true) {
  return checkValuesFile(shop(withSubcharts), text).map(
    (d) => `${d.range.start.line + 1}:${d.code}:${(d.data?.suggestion as string) ?? ''}`,
  );
}

void test('the subcharts of a chart are read, under their alias for a packaged one', () => {
  const model = shop();
  assert.deepEqual([...(model.subcharts?.keys() ?? [])].sort(), ['db', 'queue']);
  assert.equal(model.subcharts?.get('queue')?.meta.name, 'broker');
});

void test('typos under a subchart key are found, with the subchart keys as suggestions', () => {
  const text = [
    'db:',
    '  enabled: false',
    '  persistance:',
    '    size: 1Gi',
    '  persistence:',
    '    storageclass: fast',
    '    size: 2Gi',
    '  tier: b',
    '  config:',
    '    anything: goes',
    'queue:',
    '  retention:',
    '    hour: 12',
    'search:',
    '  whatever: 1',
    'global:',
    '  region: eu',
    'tags:',
    '  messaging: false',
  ].join('\n');
  assert.deepEqual(findings(text), [
    '3:helm-values-unknown-key:persistence',
    '6:helm-values-unknown-key:storageClass',
    '13:helm-values-unknown-key:hours',
  ]);
  const message = checkValuesFile(shop(), text)[0]!.message;
  assert.match(message.en, /no value `db\.persistance`.*Did you mean `persistence`\?/);
  assert.match(message.ru, /нет значения `db\.persistance`/);
});

void test('a value under a subchart key is checked against the subchart default and storage meaning', () => {
  const text =
    'db:\n  persistence:\n    enabled: false\n    size: [1]\nqueue:\n  retention:\n    hours: "x"\n';
  assert.deepEqual(findings(text), [
    '3:helm-values-persistence-off:',
    '4:helm-values-type:',
    '7:helm-values-type:',
  ]);
});

void test('without the subchart files (no helm dependency build) its block is not checked', () => {
  assert.deepEqual(findings('db:\n  volme: 1\nqueue:\n  retention:\n    hour: 12\n', false), []);
});
