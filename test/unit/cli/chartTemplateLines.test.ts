/** Rendered findings the CLI places on a template line: the same problem there is said once. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { realTool } from '../../support/tools';
import { makeTempDir } from '../../support/tempDir';

const helm = realTool('helm');

interface Report {
  files: {
    file: string;
    diagnostics: { code: string; message: string; range: { start: { line: number } } }[];
  }[];
}

describe('kube-storage lint --chart: findings on template lines', { skip: helm.missing }, () => {
  it('lint: one template line that loops wrote for several claims is one finding there', async () => {
    const chart = join(makeTempDir('ks-cli-loop-'), 'archive');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: archive\nversion: 0.1.0\n');
    writeFileSync(join(chart, 'values.yaml'), 'roles: [primary, replica]\n');
    const sts = [
      '{{- range $role := .Values.roles }}',
      '---',
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: archive-{{ $role }}',
      'spec:',
      '  serviceName: archive-{{ $role }}',
      '  selector: {matchLabels: {role: {{ $role }}}}',
      '  template:',
      '    metadata: {labels: {role: {{ $role }}}}',
      '    spec:',
      '      containers:',
      '        - name: db',
      '          image: busybox',
      '          volumeMounts:',
      '            {{- range $i := until 2 }}',
      '            - {name: disk{{ $i }}, mountPath: /data{{ $i }}}',
      '            {{- end }}',
      '  volumeClaimTemplates:',
      '    {{- range $i := until 2 }}',
      '    - metadata: {name: disk{{ $i }}}',
      '      spec:',
      '        accessModes: [ReadWriteOnce]',
      '        storageClassName: tape-tier',
      '        resources: {requests: {storage: 1Gi}}',
      '    {{- end }}',
      '{{- end }}',
    ];
    writeFileSync(join(chart, 'templates', 'sts.yaml'), sts.join('\n') + '\n');
    const { out } = await run(['lint', '--chart', chart, '--helm', helm.path!, '--format', 'json']);
    const report = JSON.parse(out) as Report;
    const found = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.code === 'storage-class-not-found').map((d) => ({ f, d })),
    );
    assert.equal(found.length, 1, out);
    assert.ok(found[0]!.f.file.endsWith(join('templates', 'sts.yaml')), out);
    assert.equal(found[0]!.d.range.start.line, 24);
    assert.match(found[0]!.d.message, /\(StatefulSet archive-primary and one more object; /);
  });
});
