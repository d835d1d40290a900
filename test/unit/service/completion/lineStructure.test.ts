import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineTokens } from '../../../../server/src/service/completion/lineStructure';

void test('tokens of a line: dashes and the first key', () => {
  assert.deepEqual(
    lineTokens('  - - name: x # c').map((t) => `${t.type}@${t.col}${t.key ? ':' + t.key : ''}`),
    ['dash@2', 'dash@4', 'key@6:name'],
  );
  assert.deepEqual(lineTokens('# only a comment'), []);
  assert.deepEqual(lineTokens('---'), []);
  assert.equal(lineTokens('  script: |')[0]!.block, true);
  assert.equal(lineTokens('  "quoted key": 1')[0]!.key, 'quoted key');
  assert.equal(lineTokens('  image: nginx:1.27')[0]!.key, 'image');
});
