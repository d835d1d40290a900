/** A values file of several `---` documents, read as Helm 4 reads it (merged in order). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValues, spanRange } from '../../../../server/src/service/helm/valuesFile';
import {
  documentAt,
  winningKeys,
  winningNodes,
} from '../../../../server/src/service/helm/valuesDocuments';
import { pathId } from '../../../../server/src/service/helm/paths';

// What `helm template` (v4.1) gave for this file over a chart that reads `.Values`: maps merge key
// by key, a list replaces the list, a null stays (it removes the chart's default later), empty
// and comment-only documents add nothing.
const LAYERED = [
  '# base settings', // 0
  'persistence:', // 1
  '  enabled: true', // 2
  '  size: 8Gi', // 3
  '  accessModes: [ReadWriteOnce]', // 4
  'metrics:', // 5
  '  port: 9100', // 6
  '---', // 7
  '# only a comment here', // 8
  '---', // 9
  'persistence:', // 10
  '  size: 20Gi', // 11
  '  accessModes: [ReadWriteMany]', // 12
  'metrics: false', // 13
  'tolerations: null', // 14
  '---', // 15
  '',
].join('\n');

function keyLine(text: string, path: readonly (string | number)[]): number | undefined {
  const { docs, lineCounter } = parseValues(text);
  const r = winningNodes(docs, path)?.key?.range;
  return r ? spanRange(lineCounter, [r[0], r[1]]).start.line : undefined;
}

void test('the documents merge as helm merges them: maps by key, lists and scalars replaced, null kept', () => {
  assert.deepEqual(parseValues(LAYERED).data, {
    persistence: { enabled: true, size: '20Gi', accessModes: ['ReadWriteMany'] },
    metrics: false,
    tolerations: null,
  });
});

void test('a key path leads to the document whose value wins', () => {
  assert.equal(keyLine(LAYERED, ['persistence', 'size']), 11, 'the later document');
  assert.equal(keyLine(LAYERED, ['persistence', 'enabled']), 2, 'only the first writes it');
  assert.equal(keyLine(LAYERED, ['persistence']), 10, 'the map written last');
  assert.equal(keyLine(LAYERED, ['metrics']), 13);
  assert.equal(keyLine(LAYERED, ['metrics', 'port']), undefined, 'its map was replaced');
  assert.equal(keyLine(LAYERED, ['persistence', 'accessModes', 0]), undefined, 'not a key');
  assert.equal(keyLine(LAYERED, ['missing']), undefined);
  const { docs } = parseValues(LAYERED);
  const item = winningNodes(docs, ['persistence', 'accessModes', 0]);
  assert.equal(item?.doc, docs[2], 'a list item: of the list that replaced the first');
  assert.equal(item?.value?.toString(), 'ReadWriteMany');
});

void test('one document: its data and nodes as before, a list root kept as the data', () => {
  const one = parseValues('persistence:\n  size: 8Gi\n');
  assert.equal(one.docs.length, 1);
  assert.deepEqual(one.data, { persistence: { size: '8Gi' } });
  assert.equal(keyLine('persistence:\n  size: 8Gi\n', ['persistence', 'size']), 1);
  assert.deepEqual(parseValues('- a\n').data, ['a']);
  assert.deepEqual(parseValues('').data, {});
  assert.deepEqual(parseValues('# nothing\n').data, {});
});

void test('a document that is not a mapping is the data (helm refuses the file), not merged away', () => {
  assert.deepEqual(parseValues('a: 1\n---\n- b\n').data, ['b']);
  assert.deepEqual(parseValues('a: 1\n---\nplain\n').data, 'plain');
  assert.deepEqual(parseValues('a: 1\n---\nnull\n---\n~\n').data, { a: 1 });
});

void test('an offset is in the document written there', () => {
  const { docs, lineCounter } = parseValues(LAYERED);
  const at = (line: number) => docs.indexOf(documentAt(docs, lineCounter.lineStarts[line]!)!);
  assert.deepEqual([at(1), at(6), at(8), at(11), at(14)], [0, 0, 1, 2, 2]);
  assert.equal(documentAt([], 0), undefined);
});

void test('the winners of all key paths at once are the winners of each path', () => {
  const text = `${LAYERED}metrics:\n  port: 9200\n---\nmetrics: [a]\npersistence: {size: 1Gi}\n`;
  const { docs } = parseValues(text);
  const winners = winningKeys(docs);
  const paths = [
    ['persistence'],
    ['persistence', 'enabled'],
    ['persistence', 'size'],
    ['persistence', 'accessModes'],
    ['metrics'],
    ['metrics', 'port'],
    ['tolerations'],
  ];
  for (const path of paths)
    assert.equal(winners.get(pathId(path)), winningNodes(docs, path)?.key, pathId(path));
  assert.deepEqual([...winners.keys()].sort(), [
    'metrics',
    'persistence',
    'persistence.accessModes',
    'persistence.enabled',
    'persistence.size',
    'tolerations',
  ]);
});
