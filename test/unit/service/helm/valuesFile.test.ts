import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChartModel, checkValuesFile } from '../../../../server/src/service/helm';
import { cache, keeper, override } from './fixture';

function codesByLine(text: string) {
  return checkValuesFile(keeper(), text, { syntax: true }).map(
    (d) => `${d.range.start.line + 1}:${d.severity}:${d.code}`,
  );
}

void test('the override with typos and type errors: every mistake found, nothing else', () => {
  const diagnostics = checkValuesFile(keeper(), override('typos.yaml'), { syntax: true });
  assert.deepEqual(
    diagnostics.map((d) => `${d.range.start.line + 1}:${d.severity}:${d.code}`),
    [
      '2:error:helm-values-schema',
      '3:warning:helm-values-unknown-key',
      '6:information:helm-values-storage-class-dash',
      '7:warning:helm-values-access-mode',
      '8:error:helm-values-schema',
      '9:warning:helm-values-unknown-key',
      '15:warning:helm-values-type',
      '16:warning:helm-values-type',
      '19:warning:helm-values-unknown-key',
      '19:error:helm-values-schema',
      '21:warning:helm-values-type',
    ],
  );
  const persistance = diagnostics[1]!;
  assert.match(persistance.message.en, /`persistance`.*Did you mean `persistence`\?/);
  assert.match(persistance.message.ru, /Возможно, имелось в виду `persistence`\?/);
  assert.deepEqual(persistance.data, { suggestion: 'persistence' });
  assert.deepEqual(persistance.range, {
    start: { line: 2, character: 0 },
    end: { line: 2, character: 11 },
  });
  assert.match(diagnostics[3]!.message.en, /reads `persistence\.accessModes` \(a list/);
  assert.match(diagnostics[5]!.message.en, /Did you mean `size`\?/);
  assert.match(
    diagnostics[6]!.message.ru,
    /`image\.tag`: в значениях чарта по умолчанию это строка, а здесь — число/,
  );
  assert.match(diagnostics[0]!.message.en, /`replicaCount` does not match values\.schema\.json/);
  assert.match(diagnostics[2]!.message.ru, /storageClassName: ""/);
});

void test('free-form maps (empty defaults, toYaml, commented examples) accept any key', () => {
  assert.deepEqual(
    codesByLine(
      'podLabels:\n  team: a\npodAnnotations:\n  x.io/y: "1"\npersistence:\n  annotations:\n    k: v\nresources:\n  requests:\n    memory: 1Gi\n',
    ),
    [],
  );
});

void test('keys only the templates read, or only the schema knows, are not unknown', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'persistence:\n  enabled: true\n'],
      ['templates/pvc.yaml', '{{ .Values.persistence.storageClass }} {{ .Values.extra.thing }}'],
      ['values.schema.json', '{"type":"object","properties":{"fromSchema":{"type":"string"}}}'],
    ]),
  );
  assert.deepEqual(
    checkValuesFile(
      model,
      'persistence:\n  storageClass: fast\nextra:\n  thing: 1\nfromSchema: x\n',
    ),
    [],
  );
});

void test('accessMode when the chart reads accessMode (singular) and the user writes accessModes', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'persistence:\n  accessMode: ReadWriteOnce\n  size: 1Gi\n'],
      ['templates/pvc.yaml', 'accessModes: [{{ .Values.persistence.accessMode }}]'],
    ]),
  );
  const [d] = checkValuesFile(model, 'persistence:\n  accessModes:\n    - ReadWriteMany\n');
  assert.equal(d?.code, 'helm-values-access-mode');
  assert.match(d!.message.en, /reads `persistence\.accessMode` \(one access mode/);
  assert.match(d!.message.ru, /один режим доступа строкой/);
});

void test('storageClass "" and persistence off are explained as information', () => {
  assert.deepEqual(codesByLine('persistence:\n  storageClass: ""\n'), [
    '2:information:helm-values-storage-class-empty',
  ]);
  // With persistence off the class goes into no claim: only that is said.
  assert.deepEqual(codesByLine('persistence:\n  enabled: false\n  storageClass: ""\n'), [
    '2:information:helm-values-persistence-off',
  ]);
});

void test('null removes a default and is never a type error; the syntax errors come only when asked', () => {
  assert.deepEqual(codesByLine('persistence:\n  size: null\nimage: ~\n'), []);
  assert.deepEqual(
    codesByLine('a: [1\n').filter((c) => c.endsWith('yaml-syntax')).length > 0,
    true,
  );
  assert.deepEqual(
    checkValuesFile(keeper(), 'a: [1\n').filter((d) => d.code === 'yaml-syntax'),
    [],
  );
});

void test('a values file that is not a mapping is one error', () => {
  assert.deepEqual(codesByLine('- a\n- b\n'), ['1:error:helm-values-not-map']);
  assert.deepEqual(codesByLine(''), []);
});

void test('schema: a required value missing from the merged values is reported at the top', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'auth:\n  user: app\n'],
      [
        'values.schema.json',
        '{"type":"object","required":["auth"],"properties":{"auth":{"type":"object","required":["password"]}}}',
      ],
    ]),
  );
  const ds = checkValuesFile(model, 'auth:\n  user: me\n');
  assert.equal(ds.length, 1);
  assert.equal(ds[0]!.code, 'helm-values-schema');
  assert.equal(ds[0]!.range.start.line, 0);
  assert.match(ds[0]!.message.en, /password/);
  assert.match(ds[0]!.message.ru, /password/);
});

void test('the chart\u2019s own values.yaml checked against itself is clean', () => {
  const model = keeper();
  assert.deepEqual(checkValuesFile(model, model.valuesText), []);
});

void test('global and subchart blocks pass through unchecked', () => {
  const model = buildChartModel(
    new Map([
      [
        'Chart.yaml',
        'apiVersion: v2\nname: app\ndependencies:\n  - name: mariadb\n    version: 1.x\n  - name: redis\n    alias: cache\n',
      ],
      ['values.yaml', 'replicas: 1\n'],
    ]),
  );
  assert.deepEqual(model.meta.dependencies, ['mariadb', 'cache']);
  assert.deepEqual(
    checkValuesFile(
      model,
      'global:\n  storageClass: fast\nmariadb:\n  primary:\n    persistence:\n      size: 1Gi\ncache:\n  x: 1\nredis:\n  x: 1\n',
    ).map((d) => d.range.start.line),
    [8],
    'only `redis` (aliased as `cache`) is unknown',
  );
  const v1 = buildChartModel(
    new Map([
      ['Chart.yaml', 'apiVersion: v1\nname: old\n'],
      ['requirements.yaml', 'dependencies:\n  - name: mysql\n'],
      ['values.yaml', 'a: 1\n'],
    ]),
  );
  assert.deepEqual(checkValuesFile(v1, 'mysql:\n  persistence:\n    size: 1Gi\n'), []);
});

void test('a typo under an empty map whose keys the chart documents and reads is an unknown key', () => {
  // stable/redis: `persistence: {}` over `# existingClaim:`, read by the templates. Helm ignores
  // `existingClam`, and the StatefulSet gets a new claim instead of the existing one.
  const ds = checkValuesFile(
    cache(),
    'persistence:\n  existingClam: cache-data\nservice:\n  portt: 6380\n',
  );
  assert.deepEqual(
    ds.map((d) => `${d.range.start.line + 1}:${d.severity}:${d.code}`),
    ['2:warning:helm-values-unknown-key', '4:warning:helm-values-unknown-key'],
  );
  assert.match(
    ds[0]!.message.en,
    /no value `persistence\.existingClam`.*Did you mean `existingClaim`\?/,
  );
  assert.match(
    ds[0]!.message.ru,
    /нет значения `persistence\.existingClam`.*Возможно, имелось в виду `existingClaim`\?/,
  );
  assert.deepEqual(ds[0]!.data, { suggestion: 'existingClaim' });
  assert.match(ds[1]!.message.en, /no value `service\.portt`.*Did you mean `port`\?/);
  assert.deepEqual(
    checkValuesFile(
      cache(),
      'persistence:\n  existingClaim: cache-data\n  storageClassName: fast\nservice:\n  port: 6380\n',
    ),
    [],
  );
});

void test('empty maps stay free-form when templates take them whole, hand them on or never read them', () => {
  // toYaml (podAnnotations, nodeSelector over a commented `# disktype:`), range (extraEnv),
  // a named template (podLabels), mergeOverwrite (extraConfig), no template at all (hooks).
  assert.deepEqual(
    checkValuesFile(
      cache(),
      [
        'podAnnotations:',
        '  backup.velero.io/backup-volumes: data',
        'nodeSelector:',
        '  topology.kubernetes.io/zone: eu-1a',
        'extraEnv:',
        '  MAXCLIENTS: "100"',
        'podLabels:',
        '  tier: cache',
        'extraConfig:',
        '  appendonly: "yes"',
        'hooks:',
        '  postStart: echo hi',
        '',
      ].join('\n'),
    ),
    [],
  );
  const viaRoot = buildChartModel(
    new Map([
      ['values.yaml', 'relabel: {}\n  # keep: true\n'],
      ['templates/cm.yaml', '{{- $root := . }}{{ toYaml $root.Values.relabel }}'],
    ]),
  );
  assert.deepEqual(checkValuesFile(viaRoot, 'relabel:\n  drop: true\n'), []);
});

void test('keys the templates read with `dig` are known, next to a commented-out example', () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        'logs:\n  store:\n    # Name the buckets when the store is remote.\n    # buckets:\n    #   data: CHANGE-ME\n    kind: local\n',
      ],
      [
        'templates/_helpers.tpl',
        '{{- define "b" }}{{ required "name logs.store.buckets.data" (dig "store" "buckets" "data" "" .Values.logs) }}{{ end }}\n',
      ],
      ['templates/cm.yaml', 'admin: {{ .Values.logs.store.buckets.admin }}\n'],
    ]),
  );
  const values = 'logs:\n  store:\n    buckets:\n      data: metrics\n      admin: admin\n';
  assert.deepEqual(checkValuesFile(model, values), []);
  const [typo] = checkValuesFile(model, 'logs:\n  store:\n    buckets:\n      dta: metrics\n');
  assert.equal(typo?.code, 'helm-values-unknown-key');
  assert.deepEqual(typo.data, { suggestion: 'data' });
});

void test('keys named only by the templates under a map the chart leaves out are typo candidates', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'replicas: 1\n'],
      ['templates/svc.yaml', 'port: {{ .Values.metrics.port }}\n'],
    ]),
  );
  const [d] = checkValuesFile(model, 'metrics:\n  portt: 9121\n');
  assert.equal(d?.code, 'helm-values-unknown-key');
  assert.deepEqual(d.data, { suggestion: 'port' });
});

void test('the storageClass "-" and "" notes name the key written', () => {
  const [dash] = checkValuesFile(cache(), 'persistence:\n  storageClassName: "-"\n');
  assert.equal(dash?.code, 'helm-values-storage-class-dash');
  assert.match(dash.message.en, /^`persistence\.storageClassName: "-"` makes the chart render/);
  assert.match(dash.message.ru, /^`persistence\.storageClassName: "-"` превращается в/);
  const [keeperDash] = checkValuesFile(keeper(), 'persistence:\n  storageClass: "-"\n');
  assert.match(keeperDash!.message.en, /^`persistence\.storageClass: "-"`/);
  const [empty] = checkValuesFile(cache(), 'persistence:\n  storageClassName: ""\n');
  assert.equal(empty?.code, 'helm-values-storage-class-empty');
  assert.match(empty.message.en, /^An empty `persistence\.storageClassName` is usually/);
  assert.match(empty.message.ru, /^Пустой `persistence\.storageClassName` чарты/);
});

void test('global.storageClass "-" gets a note when the templates read it', () => {
  const [d] = checkValuesFile(cache(), 'global:\n  storageClass: "-"\n');
  assert.equal(d?.code, 'helm-values-storage-class-dash');
  assert.equal(d.severity, 'information');
  assert.deepEqual(d.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } });
  assert.match(
    d.message.en,
    /^`global\.storageClass: "-"` makes the chart render `storageClassName: ""`/,
  );
  assert.match(d.message.en, /overriding the class the claim would get otherwise/);
  assert.match(d.message.ru, /^`global\.storageClass: "-"` превращается в `storageClassName: ""`/);
  // Bitnami charts read it through the common library, a subchart whose templates are not read.
  const bitnami = buildChartModel(
    new Map([
      ['values.yaml', 'global:\n  imageRegistry: ""\npersistence:\n  storageClass: ""\n'],
      [
        'templates/sts.yaml',
        '{{ include "common.storage.class" (dict "persistence" .Values.persistence "global" .Values.global) }}',
      ],
    ]),
  );
  assert.deepEqual(
    checkValuesFile(bitnami, 'global:\n  storageClass: "-"\n').map((x) => x.code),
    ['helm-values-storage-class-dash'],
  );
  // Not read by the chart, or not "-": nothing to say.
  assert.deepEqual(checkValuesFile(keeper(), 'global:\n  storageClass: "-"\n'), []);
  assert.deepEqual(checkValuesFile(cache(), 'global:\n  storageClass: ""\n'), []);
  assert.deepEqual(checkValuesFile(cache(), 'global:\n  storageClass: fast\n'), []);
});

void test('global.defaultStorageClass "-" gets its own note when the common library reads it', () => {
  const bitnami = buildChartModel(
    new Map([
      ['values.yaml', 'global:\n  defaultStorageClass: ""\npersistence:\n  storageClass: ""\n'],
      [
        'templates/sts.yaml',
        '{{ include "common.storage.class" (dict "persistence" .Values.persistence "global" .Values.global) }}',
      ],
    ]),
  );
  const [d] = checkValuesFile(bitnami, 'global:\n  defaultStorageClass: "-"\n');
  assert.equal(d?.code, 'helm-values-storage-class-dash');
  assert.equal(d.severity, 'information');
  assert.deepEqual(d.range, { start: { line: 1, character: 23 }, end: { line: 1, character: 26 } });
  assert.match(d.message.en, /^`global\.defaultStorageClass: "-"` makes the chart render/);
  assert.match(d.message.en, /no class from `global\.storageClass` or its own `storageClass`/);
  assert.match(d.message.ru, /^`global\.defaultStorageClass: "-"` превращается в/);
  // A chart that never reads it, or another value: nothing to say.
  assert.deepEqual(checkValuesFile(keeper(), 'global:\n  defaultStorageClass: "-"\n'), []);
  assert.deepEqual(checkValuesFile(bitnami, 'global:\n  defaultStorageClass: ""\n'), []);
  assert.deepEqual(checkValuesFile(bitnami, 'global:\n  defaultStorageClass: fast\n'), []);
});

void test('a storage size that is not a quantity: a warning with the likely quantity', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'persistence:\n  size: 8Gi\nstorage:\n  requests: 1Gi\nreplicas: 1\n'],
      [
        'templates/sts.yaml',
        'storage: {{ .Values.persistence.size }}\nstorage: {{ .Values.storage.requests }}\n',
      ],
    ]),
  );
  const found = (text: string) =>
    checkValuesFile(model, text).map((d) => `${d.severity}:${d.code}:${d.message.en}`);
  assert.deepEqual(found('persistence:\n  size: 20GB\n'), [
    'warning:helm-values-invalid-size:`persistence.size` is a storage size, but `20GB` is not a Kubernetes quantity: the API server rejects a claim that asks for it. Write a number with an optional suffix, no space and no `B`: 10Gi, 500Mi, 1G. Did you mean `20Gi`?',
  ]);
  const ru = checkValuesFile(model, 'storage:\n  requests: 5 Gi\n')[0]!.message.ru;
  assert.match(ru, /^`storage\.requests` — размер хранилища, но `5 Gi` — не количество/);
  assert.match(ru, /имелось в виду `5Gi`\?$/);
  // Quantities, numbers, placeholders and values that are not sizes are left alone.
  assert.deepEqual(found('persistence:\n  size: 100G\nstorage:\n  requests: 512Mi\n'), []);
  assert.deepEqual(found('persistence:\n  size: "10"\n'), []);
  assert.deepEqual(found('persistence:\n  size: "{{ .Values.global.size }}"\n'), []);
  assert.deepEqual(found('replicas: 1\n'), []);
});

void test('a class key the chart spells otherwise suggests its class key, not a shorter sibling', () => {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'db:\n  pvc:\n    storage: 1Gi\n    storageClassName:\n    subPath:\n'],
      ['templates/pvc.yaml', '{{ .Values.db.pvc.storage }} {{ .Values.db.pvc.storageClassName }}'],
    ]),
  );
  const suggestions = (text: string) =>
    checkValuesFile(model, text).map((d) => `${d.code}:${String(d.data?.suggestion)}`);
  assert.deepEqual(suggestions('db:\n  pvc:\n    storageClass: fast\n'), [
    'helm-values-unknown-key:storageClassName',
  ]);
  assert.deepEqual(suggestions('db:\n  pvc:\n    storageClasName: fast\n'), [
    'helm-values-unknown-key:storageClassName',
  ]);
  assert.deepEqual(suggestions('db:\n  pvc:\n    storag: 2Gi\n'), [
    'helm-values-unknown-key:storage',
  ]);
});

void test('an emptyDir size limit or a claim capacity that is not a quantity is reported', () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        'repo:\n  emptyDir:\n    sizeLimit: 1Gi\nuser:\n  storage:\n    capacity: 10Gi\n',
      ],
    ]),
  );
  const ds = checkValuesFile(
    model,
    'repo:\n  emptyDir:\n    sizeLimit: 2GB\nuser:\n  storage:\n    capacity: 20GB\n',
  );
  assert.deepEqual(
    ds.map((d) => `${d.range.start.line + 1}:${d.code}:${String(d.data?.suggestion)}`),
    ['3:helm-values-invalid-size:2Gi', '6:helm-values-invalid-size:20Gi'],
  );
  assert.match(ds[0]!.message.en, /size limit of an `emptyDir` volume.*rejects a pod/);
  assert.match(ds[0]!.message.ru, /предел размера тома `emptyDir`/);
  assert.match(ds[1]!.message.en, /is a storage size.*rejects a claim/);
});

void test('the size of each claim in a list of claims is checked', () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        'ingest:\n  persistence:\n    claims:\n      - name: data\n        size: 1Gi\n',
      ],
    ]),
  );
  const text =
    'ingest:\n  persistence:\n    claims:\n      - name: data\n        size: 10GB\n      - name: wal\n        size: 5Gi\n';
  const ds = checkValuesFile(model, text);
  assert.deepEqual(
    ds.map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character}:${d.code}:${String(d.data?.suggestion)}`,
    ),
    ['5:14:helm-values-invalid-size:10Gi'],
  );
  assert.match(ds[0]!.message.en, /`ingest\.persistence\.claims\[0\]\.size` is a storage size/);
});

/** A production file in two documents: the second overrides some of the first (Helm 4 merges them). */
const TWO_DOCUMENTS = [
  '# shared', // 1
  'replicaCount: "3"', // 2
  'persistence:', // 3
  '  enabled: true', // 4
  '  size: 10', // 5
  'image:', // 6
  '  tag: 3.3', // 7
  '---', // 8
  '# production', // 9
  'persistence:', // 10
  '  size: 20Gi', // 11
  '  storageClas: fast', // 12
  'image:', // 13
  '  tag: "3.3"', // 14
  'service:', // 15
  '  nodePort: 30080', // 16
  'replicaCount: 0', // 17
  '',
].join('\n');

void test('two documents: each key checked where it is written, each value where it wins', () => {
  assert.deepEqual(codesByLine(TWO_DOCUMENTS), [
    '12:warning:helm-values-unknown-key',
    '16:warning:helm-values-unknown-key',
    '16:error:helm-values-schema',
    '17:error:helm-values-schema',
  ]);
  const unknown = checkValuesFile(keeper(), TWO_DOCUMENTS).find(
    (d) => d.code === 'helm-values-unknown-key',
  )!;
  assert.deepEqual(unknown.data, { suggestion: 'storageClass' });
  // The same values as one document each: the first one's mistakes are reported there.
  const first = TWO_DOCUMENTS.split('---')[0]!;
  assert.deepEqual(codesByLine(first), [
    '2:error:helm-values-schema',
    '5:error:helm-values-schema',
    '7:warning:helm-values-type',
  ]);
});

void test('empty and comment-only documents add nothing and break nothing', () => {
  const text = '---\npersistence:\n  enabld: true\n---\n# nothing set here\n---\n---\n';
  assert.deepEqual(codesByLine(text), ['3:warning:helm-values-unknown-key']);
  assert.deepEqual(codesByLine('---\n# only comments\n'), []);
});

void test('a document that is a list or a scalar: one error on it, in both languages, nothing else', () => {
  const list = checkValuesFile(keeper(), 'persistence:\n  sise: 1Gi\n---\n- ReadWriteOnce\n', {
    syntax: true,
  });
  assert.deepEqual(
    list.map((d) => `${d.range.start.line + 1}:${d.severity}:${d.code}`),
    ['4:error:helm-values-not-map'],
  );
  assert.match(list[0]!.message.en, /Each `---` document of a values file must be a mapping/);
  assert.match(list[0]!.message.ru, /Каждый документ \(`---`\) файла значений/);
  assert.deepEqual(codesByLine('a: 1\n---\njust text\n'), ['3:error:helm-values-not-map']);
  // One document keeps its own message.
  const single = checkValuesFile(keeper(), '- ReadWriteOnce\n');
  assert.match(single[0]!.message.en, /^A values file must be a mapping of keys/);
});

void test("keys only the chart's second values.yaml document sets are known", () => {
  const model = buildChartModel(
    new Map([
      ['Chart.yaml', 'apiVersion: v2\nname: router\nversion: 1.0.0\n'],
      [
        'values.yaml',
        'replicas: 1\n---\n# a profile helm merges over the first\nrouter:\n  size: 1Gi\n',
      ],
      ['templates/pvc.yaml', 'size: {{ .Values.router.size }}\n'],
    ]),
  );
  assert.deepEqual(checkValuesFile(model, 'router:\n  size: 2Gi\n'), []);
  assert.deepEqual(
    checkValuesFile(model, 'router:\n  sise: 2Gi\n').map((d) => d.code),
    ['helm-values-unknown-key'],
  );
});
