/** Checks of a user's values file against the chart: unknown keys, types, schema, storage notes. */
import { isMap, isScalar, LineCounter, type Document, type Node, type Pair } from 'yaml';
import { localize } from '../i18n/format';
import { closestMatch } from '../text/similarity';
import type { KubeDiagnostic, LocalizedText, Range } from '../types';
import { chartDefaults } from './chart';
import { classDashNote, classUnused, emptyClassNote } from './classDash';
import { helmMessages, valueTypeNames } from './valuesMessages';
import { pathId } from './paths';
import { GLOBAL_DEFAULT_STORAGE_CLASS, GLOBAL_STORAGE_CLASS, readsGlobalClassKey } from './storage';
import { mergeValues, schemaAt, validateValues } from './schema';
import { invalidSize, invalidSizesInList } from './valuesSize';
import { quotedBoolean } from './quotedBoolean';
import { isTemplateTrue } from './templateTruth';
import { takesString } from './valueStrings';
import type { ChartModel, ValueNode, ValueType } from './types';
import {
  isFreeForm,
  isKnownPath,
  knownChildKeys,
  subchartScope,
  valueScope,
  valueScopes,
} from './valuesKeys';
import { isPlainObject, typeOf } from './valuesTree';
import { isNotMapDocument, parseValues, winningKeys, winningNodes } from './valuesDocuments';

export { isFreeForm, isKnownPath, knownChildKeys, parseValues };
export type { ParsedValues } from './valuesDocuments';

export function spanRange(lc: LineCounter, span: readonly [number, number]): Range {
  const a = lc.linePos(span[0]);
  const b = lc.linePos(span[1]);
  return {
    start: { line: a.line - 1, character: a.col - 1 },
    end: { line: b.line - 1, character: b.col - 1 },
  };
}

function compatible(expected: ValueType, actual: ValueType): boolean {
  if (expected === actual) return true;
  const numeric = (t: ValueType) => t === 'integer' || t === 'number';
  return numeric(expected) && numeric(actual);
}

const isCollection = (t: ValueType) => t === 'object' || t === 'array';

/**
 * The default takes a value of this type: the same type (or a number for a number), or, where the
 * default is an empty `{}` or `[]`, any map or list. An empty default promises no shape (couchdb's
 * `sidecars: {}` is the list of containers its statefulset writes with toYaml), and helm hands the
 * templates the user's map or list over it (coalesce.go only logs "Not a table").
 */
function takesType(node: ValueNode, actual: ValueType): boolean {
  if (compatible(node.type, actual)) return true;
  return isCollection(node.type) && isCollection(actual) && isEmptyCollection(node.defaultValue);
}

function isEmptyCollection(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

export interface ValuesCheckOptions {
  /** Report YAML syntax errors (the LSP leaves them to the manifest diagnostics). */
  syntax?: boolean;
}

type Report = (
  range: Range,
  severity: KubeDiagnostic['severity'],
  code: string,
  message: LocalizedText,
  data?: Record<string, unknown>,
) => void;

/** One values file checked against one chart. */
interface ValuesCheck {
  model: ChartModel;
  /** The file's documents: each key is checked where it is written, its value where it wins. */
  docs: Document[];
  /** Of several documents: the key node whose value wins at each path (made when first asked). */
  winners?: Map<string, Node>;
  lineCounter: LineCounter;
  /** The chart's name, for messages. */
  chart: string;
  /** The chart's defaults with the file's values over them, as helm merges them. */
  merged: unknown;
  report: Report;
}

export function checkValuesFile(
  model: ChartModel,
  text: string,
  options: ValuesCheckOptions = {},
): KubeDiagnostic[] {
  const out: KubeDiagnostic[] = [];
  const parsed = parseValues(text);
  const merged = isPlainObject(parsed.data)
    ? mergeValues(chartDefaults(model), parsed.data)
    : undefined;
  const check: ValuesCheck = {
    model,
    docs: parsed.docs,
    lineCounter: parsed.lineCounter,
    chart: model.meta.name ?? 'chart',
    merged,
    report: (range, severity, code, message, data) =>
      out.push({ range, severity, code, message, ...(data ? { data } : {}) }),
  };
  if (options.syntax) syntaxErrors(check);
  if (rootIsNotMap(check)) return out;
  for (const doc of parsed.docs) checkMap(check, doc, doc.contents, []);
  if (isPlainObject(parsed.data)) schemaChecks(check, model, parsed.data, merged, []);
  return out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

function syntaxErrors({ docs, lineCounter, report }: ValuesCheck): void {
  for (const e of docs.flatMap((doc) => doc.errors)) {
    report(
      spanRange(lineCounter, [e.pos[0], e.pos[1]]),
      'error',
      'yaml-syntax',
      localize(helmMessages.overrideSyntax, { detail: e.message.split('\n')[0] ?? '' }),
    );
  }
}

/** Each document is a mapping (or nothing): anything else is reported, and nothing more checked. */
function rootIsNotMap({ docs, lineCounter, report }: ValuesCheck): boolean {
  const bad = docs.filter(isNotMapDocument);
  const message =
    docs.length > 1 ? helmMessages.overrideDocumentNotMap : helmMessages.overrideNotMap;
  for (const doc of bad) {
    const span = doc.contents?.range;
    if (span)
      report(spanRange(lineCounter, [span[0], span[1]]), 'error', 'helm-values-not-map', message);
  }
  return bad.length > 0;
}

function checkMap(check: ValuesCheck, doc: Document, map: unknown, path: string[]): void {
  if (!isMap(map)) return;
  for (const pair of map.items as Pair[]) checkPair(check, doc, pair, path);
}

/** The pair's value is the one helm uses: no later document replaces it. */
function wins(check: ValuesCheck, pair: Pair, path: string[]): boolean {
  if (check.docs.length === 1) return true;
  check.winners ??= winningKeys(check.docs);
  return check.winners.get(pathId(path)) === pair.key;
}

/** One key of the values file under `path`: known to the chart, of the chart's type, a storage note. */
function checkPair(check: ValuesCheck, doc: Document, pair: Pair, path: string[]): void {
  const { model, lineCounter } = check;
  const keyNode = pair.key;
  if (!isScalar(keyNode) || keyNode.value === null || !keyNode.range) return;
  const key = String(keyNode.value);
  const childPath = [...path, key];
  const keyRange = spanRange(lineCounter, [keyNode.range[0], keyNode.range[1]]);
  const valueNode = pair.value as Node | null;
  const valueRange = valueNode?.range
    ? spanRange(lineCounter, [valueNode.range[0], valueNode.range[1]])
    : keyRange;
  if (!isKnownPath(model, childPath)) return unknownKey(check, path, key, keyRange);
  if (wins(check, pair, childPath)) checkValue(check, doc, childPath, valueNode, valueRange);
  // `global` is walked even when free-form, for the note on `global.storageClass`: every key
  // under it is known (passed on to the subcharts), so nothing else is reported there. Under a
  // subchart's key, the parent's own defaults there are walked for their types even where the
  // subchart takes any key (unknown keys are still judged by the subchart).
  const walk =
    !isFreeForm(model, childPath) ||
    (path.length === 0 && key === 'global') ||
    (!!subchartScope(model, childPath) && !isFreeForm(model, childPath, { ownOnly: true }));
  if (isMap(valueNode) && walk) checkMap(check, doc, valueNode, childPath);
}

/** The value helm uses at `path`: of the chart's type, a storage note, valid sizes. */
function checkValue(
  check: ValuesCheck,
  doc: Document,
  path: string[],
  valueNode: Node | null,
  valueRange: Range,
): void {
  const value: unknown = valueNode ? safeToJS(valueNode, doc) : null;
  typeMismatch(check, path, value, valueRange);
  storageNote(check, path, value, valueRange);
  for (const { node, message, suggestion } of invalidSizesInList(check.model, path, valueNode))
    check.report(
      spanRange(check.lineCounter, [node.range![0], node.range![1]]),
      'warning',
      'helm-values-invalid-size',
      message,
      suggestion ? { suggestion } : undefined,
    );
}

/** A key the chart does not know: `accessMode` for `accessModes` (and back), or the closest key. */
function unknownKey(check: ValuesCheck, path: string[], key: string, keyRange: Range): void {
  const { model, chart, report } = check;
  if (isFreeForm(model, path)) return;
  const id = pathId([...path, key]);
  const siblings = knownChildKeys(model, path);
  for (const [written, meant, message] of [
    ['accessModes', 'accessMode', helmMessages.singularAccessMode],
    ['accessMode', 'accessModes', helmMessages.pluralAccessModes],
  ] as const) {
    if (key !== written || !siblings.has(meant)) continue;
    const expected = pathId([...path, meant]);
    const text = localize(message, { expected, actual: id });
    return report(keyRange, 'warning', 'helm-values-access-mode', text, { suggestion: meant });
  }
  const close = closestMatch(key, siblings);
  const classKey = classKeyOf(key, siblings);
  // `storageClass` where the chart reads `storageClassName` next to `storage`: the class key.
  const suggestion = classKey && !(close && /class/i.test(close)) ? classKey : close;
  const message = localize(helmMessages.unknownKey, { chart, path: id });
  const full = suggestion
    ? {
        en: message.en + localize(helmMessages.didYouMean, { suggestion }).en,
        ru: message.ru + localize(helmMessages.didYouMean, { suggestion }).ru,
      }
    : message;
  report(
    keyRange,
    'warning',
    'helm-values-unknown-key',
    full,
    suggestion ? { suggestion } : undefined,
  );
}

/** The spellings charts use for a claim's class: `storageClass` for `className` is no typo. */
const CLASS_KEYS = ['storageClass', 'storageClassName', 'className', 'class'];

/** For a key that names a class (`storageClass`), the sibling the chart reads for it. */
function classKeyOf(key: string, siblings: ReadonlySet<string>): string | undefined {
  if (!/class/i.test(key)) return undefined;
  return CLASS_KEYS.find((k) => k !== key && siblings.has(k));
}

/**
 * A value of another type than the chart's default, where no schema gives the path a type (the
 * schema check reports it then). Under a subchart's key the parent's default and the subchart's
 * own both count (named: the parent's first), and the subchart's schema as much as the parent's.
 */
function typeMismatch(check: ValuesCheck, path: string[], value: unknown, range: Range): void {
  if (value === null || value === undefined) return;
  const scopes = valueScopes(check.model, path);
  const typed = ({ model, path: own }: (typeof scopes)[number]) =>
    !!model.schema && schemaAt(model.schema, own)?.type !== undefined;
  if (scopes.some(typed)) return;
  const actual = typeOf(value);
  if (actual === 'string' && scopes.some((s) => takesString(s.model, s.path))) return;
  const defaults = scopes
    .map(({ model, path: own }) => model.byId.get(pathId(own)))
    .filter((node): node is ValueNode => !!node && !node.unset && node.type !== 'null');
  // Where the parent's and the subchart's defaults disagree, a value of either type is taken.
  if (!defaults.length || defaults.some((node) => takesType(node, actual))) return;
  const quoted =
    typeof value === 'string' && defaults.some((node) => node.type === 'boolean')
      ? quotedBoolean(scopes, path, value)
      : undefined;
  if (quoted?.kind === 'printed') return;
  if (quoted) {
    const data = { suggestion: quoted.suggestion };
    return check.report(range, 'warning', 'helm-values-quoted-boolean', quoted.message, data);
  }
  const expected = { type: defaults[0]!.type };
  const text = (lang: 'en' | 'ru') =>
    localize(helmMessages.typeMismatch, {
      path: pathId(path),
      expected: valueTypeNames[expected.type][lang],
      actual: valueTypeNames[actual][lang],
    })[lang];
  check.report(range, 'warning', 'helm-values-type', { en: text('en'), ru: text('ru') });
}

/** The chart-wide class keys whose `"-"` turns provisioning off for many claims at once. */
const globalClassDash: Record<string, LocalizedText> = {
  [GLOBAL_STORAGE_CLASS]: helmMessages.globalStorageClassDash,
  [GLOBAL_DEFAULT_STORAGE_CLASS]: helmMessages.globalDefaultStorageClassDash,
};

/** What a storage value means: the class `-`, the empty class, persistence turned off. */
function storageNote(check: ValuesCheck, path: string[], value: unknown, range: Range): void {
  const { model } = check;
  const id = pathId(path);
  const note = (code: string, message: LocalizedText) =>
    check.report(range, 'information', code, localize(message, { path: id }));
  // A value under a subchart's key means what the subchart makes of it.
  const scope = valueScope(model, path);
  const storage = scope.model.byId.get(pathId(scope.path))?.storage;
  // A class that goes into no claim (an existing claim is used, or persistence is off) means nothing.
  if (storage === 'storageClass' && classUnused(model, check.merged, path)) return;
  if (globalClassDash[id]) {
    // Helpers read these before or after the claim's own class; an empty value is skipped.
    if (value === '-' && readsGlobalClassKey(model.uses, id))
      note('helm-values-storage-class-dash', globalClassDash[id]);
  } else if (storage === 'storageClass' && value === '-') {
    const chart = scope.model.meta.name ?? check.chart;
    const found = classDashNote(scope.model, scope.path, { shown: id, chart });
    if (found) check.report(range, found.severity, found.code, found.message);
  } else if (storage === 'storageClass' && value === '') {
    const chart = scope.model.meta.name ?? check.chart;
    const message = emptyClassNote(scope.model, scope.path, { shown: id, chart });
    check.report(range, 'information', 'helm-values-storage-class-empty', message);
  } else if (storage === 'enabled' && value !== null && !isTemplateTrue(value)) {
    note('helm-values-persistence-off', helmMessages.persistenceDisabled);
  } else if (storage === 'size' || storage === 'sizeLimit') {
    const found = invalidSize(id, value, storage);
    if (found) {
      const { message, suggestion } = found;
      const data = suggestion ? { suggestion } : undefined;
      check.report(range, 'warning', 'helm-values-invalid-size', message, data);
    }
  }
}

/**
 * The chart's values.schema.json against the defaults merged with the file, then each subchart's
 * schema against what it gets (its defaults, the parent's values under its key, the globals), as
 * helm does; only where the file sets values under that key, and not for a subchart turned off.
 */
function schemaChecks(
  check: ValuesCheck,
  model: ChartModel,
  user: Record<string, unknown>,
  values: unknown,
  prefix: string[],
): void {
  if (model.schema) schemaErrors(check, model.schema, values, prefix);
  if (!isPlainObject(values)) return;
  for (const [key, sub] of model.subcharts ?? []) {
    const own = user[key];
    const given = values[key];
    if (!isPlainObject(own) || (isPlainObject(given) && given.enabled === false)) continue;
    const subValues = mergeValues(chartDefaults(sub), given);
    if (isPlainObject(subValues) && isPlainObject(values.global))
      subValues.global = mergeValues(subValues.global, values.global);
    schemaChecks(check, sub, own, subValues, [...prefix, key]);
  }
}

/** One schema's errors, reported at the file's lines; `prefix` is where its chart's values sit. */
function schemaErrors(
  check: ValuesCheck,
  schema: NonNullable<ChartModel['schema']>,
  merged: unknown,
  prefix: string[],
): void {
  const { docs, lineCounter, report } = check;
  for (const error of validateValues(schema, merged)) {
    const full = [...prefix, ...error.path];
    let at = full.length;
    let found;
    while (at > 0 && !(found = winningNodes(docs, full.slice(0, at)))) at--;
    if (found && at > 0) {
      if (at < full.length && error.keyword !== 'required') continue;
      const node = found.key ?? found.value;
      if (!node?.range) continue;
      const range = spanRange(lineCounter, [node.range[0], node.range[1]]);
      const path = pathId(full.slice(0, Math.max(at, 1)));
      report(range, 'error', 'helm-values-schema', {
        en: localize(helmMessages.schemaViolation, { path, detail: error.message.en }).en,
        ru: localize(helmMessages.schemaViolation, { path, detail: error.message.ru }).ru,
      });
    } else if (error.keyword === 'required' && !prefix.length) {
      const where = pathId(error.path) || '/';
      report(FIRST_LINE, 'error', 'helm-values-schema', {
        en: localize(helmMessages.schemaViolationRoot, {
          detail: `${where}: ${error.message.en}`,
        }).en,
        ru: localize(helmMessages.schemaViolationRoot, {
          detail: `${where}: ${error.message.ru}`,
        }).ru,
      });
    }
  }
}

const FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A node as plain data, or null when that would expand too many aliases (a YAML bomb). */
function safeToJS(node: Node, doc: Document): unknown {
  try {
    return node.toJS(doc, { maxAliasCount: 1000 });
  } catch {
    return null;
  }
}
