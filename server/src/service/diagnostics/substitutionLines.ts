/**
 * YAML that is a template of a later tool: a syntax error on a line whose whole content is a
 * substitution (`${EXTRA_LIMITS}` of envsubst inside a mapping, `$(VAR)` of kustomize,
 * `{{ include "x" . }}` of a Go template outside a chart, `((extra))` of Concourse) means the
 * document is YAML only after that tool has run: what the line becomes (keys, a list, nothing) is
 * not known here, so the errors on that line are not judged (found on Loki's config templates).
 * Errors on any other line are left as they are: they stay after substitution.
 */
import type { Span } from '../parse/nodes';

/** A Go template action: `{{ … }}`, with actions nested one deep in its strings. */
const INNER = String.raw`\{\{(?:[^}\n]|\}(?!\}))*\}\}`;
const ACTION = String.raw`\{\{(?:[^{}\n]|\{(?!\{)|\}(?!\})|${INNER})*\}\}`;

/** One substitution: `${VAR}`, `$(VAR)`, a Go template action, `((var))`. */
const ONE = String.raw`(?:\$\{[^}\n]*\}|\$\([^)\n]*\)|${ACTION}|\(\([^)\n]*\)\))`;

/** A line made only of substitutions (one or several, with spaces between), maybe a comment. */
const WHOLE_LINE = new RegExp(String.raw`^([ \t]*)((?:${ONE}[ \t]*)*${ONE})[ \t]*(?:#.*)?$`);

/**
 * The span of the line at `pos` (without its indentation) when it holds only substitutions;
 * undefined otherwise.
 */
export function substitutionLine(text: string, pos: readonly [number, number]): Span | undefined {
  const at = Math.min(Math.max(pos[0], 0), text.length);
  const start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  const end = newline === -1 ? text.length : newline;
  const line = text.slice(start, end).replace(/\r$/, '');
  const match = WHOLE_LINE.exec(line);
  if (!match) return undefined;
  const from = start + match[1]!.length;
  return [from, from + match[2]!.length];
}
