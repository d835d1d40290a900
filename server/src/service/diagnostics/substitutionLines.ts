/**
 * YAML that is a template of a later tool: a syntax error on a line whose whole content is a
 * substitution (`${EXTRA_LIMITS}` of envsubst inside a mapping, `$(VAR)` of kustomize,
 * `{{ include "x" . }}` of a Go template outside a chart, `((extra))` of Concourse) means the
 * document is YAML only after that tool has run: what the line becomes (keys, a list, nothing) is
 * not known here, so the errors on that line are not judged (found on Loki's config templates).
 * Errors on any other line are left as they are: they stay after substitution, except an error
 * inside a substitution itself (`namespaces: [${WATCH_NAMESPACES}]`: the `{` of envsubst's
 * placeholder opens a mapping inside the `[ ]`; Altinity's operator config template), which is gone
 * once the tool has replaced it. So is a printf verb that starts a plain value (`name: %s`,
 * `storage: %dGi`): YAML lets no plain value start with `%`, and a manifest written so is the format
 * of a program that fills it in with `fmt.Sprintf` before applying it (TopoLVM's end-to-end tests).
 */
import type { Span } from '../parse/nodes';

/** A Go template action: `{{ … }}`, with actions nested one deep in its strings. */
const INNER = String.raw`\{\{(?:[^}\n]|\}(?!\}))*\}\}`;
const ACTION = String.raw`\{\{(?:[^{}\n]|\{(?!\{)|\}(?!\})|${INNER})*\}\}`;

/** One substitution: `${VAR}`, `$(VAR)`, a Go template action, `((var))`. */
const ONE = String.raw`(?:\$\{[^}\n]*\}|\$\([^)\n]*\)|${ACTION}|\(\([^)\n]*\)\))`;

const ANY = new RegExp(ONE, 'g');

/** A line made only of substitutions (one or several, with spaces between), maybe a comment. */
const WHOLE_LINE = new RegExp(String.raw`^([ \t]*)((?:${ONE}[ \t]*)*${ONE})[ \t]*(?:#.*)?$`);

/** The line an error at `pos` is on: the error's offset, the line's start and its text (no `\r`). */
function lineAround(
  text: string,
  pos: readonly [number, number],
): { at: number; start: number; line: string } {
  const at = Math.min(Math.max(pos[0], 0), text.length);
  const start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const line = text.slice(start, newline === -1 ? text.length : newline).replace(/\r$/, '');
  return { at, start, line };
}

/**
 * The span of the line at `pos` (without its indentation) when it holds only substitutions;
 * undefined otherwise.
 */
export function substitutionLine(text: string, pos: readonly [number, number]): Span | undefined {
  const { start, line } = lineAround(text, pos);
  const match = WHOLE_LINE.exec(line);
  if (!match) return undefined;
  const from = start + match[1]!.length;
  return [from, from + match[2]!.length];
}

/**
 * The span of the substitution the error at `pos` lies in, when that substitution is an item of a
 * flow collection (right after its `[`, `{` or a `,`); undefined otherwise. A substitution
 * elsewhere on a line with more text is not skipped: that text stays after substitution.
 */
export function substitutionAt(text: string, pos: readonly [number, number]): Span | undefined {
  const { at, start, line } = lineAround(text, pos);
  for (const match of line.matchAll(ANY)) {
    const from = start + match.index;
    const to = from + match[0].length;
    const before = line.slice(0, match.index).trimEnd();
    if (at >= from && at < to && /[[{,]$/.test(before)) return [from, to];
  }
  return undefined;
}

/**
 * A printf verb of Go's `fmt` (and C's): `%s`, `%d`, `%v`, `%q`, with flags, width, precision or an
 * explicit argument index (`%-5d`, `%[1]s`).
 */
const VERB = String.raw`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[vTtbcdoOqxXUeEfFgGsp]`;

/**
 * A plain value that starts with a printf verb, after `key: ` or `- ` (the rest of it up to a
 * blank, so `%dGi` and `%s-clone` too), maybe with a comment after it.
 */
const PRINTF_VALUE = new RegExp(
  String.raw`^(?:[ \t]*-[ \t]+)*(?:[ \t]*[^\s#:'"][^#\n]*?:[ \t]+)?(${VERB}[^\s#]*)[ \t]*(?:#.*)?$`,
  'd',
);

/** Every `%` of a value begins a printf verb or is `%%`. */
const ONLY_VERBS = new RegExp(String.raw`^(?:[^%]|%%|${VERB})*$`);

/**
 * The span of the printf placeholder at `pos`, when the error there is a plain value that starts
 * with a printf verb (`name: %s`, `- %d`); undefined otherwise. A value with another `%` that is
 * no printf verb is no format of `fmt` (`%d/%m/%Y` of strftime): its missing quotes stay an error.
 */
export function printfValueAt(text: string, pos: readonly [number, number]): Span | undefined {
  const { at, start, line } = lineAround(text, pos);
  if (text[at] !== '%') return undefined;
  const match = PRINTF_VALUE.exec(line);
  if (!match || !ONLY_VERBS.test(match[1]!)) return undefined;
  const [from, to] = match.indices![1]!;
  return start + from === at ? [at, start + to] : undefined;
}
