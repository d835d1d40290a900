/**
 * Lines of a text by offset: where each line starts, and which line holds an offset. Lines end at
 * `\n` (a `\r\n` ends at its `\n`; a lone `\r` ends nothing), as the `yaml` parser counts them.
 */

/** The UTF-16 offset at which each line of `text` starts; the first is 0. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The line holding `offset`, counted in the text: for a position asked for once, where keeping
 * every line start of the text (`lineStartsOf`) would cost more than counting.
 */
export function countLinesBefore(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The line holding `offset`: the last one that starts at or before it (binary search). */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
