/**
 * Splits a YAML stream into one chunk per `---` document, on line boundaries. A document marker
 * at the start of a line ends any block scalar in YAML, so splitting on it is exact; chunks that
 * hold only directives or comments are kept with the document that follows them. Because every
 * chunk starts at column 0 of a line, a chunk parsed on its own has positions that only need the
 * chunk's first line added, so unchanged chunks can be reused after edits elsewhere.
 */
export interface TextChunk {
  text: string;
  /** 0-based line of the chunk's first character in the whole file. */
  startLine: number;
  /** Offset of the chunk's first character in the whole file. */
  startOffset: number;
}

const DOCUMENT_START = /^---(?:[ \t\r]|$)/;

export function splitDocuments(text: string): TextChunk[] {
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let offset = 0;
  let onlyPreamble = true; // the current chunk holds nothing but comments, blanks and directives
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

function isPreambleLine(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#') || t.startsWith('%');
}
