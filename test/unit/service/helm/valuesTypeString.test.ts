/** A string where the chart's default is a list or map: no type warning when the chart takes one. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';

const defaults = 'extraVolumes: []\nextraMounts: []\nsidecars: []\nlabels: {}\n';
const given = [
  'extraVolumes: |',
  '  - name: cache',
  '    emptyDir: {}',
  'extraMounts: |',
  '  - name: cache',
  '    mountPath: /cache',
  'sidecars: "- name: x"',
  'labels: "tier: db"',
  '',
].join('\n');

function typeWarnings(template: string): string[] {
  const model = buildChartModel(
    new Map([
      ['values.yaml', defaults],
      ['templates/deploy.yaml', template],
    ]),
  );
  return checkValuesFile(model, given)
    .filter((d) => d.code === 'helm-values-type')
    .map((d) => d.message.en.split('`')[1]!);
}

void test('rendered with tpl, or branched on "string": a string is taken', () => {
  const template = [
    '{{- if eq "string" (printf "%T" .Values.extraVolumes) }}',
    '{{ tpl .Values.extraVolumes . | indent 8 }}',
    '{{- else }}',
    '{{ toYaml .Values.extraVolumes | indent 8 }}',
    '{{- end }}',
    '{{- if kindIs "string" .Values.extraMounts }}{{ .Values.extraMounts }}{{ else }}{{ toYaml .Values.extraMounts }}{{ end }}',
    '{{ toYaml .Values.sidecars }}',
    '{{- if kindIs "map" .Values.labels }}{{ toYaml .Values.labels }}{{ end }}',
  ].join('\n');
  // `sidecars` only goes through toYaml, and `labels` is tested for a map only: still warned.
  assert.deepEqual(typeWarnings(template), ['sidecars', 'labels']);
});

void test('tpl of the value turned into YAML first expects the structure: still a warning', () => {
  const template = '{{ tpl (toYaml .Values.extraVolumes) . }}\n{{ toYaml .Values.extraMounts }}';
  assert.deepEqual(typeWarnings(template), ['extraVolumes', 'extraMounts', 'sidecars', 'labels']);
});
