import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitDocuments } from '../../../../server/src/service/parse/split';

describe('splitDocuments', () => {
  it('splits on document markers and keeps line offsets', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(
      chunks.map((c) => [c.startLine, c.text]),
      [
        [0, 'a: 1\n'],
        [1, '---\nb: 2\n'],
        [3, '--- # c\nc: 3\n'],
      ],
    );
    assert.equal(chunks.map((c) => c.text).join(''), text);
  });

  it('keeps a leading comment or directive with the document after it', () => {
    const chunks = splitDocuments('# header\n%YAML 1.1\n---\na: 1\n---\nb: 2');
    assert.equal(chunks.length, 2);
    assert.equal(chunks[0]!.text, '# header\n%YAML 1.1\n---\na: 1\n');
    assert.equal(chunks[1]!.startLine, 4);
  });

  it('does not split on text that only starts with dashes', () => {
    const chunks = splitDocuments('a: |\n  ---x\n----\nb: 1\n');
    assert.equal(chunks.length, 1);
  });

  it('handles empty documents and CRLF', () => {
    const text = '---\r\n---\r\na: 1\r\n';
    const chunks = splitDocuments(text);
    assert.equal(chunks.length, 2);
    assert.equal(chunks.map((c) => c.text).join(''), text);
    assert.equal(splitDocuments('').length, 1);
  });
});
