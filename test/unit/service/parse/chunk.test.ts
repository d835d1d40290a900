/**
 * A chunk's positions (parse/chunk.ts): line and character of every offset, and back, the same
 * for a chunk parsed here and one built from a summary that crossed threads, and as the `yaml`
 * package's own line counter gives them (the chunk works its line starts out from its text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineCounter, parseAllDocuments } from 'yaml';
import { ParsedChunk } from '../../../../server/src/service/parse/chunk';
import { summarizeChunk } from '../../../../server/src/service/parse/summary';

const TEXTS = [
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n',
  // CRLF line ends, empty lines, a last line without its end.
  'apiVersion: v1\r\nkind: ConfigMap\r\n\r\n\r\nmetadata:\r\n  name: c\r\ndata:\r\n  a: "1"',
  // A lone CR does not end a line for the parser; block and quoted scalars over several lines.
  'kind: ConfigMap\rdata:\n  a: |\n    x\n\n    y\n  b: "q\n    r"\n# end\n',
  // Not ASCII: offsets count UTF-16 units.
  'kind: ConfigMap\nmetadata:\n  name: приложение\ndata:\n  ключ: 😀 значение\n',
  '',
  '\n\n\n',
];

/** Line and character of `offset` as yaml's LineCounter gives them (1-based there). */
function yamlPosition(counter: LineCounter, offset: number): { line: number; character: number } {
  const { line, col } = counter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

describe('ParsedChunk positions', () => {
  for (const text of TEXTS) {
    it(`match yaml's line counter and a summary's chunk: ${JSON.stringify(text.slice(0, 24))}`, () => {
      const counter = new LineCounter();
      parseAllDocuments(text, { lineCounter: counter });
      const parsed = new ParsedChunk(text, false);
      const summary = summarizeChunk(parsed)!;
      const fromSummary = new ParsedChunk(text, false, structuredClone(summary));
      // Before any position was asked for, the line is counted in the text; the same line.
      for (let offset = 0; offset <= text.length; offset++) {
        assert.equal(fromSummary.lineOf(offset), yamlPosition(counter, offset).line, `${offset}`);
      }
      assert.deepEqual(parsed.lineStarts, counter.lineStarts);
      assert.deepEqual(fromSummary.lineStarts, counter.lineStarts);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = parsed.positionAt(offset);
        assert.deepEqual(position, yamlPosition(counter, offset), `offset ${offset}`);
        assert.deepEqual(fromSummary.positionAt(offset), position, `offset ${offset}`);
        assert.equal(parsed.offsetAt(position), offset, `offset ${offset}`);
        assert.equal(parsed.lineOf(offset), position.line, `offset ${offset}`);
      }
      // Offsets outside the text are clamped to it.
      assert.deepEqual(parsed.positionAt(-5), parsed.positionAt(0));
      assert.deepEqual(parsed.positionAt(text.length + 9), parsed.positionAt(text.length));
      assert.equal(fromSummary.lineOf(text.length + 9), parsed.positionAt(text.length).line);
    });
  }

  it('a chunk nested too deeply to parse still knows its lines', () => {
    const text = `a: ${'['.repeat(20000)}\nb: 1\n`;
    const chunk = new ParsedChunk(text, false);
    assert.notEqual(chunk.tooDeepAt, undefined);
    assert.deepEqual(chunk.lineStarts, [0, text.indexOf('\n') + 1, text.length]);
    assert.deepEqual(chunk.positionAt(text.length - 2), { line: 1, character: 3 });
  });
});

describe('ParsedChunk.lineOf', () => {
  it('counts near the start and keeps no line starts; further in, works them out once', () => {
    const items = Array.from({ length: 400 }, (_, i) => `  - name: item-${i}\n    size: 1Gi\n`);
    const text = `kind: List\nitems:\n${items.join('')}`;
    const chunk = new ParsedChunk(text, false);
    const near = text.indexOf('item-3');
    assert.equal(chunk.lineOf(near), 2 + 3 * 2);
    assert.equal(chunk.holdsLineStarts, false, 'no line starts kept for a near offset');
    const far = text.indexOf('item-399');
    assert.equal(chunk.lineOf(far), 2 + 399 * 2);
    assert.equal(chunk.holdsLineStarts, true, 'line starts worked out once for a far offset');
    assert.equal(chunk.lineStarts.length, 2 + 400 * 2 + 1);
    assert.equal(chunk.lineOf(near), 2 + 3 * 2);
  });
});
