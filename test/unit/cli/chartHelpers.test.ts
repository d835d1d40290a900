/**
 * `lint --chart` and `values` on small charts written like the third-party ones that showed each
 * case: values read inside `with`, a helper's `(index .Values.server .mode).config`, helm's own
 * schema failure, a chart that never handles a class of "-".
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { realTool } from '../../support/tools';
import { makeTempDir } from '../../support/tempDir';

const helm = realTool('helm');

/** A chart folder with these files, and the values file `my.yaml` next to it. */
function chart(files: Record<string, string>, values: string): { dir: string; values: string } {
  const root = makeTempDir('ks-cli-helpers-');
  const dir = join(root, 'chart');
  const all = { 'Chart.yaml': 'apiVersion: v2\nname: db\nversion: 0.1.0\n', ...files };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(root, 'my.yaml'), values);
  return { dir, values: join(root, 'my.yaml') };
}

const STS = (claim: string) =>
  [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: {{ .Release.Name }}',
    'spec:',
    '  serviceName: {{ .Release.Name }}',
    '  selector:',
    '    matchLabels: {app: db}',
    '  template:',
    '    metadata:',
    '      labels: {app: db}',
    '    spec:',
    '      containers:',
    '        - name: db',
    '          image: postgres:16',
    '          volumeMounts:',
    '            - name: data',
    '              mountPath: /var/lib/postgresql/data',
    claim,
  ].join('\n');

interface Finding {
  code: string;
  severity: string;
  range: { start: { line: number } };
  rendered?: { values: { path: string; line: number | null }[] };
}

async function lintJson(dir: string, values: string): Promise<Map<string, Finding[]>> {
  const { out } = await run([
    'lint',
    '--chart',
    dir,
    '-f',
    values,
    '--helm',
    helm.path!,
    '--format',
    'json',
  ]);
  const report = JSON.parse(out) as { files: { file: string; diagnostics: Finding[] }[] };
  return new Map(report.files.map((f) => [f.file.replace(/^.*\//, ''), f.diagnostics]));
}

describe('lint --chart on helpers of third-party charts', { skip: helm.missing }, () => {
  it('values read inside `with .Values.storage` are traced to the values file', async () => {
    const { dir, values } = chart(
      {
        'values.yaml': 'storage:\n  requestedSize: 1Gi\n  className:\n',
        'templates/sts.yaml': STS(
          '{{- with .Values.storage }}\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        {{- if .className }}\n        storageClassName: {{ .className }}\n        {{- end }}\n        resources:\n          requests:\n            storage: {{ .requestedSize }}\n{{- end }}\n',
        ),
      },
      'storage:\n  className: standard\n  requestedSize: "5"\n',
    );
    const found = (await lintJson(dir, values)).get('my.yaml') ?? [];
    const byCode = new Map(found.map((d) => [d.code, d]));
    assert.equal(byCode.get('storage-class-not-found')?.range.start.line, 1);
    assert.equal(byCode.get('storage-size-without-unit')?.range.start.line, 2);
    const traced = byCode.get('storage-size-without-unit')?.rendered?.values[0];
    assert.deepEqual([traced?.path, traced?.line], ['storage.requestedSize', 2]);
  });

  it('`(index .Values.server .mode).config` leaves the rest of `server` checked and traced', async () => {
    const files = {
      'values.yaml': 'server:\n  persistence:\n    size: 10Gi\n  standalone:\n    config: "x"\n',
      'templates/_helpers.tpl':
        '{{- define "db.config" -}}\n{{- $config := (index .Values.server .mode).config -}}\n{{ tpl $config . }}\n{{- end -}}\n',
      'templates/cm.yaml':
        '{{- $_ := set . "mode" "standalone" }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  config: {{ include "db.config" . | quote }}\n',
      'templates/sts.yaml': STS(
        '  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: {{ .Values.server.persistence.size }}\n',
      ),
    };
    const { dir, values } = chart(files, 'server:\n  persistence:\n    size: "7"\n    sise: 5Gi\n');
    const found = (await lintJson(dir, values)).get('my.yaml') ?? [];
    assert.deepEqual(
      found.map((d) => `${d.range.start.line}:${d.code}`),
      ['2:storage-size-without-unit', '3:helm-values-unknown-key'],
    );
  });

  it("helm's schema failure is not reported again next to helm-values-schema", async () => {
    const { dir, values } = chart(
      {
        'values.yaml': 'persistence:\n  size: 1Gi\n',
        'values.schema.json':
          '{"type":"object","properties":{"persistence":{"type":"object","properties":{"size":{"type":"string"}}}}}',
        'templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  size: {{ .Values.persistence.size | quote }}\n',
      },
      '# mine\npersistence:\n  size: 5\n',
    );
    const found = (await lintJson(dir, values)).get('my.yaml') ?? [];
    assert.deepEqual(
      found.map((d) => `${d.range.start.line}:${d.code}`),
      ['2:helm-values-schema'],
    );
  });
});

describe('values: a class of "-" in a chart that writes it as it is', () => {
  it('is a warning that the chart passes "-" through, not the storageClassName "" note', async () => {
    const { dir, values } = chart(
      {
        'values.yaml': 'storage:\n  className:\n',
        'templates/sts.yaml': STS(
          '  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        {{- if .Values.storage.className }}\n        storageClassName: {{ .Values.storage.className | quote }}\n        {{- end }}\n',
        ),
      },
      'storage:\n  className: "-"\n',
    );
    const { out } = await run(['values', dir, '-f', values, '--format', 'json', '--lang', 'ru']);
    const report = JSON.parse(out) as {
      diagnostics: { code: string; severity: string; message: string }[];
    };
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.severity}:${d.code}`),
      ['warning:helm-values-storage-class-dash-literal'],
    );
    assert.match(
      report.diagnostics[0]!.message,
      /^Чарт `db` не придаёт `storage\.className: "-"` особого смысла/,
    );
  });
});
