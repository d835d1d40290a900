/**
 * How a chart's templates judge a switch (`persistence.enabled`, `storageClass.create`): Go
 * template truth, and whether a chart tests a value for truth or only prints it.
 */
import { pathId } from './paths';
import type { ChartModel, TemplateUse } from './types';
import { escapeRegExp } from '../text/regExp';

/**
 * Go template truth (text/template `exec.go`, `isTrue`), as `if`, `with`, `and`, `or`, `not` and
 * Sprig's `default`, `empty`, `coalesce` and `ternary` judge a value: false, 0, nil and an empty
 * string, map or list are false, everything else is true — the string `"false"` too.
 */
export function isTemplateTrue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/**
 * A value a template prints into YAML (`"{{ .Values.sc.defaultClass }}"`, `{{ .Values.x }}`)
 * reads as true: the boolean and the string `"true"` print the same.
 */
export function printsTrue(value: unknown): boolean {
  return String(value) === 'true';
}

/** How the chart's templates read a value. */
export interface TemplateReads {
  /** The templates read it at all. */
  read: boolean;
  /** An `if`, `with`, `and`, `or`, `not`, `default`… tests it for truth somewhere. */
  tested: boolean;
  /** Every read prints it as it is (`{{ .Values.x }}`, `| quote`): a string and a boolean print the same. */
  printedOnly: boolean;
}

const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g;
const STRING = /"(?:[^"\\]|\\.)*"|`[^`]*`/g;
const TRUTH_TEST =
  /^\s*(?:else\s+)?(?:if|with)\b|(?<![\w.$])(?:and|or|not|default|ternary|empty|coalesce)\s/;
/**
 * An action that turns the value into text or compares it (`eq (toString .Values.x) "true"`):
 * there `"false"` and `false` may act alike, so its `if` is no plain truth test.
 */
const COMPARES_TEXT =
  /(?<![\w.$])(?:eq|ne|toString|quote|squote|printf|print|kindIs|typeOf|typeIs|lower|upper)\b/;
/** Functions that print a scalar as Go prints it: `"false"` and `false` come out alike. */
const PRINTS = String.raw`(?:quote|squote|toString|toYaml|toJson|trim)`;
const PRINTED_ONLY = new RegExp(
  String.raw`^\s*(?:${PRINTS}\s+)?\$?[\w.$]+(?:\s*\|\s*(?:${PRINTS}|n?indent\s+\d+))*\s*$`,
);

/** The actions on the use's line that read the value: its `.Values` path, else its last key. */
function actionsOf(use: TemplateUse): string[] {
  const key = use.path[use.path.length - 1] ?? '';
  const ref =
    use.kind === 'direct'
      ? new RegExp(String.raw`\.Values\.${escapeRegExp(use.path.join('.'))}(?![\w.-])`)
      : new RegExp(String.raw`\.${escapeRegExp(key)}(?![\w.-])`);
  const out: string[] = [];
  for (const m of use.text.matchAll(ACTION)) {
    const inner = m[1]!.replace(STRING, '""');
    if (ref.test(inner)) out.push(inner);
  }
  return out;
}

/** How the templates of `model` read the value at `path` (its own path in that chart). */
export function templateReads(model: ChartModel, path: readonly string[]): TemplateReads {
  const id = pathId(path);
  const uses = model.uses.filter((u) => u.id === id);
  let tested = false;
  let printedOnly = uses.length > 0;
  for (const use of uses) {
    const actions = actionsOf(use);
    if (actions.some((a) => TRUTH_TEST.test(a) && !COMPARES_TEXT.test(a))) tested = true;
    const printed =
      !use.whole && !use.passed && actions.length > 0 && actions.every((a) => PRINTED_ONLY.test(a));
    if (!printed) printedOnly = false;
  }
  return { read: uses.length > 0, tested, printedOnly };
}
