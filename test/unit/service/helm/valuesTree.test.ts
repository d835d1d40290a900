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
