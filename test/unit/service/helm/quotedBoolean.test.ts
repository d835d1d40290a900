/** A switch written as a quoted string where the chart's default is a boolean (helm/quotedBoolean.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../../server/src/service';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

const DEFAULTS = [
  'persistence:',
  '  enabled: true',
  '  size: 8Gi',
  'debug: false',
  'metrics:',
  '  enabled: false',
  '',
].join('\n');

const TEMPLATE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          env:',
  '            - name: DEBUG',
  '              value: {{ .Values.debug | quote }}',
  '      volumes:',
  '        - name: data',
  '          {{- if .Values.persistence.enabled }}',
  '          persistentVolumeClaim:',
  '            claimName: data',
  '          {{- else }}',
  '          emptyDir: {}',
  '          {{- end }}',
  '{{- include "app.metrics" (dict "on" .Values.metrics.enabled) }}',
  '',
].join('\n');

function findings(values: string): string[] {
  const model = buildChartModel(
    new Map([
      ['values.yaml', DEFAULTS],
      ['templates/app.yaml', TEMPLATE],
    ]),
  );
  return checkValuesFile(model, values).map(
    (d) => `${d.range.start.line}:${d.code}:${String(d.data?.suggestion ?? '')}`,
  );
}

void test('"false" and "0" in an `if` turn the switch on: a warning that says so', () => {
  assert.deepEqual(findings('persistence:\n  enabled: "false"\n'), [
    '1:helm-values-quoted-boolean:false',
  ]);
  assert.deepEqual(findings("persistence:\n  enabled: '0'\n"), [
    '1:helm-values-quoted-boolean:false',
  ]);
  const model = buildChartModel(
    new Map([
      ['values.yaml', DEFAULTS],
      ['templates/app.yaml', TEMPLATE],
    ]),
  );
  const [d] = checkValuesFile(model, 'persistence:\n  enabled: "false"\n');
  assert.match(
    d!.message.en,
    /any non-empty string is true, so this turns `persistence\.enabled` on/,
  );
  assert.match(d!.message.ru, /любая непустая строка — истина/);
});

void test('"true" works by chance: the same warning, with what it means', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', DEFAULTS],
      ['templates/app.yaml', TEMPLATE],
    ]),
  );
  const [d] = checkValuesFile(model, 'persistence:\n  enabled: "true"\n');
  assert.equal(d?.code, 'helm-values-quoted-boolean');
  assert.match(d.message.en, /true as meant/);
});

void test('a quoted "false" is no persistence-off note: the chart renders the claim', () => {
  const codes = findings('persistence:\n  enabled: "false"\n');
  assert.ok(!codes.some((c) => c.includes('persistence-off')));
  assert.deepEqual(findings('persistence:\n  enabled: false\n'), [
    '1:helm-values-persistence-off:',
  ]);
});

void test('printed only (an env var, quoted): the string renders as the boolean, nothing said', () => {
  assert.deepEqual(findings('debug: "false"\n'), []);
  assert.deepEqual(findings('debug: "true"\n'), []);
});

void test('read by a named template only: the plain type warning, as before', () => {
  assert.deepEqual(findings('metrics:\n  enabled: "false"\n'), ['1:helm-values-type:']);
});

void test('the quick fix writes the boolean without quotes', () => {
  const uri = 'file:///w/values-prod.yaml';
  const s = getLanguageService();
  const text = 'persistence:\n  enabled: "false"\n  size: 8Gi\n';
  s.setFile(uri, text);
  s.setChartFiles(
    'app',
    new Map([
      ['Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n'],
      ['values.yaml', DEFAULTS],
      ['templates/app.yaml', TEMPLATE],
    ]),
  );
  s.linkValuesFile(uri, 'app');
  const d = s.getDiagnostics(uri).find((x) => x.code === 'helm-values-quoted-boolean');
  assert.ok(d, 'no helm-values-quoted-boolean');
  const [action] = s.getCodeActions(uri, d.range);
  assert.equal(action?.title.en, 'Write `false`');
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), action.edits);
  assert.equal(fixed, 'persistence:\n  enabled: false\n  size: 8Gi\n');
  s.setFile(uri, fixed, 'disk', 1);
  assert.deepEqual(
    s.getDiagnostics(uri).map((x) => x.code),
    ['helm-values-persistence-off'],
  );
});

void test('a template that compares the value as text: no claim that "false" turns it on', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'backup:\n  enabled: false\ncache:\n  enabled: false\n'],
      [
        'templates/app.yaml',
        [
          '{{- if eq (toString .Values.backup.enabled) "true" }}',
          'backup: on',
          '{{- end }}',
          'cache: {{ .Values.cache.enabled | default false | quote }}',
          '',
        ].join('\n'),
      ],
    ]),
  );
  const codes = checkValuesFile(
    model,
    'backup:\n  enabled: "false"\ncache:\n  enabled: "false"\n',
  ).map((d) => d.code);
  assert.ok(!codes.includes('helm-values-quoted-boolean'), codes.join());
});
