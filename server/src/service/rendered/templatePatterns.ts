/**
 * What a template line can print, as a pattern over the rendered line: its text as written, each
 * action any text, or, where the values are known, an action that only prints a value
 * (`{{ .Values.zookeeper.volumes.data.name }}`) that value's text; and the small text helpers
 * they need.
 */
import { escapeRegExp } from '../text/regExp';

/** The text a value path holds in the values the chart was rendered with (strings only). */
export type ValueText = (path: string) => string | undefined;

/** A line that is one action and nothing else (it fits any rendered line). */
export const ONLY_ACTION = /^\s*\{\{[\s\S]*\}\}\s*$/;

/** A line trimmed, without the `- ` of the list items it starts. */
export function withoutDashes(line: string): string {
  return line.trim().replace(/^(?:-\s+)+/, '');
}

/** An action that prints a value as it is: `{{ .Values.a.b }}`, `{{- $.Values.a.b -}}`. */
const PRINTS_VALUE = /^\{\{-?\s*\$?\.Values\.([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*-?\}\}$/;

/**
 * The pattern of a template line, and how many of its actions were replaced by a known value's
 * text. An action's `{{-`/`-}}` eats the blanks before/after it (`selector: {{- include … }}`
 * prints `selector:`).
 */
function patternOf(
  templateLine: string,
  valueText?: ValueText,
): { pattern: RegExp; filled: number } {
  const parts = withoutDashes(templateLine).split(/(\{\{-?[\s\S]*?-?\}\})/);
  let source = '';
  let filled = 0;
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    if (i % 2 === 1) {
      const path = PRINTS_VALUE.exec(part)?.[1];
      const text = path !== undefined ? valueText?.(path) : undefined;
      if (text !== undefined) filled++;
      source += text !== undefined ? escapeRegExp(text) : '.*';
      continue;
    }
    const before = parts[i - 1];
    const after = parts[i + 1];
    if (before?.endsWith('-}}')) part = part.trimStart();
    if (after?.startsWith('{{-')) part = part.trimEnd();
    source += escapeRegExp(part);
  }
  return { pattern: new RegExp(`^${source}$`), filled };
}

/** What a template line can print: its text as written, each action any text. */
export function linePattern(templateLine: string): RegExp {
  return patternOf(templateLine).pattern;
}

/**
 * What a template line prints with the values it prints filled in (`name: ".*-zookeeper-data"`
 * for `name: "{{ template "x" . }}-{{ .Values.component }}-{{ .Values.data.name }}"`), or
 * undefined when it prints no known value: then it tells nothing that `linePattern` does not.
 */
export function valueLinePattern(templateLine: string, valueText: ValueText): RegExp | undefined {
  const { pattern, filled } = patternOf(templateLine, valueText);
  return filled ? pattern : undefined;
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
