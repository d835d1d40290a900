/**
 * YAML that is a template of a later tool: a syntax error on a line whose whole content is a
 * substitution (`${EXTRA_LIMITS}` of envsubst inside a mapping, `$(VAR)` of kustomize,
 * `{{ include "x" . }}` of a Go template outside a chart, `((extra))` of Concourse) means the
 * document is YAML only after that tool has run: what the line becomes (keys, a list, nothing) is
 * not known here, so the errors on that line are not judged (found on Loki's config templates).
 * Errors on any other line are left as they are: they stay after substitution, except an error
 * inside a substitution itself (`namespaces: [${WATCH_NAMESPACES}]`: the `{` of envsubst's
 * placeholder opens a mapping inside the `[ ]`; Altinity's operator config template), which is gone
 * once the tool has replaced it, and one that opens a plain value (`image: {{.Registry}}{{.Image}}`
 * of minikube's addon templates, `image: %{SYSTEM_DEFAULT_REGISTRY}%rancher/x` of k3s's manifests):
 * the `yaml` parser reads `{{` as a flow mapping and `%` as a directive, and loses the rest of the
 * document after it, so the document is parsed again with those values filled in (`filledValues`)
 * and only what stays broken there is an error. So is a printf verb that starts a plain value (`name: %s`,
 * `storage: %dGi`): YAML lets no plain value start with `%`, and a manifest written so is the format
 * of a program that fills it in with `fmt.Sprintf` before applying it (TopoLVM's end-to-end tests).
 */
import type { Span } from '../parse/nodes';
import type { LocalizedText } from '../types';
import { localize } from '../i18n/format';
import { coreMessages } from '../i18n/coreMessages';

/** A Go template action: `{{ … }}`, with actions nested one deep in its strings. */
const INNER = String.raw`\{\{(?:[^}\n]|\}(?!\}))*\}\}`;
const ACTION = String.raw`\{\{(?:[^{}\n]|\{(?!\{)|\}(?!\})|${INNER})*\}\}`;

/**
 * k3s's `%{NAME}%`: k3s replaces these in the manifests it ships (`%{SYSTEM_DEFAULT_REGISTRY}%`,
 * `%{CLUSTER_DNS}%`…) before it applies them (k3s-io/k3s `pkg/server/server.go`, `stageFiles`:
 * `templateVars`, written out by `deploy.Stage`).
 */
const K3S_VARIABLE = String.raw`%\{[A-Z][A-Z0-9_]*\}%`;

/** One substitution: `${VAR}`, `$(VAR)`, a Go template action, `((var))`, k3s's `%{VAR}%`. */
const ONE = String.raw`(?:\$\{[^}\n]*\}|\$\([^)\n]*\)|${ACTION}|\(\([^)\n]*\)\)|${K3S_VARIABLE})`;

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

/**
 * A value, after `key: ` or `- `, that starts with substitutions, maybe inside quotes (minikube's
 * `image: "{{default "registry.k8s.io" .ImageRepository}}/pause"`: the action's own quotes end the
 * YAML string until the template has run); group 1 is what comes before them, group 2 the
 * substitutions.
 */
const VALUE_START = new RegExp(
  String.raw`^([ \t]*(?:-[ \t]+)*(?:[^\s#:'"{[][^:#\n]*:[ \t]+)?["']?)((?:${ONE})+)`,
  'gm',
);

/** The substitutions that open values in `text`, in the order of the text. */
function valueSubstitutions(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(VALUE_START)) {
    // After `key: ` or `- ` only: a line that starts with an action is not a value.
    if (!/[-:][ \t]+["']?$/.test(match[1]!)) continue;
    const from = match.index + match[1]!.length;
    spans.push([from, from + match[2]!.length]);
  }
  return spans;
}

/** The last of `spans` (in the order of the text) that starts at `end` or before (a binary search). */
function lastStartingBy(spans: readonly Span[], end: number): Span | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]![0] <= end) low = middle + 1;
    else high = middle;
  }
  return low ? spans[low - 1] : undefined;
}

/** Where each line of `text` starts that holds one of `offsets`. */
function lineStartsAt(text: string, offsets: readonly number[]): Set<number> {
  return new Set(offsets.map((at) => lineAround(text, [at, at]).start));
}

/**
 * The values of a document that start with substitutions, filled in: `at(pos)` is the
 * substitution an error at `pos` comes from (the nearest such value at or above its line), when
 * the line parses once they are filled in; undefined when the error stays.
 */
export interface FilledValues {
  at(pos: readonly [number, number]): Span | undefined;
}

/**
 * `text` parsed again with every value that starts with a substitution filled in with plain
 * letters of the same length (offsets and lines unchanged), by `errorsOf` (the offsets of the
 * parser's errors); undefined when no value starts with one.
 */
export function filledValues(
  text: string,
  errorsOf: (source: string) => number[],
): FilledValues | undefined {
  const spans = valueSubstitutions(text);
  if (!spans.length) return undefined;
  let filled = '';
  let last = 0;
  for (const [from, to] of spans) {
    filled += text.slice(last, from) + 'x'.repeat(to - from);
    last = to;
  }
  const broken = lineStartsAt(text, errorsOf(filled + text.slice(last)));
  return {
    at(pos) {
      const { start, line } = lineAround(text, pos);
      if (broken.has(start)) return undefined;
      return lastStartingBy(spans, start + line.length);
    },
  };
}

/** The note for each kind of substitution a syntax error comes from. */
const NOTES = {
  line: coreMessages.laterToolTemplate,
  inside: coreMessages.laterToolSubstitution,
  printf: coreMessages.printfPlaceholder,
  value: coreMessages.laterToolValue,
};

/**
 * For the syntax errors of `text`: the substitution of a later tool each comes from, with the note
 * that tells it (a line of substitutions, one in a flow collection, a printf verb, a value that
 * starts with substitutions), or undefined when the error stays once the tool has run. `errorsOf`
 * parses a text and gives the offsets of its errors; it runs at most once, for the first error no
 * other kind explains.
 */
export function substitutionFinder(
  text: string,
  errorsOf: (source: string) => number[],
): (pos: readonly [number, number]) => { span: Span; note: LocalizedText } | undefined {
  let filled: FilledValues | null | undefined;
  const found = (span: Span, kind: keyof typeof NOTES) => {
    const written = text.slice(span[0], span[1]);
    return {
      span,
      note: localize(NOTES[kind], kind === 'line' ? { line: written } : { text: written }),
    };
  };
  return (pos) => {
    const line = substitutionLine(text, pos);
    if (line) return found(line, 'line');
    const inside = substitutionAt(text, pos);
    if (inside) return found(inside, 'inside');
    const printf = printfValueAt(text, pos);
    if (printf) return found(printf, 'printf');
    filled ??= filledValues(text, errorsOf) ?? null;
    const value = filled?.at(pos);
    return value && found(value, 'value');
  };
}
