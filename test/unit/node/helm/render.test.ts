import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { HelmRenderer, type RenderRequest } from '../../../../server/src/node/helm/render';
import { runHelmProcess, offlineEnvironment } from '../../../../server/src/node/helm/process';
import { traceFields, traceFindings } from '../../../../server/src/node/helm/trace';
import { defaultDiagnosticSettings, getLanguageService } from '../../../../server/src/service';
import { kubernetesVersion } from '../../../../server/src/service/schema/registry';
import { realTool } from '../../../support/tools';
import { makeTempDir } from '../../../support/tempDir';

const helm = realTool('helm');
const fixtures = resolve(__dirname, '../../../fixtures/helm-render');
const ledger = join(fixtures, 'ledger');

function valuesFile(text: string): string {
  const dir = makeTempDir('ks-render-');
  const path = join(dir, 'my-values.yaml');
  writeFileSync(path, text);
  return path;
}

/** A helm that counts its runs (a script in front of the real one). */
function countingHelm(): { helmPath: string; runs: () => number } {
  const dir = makeTempDir('ks-helm-count-');
  const log = join(dir, 'runs');
  writeFileSync(log, '');
  const helmPath = join(dir, 'helm');
  writeFileSync(helmPath, `#!/bin/sh\necho run >> '${log}'\nexec '${helm.path}' "$@"\n`, {
    mode: 0o755,
  });
  return { helmPath, runs: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
}

function request(overrides: Partial<RenderRequest>): RenderRequest {
  return {
    helmPath: helm.path ?? 'helm',
    trusted: true,
    chart: ledger,
    values: [],
    set: [],
    release: 'books',
    namespace: 'accounting',
    ...overrides,
  };
}

/** The traced findings of a render (to values by a render with markers when one is needed). */
async function traced(outcome: Awaited<ReturnType<HelmRenderer['render']>>) {
  const service = getLanguageService();
  assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problem));
  service.setRendered(outcome.subject, outcome.output);
  await traceFindings(service, outcome.subject.key, outcome, defaultDiagnosticSettings);
  return service.tracedFindings(outcome.subject.key);
}

describe('rendering a chart with the real helm', { skip: helm.missing }, () => {
  it('renders the chart with the values file, --set, the release and the namespace', async () => {
    const values = valuesFile('auth:\n  password: s3cret\nreplicaCount: 2\n');
    const outcome = await new HelmRenderer().render(
      request({ values: [{ path: values }], set: ['wal.size=3Gi'] }),
    );
    assert.ok(outcome.ok);
    assert.match(outcome.output, /# Source: ledger\/templates\/statefulset\.yaml/);
    assert.match(outcome.output, /name: books-ledger\n/);
    assert.match(outcome.output, /replicas: 2\n/);
    assert.match(outcome.output, /storage: "3Gi"/);
    // helm template prints no namespace; the install would put the objects there.
    assert.match(outcome.output, /kind: StatefulSet\nmetadata:\n {2}namespace: accounting\n/);
  });

  it('tells helm the cluster serves the kinds of the Kubernetes version the checks follow', async () => {
    const chart = makeTempDir('ks-capabilities-');
    mkdirSync(join(chart, 'templates'));
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: rotator\nversion: 0.1.0\n');
    writeFileSync(
      join(chart, 'templates', 'cronjob.yaml'),
      [
        '{{- if .Capabilities.APIVersions.Has "batch/v1/CronJob" }}',
        'apiVersion: batch/v1',
        '{{- else }}',
        'apiVersion: batch/v1beta1',
        '{{- end }}',
        'kind: CronJob',
        'metadata:',
        '  name: rotate',
        '  annotations:',
        '    kube: {{ .Capabilities.KubeVersion.Version | quote }}',
        '    snapshots: {{ .Capabilities.APIVersions.Has "snapshot.storage.k8s.io/v1/VolumeSnapshot" | quote }}',
        '',
      ].join('\n'),
    );
    const outcome = await new HelmRenderer().render(request({ chart }));
    assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problem));
    assert.match(outcome.output, /^apiVersion: batch\/v1$/m);
    assert.match(
      outcome.output,
      new RegExp(`kube: "v${kubernetesVersion.replace('.', '\\.')}\\.0"`),
    );
    // The snapshot kinds come from CRDs a cluster may not have.
    assert.match(outcome.output, /snapshots: "false"/);
  });

  it('uses the unsaved text of a values file, not the copy on disk', async () => {
    const values = valuesFile('auth:\n  password: s3cret\n');
    const outcome = await new HelmRenderer().render(
      request({ values: [{ path: values, text: 'auth:\n  password: x\nreplicaCount: 5\n' }] }),
    );
    assert.ok(outcome.ok);
    assert.match(outcome.output, /replicas: 5\n/);
  });

  it('several values files merge like helm -f a -f b: later wins, null removes a default', async () => {
    const base = valuesFile('auth:\n  password: s3cret\npersistence:\n  size: 4Gi\n');
    const prod = valuesFile('persistence:\n  size: 40GB\nresources: null\n');
    const outcome = await new HelmRenderer().render(
      request({ values: [{ path: base }, { path: prod }] }),
    );
    assert.ok(outcome.ok);
    assert.match(outcome.output, /storage: "40GB"/);
    assert.doesNotMatch(outcome.output, /cpu: 250m/);
    const size = (await traced(outcome)).find((f) => f.original.code === 'invalid-quantity');
    assert.deepEqual(
      size?.trace.values.map((v) => `${v.layer}:${v.range.start.line}`),
      ['2:1'],
      'traced to the second file, the one helm used',
    );
  });

  it('a values file that is not YAML: helm is not run, the error is on the file', async () => {
    const values = valuesFile('persistence:\n  size: [10Gi\n');
    const outcome = await new HelmRenderer().render(
      request({ helmPath: '/nonexistent/bin/helm', values: [{ path: values }] }),
    );
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'helm-render-failed');
    assert.equal(outcome.problem.valueSite?.layer, 1);
    assert.match(outcome.problem.message.en, /cannot read the values file my-values\.yaml/);
  });

  it('caches by chart content and values text', async () => {
    const renderer = new HelmRenderer();
    const values = valuesFile('auth:\n  password: s3cret\n');
    const first = await renderer.render(request({ values: [{ path: values }] }));
    const second = await renderer.render(request({ values: [{ path: values }] }));
    assert.equal(first.cached, false);
    assert.equal(second.cached, true);
    const edited = await renderer.render(
      request({ values: [{ path: values, text: 'auth:\n  password: other\n' }] }),
    );
    assert.equal(edited.cached, false);
  });

  it('renders a packaged .tgz chart', async () => {
    const dir = makeTempDir('ks-render-tgz-');
    execFileSync(helm.path!, ['package', ledger, '--destination', dir], {
      env: offlineEnvironment(),
    });
    const outcome = await new HelmRenderer().render(
      request({ chart: join(dir, 'ledger-0.3.1.tgz'), set: ['auth.password=x'] }),
    );
    assert.ok(outcome.ok);
    assert.match(outcome.output, /kind: StatefulSet/);
    assert.equal(outcome.subject.chartUri, undefined, 'no template files on disk to point at');
  });

  it('a missing required value: helm’s message on the line of the value', async () => {
    const values = valuesFile('# my ledger\nauth:\n  password: ""\n');
    const outcome = await new HelmRenderer().render(
      request({ values: [{ path: values }], primaryUri: pathToFileURL(values).href }),
    );
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'helm-render-failed');
    assert.match(outcome.problem.message.en, /auth\.password is required/);
    assert.match(
      outcome.problem.message.en,
      /`auth\.password` \(used in `templates\/secret\.yaml`, line 9\)/,
    );
    assert.match(outcome.problem.message.ru, /значении `auth\.password`/);
    // The empty value is written in the user's file (layer 1), on its third line.
    assert.equal(outcome.problem.valueSite?.layer, 1);
    assert.equal(outcome.problem.valueSite?.range.start.line, 2);
    const service = getLanguageService();
    service.setRenderFailed(outcome.subject, outcome.problem);
    const onValues = service.renderedFindings(pathToFileURL(values).href);
    assert.deepEqual(
      onValues.map((d) => `${d.range.start.line}:${d.code}:${d.severity}`),
      ['2:helm-render-failed:error'],
    );
    const onTemplate = service.renderedFindings(
      pathToFileURL(join(ledger, 'templates/secret.yaml')).href,
    );
    assert.deepEqual(
      onTemplate.map((d) => d.range.start.line),
      [8],
    );
  });

  it('a required value the values file does not have: on its first line', async () => {
    const values = valuesFile('replicaCount: 1\n');
    const outcome = await new HelmRenderer().render(
      request({ values: [{ path: values }], primaryUri: pathToFileURL(values).href }),
    );
    assert.ok(!outcome.ok);
    const service = getLanguageService();
    service.setRenderFailed(outcome.subject, outcome.problem);
    const onValues = service.renderedFindings(pathToFileURL(values).href);
    assert.deepEqual(
      onValues.map((d) => `${d.range.start.line}:${d.code}`),
      ['0:helm-render-failed'],
    );
  });

  it('a template error names the template line and the value it reads', async () => {
    const outcome = await new HelmRenderer().render(
      request({ chart: join(fixtures, 'broken-template') }),
    );
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'helm-render-failed');
    assert.deepEqual(outcome.problem.template, { path: 'templates/pvc.yaml', line: 8 });
    assert.match(outcome.problem.message.en, /storage\.size\.gibibytes/);
    assert.match(outcome.problem.message.en, /can't evaluate field gibibytes/);
    // The value path goes as far as the chart's values.yaml has it.
    assert.equal(outcome.problem.valueSite?.layer, 0);
    assert.equal(outcome.problem.valueSite?.range.start.line, 1);
  });

  it('a dependency missing from charts/: says to run helm dependency build, fetches nothing', async () => {
    const outcome = await new HelmRenderer().render(
      request({ chart: join(fixtures, 'needs-dependency') }),
    );
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'helm-missing-dependency');
    assert.match(outcome.problem.message.en, /`warehouse-db`.*helm dependency build/);
    assert.match(outcome.problem.message.ru, /`warehouse-db`.*helm dependency build/);
  });

  it('a chart that is not on disk is not rendered (never a repository reference)', async () => {
    const outcome = await new HelmRenderer().render(request({ chart: 'bitnami/postgresql' }));
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'helm-chart-not-local');
  });

  it('a values schema on the web: rendered without validation, said in a note, still traced', async () => {
    const { helmPath, runs } = countingHelm();
    const values = valuesFile(
      'persistence:\n  photos:\n    size: 4Gi\n    mountPath: /photos\ncache:\n  sizeLimit: 2GB\n',
    );
    const outcome = await new HelmRenderer().render(
      request({ helmPath, chart: join(fixtures, 'remote-schema'), values: [{ path: values }] }),
    );
    assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problem));
    assert.equal(runs(), 2, 'once with the validation that fails offline, once without');
    assert.equal(outcome.note?.code, 'helm-schema-not-validated');
    assert.match(outcome.note.message.en, /schemas\.example\.test\/gallery-lib/);
    assert.match(outcome.output, /claimName: books-photos/);
    // The render with markers is made without the validation too: the size is traced to its line.
    const findings = await traced(outcome);
    const size = findings.find((f) => f.diagnostic.code === 'invalid-quantity');
    assert.deepEqual(
      size?.trace.values.map((v) => `${v.path.join('.')}:${v.range.start.line}`),
      ['cache.sizeLimit:5'],
    );
  });

  it('a schema that rejects the values is not skipped', async () => {
    const chart = makeTempDir('ks-render-schema-');
    cpSync(join(fixtures, 'remote-schema'), chart, { recursive: true });
    writeFileSync(
      join(chart, 'values.schema.json'),
      JSON.stringify({ properties: { cache: { properties: { sizeLimit: { type: 'string' } } } } }),
    );
    const outcome = await new HelmRenderer().render(
      request({ chart, values: [{ path: valuesFile('cache:\n  sizeLimit: 2\n') }] }),
    );
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.problem.schemaPaths, [['cache', 'sizeLimit']]);
  });

  it('helm runs with the network unreachable', async () => {
    const env = offlineEnvironment({ NO_PROXY: '*', PATH: '/usr/bin' });
    assert.equal(env.HTTPS_PROXY, 'http://127.0.0.1:9');
    assert.equal(env.NO_PROXY, undefined);
    assert.equal(env.HELM_NO_PLUGINS, '1');
    // A repository reference would need the network: with it unreachable helm fails fast.
    await assert.rejects(
      runHelmProcess(['show', 'chart', 'oci://registry.example.org/charts/ledger'], {
        helmPath: helm.path!,
        trusted: true,
        offline: true,
        timeoutMs: 20_000,
      }),
      (e: Error) => /failed/.test(e.message),
    );
  });
});

describe('rendering without helm or without trust', () => {
  it('no helm binary: a clear warning, not a crash', async () => {
    const outcome = await new HelmRenderer().render(
      request({ helmPath: '/nonexistent/bin/helm', set: ['auth.password=x'] }),
    );
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'helm-not-found');
    assert.equal(outcome.problem.severity, 'warning');
    assert.match(outcome.problem.message.en, /\/nonexistent\/bin\/helm/);
    assert.match(outcome.problem.message.ru, /helm не найден/);
  });

  it('an untrusted workspace: helm is not run', async () => {
    // A helm path that would fail loudly if it were executed.
    const outcome = await new HelmRenderer().render(
      request({ trusted: false, helmPath: '/nonexistent/bin/helm' }),
    );
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.code, 'helm-render-untrusted');
    assert.equal(outcome.problem.severity, 'information');
    await assert.rejects(
      runHelmProcess(['version'], { helmPath: 'helm', trusted: false }),
      /untrusted/,
    );
  });
});

describe('findings on the rendered chart, traced back', { skip: helm.missing }, () => {
  it('a subchart’s, a quoted and an included field go to their template lines and values', async () => {
    const values = valuesFile(
      'persistence:\n  existingClaim: uploads\nlogs:\n  storageClass: slow\ncache:\n  storageClass: fast\n',
    );
    const outcome = await new HelmRenderer().render(
      request({ chart: join(fixtures, 'shop'), values: [{ path: values }] }),
    );
    // The chart's default "ON" stays a string in the render with markers (its schema wants one).
    const findings = await traced(outcome);
    const where = findings
      .filter((f) => f.original.code !== 'claim-not-mounted')
      .map((f) => ({
        code: f.original.code,
        template: `${f.trace.template}:${f.trace.templateLine}`,
        values: f.trace.values.map((v) => `${v.path.join('.')}@${v.range.start.line}`),
      }))
      .sort((a, b) => a.template.localeCompare(b.template));
    assert.deepEqual(where, [
      {
        code: 'storage-class-not-found',
        template: 'charts/cache/templates/statefulset.yaml:29',
        values: ['cache.storageClass@5'],
      },
      {
        code: 'claim-not-found',
        template: 'templates/statefulset.yaml:21',
        values: ['persistence.existingClaim@1'],
      },
      {
        code: 'storage-class-not-found',
        template: 'templates/statefulset.yaml:39',
        values: ['logs.storageClass@3'],
      },
    ]);
  });

  it('each wrong size goes to the value that produced it, not to the one with the same text', async () => {
    // Both sizes are the same wrong text: only the second render tells which claim reads which.
    const values = valuesFile(
      'auth:\n  password: s3cret\npersistence:\n  size: 2GB\nwal:\n  size: 2GB\n',
    );
    const findings = await traced(
      await new HelmRenderer().render(
        request({ values: [{ path: values }], primaryUri: pathToFileURL(values).href }),
      ),
    );
    const sizes = findings
      .filter((f) => f.original.code === 'invalid-quantity')
      .map((f) => ({
        values: f.trace.values.map((v) => `${v.path.join('.')}@${v.range.start.line}`),
        template: `${f.trace.template}:${f.trace.templateLine}`,
      }));
    assert.deepEqual(sizes, [
      { values: ['persistence.size@3'], template: 'templates/statefulset.yaml:62' },
      { values: ['wal.size@5'], template: 'templates/statefulset.yaml:70' },
    ]);
  });

  it('a list item from range goes to its line in the values file and the key line in the template', async () => {
    const values = valuesFile(
      'auth:\n  password: s3cret\npersistence:\n  accessModes:\n    - ReadWriteOnse\n',
    );
    const findings = await traced(
      await new HelmRenderer().render(request({ values: [{ path: values }] })),
    );
    const mode = findings.find((f) => f.original.code === 'invalid-enum');
    assert.ok(mode);
    assert.deepEqual(
      mode.trace.values.map((v) => `${v.path.join('.')}@${v.range.start.line}`),
      ['persistence.accessModes.0@4'],
    );
    assert.equal(mode.trace.templateLine, 53);
    assert.match(
      mode.diagnostic.message.en,
      /^In the rendered chart \(StatefulSet books-ledger; `templates\/statefulset\.yaml`, line 54; value `persistence\.accessModes\[0\]` \(my-values\.yaml, line 5\)\): `ReadWriteOnse`/,
    );
    assert.match(
      mode.diagnostic.message.ru,
      /^В отрендеренном чарте \(StatefulSet books-ledger; `templates\/statefulset\.yaml`, строка 54; значение `persistence\.accessModes\[0\]`/,
    );
  });

  it('a hard-coded field is not traced to a value that happens to have the same text', async () => {
    const values = valuesFile('auth:\n  password: s3cret\n');
    const outcome = await new HelmRenderer().render(request({ values: [{ path: values }] }));
    assert.ok(outcome.ok);
    const service = getLanguageService();
    service.setRendered(outcome.subject, outcome.output);
    const uri = service.renderedUriOf(outcome.subject.key)!;
    const lines = outcome.output.split('\n');
    // Both claim templates say ReadWriteOnce; only the data claim's comes from values.
    const at = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => /^\s+- "?ReadWriteOnce"?$|accessModes: \["ReadWriteOnce"\]/.test(l));
    assert.equal(at.length, 2, lines.join('\n'));
    const field = (i: number) => ({
      start: { line: i, character: lines[i]!.indexOf('ReadWriteOnce') },
      end: { line: i, character: lines[i]!.length },
    });
    // The value with that text is marked: it could explain either field.
    assert.deepEqual(
      service.valuesToMark(outcome.subject.key, [field(at[1]!.i)]).map((v) => v.path.join('.')),
      ['persistence.accessModes.0'],
    );
    assert.ok(
      await traceFields(service, outcome.subject.key, outcome, [field(at[0]!.i), field(at[1]!.i)]),
    );
    const trace = (i: number) =>
      service.traceRange(uri, {
        start: { line: i, character: lines[i]!.search(/\S/) + 2 },
        end: { line: i, character: lines[i]!.length },
      })!.trace;
    assert.deepEqual(
      trace(at[0]!.i).values.map((v) => v.path.join('.')),
      ['persistence.accessModes.0'],
    );
    const wal = at[1]!;
    const walTrace = service.traceRange(uri, {
      start: { line: wal.i, character: lines[wal.i]!.indexOf('ReadWriteOnce') },
      end: { line: wal.i, character: lines[wal.i]!.length },
    })!.trace;
    assert.deepEqual(walTrace.values, []);
    assert.equal(walTrace.templateLine, 67);
  });

  it('no finding: helm runs once; a finding: once more, with markers only on the values that could explain it', async () => {
    const { helmPath, runs } = countingHelm();
    const renderer = new HelmRenderer();
    const clean = await renderer.render(
      request({ helmPath, values: [{ path: valuesFile('auth:\n  password: s3cret\n') }] }),
    );
    const findings = await traced(clean);
    assert.deepEqual(
      findings.map((f) => f.original.code),
      [],
    );
    assert.equal(runs(), 1, 'no render with markers when nothing needs a value');

    const wrongValues = valuesFile('auth:\n  password: s3cret\npersistence:\n  size: 9GB\n');
    const wrong = await renderer.render(request({ helmPath, values: [{ path: wrongValues }] }));
    assert.ok(wrong.ok);
    const asked: string[][] = [];
    const markValues = wrong.markValues.bind(wrong);
    const spy = {
      ...wrong,
      markValues: (leaves: Parameters<typeof markValues>[0]) => {
        asked.push(leaves.map((l) => l.path.join('.')));
        return markValues(leaves);
      },
    };
    const size = (await traced(spy)).find((f) => f.original.code === 'invalid-quantity');
    assert.deepEqual(asked, [['persistence.size']], 'the one value whose text is in the field');
    assert.deepEqual(
      size?.trace.values.map((v) => v.path.join('.')),
      ['persistence.size'],
    );
    assert.equal(runs(), 3);

    // The same values text again: both renders come from the cache.
    const again = await renderer.render(request({ helmPath, values: [{ path: wrongValues }] }));
    assert.equal(again.cached, true);
    await traced(again);
    assert.equal(runs(), 3);
  });

  it('a finding no value could explain (a hard-coded field) needs no second render', async () => {
    const { helmPath, runs } = countingHelm();
    const service = getLanguageService();
    const outcome = await new HelmRenderer().render(
      request({ helmPath, values: [{ path: valuesFile('auth:\n  password: s3cret\n') }] }),
    );
    assert.ok(outcome.ok);
    service.setRendered(outcome.subject, outcome.output);
    const lines = outcome.output.split('\n');
    const fsGroup = lines.findIndex((l) => /fsGroup: 1001/.test(l));
    const range = {
      start: { line: fsGroup, character: lines[fsGroup]!.indexOf('1001') },
      end: { line: fsGroup, character: lines[fsGroup]!.length },
    };
    assert.deepEqual(service.valuesToMark(outcome.subject.key, [range]), []);
    assert.equal(await traceFields(service, outcome.subject.key, outcome, [range]), false);
    assert.equal(runs(), 1);
  });

  it('a number of a values file is traced where helm prints it as a float (replicas: 7.77e+07)', async () => {
    const service = getLanguageService();
    const outcome = await new HelmRenderer().render(
      request({ values: [{ path: valuesFile('auth:\n  password: s3cret\nreplicaCount: 2\n') }] }),
    );
    assert.ok(outcome.ok);
    service.setRendered(outcome.subject, outcome.output);
    const lines = outcome.output.split('\n');
    const at = lines.findIndex((l) => /^ {2}replicas: 2$/.test(l));
    const range = {
      start: { line: at, character: 2 },
      end: { line: at, character: lines[at]!.length },
    };
    assert.ok(await traceFields(service, outcome.subject.key, outcome, [range]));
    const trace = service.traceRange(service.renderedUriOf(outcome.subject.key)!, range);
    assert.deepEqual(
      trace?.trace.values.map((v) => `${v.path.join('.')}@${v.layer}:${v.range.start.line}`),
      ['replicaCount@1:2'],
    );
  });

  it('a rendered claim binds to a volume of the workspace, and the rules see both', async () => {
    const service = getLanguageService();
    service.setFile(
      'file:///ws/backup-pv.yaml',
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: nightly-dumps\nspec:\n  capacity:\n    storage: 50Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: ""\n  nfs:\n    server: nas.example.org\n    path: /dumps\n',
    );
    const outcome = await new HelmRenderer().render(
      request({
        set: ['auth.password=x', 'backup.enabled=true', 'backup.volumeName=nightly-dumps'],
      }),
    );
    assert.ok(outcome.ok);
    service.setRendered(outcome.subject, outcome.output);
    const claim = service.bindings().claims.find((c) => c.name === 'books-ledger-backup');
    assert.equal(claim?.namespace, 'accounting');
    assert.equal(claim?.volume, 'nightly-dumps');
    assert.equal(claim?.outcome, 'bound');
    // The rendered objects are not files the editor could open: no symbol points there.
    assert.deepEqual(
      service.workspaceSymbols('ledger').map((x) => x.uri),
      [],
    );
    assert.ok(service.workspaceSymbols('nightly').length === 1);
  });
});
