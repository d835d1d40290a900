/** Telling Helm templates from manifests that only carry `{{` in their strings. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { hasTemplateActions } from '../../../../server/src/service/parse/helm';

const prometheusRules = `apiVersion: v1
kind: ConfigMap
metadata:
  name: alert-rules
data:
  rules.yaml: |
    groups:
      - name: storage
        rules:
          - alert: VolumeAlmostFull
            annotations:
              summary: "{{ $labels.persistentvolumeclaim }} is {{ $value | humanizePercentage }} full"
  slack.tmpl: |
    {{ define "slack.title" }}{{ .CommonLabels.alertname }}{{ end }}
    {{ range .Alerts }}{{ template "slack.title" . }}{{ end }}
`;

void describe('hasTemplateActions', () => {
  void it('is false for manifests whose strings hold Go templates', () => {
    assert.equal(hasTemplateActions(prometheusRules), false);
    assert.equal(hasTemplateActions('message: "{{ .Labels.instance }} down"\n'), false);
    assert.equal(hasTemplateActions('a: 1\n'), false);
  });

  void it('is true for Helm templates', () => {
    for (const text of [
      'metadata:\n  name: {{ .Release.Name }}-data\n',
      '{{- if .Values.persistence.enabled }}\nkind: PersistentVolumeClaim\n{{- end }}\n',
      'spec:\n  storageClassName: "{{ $.Values.storageClass }}"\n',
      'metadata:\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n',
      'data:\n  {{- toYaml .Values.data | nindent 2 }}\n',
      '{{ define "x" }}{{ end }}\n',
    ]) {
      assert.equal(hasTemplateActions(text), true, text);
    }
  });

  void it("is false for helm's output whose script comments show actions to write", () => {
    const script = [
      'kind: ConfigMap',
      'data:',
      '  rotate.sh: |',
      '    # worker:',
      '    #   extraVolumes: |',
      '    #     - name: rotate',
      '    #       configMap:',
      '    #         name: {{ include "shop.fullname" . }}-rotate',
      '    #   logDir: {{ .Values.worker.logDir }}',
      '    logrotate /etc/logrotate.conf',
      '',
    ].join('\n');
    assert.equal(hasTemplateActions(script), false);
    const template = `${script}  owner: {{ .Values.owner | quote }}\n`;
    assert.equal(hasTemplateActions(template), true, 'an action outside the comments');
    const longComment = `  # ${'y'.repeat(300)} {{ .Values.z }}\n`;
    assert.equal(hasTemplateActions(longComment), true, 'a line start too far back to read');
  });

  void it('stays linear on many unclosed actions', () => {
    assert.equal(hasTemplateActions('x: "' + '{{ a '.repeat(100000)), false);
    assert.equal(hasTemplateActions('x: "' + '{{ a '.repeat(100000) + '{{ .Values.x }}'), true);
  });

  void it('a manifest with alert rules keeps its objects and their checks', () => {
    const service = getLanguageService();
    const uri = 'file:///w/monitoring.yaml';
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      volumeMounts:\n        - name: data\n          mountPath: /data\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: missing\n';
    service.setFile(uri, `${prometheusRules}---\n${pod}`);
    const file = service.workspace.getFile(uri)!;
    assert.equal(file.template, false);
    assert.deepEqual(
      file.objects().map((o) => [o.kind, o.name, o.template]),
      [
        ['ConfigMap', 'alert-rules', false],
        ['Pod', 'app', false],
      ],
    );
    assert.ok(service.getDiagnostics(uri).some((d) => d.code === 'claim-not-found'));
  });
});
