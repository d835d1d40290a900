/** Test texts with a `|` cursor marker: the text without it and the marker's LSP position. */
import type { Position } from 'vscode-languageserver-types';

export function cursor(marked: string, marker = '|'): { text: string; position: Position } {
  const index = marked.indexOf(marker);
  if (index === -1 || marked.indexOf(marker, index + 1) !== -1) {
    throw new Error(`expected exactly one cursor marker ${marker} in:\n${marked}`);
  }
  const text = marked.slice(0, index) + marked.slice(index + marker.length);
  const before = marked.slice(0, index).split('\n');
  return {
    text,
    position: { line: before.length - 1, character: before[before.length - 1]!.length },
  };
}
