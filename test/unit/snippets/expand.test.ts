import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SnippetSyntaxError, expandSnippet, parseSnippet, tabStopIndices } from './expand';

void describe('snippet expander', () => {
  void it('inserts defaults, first choices and mirrors', () => {
    assert.equal(expandSnippet('name: ${1:web}\nsvc: $1'), 'name: web\nsvc: web');
    assert.equal(expandSnippet('mode: ${1|ReadWriteOnce,ReadWriteMany|}'), 'mode: ReadWriteOnce');
    assert.equal(expandSnippet('a: $2 b: ${2:x} c: ${1}'), 'a: x b: x c: ');
    assert.equal(expandSnippet('end$0'), 'end');
  });

  void it('expands nested placeholders', () => {
    assert.equal(expandSnippet('${1:outer ${2:inner} tail} $2'), 'outer inner tail inner');
    assert.deepEqual(tabStopIndices(parseSnippet('${1:a ${2:b}} ${3|x,y|} $0')), [1, 2, 3, 0]);
  });

  void it('honours escapes in text and in choices', () => {
    assert.equal(expandSnippet('cost: \\$5 \\} \\\\'), 'cost: $5 } \\');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('${1:{x\\}}'), '{x}');
  });

  void it('resolves variables, their defaults and unknown names', () => {
    assert.equal(expandSnippet('$TM_FILENAME_BASE'), 'manifest');
    assert.equal(expandSnippet('${TM_SELECTED_TEXT:none}'), 'none');
    assert.equal(expandSnippet('${NOT_A_VARIABLE}'), 'NOT_A_VARIABLE');
    assert.equal(expandSnippet('${TM_FILENAME/(.*)/$1/}!'), 'manifest.yaml!');
  });

  void it('rejects malformed syntax', () => {
    assert.throws(() => parseSnippet('${1:open'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1|a,b'), SnippetSyntaxError);
    assert.throws(() => parseSnippet('${1?}'), SnippetSyntaxError);
  });
});
