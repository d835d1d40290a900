/** Template lines as the patterns of what they can print, and the small text helpers they need. */
import { escapeRegExp } from '../text/regExp';

/** A line trimmed, without the `- ` of the list items it starts. */
export function withoutDashes(line: string): string {
  return line.trim().replace(/^(?:-\s+)+/, '');
}

/**
 * What a template line can print, as a pattern: its text as written, each action any text. An
 * action's `{{-`/`-}}` eats the blanks before/after it (`selector: {{- include … }}` prints
 * `selector:`).
 */
export function linePattern(templateLine: string): RegExp {
  const parts = withoutDashes(templateLine).split(/(\{\{-?[\s\S]*?-?\}\})/);
  let source = '';
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    if (i % 2 === 1) {
      source += '.*';
      continue;
    }
    const before = parts[i - 1];
    const after = parts[i + 1];
    if (before?.endsWith('-}}')) part = part.trimStart();
    if (after?.startsWith('{{-')) part = part.trimEnd();
    source += escapeRegExp(part);
  }
  return new RegExp(`^${source}$`);
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
