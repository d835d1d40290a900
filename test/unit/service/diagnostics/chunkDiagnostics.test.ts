/**
 * YAML that Kubernetes reads differently from the `yaml` package (parse/goYaml.ts), as findings:
 * what kubectl and Helm accept is never an error, the message says what Kubernetes does, and a
 * later finding in the same document keeps its place.
 */
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';

const URI = 'file:///w/manifest.yaml';

function diagnose(text: string): KubeDiagnostic[] {
  const service = getLanguageService();
  service.setFile(URI, text, 'editor', 1);
  return service.getDiagnostics(URI);
}

function brief(d: KubeDiagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${d.code}`;
}

/** A pod whose container gets `lines` (indented for its mapping), then a wrong pull policy. */
function pod(lines: string[]): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: busybox',
    ...lines,
    '      imagePullPolicy: Sometimes',
    '',
  ].join('\n');
}

/** The value a finding on `imagePullPolicy` is marked on, whatever came before it. */
function pullPolicyFinding(text: string): string {
  const line = text.split('\n').findIndex((l) => l.includes('Sometimes'));
  return `${line}:23-${line}:32 error invalid-enum`;
}

describe('YAML Kubernetes reads more leniently than the `yaml` package', () => {
  it('a flow list continued at its key’s column: information, not an error', () => {
    const text = pod(['      command: [ "/bin/sh",', '      "-c",', '      "sleep 3600" ]']);
    const found = diagnose(text);
    assert.deepEqual(found.map(brief), [
      '9:6-9:11 information yaml-continuation-indent',
      pullPolicyFinding(text),
    ]);
    assert.match(found[0]!.message.en, /`\[ \]` list .*kubectl, Helm and kustomize read it/);
    assert.match(found[0]!.message.ru, /списка `\[ \]`.*kubectl, Helm и kustomize прочитают/);
  });

  it('a quoted value continued left of its key (old go-yaml emitters)', () => {
    const text = pod([
      '      env:',
      '        - name: NOTE',
      "          value: 'APIVersion defines the versioned schema of this representation",
      "          of an object. Servers should convert'",
      '        - name: OTHER',
      '          value: "x',
      'y"',
    ]);
    const found = diagnose(text);
    assert.deepEqual(found.map(brief), [
      '11:10-11:47 information yaml-continuation-indent',
      '14:0-14:2 information yaml-continuation-indent',
      pullPolicyFinding(text),
    ]);
    assert.match(found[0]!.message.en, /quoted value/);
    assert.match(found[0]!.message.ru, /значения в кавычках/);
  });

  it('a syntax error after a lenient list keeps its own position', () => {
    const text = pod(['      command: [ "a",', '      "b" ]', '      args: ["c"']);
    const found = diagnose(text).filter((d) => d.code === 'yaml-syntax');
    assert.ok(found.length > 0);
    for (const d of found) assert.ok(d.range.start.line >= 10, brief(d));
  });

  it('a tag Kubernetes does not know (stable/pgadmin): information, silenced by a comment', () => {
    const env = [
      '      env:',
      '        - name: PGADMIN_CONFIG_ENHANCED_COOKIE_PROTECTION',
      '          value: !!string False',
    ];
    const text = pod(env);
    const found = diagnose(text);
    assert.deepEqual(found.map(brief), [
      '10:17-10:25 information yaml-unknown-tag',
      pullPolicyFinding(text),
    ]);
    assert.equal(
      found[0]!.message.en,
      'Kubernetes does not know the tag `!!string` and ignores it: the value is read as the text `False`. Did you mean `!!str`?',
    );
    assert.equal(
      found[0]!.message.ru,
      'Тег `!!string` Kubernetes не знает и пропускает: значение читается как текст `False`. Возможно, имелось в виду `!!str`?',
    );
    // The value is the string, so no `invalid-type` for a boolean.
    const silenced = pod([
      ...env.slice(0, 2),
      '          # kube-storage-disable-next-line yaml-unknown-tag',
      env[2]!,
    ]);
    assert.deepEqual(diagnose(silenced).map(brief), [pullPolicyFinding(silenced)]);
  });

  it('an unknown tag on a mapping, and a value that does not fit a tag Kubernetes knows', () => {
    const collection = diagnose(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: !custom {a: b}\n',
    );
    assert.deepEqual(collection.map(brief), ['4:10-4:17 information yaml-unknown-tag']);
    assert.match(collection[0]!.message.en, /read as if it had no tag/);
    // kubectl: "cannot decode !!str `abc` as a !!int".
    const wrong = diagnose(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  uid: !!int abc\n',
    );
    assert.deepEqual(wrong.map(brief), ['4:7-4:12 warning yaml-syntax']);
  });

  it('a duplicate key after an empty value (stable/prometheus-snmp-exporter)', () => {
    const text = pod([
      '      securityContext:',
      '        runAsNonRoot: true',
      '      args:',
      '      securityContext:',
      '        readOnlyRootFilesystem: true',
    ]);
    const found = diagnose(text);
    assert.deepEqual(found.map(brief), [
      '11:6-11:21 warning duplicate-key',
      pullPolicyFinding(text),
    ]);
    assert.equal(
      found[0]!.message.en,
      'Key `securityContext` is repeated in this mapping: kubectl and Helm keep only its last value and silently drop the earlier one, and kustomize refuses the file.',
    );
    assert.match(found[0]!.message.ru, /^Ключ `securityContext` в этом отображении повторяется/);
  });

  it('duplicates in nested and outer mappings, each named and marked on its own key', () => {
    const text = 'a:\n  x: 1\n  x:\na:\n  "y": {k: 1, k: 2}\n';
    const found = diagnose(text).filter((d) => d.code === 'duplicate-key');
    assert.deepEqual(
      found.map((d) => `${brief(d)} ${d.message.en.split(' ')[1]}`),
      [
        '2:2-2:3 warning duplicate-key `x`',
        '3:0-3:1 warning duplicate-key `a`',
        '4:14-4:15 warning duplicate-key `k`',
      ],
    );
  });
});

void test('`apiversion` in the wrong case is named, on its own key', () => {
  const text = ['kind: Deployment', 'apiversion: apps/v1', 'metadata:', '  name: web', ''].join(
    '\n',
  );
  const service = getLanguageService();
  service.setFile('file:///ws/web.yaml', text, 'disk', 0);
  const [found] = service.getDiagnostics('file:///ws/web.yaml');
  assert.equal(found?.code, 'missing-api-version');
  assert.deepEqual(found?.range.start, { line: 1, character: 0 });
  assert.match(found!.message.en, /^`apiversion` is not `apiVersion`: keys are case-sensitive/);
  assert.match(found!.message.ru, /^`apiversion` — не `apiVersion`: регистр в ключах важен/);
});

void test('`apiversion` of a file no API server reads (operator-sdk scorecard) is left alone', () => {
  // operator-sdk scaffolds `apiversion:` and reads the file with Go's case-insensitive JSON.
  const text = [
    'kind: Configuration',
    'apiversion: scorecard.operatorframework.io/v1alpha3',
    'metadata:',
    '  name: config',
    'stages: []',
    '',
  ].join('\n');
  const service = getLanguageService();
  service.setFile('file:///ws/tests/scorecard/config.yaml', text, 'disk', 0);
  assert.deepEqual(service.getDiagnostics('file:///ws/tests/scorecard/config.yaml'), []);
  assert.deepEqual(service.getLocalDiagnostics('file:///ws/tests/scorecard/config.yaml'), []);
});

void test('`apiversion` naming the group of a CRD of the workspace is named', () => {
  const crd = [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: dbs.example.com}',
    'spec:',
    '  group: example.com',
    '  names: {kind: Db, plural: dbs}',
    '  scope: Namespaced',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}',
    '',
  ].join('\n');
  const db = 'kind: Db\napiversion: example.com/v1\nmetadata:\n  name: orders\n';
  const service = getLanguageService();
  service.setFile('file:///ws/db.yaml', db, 'disk', 0);
  assert.deepEqual(service.getDiagnostics('file:///ws/db.yaml'), []);
  service.setFile('file:///ws/crd.yaml', crd, 'disk', 0);
  const found = service.getDiagnostics('file:///ws/db.yaml');
  assert.deepEqual(
    found.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
    ['missing-api-version@1:0'],
  );
  assert.match(found[0]!.message.en, /^`apiversion` is not `apiVersion`/);
});

test('an alias to an anchor never defined is a syntax error on the alias, not an alias bomb', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: *missing\n';
  const found = diagnose(text);
  assert.deepEqual(found.map(brief), ['5:5-5:13 error yaml-syntax']);
  assert.equal(
    found[0]!.message.en,
    'YAML syntax error: the alias `*missing` refers to an anchor `&missing` that is not defined before it',
  );
  assert.equal(
    found[0]!.message.ru,
    'Ошибка синтаксиса YAML: алиас `*missing` ссылается на якорь `&missing`, который не объявлен выше',
  );
});

void test('of several syntax errors on one line, the first in the line is told', () => {
  const text = [
    'apiVersion: krew.googlecontainertools.github.com/v1alpha2',
    'kind: Plugin',
    'metadata:',
    '  name: rabbitmq',
    'spec:',
    '  platforms:',
    '  - selector:',
    '      matchLabels:',
    '        os: darwin',
    // Not a line of substitutions only (the word after the action), so a syntax error.
    '    {{addURIAndSha "https://example.com/{{ .TagName }}/x.tar.gz" .TagName }} sha',
    '    bin: kubectl-rabbitmq',
    '',
  ].join('\n');
  const syntax = diagnose(text).filter((d) => d.code === 'yaml-syntax');
  assert.deepEqual(
    syntax.map((d) => `${d.range.start.line}:${d.range.start.character}`),
    ['9:4'],
  );
  assert.match(syntax[0]!.message.en, /cannot be read as YAML/);
});

void describe('a template of a later tool (a substitution on a line of its own)', () => {
  const codes = (text: string, uri = URI) => {
    const service = getLanguageService();
    service.setFile(uri, text, 'editor', 1);
    return service.getDiagnostics(uri);
  };

  it('an envsubst config template gets one note on that line, no syntax error', () => {
    const text = [
      'storage:',
      '  retention: 7d',
      '  ${EXTRA_STORAGE} # optional',
      'http:',
      '  port: 8080',
      '',
    ];
    const found = codes(text.join('\n'));
    assert.deepEqual(found.map(brief), ['2:2-2:18 information yaml-template']);
    assert.match(found[0]!.message.en, /`\$\{EXTRA_STORAGE\}` is a substitution/);
    assert.match(found[0]!.message.ru, /строка `\$\{EXTRA_STORAGE\}` — подстановка/);
  });

  it('so does a Go template action of its own in a manifest (a krew plugin template)', () => {
    const text = [
      'apiVersion: krew.googlecontainertools.github.com/v1alpha2',
      'kind: Plugin',
      'metadata:',
      '  name: tool',
      'spec:',
      '  platforms:',
      '  - selector:',
      '      matchLabels:',
      '        os: darwin',
      '    {{addURIAndSha "https://example.com/{{ .TagName }}/x.tar.gz" .TagName }}',
      '    bin: kubectl-tool',
      '',
    ];
    assert.deepEqual(codes(text.join('\n')).map(brief), ['9:4-9:76 information yaml-template']);
  });

  it('beside a substitution line, an error on another line of the document is still an error', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: settings',
      '  labels:',
      '${EXTRA_LABELS}',
      'data:',
      '  mode: fast',
      '   level: 3',
      '',
    ];
    const found = codes(text.join('\n')).map(
      (d) => `${d.range.start.line} ${d.severity} ${d.code}`,
    );
    assert.deepEqual(found, ['5 information yaml-template', '7 error yaml-syntax']);
  });

  it('a substitution inside a flow list belongs to the later tool too (an envsubst config template)', () => {
    const found = codes('watch:\n  namespaces: [${WATCHED_NAMESPACES}]\n  interval: 30s\n');
    assert.deepEqual(found.map(brief), ['1:15-1:36 information yaml-template']);
    assert.match(found[0]!.message.en, /`\$\{WATCHED_NAMESPACES\}` is a substitution/);
    assert.match(found[0]!.message.ru, /`\$\{WATCHED_NAMESPACES\}` — подстановка/);
    // The same list with a real mistake outside the substitution is still an error.
    const broken = codes('watch:\n  namespaces: [${WATCHED_NAMESPACES}\n  interval: 30s\n');
    assert.ok(broken.some((d) => d.code === 'yaml-syntax' && d.severity === 'error'));
  });

  it('a key or a kind holding a substitution is not judged; a misspelt key beside it is', () => {
    const text = [
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ${BINDING_KIND}',
      'metadata:',
      '  name: reader',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: ${APP}-settings',
      '  ${NS_PREFIX}namespace: ${APP_NAMESPACE}',
      '  lables: {tier: web}',
      'data:',
      '  mode: fast',
      '',
    ];
    assert.deepEqual(
      codes(text.join('\n')).map((d) => `${d.range.start.line} ${d.code}`),
      ['10 unknown-field'],
    );
  });

  it('printf placeholders of a Go test (`name: %s`, `storage: %dGi`) get one note, no syntax error', () => {
    const text = [
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  name: %s',
      '  namespace: "%s"',
      'spec:',
      '  accessModes:',
      '    - ReadWriteOnce',
      '  resources:',
      '    requests:',
      '      storage: %dGi # filled in by the test',
      '',
    ];
    const found = codes(text.join('\n'));
    assert.deepEqual(found.map(brief), ['3:8-3:10 information yaml-template']);
    assert.match(found[0]!.message.en, /`%s` is a printf placeholder/);
    assert.match(found[0]!.message.ru, /`%s` — спецификатор формата printf/);
  });

  it('a `%` that is no printf verb, or a format with more after it, is still a syntax error', () => {
    for (const value of ['%20 off', '%s of %d', '%', '%d/%m/%Y', '%d.%m-%H:%M']) {
      const found = codes(
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  f: ${value}\n`,
      );
      assert.deepEqual(
        found.map((d) => `${d.range.start.line} ${d.severity} ${d.code}`),
        ['5 error yaml-syntax'],
        value,
      );
    }
  });

  it('a value that starts with Go template actions (an addon template of minikube) gets one note', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: provisioner',
      'spec:',
      '  containers:',
      '  - name: provisioner',
      '    image: {{.Mirror | default .Registries.Provisioner }}{{.Images.Provisioner}}',
      '    volumeMounts:',
      '    - mountPath: /scratch',
      '      name: scratch',
      '  - name: sidecar',
      '    image: "{{default "registry.example.org" .Mirror}}/{{.Images.Sidecar}}"',
      '  volumes:',
      '  - name: scratch',
      '    emptyDir: {}',
      '',
    ];
    const found = codes(text.join('\n'));
    assert.deepEqual(found.map(brief), ['7:11-7:80 information yaml-template']);
    assert.match(found[0]!.message.en, /the value starts with the substitution `\{\{\.Mirror/);
    assert.match(found[0]!.message.ru, /значение начинается с подстановки `\{\{\.Mirror/);
  });

  it("k3s's `%{VAR}%` at the start of a value gets one note, no syntax error", () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: cluster-dns',
      'spec:',
      '  clusterIP: %{CLUSTER_DNS}%',
      '  ports:',
      '  - port: 53',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: helper',
      'spec:',
      '  containers:',
      '  - name: helper',
      '    image: %{SYSTEM_DEFAULT_REGISTRY}%library/busybox:1.36',
      '',
    ];
    assert.deepEqual(codes(text.join('\n')).map(brief), [
      '5:13-5:28 information yaml-template',
      '16:11-16:38 information yaml-template',
    ]);
  });

  it('after a value that starts with a substitution, an error that stays once it is filled in is still an error', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '  - name: c',
      '    image: {{.Registry}}{{.Image}}',
      '    command: ["/run"',
      '  restartPolicy: Never',
      '',
    ];
    const found = codes(text.join('\n')).map(
      (d) => `${d.range.start.line} ${d.severity} ${d.code}`,
    );
    assert.ok(found.includes('9 error yaml-syntax'), found.join('; '));
    // A `%` that is no k3s variable (lowercase) is no substitution: still an error.
    const lower = codes(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  f: %{name}%\n',
    );
    assert.deepEqual(
      lower.map((d) => `${d.range.start.line} ${d.severity} ${d.code}`),
      ['5 error yaml-syntax'],
    );
  });

  it('a syntax error elsewhere in a manifest or a kustomization is still an error', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels\ndata: {}\n';
    assert.deepEqual(
      codes(manifest).map((d) => `${d.range.start.line} ${d.severity} ${d.code}`),
      ['4 error yaml-syntax'],
    );
    const kustomization = 'resources:\n  - a.yaml\nimages\n  - name: x\n';
    const found = codes(kustomization, 'file:///w/kustomization.yaml');
    assert.ok(found.some((d) => d.code === 'yaml-syntax' && d.severity === 'error'));
    assert.ok(!found.some((d) => d.code === 'yaml-template'));
  });
});
