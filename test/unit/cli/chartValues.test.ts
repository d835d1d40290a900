import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { realTool } from '../../support/tools';
import { makeTempDir } from '../../support/tempDir';

const helm = realTool('helm');
const ledger = resolve(__dirname, '../../fixtures/helm-render/ledger');

/** A values file for the ledger chart; line 6 has the typo `sise` under `persistence`. */
const TYPO = [
  'auth:',
  '  password: s3cret',
  'persistence:',
  '  enabled: true',
  '  accessModes: [ReadWriteOnce]',
  '  sise: 10Gi',
  '',
].join('\n');

function valuesFile(text: string, name = 'my-values.yaml'): { dir: string; path: string } {
  const dir = makeTempDir('ks-cli-chart-values-');
  const path = join(dir, name);
  writeFileSync(path, text);
  return { dir, path };
}

interface JsonReport {
  files: {
    file: string;
    diagnostics: {
      code: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number } };
      rendered?: unknown;
    }[];
  }[];
  summary: { errors: number; warnings: number };
}

describe('kube-storage lint --chart: the values files are checked', { skip: helm.missing }, () => {
  const lint = (...args: string[]) =>
    run(['lint', '--chart', ledger, '--helm', helm.path!, ...args]);

  it('a typo under persistence is reported on its line with the suggestion (text, exit 0)', async () => {
    const { path } = valuesFile(TYPO);
    const { code, out } = await lint('-f', path);
    assert.equal(code, 0, out);
    const lines = out.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, -1), [
      `${path}:6:3: warning [helm-values-unknown-key] The chart “ledger” has no value “persistence.sise”; Helm ignores it silently. Did you mean “size”?`,
    ]);
    assert.match(lines.at(-1)!, /: 0 error\(s\), 1 warning\(s\)\.$/);
    const ru = await lint('-f', path, '--lang', 'ru');
    assert.match(
      ru.out,
      /my-values\.yaml:6:3: предупреждение \[helm-values-unknown-key\] В чарте «ledger» нет значения «persistence\.sise»: Helm его молча проигнорирует\. Возможно, имелось в виду «size»\?/,
    );
    assert.match(ru.out, /ошибок: 0, предупреждений: 1\.\n$/);
  });

  it('JSON and SARIF place it in the values file with its range', async () => {
    const { path } = valuesFile(TYPO);
    const json = JSON.parse((await lint('-f', path, '--format', 'json')).out) as JsonReport;
    assert.deepEqual(
      json.files.map((f) => f.file),
      [path],
    );
    const [d] = json.files[0]!.diagnostics;
    assert.equal(json.files[0]!.diagnostics.length, 1);
    assert.equal(d!.code, 'helm-values-unknown-key');
    assert.equal(d!.severity, 'warning');
    assert.deepEqual(d!.range, {
      start: { line: 5, character: 2 },
      end: { line: 5, character: 6 },
    });
    assert.equal(
      d!.message,
      'The chart `ledger` has no value `persistence.sise`; Helm ignores it silently. Did you mean `size`?',
    );
    assert.equal(d!.rendered, undefined);
    assert.deepEqual(json.summary, { errors: 0, warnings: 1 });

    const sarif = JSON.parse((await lint('-f', path, '--format', 'sarif')).out) as {
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }[];
        }[];
      }[];
    };
    const [result] = sarif.runs[0]!.results;
    assert.equal(result!.ruleId, 'helm-values-unknown-key');
    assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, path);
    assert.deepEqual(result!.locations[0]!.physicalLocation.region, {
      startLine: 6,
      startColumn: 3,
      endLine: 6,
      endColumn: 7,
    });
  });

  it('--rule and suppression comments apply: an error fails the run, off drops it', async () => {
    const { dir, path } = valuesFile(TYPO);
    const asError = await lint('-f', path, '--rule', 'helm-values-unknown-key=error');
    assert.equal(asError.code, 1, asError.out);
    assert.match(asError.out, /my-values\.yaml:6:3: error \[helm-values-unknown-key\]/);
    assert.match(asError.out, /: 1 error\(s\), 0 warning\(s\)\.\n$/);

    const off = await lint('-f', path, '--rule', 'helm-values-unknown-key=off');
    assert.equal(off.code, 0);
    assert.doesNotMatch(off.out, /helm-values-unknown-key/);

    const settings = join(dir, 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify({ 'kubeStorage.rules.severity': { 'helm-values-unknown-key': 'error' } }),
    );
    assert.equal((await lint('-f', path, '--settings', settings)).code, 1);

    const { path: quiet } = valuesFile(
      TYPO.replace(
        '  sise:',
        '  # kube-storage-disable-next-line helm-values-unknown-key\n  sise:',
      ),
    );
    assert.doesNotMatch((await lint('-f', quiet)).out, /helm-values-unknown-key/);
  });

  it('a clean values file adds nothing', async () => {
    const { path } = valuesFile('auth:\n  password: s3cret\npersistence:\n  size: 1Gi\n');
    const { code, out } = await lint('-f', path);
    assert.equal(code, 0);
    assert.equal(
      out,
      '5 file(s) checked (chart “ledger”: 3 rendered template(s), 2 values file(s)): 0 error(s), 0 warning(s).\n',
    );
    const json = JSON.parse((await lint('-f', path, '--format', 'json')).out) as JsonReport;
    assert.deepEqual(json.files, []);
  });

  it('a finding is reported once: traced from the render, and the file also given to lint', async () => {
    const { path } = valuesFile(TYPO.replace('  sise: 10Gi', '  sise: 10Gi\n  size: 10GB'));
    for (const extra of [[], [path]]) {
      const { code, out } = await run([
        'lint',
        ...extra,
        '--chart',
        ledger,
        '-f',
        path,
        '--helm',
        helm.path!,
        '--format',
        'json',
      ]);
      assert.equal(code, 1, out);
      const json = JSON.parse(out) as JsonReport;
      assert.equal(json.files.length, 1, out);
      const found = json.files[0]!.diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
      // In the order of the file: the typo, then the size helm rendered into the claim.
      assert.deepEqual(found, ['5:helm-values-unknown-key', '6:invalid-quantity']);
      assert.deepEqual(json.summary, { errors: 1, warnings: 1 });
    }
  });

  it('every -f file is checked, in the order given; the output is the same run after run', async () => {
    const { dir, path } = valuesFile(TYPO);
    const second = join(dir, 'b-values.yaml');
    writeFileSync(second, 'persistance:\n  enabled: false\n');
    const args = ['-f', path, '-f', second];
    const first = await lint(...args);
    assert.deepEqual(
      first.out
        .trimEnd()
        .split('\n')
        .slice(0, -1)
        .map((l) => l.replace(dir, '<dir>').replace(/ The chart.*/, '')),
      [
        '<dir>/my-values.yaml:6:3: warning [helm-values-unknown-key]',
        '<dir>/b-values.yaml:1:1: warning [helm-values-unknown-key]',
      ],
    );
    assert.match(
      first.out,
      /“persistance”; Helm ignores it silently\. Did you mean “persistence”\?/,
    );
    assert.match(
      first.out,
      /^6 file\(s\) checked .*3 values file\(s\)\): 0 error\(s\), 2 warning/m,
    );
    assert.equal((await lint(...args)).out, first.out);
  });

  it('--set pairs are checked too, reported as --set (the flag’s place), not counted as files', async () => {
    const { code, out } = await lint(
      '--set',
      'auth.password=x',
      '--set',
      'persistance.enabled=true',
      '--set',
      'persistence.enabled=false',
      // Not the simple a.b=value form: left to helm.
      '--set',
      'image.tag=2.4.1,persistance.size=1Gi',
    );
    // (The chart itself mounts a volume it lacks with persistence off: a finding on its template.)
    assert.equal(code, 1, out);
    const lines = out.trimEnd().split('\n');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('--set')),
      [
        '--set:2:1: warning [helm-values-unknown-key] The chart “ledger” has no value “persistance”; Helm ignores it silently. Did you mean “persistence”?',
        '--set:3:1: information [helm-values-persistence-off] Persistence is off: the chart creates no PersistentVolumeClaim for the data. Usually the data then lives in a volume that does not outlive the pod (an “emptyDir”) and is lost when the pod is deleted or moved to another node; some charts put it on the node (“hostPath”) or leave it in the container, where even a restart loses it.',
      ],
    );
    assert.match(lines.at(-1)!, /^4 file\(s\) checked .*: 1 error\(s\), 1 warning\(s\)\.$/);
    const json = JSON.parse(
      (
        await lint(
          '--set',
          'auth.password=x',
          '--set',
          'persistance.enabled=true',
          '--format',
          'json',
        )
      ).out,
    ) as JsonReport;
    assert.deepEqual(
      json.files.map((f) => [f.file, f.diagnostics.map((d) => d.range)]),
      [['--set', [{ start: { line: 1, character: 0 }, end: { line: 1, character: 24 } }]]],
    );
  });

  it('the values are checked when helm fails too (the typo may be why)', async () => {
    const { path } = valuesFile('persistence:\n  sise: 1Gi\n');
    const { code, out } = await lint('-f', path);
    assert.equal(code, 1);
    assert.match(out, /my-values\.yaml:1:1: error \[helm-render-failed\]/);
    assert.match(
      out,
      /my-values\.yaml:2:3: warning \[helm-values-unknown-key\].*Did you mean “size”\?/,
    );
  });

  it('the chart’s values.schema.json: checked per file with one values file, left to helm with more', async () => {
    const chart = makeTempDir('ks-cli-schema-chart-');
    mkdirSync(join(chart, 'templates'));
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: vault\nversion: 0.1.0\n');
    writeFileSync(join(chart, 'values.yaml'), 'password: ""\nsize: 1Gi\n');
    writeFileSync(
      join(chart, 'values.schema.json'),
      JSON.stringify({
        type: 'object',
        required: ['password'],
        properties: { password: { type: 'string', minLength: 1 }, size: { type: 'string' } },
      }),
    );
    writeFileSync(
      join(chart, 'templates', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  p: {{ .Values.password | quote }}\n  s: {{ .Values.size | quote }}\n',
    );
    const { dir, path } = valuesFile('size: 2Gi\n');
    const secret = join(dir, 'secret.yaml');
    writeFileSync(secret, 'password: s3cret\n');
    const two = await run([
      'lint',
      '--chart',
      chart,
      '-f',
      path,
      '-f',
      secret,
      '--helm',
      helm.path!,
    ]);
    assert.equal(two.code, 0, two.out);
    assert.doesNotMatch(two.out, /helm-values-schema/);
    const one = await run(['lint', '--chart', chart, '-f', secret, '--helm', helm.path!]);
    assert.equal(one.code, 0, one.out);
    writeFileSync(secret, 'password: s3cret\nsize: 10\n');
    const bad = await run(['lint', '--chart', chart, '-f', secret, '--helm', helm.path!]);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, /secret\.yaml:2:1: error \[helm-values-schema\] “size”/);
  });
});
