import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

/** A chart whose objects a "common" library prints from the root values (app-template style). */
function appChart(withLibrary: boolean) {
  const files = new Map<string, string>([
    [
      'Chart.yaml',
      'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 2.0.0\n',
    ],
    ['values.yaml', 'image: nginx\n'],
    [
      'templates/common.yaml',
      [
        '{{- include "common.init" . }}',
        '{{- define "app.fixed" -}}',
        'global:',
        '  nameOverride: {{ .Release.Name }}',
        '{{- end -}}',
        '{{- $_ := mergeOverwrite .Values (include "app.fixed" . | fromYaml) -}}',
        '# image {{ .Values.image }}',
        '{{ include "common.render" . }}',
      ].join('\n'),
    ],
  ]);
  if (withLibrary) {
    files.set(
      'charts/common/Chart.yaml',
      'apiVersion: v2\nname: common\nversion: 2.0.0\ntype: library\n',
    );
    files.set(
      'charts/common/values.yaml',
      'controllers:\n  main:\n    replicas: 1\npersistence: {}\nservice: {}\n',
    );
    files.set(
      'charts/common/templates/_init.tpl',
      [
        '{{- define "common.init" -}}',
        '  {{- $merged := mustMergeOverwrite (deepCopy .Values.common) (omit .Values "common") -}}',
        '  {{- $_ := set . "Values" (deepCopy $merged) -}}',
        '{{- end -}}',
        '{{- define "common.render" -}}',
        '{{- range $name, $claim := .Values.persistence }}{{ $claim.size }}{{ end }}',
        '{{- range $name, $c := .Values.controllers }}{{ $c.replicas }}{{ end }}',
        '{{- toYaml .Values.service }}',
        '{{- end -}}',
      ].join('\n'),
    );
  }
  return buildChartModel(files);
}

const USER_VALUES = [
  'controllers:',
  '  app:',
  '    replicas: 2',
  'persistence:',
  '  media:',
  '    existingClaim: media',
  '    globalMounts:',
  '      - path: /media',
  'service:',
  '  app:',
  '    ports: {}',
  'persistance:',
  '  config: {}',
  '',
].join('\n');

function findings(model: ReturnType<typeof buildChartModel>, text: string) {
  return checkValuesFile(model, text).map(
    (d) => `${d.range.start.line + 1}:${d.code}:${(d.data?.suggestion as string) ?? ''}`,
  );
}

test('keys of a library that merges its defaults into the root values are root keys', () => {
  assert.deepEqual(findings(appChart(true), USER_VALUES), [
    '12:helm-values-unknown-key:persistence',
  ]);
});

test('a library that is not there but prints every object from the root leaves every key open', () => {
  assert.deepEqual(findings(appChart(false), USER_VALUES), []);
});

test('a missing dependency whose helpers are called inside the chart’s own YAML keeps the checks', () => {
  const model = buildChartModel(
    new Map([
      [
        'Chart.yaml',
        'apiVersion: v2\nname: db\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 2.0.0\n',
      ],
      ['values.yaml', 'persistence:\n  size: 8Gi\n'],
      [
        'templates/pvc.yaml',
        [
          'apiVersion: v1',
          'kind: PersistentVolumeClaim',
          'metadata:',
          '  name: {{ include "common.names.fullname" . }}',
          '  labels:',
          '{{ include "common.labels.standard" . | indent 4 }}',
          'spec:',
          '  resources:',
          '    requests:',
          '      storage: {{ .Values.persistence.size }}',
        ].join('\n'),
      ],
    ]),
  );
  assert.deepEqual(findings(model, 'persistance:\n  size: 1Gi\n'), [
    '1:helm-values-unknown-key:persistence',
  ]);
});
