import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildValuesTree,
  MAX_VALUES_NESTING,
} from '../../../../server/src/service/helm/valuesTree';

test('a values file nested deeper than any real chart is refused, with a message in both languages', () => {
  const tree = buildValuesTree('{'.repeat(171) + 'a: 1' + '}'.repeat(171));
  assert.deepEqual(tree.roots, []);
  assert.deepEqual(tree.data, {});
  assert.equal(tree.problems.length, 1);
  assert.match(tree.problems[0]!.en, new RegExp(`more than ${MAX_VALUES_NESTING} levels`));
  assert.match(tree.problems[0]!.ru, new RegExp(`глубже ${MAX_VALUES_NESTING} уровней`));
});

test('ordinary nesting is read as usual', () => {
  const tree = buildValuesTree('persistence:\n  enabled: true\n  size: 8Gi\n');
  assert.deepEqual(tree.problems, []);
  assert.deepEqual(tree.data, { persistence: { enabled: true, size: '8Gi' } });
  assert.equal(tree.roots[0]!.key, 'persistence');
});

test('a key commented out with the # in front of its indentation stays under its parent', () => {
  const tree = buildValuesTree(
    [
      'cert:',
      '  selfSigned: false',
      '#  issuerSecret:',
      'auth:',
      '  admin:',
      '    name: admin',
      '#    token: changeme',
      'limits: {}',
      '#  cpu: 2',
      'probe:',
      '  enabled: true',
      '  # path: /healthz',
      '# topLevelExample: 1',
      'last: 1',
    ].join('\n'),
  );
  const unset = [...tree.byId.values()].filter((n) => n.unset).map((n) => n.id);
  assert.deepEqual(unset.sort(), [
    'auth.admin.token',
    'cert.issuerSecret',
    'limits.cpu',
    'probe.path',
    'topLevelExample',
  ]);
  assert.ok(tree.byId.get('cert')!.children.some((c) => c.key === 'issuerSecret'));
  assert.equal(tree.byId.get('cert.issuerSecret')!.range.start.character, 0);
});

test('a key commented out inside a list item is not given to the parent of the list', () => {
  const tree = buildValuesTree(
    [
      'store:',
      '  shards:',
      '    - name: shard-a',
      '      disks: 2',
      '      size: 50Gi',
      '      # storageClassName: fast-ssd',
      '  # mountPath: /var/lib/store',
      '  retention: 7d',
    ].join('\n'),
  );
  const unset = [...tree.byId.values()].filter((n) => n.unset).map((n) => n.id);
  assert.deepEqual(unset, ['store.mountPath']);
  assert.equal(tree.byId.has('store.storageClassName'), false);
  assert.equal(tree.byId.has('storageClassName'), false);
});

test('commented-out config files of a map are its keys, not the keys written inside the files', () => {
  const tree = buildValuesTree(
    [
      '# Files put into the config folder',
      'searchConfig: {}',
      '#  search.yml: |',
      '#    cluster:',
      '#      name: books',
      '#  log4j2.properties: |',
      '#    rootLogger.level = info',
      'replicas: 1',
    ].join('\n'),
  );
  const unset = [...tree.byId.values()].filter((n) => n.unset).map((n) => n.id);
  assert.deepEqual(unset, ['searchConfig["search.yml"]', 'searchConfig["log4j2.properties"]']);
  assert.equal(tree.byId.get('searchConfig["search.yml"]')!.type, 'string');
  assert.equal(tree.byId.has('searchConfig.cluster'), false);
});

test('the keys of a commented-out block indented with its # are its example, not keys beside it', () => {
  const tree = buildValuesTree(
    [
      'store:',
      '  data:',
      '    size: 1Gi',
      '    # storageClass:',
      '      # type: ssd',
      '      # provisioner: example.com/disk',
      '    # selector:',
      '      # matchLabels:',
      '      # app: store',
    ].join('\n'),
  );
  const unset = [...tree.byId.values()].filter((n) => n.unset).map((n) => n.id);
  assert.deepEqual(unset.sort(), ['store.data.selector', 'store.data.storageClass']);
});

/** A chart's values.yaml of two documents: a profile appended after the defaults (Helm 4 merges it). */
const TWO_DOCUMENT_DEFAULTS = [
  'persistence:', // 0
  '  ## Keep the data on a claim', // 1
  '  enabled: true', // 2
  '  size: 8Gi', // 3
  '  # storageClass: "-"', // 4
  'metrics:', // 5
  '  port: 9100', // 6
  '---', // 7
  '# dev profile', // 8
  'persistence:', // 9
  '  ## Smaller disks for dev', // 10
  '  size: 1Gi', // 11
  '  # existingClaim: ""', // 12
  'metrics: false', // 13
  'router:', // 14
  '  replicas: 1', // 15
].join('\n');

test('a values.yaml of several documents: one tree of the merged defaults, keys where they win', () => {
  const tree = buildValuesTree(TWO_DOCUMENT_DEFAULTS);
  assert.deepEqual(tree.problems, []);
  assert.deepEqual(tree.data, {
    persistence: { enabled: true, size: '1Gi' },
    metrics: false,
    router: { replicas: 1 },
  });
  const node = (id: string) => tree.byId.get(id);
  assert.deepEqual(
    [...tree.byId.keys()],
    [
      'persistence',
      'persistence.enabled',
      'persistence.size',
      'persistence.storageClass',
      'persistence.existingClaim',
      'metrics',
      'router',
      'router.replicas',
    ],
  );
  assert.equal(node('persistence.size')!.line, 11);
  assert.equal(node('persistence.size')!.defaultValue, '1Gi');
  assert.equal(node('persistence.size')!.doc, 'Smaller disks for dev');
  assert.equal(node('persistence.enabled')!.line, 2);
  assert.equal(node('persistence.existingClaim')!.line, 12);
  assert.equal(node('persistence.storageClass')!.line, 4);
  assert.equal(node('metrics')!.type, 'boolean');
  assert.equal(node('metrics.port'), undefined, 'its map was replaced');
  assert.deepEqual(node('router.replicas')!.range, {
    start: { line: 15, character: 2 },
    end: { line: 15, character: 10 },
  });
});

test('a values.yaml document that is a list is a problem, in both languages', () => {
  const tree = buildValuesTree('replicas: 1\n---\n- a\n');
  assert.deepEqual(tree.data, { replicas: 1 });
  assert.equal(tree.problems.length, 1);
  assert.match(tree.problems[0]!.en, /document that is not a mapping of keys \(line 3\)/);
  assert.match(tree.problems[0]!.ru, /документ \(`---`\) в строке 3 — не набор ключей/);
});
