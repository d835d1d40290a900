import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitDocuments, type TextChunk } from '../../../../server/src/service/parse/split';

/** The line-by-line splitter that splitDocuments replaced (kept here as the reference). */
function referenceSplit(text: string): TextChunk[] {
  const DOCUMENT_START = /^---(?:[ \t\r]|$)/;
  const isPreambleLine = (line: string): boolean => {
    const t = line.trim();
    return t === '' || t.startsWith('#') || t.startsWith('%');
  };
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let offset = 0;
  let onlyPreamble = true;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 ? text.length : newline;
    const lineText = text.slice(offset, lineEnd);
    if (DOCUMENT_START.test(lineText) && offset > chunkStart && !onlyPreamble) {
      chunks.push({
        text: text.slice(chunkStart, offset),
        startLine: chunkLine,
        startOffset: chunkStart,
      });
      chunkStart = offset;
      chunkLine = line;
      onlyPreamble = true;
    }
    if (onlyPreamble && !isPreambleLine(lineText)) onlyPreamble = false;
    if (newline === -1) break;
    offset = newline + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), startLine: chunkLine, startOffset: chunkStart });
  return chunks;
}

const lines = fc.constantFrom(
  '---',
  '--- ',
  '---\t# c',
  '---\r',
  '----',
  '---x',
  ' ---',
  '# comment',
  '%YAML 1.1',
  '',
  '  ',
  'a: 1',
  'kind: Pod',
  '  - x',
  '...',
  'b: |',
  '  ---',
);

void describe('splitDocuments (jumping from marker to marker)', () => {
  void it('gives exactly the chunks of the line-by-line reference', () => {
    fc.assert(
      fc.property(
        fc.array(lines, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (parts, eol, trailing) => {
          const text = parts.join(eol) + (trailing ? eol : '');
          assert.deepEqual(splitDocuments(text), referenceSplit(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
