import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineCounter, parseAllDocuments } from 'yaml';
import { countLinesBefore, lineAt, lineStartsOf } from '../../../../server/src/service/text/lines';

void test('lineStartsOf: where each line starts, as the yaml parser counts lines', () => {
  assert.deepEqual(lineStartsOf(''), [0]);
  assert.deepEqual(lineStartsOf('a\nb\r\nc\rd\n'), [0, 2, 5, 9]);
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z:\- \n\r]{0,60}$/), (text) => {
      const counter = new LineCounter();
      parseAllDocuments(text, { lineCounter: counter });
      assert.deepEqual(lineStartsOf(text), counter.lineStarts);
    }),
    { seed: 7, numRuns: 300 },
  );
});

void test('lineAt: the last line that starts at or before the offset', () => {
  const starts = lineStartsOf('ab\n\ncd\n');
  const lines = [0, 0, 0, 1, 2, 2, 2, 3, 3];
  lines.forEach((line, offset) => assert.equal(lineAt(starts, offset), line, `offset ${offset}`));
  assert.equal(lineAt([0], 5), 0);
});

void test('countLinesBefore: the line of an offset, as lineAt finds it in the line starts', () => {
  assert.equal(countLinesBefore('', 0), 0);
  assert.equal(countLinesBefore('a\nb\r\nc\rd\n', 11), 3);
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z:\- \n\r]{0,60}$/), fc.nat(70), (text, offset) => {
      const at = Math.min(offset, text.length);
      assert.equal(countLinesBefore(text, at), lineAt(lineStartsOf(text), at));
    }),
    { seed: 11, numRuns: 300 },
  );
});
