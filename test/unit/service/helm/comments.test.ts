import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyComments,
  cleanComment,
  docAbove,
  trailingComment,
} from '../../../../server/src/service/helm/comments';

function classify(text: string) {
  const lines = text.split('\n');
  return { lines, ...classifyComments(lines, new Set()) };
}

void test('doc comments in #, ##, helm-docs and readme-generator styles lose their markers', () => {
  assert.equal(cleanComment(['## Number of pods', '##']), 'Number of pods');
  assert.equal(cleanComment(['# -- Extra labels']), 'Extra labels');
  assert.equal(
    cleanComment(['## @param persistence.size Size of the volume']),
    'Size of the volume',
  );
  assert.equal(cleanComment(['## @section Persistence']), undefined);
  assert.equal(cleanComment(['#   indented text']), '  indented text');
  assert.equal(cleanComment(['# first', '#', '# second']), 'first\n\nsecond');
});

void test('commented-out keys are examples, prose with a colon is not', () => {
  const { keys, kinds } = classify(
    [
      '  ## Storage class',
      '  # storageClass: "-"',
      '  # existingClaim:',
      '  # Note: capitalised prose',
      '  # ref: https://example.org',
      '  # this is: a sentence with words',
      '# resources:',
      '#   limits:',
      '#     memory: 1Gi',
      '## a commented list:',
      '#  - name: item',
      '#    ca: |-',
    ].join('\n'),
  );
  assert.deepEqual(
    keys.map((k) => [k.key, k.value, k.column]),
    [
      ['storageClass', '"-"', 2],
      ['existingClaim', '', 2],
      ['resources', '', 0],
    ],
  );
  assert.equal(keys[2]!.example, 'resources:\n  limits:\n    memory: 1Gi');
  assert.equal(kinds.get(0)!.kind, 'doc');
  assert.equal(kinds.get(3)!.kind, 'doc');
  assert.equal(kinds.get(4)!.kind, 'doc');
  assert.equal(kinds.get(7)!.kind, 'example-more');
  assert.equal(
    kinds.get(11)!.kind,
    'example-more',
    'a key inside a commented list item is not a value',
  );
});

void test('the doc of a key stops at a blank line and at a commented-out example', () => {
  const { lines, kinds } = classify(
    ['# header', '', '## about a', '## more', 'a: 1', '## about b', '# b: 2', 'c: 3'].join('\n'),
  );
  assert.equal(docAbove(lines, kinds, 4), 'about a\nmore');
  assert.equal(docAbove(lines, kinds, 7), undefined);
  assert.equal(docAbove(lines, kinds, 6), 'about b');
});

void test('trailing comments are found outside quotes only', () => {
  assert.equal(trailingComment('  tag: "3.2" # pinned', 6), 'pinned');
  assert.equal(trailingComment('  tag: "a # b"', 6), undefined);
  assert.equal(trailingComment("  note: it's fine # yes", 7), 'yes');
  assert.equal(trailingComment('  url: http://x#frag', 6), undefined);
});

void test('a code sample inside the docs is documentation, not commented-out keys', () => {
  const { lines, keys, kinds } = classify(
    [
      'archive:',
      '  tolerations: []',
      '  ###',
      '  # Credentials for the archive bucket, for example:',
      '  #',
      '  # .. code-block:: yaml',
      '  #',
      '  #    accessKey: archiver',
      '  #    secretKey:',
      '  #      fromSecret: archive-keys',
      '  ###',
      '  # Where the archive is written',
      '  credentials: {}',
      '  # Extra volumes, e.g.::',
      '  #',
      '  #    - name: spool',
      '  #      emptyDir: {}',
      '  # storageClassName: archive-hdd',
      '  volumes: []',
      '  # Shown as Markdown:',
      '  # ```yaml',
      '  # retention: 30d',
      '  # ```',
      '  # retentionMode: strict',
      'after: 1',
    ].join('\n'),
  );
  assert.deepEqual(
    keys.map((k) => k.key),
    ['storageClassName', 'retentionMode'],
    'keys after the end of a sample are commented-out keys again',
  );
  for (const line of [7, 8, 9, 15, 16, 21, 22]) assert.equal(kinds.get(line)!.kind, 'doc');
  assert.equal(
    docAbove(lines, kinds, 9 + 3),
    'Credentials for the archive bucket, for example:\n\n.. code-block:: yaml\n\n' +
      '   accessKey: archiver\n   secretKey:\n     fromSecret: archive-keys\n\n' +
      'Where the archive is written',
  );
});

void test('a commented-out file name with a dot is a key, its block scalar its example', () => {
  const { keys, kinds } = classify(
    [
      'searchConfig: {}',
      '#  search.yml: |',
      '#    cluster:',
      '#      name: books',
      '#  jvm.options: |',
      '#    -Xms1g',
      '# e.g.: keep prose abbreviations as docs',
    ].join('\n'),
  );
  assert.deepEqual(
    keys.map((k) => [k.key, k.value, k.keyColumn]),
    [
      ['search.yml', '|', 2],
      ['jvm.options', '|', 2],
    ],
  );
  assert.equal(keys[0]!.example, 'search.yml: |\n  cluster:\n    name: books');
  assert.equal(kinds.get(2)!.kind, 'example-more', 'a line of the file is not a key of its own');
  assert.equal(kinds.get(6)!.kind, 'doc');
});

void test('a commented-out key keeps the lines indented under it, `#` and all', () => {
  const { keys, kinds, lines } = classify(
    [
      '    volumes:',
      '      # storageClass:',
      '        # type: ssd',
      '        # fsType: xfs',
      '      # selector:',
      '        # ...',
      '      # retain: ## kept as is',
      '      size: 1Gi',
    ].join('\n'),
  );
  assert.deepEqual(
    keys.map((k) => [k.key, k.example, k.value]),
    [
      ['storageClass', 'storageClass:\n  type: ssd\n  fsType: xfs', ''],
      ['selector', 'selector:', ''],
      ['retain', 'retain: ## kept as is', ''],
    ],
  );
  // The placeholder under `selector:` is not the doc of what follows it.
  assert.equal(kinds.get(5)?.kind, 'example-more');
  assert.equal(docAbove(lines, kinds, 7), undefined);
});
