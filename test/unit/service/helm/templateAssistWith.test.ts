import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildChartModel } from '../../../../server/src/service/helm';
import {
  templateCompletion,
  type TemplateSite,
} from '../../../../server/src/service/helm/templateAssist';
import { dotAt } from '../../../../server/src/service/helm/templateUses';

const files = new Map([
  ['Chart.yaml', 'apiVersion: v2\nname: vault\nversion: 1.0.0\n'],
  [
    'values.yaml',
    [
      'persistence:',
      '  # -- Size of the data claim.',
      '  size: 10Gi',
      '  storageClass: ""',
      '  labels:',
      '    tier: data',
      'extraVolumes:',
      '  - name: cache',
      '    size: 1Gi',
      'claims:',
      '  logs:',
      '    size: 2Gi',
      '    mode: ReadWriteOnce',
      '',
    ].join('\n'),
  ],
]);

function site(text: string, tied: TemplateSite['tied'] = []): TemplateSite {
  return {
    model: buildChartModel(files),
    files,
    chartUri: 'file:///charts/vault/',
    file: 'templates/pvc.yaml',
    text,
    tied,
  };
}

/** Completion labels at the `|` of the text (the marker is taken out). */
function labelsAt(text: string, tied: TemplateSite['tied'] = []): string[] {
  const at = text.indexOf('|');
  const clean = text.slice(0, at) + text.slice(at + 1);
  const before = clean.slice(0, at).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1]!.length };
  return (templateCompletion(site(clean, tied), position, 'en') ?? []).map((i) => i.label);
}

describe('completion relative to with and range blocks', () => {
  it('inside with .Values.persistence, . offers the keys of persistence', () => {
    const text = '{{- with .Values.persistence }}\nsize: {{ .| }}\n{{- end }}\n';
    assert.deepEqual(labelsAt(text), ['size', 'storageClass', 'labels']);
  });

  it('down a field of the with value, and keys only a tied values file has', () => {
    const text = '{{- with .Values.persistence }}\n{{ .labels.| }}\n{{- end }}\n';
    const tied = [
      { uri: 'file:///my.yaml', label: 'my.yaml', text: 'persistence:\n  labels:\n    team: db\n' },
    ];
    assert.deepEqual(labelsAt(text, tied), ['tier', 'team']);
  });

  it('$.Values and .Values still start at the root; after end, . is the root again', () => {
    const inside = '{{- with .Values.persistence }}\n{{ $.Values.| }}\n{{- end }}\n';
    assert.deepEqual(labelsAt(inside), ['persistence', 'extraVolumes', 'claims']);
    const after = '{{- with .Values.persistence }}\n{{- end }}\n{{ .| }}\n';
    const labels = labelsAt(after);
    assert.ok(labels.includes('Values') && labels.includes('Release'), labels.join());
  });

  it('nested with blocks and else with', () => {
    const nested = '{{ with .Values.persistence }}{{ with .labels }}{{ .| }}{{ end }}{{ end }}';
    assert.deepEqual(labelsAt(nested), ['tier']);
    const other =
      '{{ with .Values.nothing }}x{{ else with .Values.persistence }}{{ .s| }}{{ end }}';
    assert.deepEqual(labelsAt(other), ['size', 'storageClass', 'labels']);
  });

  it('inside range over a list or a map, . offers the keys of its items', () => {
    assert.deepEqual(labelsAt('{{ range .Values.extraVolumes }}{{ .| }}{{ end }}'), [
      'name',
      'size',
    ]);
    assert.deepEqual(labelsAt('{{ range .Values.claims }}{{ .| }}{{ end }}'), ['size', 'mode']);
  });

  it('dotAt: the action being typed does not count, nor a range with variables', () => {
    const text = '{{ with .Values.persistence }}{{ with .labels }}';
    assert.deepEqual(dotAt(text, text.length), { kind: 'values', path: ['persistence', 'labels'] });
    assert.deepEqual(dotAt(text, 31), { kind: 'values', path: ['persistence'] });
    assert.deepEqual(dotAt('{{ range $k, $v := .Values.claims }}', 40), { kind: 'unknown' });
  });
});
