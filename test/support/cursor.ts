/**
 * Cursor markers for tests: write `|` where the cursor is, get the text without it and the
 * LSP position (0-based line and UTF-16 character) of the marker.
 */
export interface Position {
  line: number;
  character: number;
}

export interface CursorText {
  text: string;
  position: Position;
  offset: number;
}

/**
 * Removes the first `marker` (default `|`) and returns the text and where it was. Throws when
 * the marker is missing, so a test never runs without a cursor by mistake. A literal `|` that
 * must stay in the text (a YAML block scalar) can be kept by choosing another marker.
 */
export function cursor(textWithMarker: string, marker = '|'): CursorText {
  const offset = textWithMarker.indexOf(marker);
  if (offset === -1) throw new Error(`no cursor marker ${JSON.stringify(marker)} in the text`);
  const text = textWithMarker.slice(0, offset) + textWithMarker.slice(offset + marker.length);
  return { text, position: positionAt(text, offset), offset };
}

/** Every marker, in order, with positions in the text that has all markers removed. */
export function cursors(
  textWithMarkers: string,
  marker = '|',
): { text: string; positions: Position[] } {
  const positions: Position[] = [];
  let text = textWithMarkers;
  for (;;) {
    const offset = text.indexOf(marker);
    if (offset === -1) break;
    text = text.slice(0, offset) + text.slice(offset + marker.length);
    positions.push(positionAt(text, offset));
  }
  return { text, positions };
}

export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
