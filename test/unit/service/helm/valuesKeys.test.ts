/** Keys the chart knows: dynamic `index` keys, files/ templates, class-key spellings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

const unknown = (model: ReturnType<typeof buildChartModel>, text: string) =>
  checkValuesFile(model, text).map(
    (d) => `${d.range.start.line + 1}:${d.code}:${String(d.data?.suggestion)}`,
  );

void test('a dynamic `index` key frees `server.<any>.config`, not the whole of `server`', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'server:\n  persistence:\n    size: 10Gi\n  standalone:\n    config: {}\n'],
      [
        'templates/_helpers.tpl',
        '{{- define "c" -}}{{- $config := (index .Values.server .mode).config -}}{{ toYaml $config }}{{- end -}}',
      ],
      ['templates/sts.yaml', 'size: {{ .Values.server.persistence.size }}\n'],
    ]),
  );
  assert.deepEqual(
    unknown(model, 'server:\n  persistance: {}\n  standalone:\n    config:\n      anything: 1\n'),
    ['2:helm-values-unknown-key:persistence'],
  );
});

void test('values read by files/ templates rendered with tpl are known; `include "x" .` passes', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'pvc:\n  size: 10Gi\n  storageClassName: null\n'],
      ['templates/sts.yaml', '{{ tpl (.Files.Get "files/pvc.yaml") . }}\n'],
      [
        'files/pvc.yaml',
        '{{- with .Values.pvc }}\n{{ include "patch" (merge (dict "a" 1) .) }}\nstorage: {{ .size }}\n{{- end }}\n',
      ],
    ]),
  );
  assert.deepEqual(unknown(model, 'pvc:\n  sise: 5Gi\n  storageClass: fast\n'), [
    '2:helm-values-unknown-key:size',
    '3:helm-values-unknown-key:storageClassName',
  ]);
});

void test('`storageClass` where the chart reads `className`: did you mean', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'storage:\n  requestedSize: 1Gi\n  className: null\n'],
      ['templates/pvc.yaml', 'storageClassName: {{ .Values.storage.className }}\n'],
    ]),
  );
  assert.deepEqual(unknown(model, 'storage:\n  storageClass: fast\n  sizee: 1\n'), [
    '2:helm-values-unknown-key:className',
    '3:helm-values-unknown-key:undefined',
  ]);
});

void test('a YAML flow map as a key (a commented `{{ }}` example) prints no warning', () => {
  const warnings: unknown[] = [];
  const saved = process.emitWarning;
  process.emitWarning = ((w: unknown) => warnings.push(w)) as typeof process.emitWarning;
  try {
    const model = buildChartModel(
      new Map([
        ['values.yaml', 'gid: 1000\nsecurityContext: {}\n  # runAsGroup: {{ .Values.gid }}\n'],
      ]),
    );
    checkValuesFile(model, 'a:\n  {{ .Values.gid }}: 1\n');
  } finally {
    process.emitWarning = saved;
  }
  assert.deepEqual(warnings, []);
});

void test('a map the template prints whole through `or` takes any key', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'pipeline:\n  workers: 2\nreplicas: 1\n'],
      [
        'templates/shipper.yaml',
        '{{- $pipeline := or ((.Values.spec).pipeline) (.Values.pipeline) }}\n{{- with $pipeline }}\npipeline:\n  {{- toYaml . | nindent 2 }}\n{{- end }}\nreplicas: {{ .Values.replicas }}\n',
      ],
    ]),
  );
  assert.deepEqual(unknown(model, 'pipeline:\n  batch.size: 10\n  workers: 4\n'), []);
});
