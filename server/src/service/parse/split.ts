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

export function splitDocuments(text: string): TextChunk[] {
  // Jumps from one `\n---` to the next instead of walking every line: this runs on every edit.
  const chunks: TextChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 0;
  let counted = 0; // newlines before `counted` are in `line`
  let line = 0;
  let first = true; // no split yet: the first chunk may hold only a preamble
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1)) {
    const offset = at + 1;
    if (!isDocumentStart(text, offset)) continue;
    if (first) {
      first = false;
      // Comments, blanks and directives before the first marker stay with the document after it.
      if (onlyPreamble(text, 0, offset)) continue;
    }
    while (counted < offset) {
      const newline = text.indexOf('\n', counted);
      if (newline === -1 || newline >= offset) break;
      line++;
      counted = newline + 1;
    }
    chunks.push({
      text: text.slice(chunkStart, offset),
      startLine: chunkLine,
      startOffset: chunkStart,
    });
    chunkStart = offset;
    chunkLine = line;
  }
  chunks.push({ text: text.slice(chunkStart), startLine: chunkLine, startOffset: chunkStart });
  return chunks;
}

/** `---` at `offset` (a line start) followed by a blank, a line end or the end of the text. */
function isDocumentStart(text: string, offset: number): boolean {
  const next = text.charCodeAt(offset + 3); // NaN at the end of the text
  return Number.isNaN(next) || next === 32 || next === 9 || next === 13 || next === 10;
}

/** Every line in [start, end) is blank, a comment or a directive. */
function onlyPreamble(text: string, start: number, end: number): boolean {
  for (let offset = start; offset < end;) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline === -1 || newline >= end ? end : newline;
    if (!isPreambleLine(text.slice(offset, lineEnd))) return false;
    offset = lineEnd + 1;
  }
  return true;
}

function isPreambleLine(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#') || t.startsWith('%');
}
