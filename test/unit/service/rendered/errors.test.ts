/** What a failed `helm template` becomes: the problem's code and its text in both languages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  remoteSchemaNote,
  remoteSchemaUrl,
  renderProblem,
} from '../../../../server/src/service/rendered/errors';
import { MergedValues } from '../../../../server/src/service/rendered/values';

const noTemplates = new Map<string, string>();

void test('one missing dependency, then several: the sentence agrees in number', () => {
  const one = renderProblem(
    {
      reason: 'failed',
      detail: 'Error: found in Chart.yaml, but missing in charts/ directory: warehouse-db\n',
    },
    undefined,
    noTemplates,
  );
  assert.equal(one.code, 'helm-missing-dependency');
  assert.match(one.message.en, /depends on `warehouse-db`, which is missing/);
  assert.match(one.message.ru, /зависит от `warehouse-db`, а в его папке `charts\/` этого нет/);
  const several = renderProblem(
    {
      reason: 'failed',
      detail: 'Error: found in Chart.yaml, but missing in charts/ directory: warehouse-db, queue\n',
    },
    undefined,
    noTemplates,
  );
  assert.match(several.message.en, /depends on `warehouse-db`, `queue`, which are missing/);
  assert.match(several.message.ru, /`warehouse-db`, `queue`, а в его папке `charts\/` их нет/);
});

void test('helm not found names the editor setting and the command-line flag', () => {
  const missing = renderProblem(
    { reason: 'missing', detail: '/opt/helm/bin/helm' },
    undefined,
    noTemplates,
  );
  assert.equal(missing.code, 'helm-not-found');
  assert.match(
    missing.message.en,
    /`kubeStorage\.helm\.path` in the editor, `--helm` on the command line/,
  );
  assert.match(
    missing.message.ru,
    /`kubeStorage\.helm\.path` в редакторе, `--helm` в командной строке/,
  );
});

void test("helm 4's log lines are not part of the error it reports", () => {
  const problem = renderProblem(
    {
      reason: 'failed',
      detail:
        'level=WARN msg="this chart is deprecated"\nError: execution error at (req/templates/secret.yaml:7:10): A MongoDB URI is required\n',
    },
    undefined,
    new Map([
      ['templates/secret.yaml', 'a\nb\nc\nd\ne\nf\nuri: {{ required "x" .Values.mongodb.uri }}\n'],
    ]),
  );
  assert.doesNotMatch(problem.message.en, /level=WARN|deprecated/);
  assert.match(problem.message.en, /failed on the value `mongodb\.uri`/);
  assert.match(problem.message.ru, /завершился с ошибкой на значении `mongodb\.uri`/);
  assert.deepEqual(problem.template, { path: 'templates/secret.yaml', line: 6 });
});

void test("helm's schema failure goes on the line of the value its JSON pointer names", () => {
  const merged = new MergedValues([
    { kind: 'chart', label: 'values.yaml', text: 'persistence:\n  size: 1Gi\n' },
    { kind: 'file', label: 'my.yaml', text: '# mine\npersistence:\n  size: 5\n' },
  ]);
  const problem = renderProblem(
    {
      reason: 'failed',
      detail:
        "Error: values don't meet the specifications of the schema(s) in the following chart(s):\nsd:\n- at '/persistence/size': got number, want string\n",
    },
    merged,
    noTemplates,
  );
  assert.equal(problem.code, 'helm-render-failed');
  assert.deepEqual(problem.schemaPaths, [['persistence', 'size']]);
  assert.equal(problem.valueSite?.layer, 1);
  assert.equal(problem.valueSite?.range.start.line, 2);
});

void test('a fail after lookup: the message explains that lookup finds nothing offline', () => {
  const stderr =
    'Error: execution error at (vault/templates/cm.yaml:2:64): certificate secret missing\n\nUse --debug flag to render out invalid YAML\n';
  const cm = [
    '{{- $offline := .Values.tls.skipLookup }}',
    '{{- if and (not $offline) (not (lookup "v1" "Secret" .Release.Namespace "cert")) }}{{ fail "certificate secret missing" }}{{ end }}',
    'kind: ConfigMap',
  ].join('\n');
  const problem = renderProblem(
    { reason: 'failed', detail: stderr },
    undefined,
    new Map([['templates/cm.yaml', cm]]),
  );
  assert.equal(problem.code, 'helm-render-failed');
  assert.equal(problem.severity, 'error');
  assert.match(problem.message.en, /certificate secret missing\. The chart looks objects up/);
  assert.match(problem.message.en, /`lookup` finds nothing/);
  assert.match(problem.message.en, /switch for this: `--set tls\.skipLookup=true`\.$/);
  assert.match(problem.message.ru, /`lookup` ничего не находит/);
  assert.match(problem.message.ru, /переключатель: `--set tls\.skipLookup=true`\.$/);

  const noSwitch = renderProblem(
    { reason: 'failed', detail: stderr },
    undefined,
    new Map([['templates/cm.yaml', cm.replace('.Values.tls.skipLookup', 'false')]]),
  );
  assert.match(noSwitch.message.en, /`lookup` finds nothing/);
  assert.doesNotMatch(noSwitch.message.en, /--set/);

  const noLookup = renderProblem(
    { reason: 'failed', detail: stderr },
    undefined,
    new Map([['templates/cm.yaml', '{{ fail "certificate secret missing" }}\n']]),
  );
  assert.doesNotMatch(noLookup.message.en, /lookup/);
});

void test('a fail that no lookup leads to: no note about lookup, even if the chart has one', () => {
  const helpers = [
    '{{- define "db.name" -}}',
    '{{- if not .Values.name -}}',
    '{{- fail "name is required" -}}',
    '{{- end -}}',
    '{{ .Values.name }}',
    '{{- end -}}',
    '{{- define "db.secretCheck" -}}',
    '{{- if not (lookup "v1" "Secret" .Release.Namespace "auth") -}}{{ fail "auth missing" }}{{- end -}}',
    '{{- end -}}',
    '{{- define "db.auth" -}}{{ include "db.secretCheck" . }}{{- end -}}',
  ].join('\n');
  const cm = [
    'metadata:',
    '  name: {{ include "db.name" . }}',
    'data:',
    '  auth: {{ include "db.auth" . | quote }}',
  ].join('\n');
  const templates = new Map([
    ['templates/_helpers.tpl', helpers],
    ['templates/cm.yaml', cm],
  ]);
  const failAt = (where: string, what: string) =>
    renderProblem(
      { reason: 'failed', detail: `Error: execution error at (db/${where}): ${what}\n` },
      undefined,
      templates,
    ).message;
  // helm names the fail itself (called with `template`) or the include that led to it.
  assert.doesNotMatch(failAt('templates/_helpers.tpl:3:4', 'name is required').en, /lookup/);
  assert.doesNotMatch(failAt('templates/cm.yaml:2:11', 'name is required').en, /lookup/);
  assert.doesNotMatch(failAt('templates/cm.yaml:2:11', 'name is required').ru, /lookup/);
  // Through two named templates, and in the define that calls lookup: the note stays.
  assert.match(failAt('templates/cm.yaml:4:11', 'auth missing').en, /`lookup` finds nothing/);
  assert.match(failAt('templates/_helpers.tpl:8:60', 'auth missing').en, /`lookup` finds nothing/);
  // A template this scan does not have: the note stays as before.
  assert.match(failAt('templates/other.yaml:1:1', 'x').en, /`lookup` finds nothing/);
});

/** helm 4's failure when its schema compiler cannot fetch a `$ref` by URL (offline). */
const remoteFailure = (url: string) =>
  "Error: values don't meet the specifications of the schema(s) in the following chart(s):\n" +
  `gallery:\nfailing loading "${url}": HTTP request failed for ${url}: Get "${url}": ` +
  'proxyconnect tcp: dial tcp 127.0.0.1:9: connect: connection refused\n';

void test('a values schema on the web that helm could not load is recognised, with its URL', () => {
  const url = 'https://schemas.example.test/gallery-lib/1.0.0/values.schema.json';
  assert.equal(remoteSchemaUrl(remoteFailure(url)), url);
  // Values another chart's schema rejected: skipping the validation would hide them.
  const rejected = `${remoteFailure(url)}photos:\n- at '/persistence/size': got number, want string\n`;
  assert.equal(remoteSchemaUrl(rejected), undefined);
  // A template that fails while loading something is not a schema failure.
  assert.equal(
    remoteSchemaUrl(`Error: execution error at (g/templates/a.yaml:1:2): failing loading "${url}"`),
    undefined,
  );
  const note = remoteSchemaNote(url);
  assert.equal(note.code, 'helm-schema-not-validated');
  assert.equal(note.severity, 'information');
  assert.match(
    note.message.en,
    /refers to `https:\/\/schemas\.example\.test\/.*--skip-schema-validation/,
  );
  assert.match(
    note.message.ru,
    /ссылается на `https:\/\/schemas\.example\.test\/.*без доступа к сети/,
  );
});

void test('a failure inside an included template names the innermost template and its value', () => {
  // helm 4 prints the chain from the chart's template down to the action that failed.
  const detail = [
    'Error: gallery/templates/common.yaml:1:3',
    '  executing "gallery/templates/common.yaml" at <include "lib.all" .>:',
    '    error calling include:',
    'gallery/charts/lib/templates/_volumes.tpl:4:22',
    '  executing "lib.volumes" at <.Values.persistence.type>:',
    '    nil pointer evaluating interface {}.persistence',
  ].join('\n');
  const templates = new Map([
    ['templates/common.yaml', '{{ include "lib.all" . }}\n'],
    [
      'charts/lib/templates/_volumes.tpl',
      '{{- define "lib.volumes" -}}\n{{- range .Values.persistence }}\n{{- with . }}\n{{- fail .Values.persistence.type }}\n',
    ],
  ]);
  const problem = renderProblem({ reason: 'failed', detail }, undefined, templates);
  assert.deepEqual(problem.template, { path: 'charts/lib/templates/_volumes.tpl', line: 3 });
  assert.match(
    problem.message.en,
    /on the value `persistence\.type` \(used in `charts\/lib\/templates\/_volumes\.tpl`, line 4\)/,
  );
});
