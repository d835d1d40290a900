/** A class of "-": the note when the chart turns it into `storageClassName: ""`, else a warning. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

const values = 'persistence:\n  storageClass:\n';
const dash = 'persistence:\n  storageClass: "-"\n';

function codes(template: string, extra: Record<string, string> = {}): string[] {
  const model = buildChartModel(
    new Map([['values.yaml', values], ['templates/pvc.yaml', template], ...Object.entries(extra)]),
  );
  return checkValuesFile(model, dash).map((d) => `${d.severity}:${d.code}`);
}

const NOTE = ['information:helm-values-storage-class-dash'];

void test('compared with "-" directly, inside `with`, through a variable: the note', () => {
  assert.deepEqual(
    codes('{{ if eq "-" .Values.persistence.storageClass }}storageClassName: ""{{ end }}'),
    NOTE,
  );
  assert.deepEqual(
    codes(
      '{{- with .Values.persistence }}{{- with .storageClass }}{{ if eq "-" . }}storageClassName: ""{{ end }}{{ end }}{{ end }}',
    ),
    NOTE,
  );
  assert.deepEqual(
    codes(
      '{{- $c := .Values.persistence.storageClass }}{{ if (eq $c "-") }}storageClassName: ""{{ end }}',
    ),
    NOTE,
  );
  // Bitnami's common library compares it in its own templates.
  assert.deepEqual(
    codes('{{ include "common.storage.class" (dict "persistence" .Values.persistence) }}'),
    NOTE,
  );
});

void test('printed as it is, with nothing compared with "-": a warning', () => {
  const found = codes('storageClassName: {{ .Values.persistence.storageClass | quote }}');
  assert.deepEqual(found, ['warning:helm-values-storage-class-dash-literal']);
  const model = buildChartModel(
    new Map([
      ['Chart.yaml', 'name: pg\n'],
      ['values.yaml', values],
      ['templates/pvc.yaml', 'storageClassName: {{ .Values.persistence.storageClass }}'],
    ]),
  );
  const [d] = checkValuesFile(model, dash);
  assert.match(d!.message.en, /^The chart `pg` gives `persistence\.storageClass: "-"` no special/);
  assert.match(d!.message.en, /API server rejects/);
  assert.match(d!.message.ru, /API-сервер её отклоняет/);
});

void test('a comparison with "-" this scan cannot follow (a helper parameter): nothing', () => {
  assert.deepEqual(
    codes('{{ include "x.class" .Values.persistence }}', {
      'templates/_helpers.tpl':
        '{{- define "x.class" -}}{{ if eq .storageClass "-" }}storageClassName: ""{{ end }}{{- end -}}',
    }),
    [],
  );
});

void test('a class that goes into no claim (existing claim set, persistence off): no note', () => {
  const template = [
    '{{- if .Values.persistence.existingClaim }}claimName: {{ .Values.persistence.existingClaim }}',
    '{{- else if .Values.persistence.enabled }}',
    '{{- if eq "-" .Values.persistence.storageClass }}storageClassName: ""{{ end }}',
    '{{- end }}',
  ].join('\n');
  const defaults = 'persistence:\n  enabled: true\n  storageClass:\n  existingClaim: ""\n';
  const check = (file: string, literal = false) => {
    const text = literal ? 'storageClassName: {{ .Values.persistence.storageClass }}' : template;
    const model = buildChartModel(
      new Map([
        ['values.yaml', defaults],
        ['templates/sts.yaml', text],
      ]),
    );
    return checkValuesFile(model, file).map((d) => `${d.severity}:${d.code}`);
  };
  const existing = 'persistence:\n  existingClaim: data-0\n  storageClass: "-"\n';
  assert.deepEqual(check(existing), []);
  assert.deepEqual(check(existing, true), []);
  const off = 'persistence:\n  enabled: false\n  storageClass: ""\n';
  assert.deepEqual(check(off), ['information:helm-values-persistence-off']);
  // The class is used again once the file takes the existing claim back (null deletes it).
  assert.deepEqual(check('persistence:\n  existingClaim: null\n  storageClass: "-"\n'), NOTE);
  assert.deepEqual(check('persistence:\n  existingClaim: ""\n  storageClass: "-"\n'), NOTE);
  // Off by the chart's default, and not turned on by the file (dragonfly's `storage.enabled`).
  const offByDefault = buildChartModel(
    new Map([
      ['values.yaml', 'storage:\n  enabled: false\n  storageClassName: ""\n'],
      ['templates/sts.yaml', 'storageClassName: {{ .Values.storage.storageClassName }}'],
    ]),
  );
  assert.deepEqual(checkValuesFile(offByDefault, 'storage:\n  storageClassName: ""\n'), []);
  const on = checkValuesFile(offByDefault, 'storage:\n  enabled: true\n  storageClassName: ""\n');
  assert.deepEqual(
    on.map((d) => d.code),
    ['helm-values-storage-class-empty'],
  );
});

void test('an empty class in a chart that prints it as it is: no advice to use "-"', () => {
  const model = buildChartModel(
    new Map([
      ['Chart.yaml', 'name: shop\n'],
      ['values.yaml', values],
      ['templates/pvc.yaml', 'storageClassName: {{ .Values.persistence.storageClass }}'],
    ]),
  );
  const [d] = checkValuesFile(model, 'persistence:\n  storageClass: ""\n');
  assert.equal(d?.code, 'helm-values-storage-class-empty');
  assert.match(d.message.en, /^The chart `shop` writes `persistence\.storageClass` into the claim/);
  assert.doesNotMatch(d.message.en, /Use `"-"`/);
  assert.match(
    d.message.ru,
    /^Чарт `shop` записывает `persistence\.storageClass` в заявку как есть/,
  );
  // Where "-" is compared, the usual note stays.
  const handled = buildChartModel(
    new Map([
      ['values.yaml', values],
      [
        'templates/pvc.yaml',
        '{{ if eq "-" .Values.persistence.storageClass }}storageClassName: ""{{ end }}',
      ],
    ]),
  );
  const [usual] = checkValuesFile(handled, 'persistence:\n  storageClass: ""\n');
  assert.match(usual!.message.en, /Use `"-"` to turn dynamic provisioning off/);
});

void test('compared in one template, printed as it is in another: a warning naming the other', () => {
  const model = buildChartModel(
    new Map([
      ['Chart.yaml', 'name: objstore\n'],
      ['values.yaml', values],
      [
        'templates/pvc.yaml',
        [
          '{{- if .Values.persistence.storageClass }}',
          '{{- if eq "-" .Values.persistence.storageClass }}',
          '  storageClassName: ""',
          '{{- else }}',
          '  storageClassName: {{ .Values.persistence.storageClass | quote }}',
          '{{- end }}',
          '{{- end }}',
        ].join('\n'),
      ],
      [
        'templates/statefulset.yaml',
        [
          '{{ $class := .Values.persistence.storageClass }}',
          '  volumeClaimTemplates:',
          '    - spec:',
          '        {{- if $class }}',
          '        storageClassName: {{ $class }}',
          '        {{- end }}',
        ].join('\n'),
      ],
    ]),
  );
  const [d, ...rest] = checkValuesFile(model, dash);
  assert.equal(rest.length, 0);
  assert.equal(`${d?.severity}:${d?.code}`, 'warning:helm-values-storage-class-dash-literal');
  assert.match(d!.message.en, /^The chart `objstore` turns `persistence\.storageClass: "-"`/);
  assert.match(
    d!.message.en,
    /only in some of its templates: in `templates\/statefulset\.yaml`, nothing compares/,
  );
  assert.match(
    d!.message.ru,
    /не во всех своих шаблонах: в `templates\/statefulset\.yaml` значение/,
  );
});

void test('printed as it is only where the same template compares it: the note', () => {
  const template = [
    '{{- if eq "-" .Values.persistence.storageClass }}',
    '  storageClassName: ""',
    '{{- else }}',
    '  storageClassName: {{ .Values.persistence.storageClass }}',
    '{{- end }}',
  ].join('\n');
  // A second template that only tests the value prints nothing into the claim.
  const guard = '{{- if .Values.persistence.storageClass }}# class set{{ end }}';
  assert.deepEqual(codes(template, { 'templates/sts.yaml': guard }), NOTE);
});

void test('"-" made an empty string and printed without quotes: a warning, the claim gets the default class', () => {
  const nullTemplate = [
    'spec:',
    '  {{- with .Values.persistence.storageClass }}',
    '  storageClassName: {{ ternary "" . (eq "-" .) }}',
    '  {{- end }}',
  ].join('\n');
  const model = buildChartModel(
    new Map([
      ['Chart.yaml', 'name: files\n'],
      ['values.yaml', values],
      ['templates/data-pvc.yaml', nullTemplate],
    ]),
  );
  const [d, ...rest] = checkValuesFile(model, dash);
  assert.equal(rest.length, 0);
  assert.equal(`${d?.severity}:${d?.code}`, 'warning:helm-values-storage-class-dash-null');
  assert.match(d!.message.en, /^The chart `files` does not turn `persistence\.storageClass: "-"`/);
  assert.match(d!.message.en, /in `templates\/data-pvc\.yaml`, `-` becomes an empty string/);
  assert.match(d!.message.ru, /YAML читает его как null/);
  // Empty, the class is unset as usual, but "-" is no way out in this chart.
  const [empty] = checkValuesFile(model, 'persistence:\n  storageClass: ""\n');
  assert.equal(empty?.code, 'helm-values-storage-class-empty');
  assert.doesNotMatch(empty.message.en, /Use `"-"`/);
  assert.match(empty.message.en, /`"-"` does not turn dynamic provisioning off either/);
  // Quoted (by `quote` or around the action), the empty string stays a string: the note.
  const quoted = (line: string) =>
    codes(['{{- with .Values.persistence.storageClass }}', line, '{{- end }}'].join('\n'));
  assert.deepEqual(quoted('storageClassName: {{ ternary "" . (eq "-" .) | quote }}'), NOTE);
  assert.deepEqual(quoted('storageClassName: "{{ ternary "" . (eq "-" .) }}"'), NOTE);
});

void test("an object store's class (S3 `STANDARD`) goes into no claim: no note on - or empty", () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'objectStore:\n  s3:\n    storageClass: STANDARD\n'],
      [
        'templates/env.yaml',
        '- name: S3_STORAGE_CLASS\n  value: {{ .Values.objectStore.s3.storageClass | quote }}\n',
      ],
    ]),
  );
  assert.deepEqual(checkValuesFile(model, 'objectStore:\n  s3:\n    storageClass: "-"\n'), []);
  assert.deepEqual(checkValuesFile(model, 'objectStore:\n  s3:\n    storageClass: ""\n'), []);
});
