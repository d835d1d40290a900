import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excessiveNesting, MAX_NESTING_DEPTH } from '../../../../server/src/service/parse/limits';

void describe('excessiveNesting', () => {
  void it('accepts ordinary manifests and nesting up to the limit', () => {
    assert.equal(excessiveNesting('a: [1, {b: [2, 3]}]\nc:\n  - - x\n'), undefined);
    const n = MAX_NESTING_DEPTH;
    assert.equal(excessiveNesting('a: ' + '['.repeat(n) + ']'.repeat(n)), undefined);
    assert.equal(excessiveNesting('- '.repeat(n) + 'x'), undefined);
  });

  void it('finds flow nesting past the limit, at the first bracket too many', () => {
    const text = 'a: ' + '['.repeat(MAX_NESTING_DEPTH + 1);
    assert.equal(excessiveNesting(text), text.length - 1);
    assert.equal(excessiveNesting('{a: '.repeat(300)), 3 + 4 * MAX_NESTING_DEPTH - 3);
  });

  void it('counts closed brackets back down', () => {
    const pair = '[' + ']';
    assert.equal(excessiveNesting(pair.repeat(100_000)), undefined);
    assert.equal(
      excessiveNesting(('['.repeat(200) + ']'.repeat(200) + '\n').repeat(50)),
      undefined,
    );
  });

  void it('finds compact block sequences past the limit on one line', () => {
    const text = 'k:\n  ' + '- '.repeat(MAX_NESTING_DEPTH + 1) + 'x';
    assert.equal(excessiveNesting(text), 5 + 2 * MAX_NESTING_DEPTH);
    assert.equal(excessiveNesting('? '.repeat(MAX_NESTING_DEPTH + 1)), 2 * MAX_NESTING_DEPTH);
  });

  void it('ignores brackets in comments and in quoted strings inside flow collections', () => {
    const many = '['.repeat(MAX_NESTING_DEPTH + 10);
    assert.equal(excessiveNesting(`a: 1 # ${many}\n`), undefined);
    assert.equal(excessiveNesting(`a: ["${many}", '${many}', "\\"${many}"]`), undefined);
    assert.equal(excessiveNesting(`a: ['it''s ${many}']`), undefined);
  });

  void it('is linear: a megabyte of brackets is scanned quickly', () => {
    const start = process.cpuUsage();
    excessiveNesting('[]'.repeat(500_000));
    excessiveNesting('['.repeat(1_000_000));
    const used = process.cpuUsage(start);
    assert.ok((used.user + used.system) / 1000 < 1000, 'well under a second of CPU');
  });
});
