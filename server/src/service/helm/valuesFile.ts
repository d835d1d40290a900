/** Checks of a user's values file against the chart: unknown keys, types, schema, storage notes. */
import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { localize } from '../i18n/format';
import { nodesAtPath } from '../parse/nodes';
import { closestMatch } from '../text/similarity';
import type { KubeDiagnostic, LocalizedText, Range } from '../types';
import { chartDefaults } from './chart';
import { helmMessages, valueTypeNames } from './valuesMessages';
import { pathId } from './paths';
import { GLOBAL_DEFAULT_STORAGE_CLASS, GLOBAL_STORAGE_CLASS, readsGlobalClassKey } from './storage';
import { mergeValues, schemaAt, validateValues } from './schema';
import type { ChartModel, ValueType } from './types';
import { isPlainObject, typeOf } from './valuesTree';

export interface ParsedValues {
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
}

export function parseValues(text: string): ParsedValues {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  let data: unknown = {};
  try {
    data = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  } catch {
    data = {};
  }
  return { doc, lineCounter, data };
}

export function spanRange(lc: LineCounter, span: readonly [number, number]): Range {
  const a = lc.linePos(span[0]);
  const b = lc.linePos(span[1]);
  return {
    start: { line: a.line - 1, character: a.col - 1 },
    end: { line: b.line - 1, character: b.col - 1 },
  };
}

interface UseIndex {
  /** Ids of every used path and all their ancestors. */
  prefixes: Set<string>;
  /** Ids of paths used whole (toYaml, range, bare dot). */
  whole: Set<string>;
  /** Child keys by parent id, from template uses. */
  children: Map<string, Set<string>>;
  /** Ids of values read by an action that may hand them on (a named template, `merge`, `dict`…). */
  passed: Set<string>;
}

const useIndexes = new WeakMap<ChartModel, UseIndex>();

function useIndex(model: ChartModel): UseIndex {
  let index = useIndexes.get(model);
  if (!index) {
    index = { prefixes: new Set(), whole: new Set(), children: new Map(), passed: new Set() };
    for (const use of model.uses) {
      if (use.whole) index.whole.add(use.id);
      if (use.passed) index.passed.add(use.id);
      for (let i = 1; i <= use.path.length; i++) {
        const parent = pathId(use.path.slice(0, i - 1));
        index.prefixes.add(pathId(use.path.slice(0, i)));
        let set = index.children.get(parent);
        if (!set) index.children.set(parent, (set = new Set()));
        set.add(use.path[i - 1]!);
      }
    }
    useIndexes.set(model, index);
  }
  return index;
}

/** Keys the chart knows directly under `path`: defaults, commented examples, template reads, schema. */
export function knownChildKeys(model: ChartModel, path: readonly string[]): Set<string> {
  const keys = new Set<string>();
  const node = path.length ? model.byId.get(pathId(path)) : undefined;
  for (const child of path.length ? (node?.children ?? []) : model.roots) keys.add(child.key);
  for (const key of useIndex(model).children.get(pathId(path)) ?? []) keys.add(key);
  const props = model.schema ? schemaAt(model.schema, path)?.properties : undefined;
  if (isPlainObject(props)) for (const key of Object.keys(props)) keys.add(key);
  return keys;
}

/** `global` and subchart blocks: Helm passes them on to the subcharts, whose values we do not read. */
function isPassThrough(model: ChartModel, key: string | undefined): boolean {
  return key === 'global' || (key !== undefined && !!model.meta.dependencies?.includes(key));
}

export function isKnownPath(model: ChartModel, path: readonly string[]): boolean {
  if (model.byId.has(pathId(path))) return true;
  if (isPassThrough(model, path[0])) return true;
  if (useIndex(model).prefixes.has(pathId(path))) return true;
  return !!(model.schema && schemaAt(model.schema, path));
}

/**
 * Keys under `path` are free-form (labels, annotations, resources, a value passed to toYaml, a
 * map with an empty default). An empty default is not enough when the chart names the keys it
 * takes there (template reads, commented-out examples) and never hands the map on whole.
 */
export function isFreeForm(model: ChartModel, path: readonly string[]): boolean {
  if (!path.length) {
    return model.schema?.additionalProperties === false
      ? false
      : !model.roots.length && !model.uses.length;
  }
  const schema = model.schema ? schemaAt(model.schema, path) : undefined;
  if (schema?.additionalProperties === false) return false;
  if (path.length === 1 && isPassThrough(model, path[0]) && !model.byId.has(pathId(path)))
    return true;
  if (schema && isPlainObject(schema.additionalProperties)) return true;
  const whole = useIndex(model).whole;
  for (let i = 1; i <= path.length; i++) if (whole.has(pathId(path.slice(0, i)))) return true;
  const node = model.byId.get(pathId(path));
  if (!node) return !schema?.properties && !namesKeysUnder(model, path);
  if (node.unset || node.type === 'null') return !namesKeysUnder(model, path);
  if (node.type === 'object')
    return (
      isPlainObject(node.defaultValue) &&
      !Object.keys(node.defaultValue).length &&
      !schema?.properties &&
      !namesKeysUnder(model, path)
    );
  return false;
}

/**
 * The chart names the keys of an otherwise empty map: the templates read the map and keys under
 * it (or values.yaml documents keys there as commented-out examples: `persistence: {}` over
 * `# existingClaim:`), and no template hands the map on (to a named template, `merge`, `dict`…),
 * which might use it whole. Only then is another key a likely typo. `global` and subchart blocks
 * stay free: the subcharts read them too.
 */
function namesKeysUnder(model: ChartModel, path: readonly string[]): boolean {
  if (isPassThrough(model, path[0])) return false;
  const id = pathId(path);
  const index = useIndex(model);
  if (!index.prefixes.has(id)) return false;
  for (let i = 1; i <= path.length; i++)
    if (index.passed.has(pathId(path.slice(0, i)))) return false;
  if (index.children.get(id)?.size) return true;
  return !!model.byId.get(id)?.children.length;
}

function compatible(expected: ValueType, actual: ValueType): boolean {
  if (expected === actual) return true;
  const numeric = (t: ValueType) => t === 'integer' || t === 'number';
  return numeric(expected) && numeric(actual);
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
  doc: Document;
  lineCounter: LineCounter;
  /** The chart's name, for messages. */
  chart: string;
  report: Report;
}

export function checkValuesFile(
  model: ChartModel,
  text: string,
  options: ValuesCheckOptions = {},
): KubeDiagnostic[] {
  const out: KubeDiagnostic[] = [];
  const parsed = parseValues(text);
  const check: ValuesCheck = {
    model,
    doc: parsed.doc,
    lineCounter: parsed.lineCounter,
    chart: model.meta.name ?? 'chart',
    report: (range, severity, code, message, data) =>
      out.push({ range, severity, code, message, ...(data ? { data } : {}) }),
  };
  if (options.syntax) syntaxErrors(check);
  if (rootIsNotMap(check)) return out;
  checkMap(check, parsed.doc.contents, []);
  if (model.schema && isPlainObject(parsed.data)) schemaErrors(check, model.schema, parsed.data);
  return out.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

function syntaxErrors({ doc, lineCounter, report }: ValuesCheck): void {
  for (const e of doc.errors) {
    report(
      spanRange(lineCounter, [e.pos[0], e.pos[1]]),
      'error',
      'yaml-syntax',
      localize(helmMessages.overrideSyntax, { detail: e.message.split('\n')[0] ?? '' }),
    );
  }
}

/** Values are a mapping (or nothing): anything else is reported, and nothing more is checked. */
function rootIsNotMap({ doc, lineCounter, report }: ValuesCheck): boolean {
  const root = doc.contents;
  if (!root || isMap(root) || (isScalar(root) && root.value === null)) return false;
  const span = root.range;
  if (span)
    report(
      spanRange(lineCounter, [span[0], span[1]]),
      'error',
      'helm-values-not-map',
      helmMessages.overrideNotMap,
    );
  return true;
}

function checkMap(check: ValuesCheck, map: unknown, path: string[]): void {
  if (!isMap(map)) return;
  for (const pair of map.items as Pair[]) checkPair(check, pair, path);
}

/** One key of the values file under `path`: known to the chart, of the chart's type, a storage note. */
function checkPair(check: ValuesCheck, pair: Pair, path: string[]): void {
  const { model, doc, lineCounter } = check;
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
  const value: unknown = valueNode ? safeToJS(valueNode, doc) : null;
  typeMismatch(check, childPath, value, valueRange);
  storageNote(check, childPath, value, valueRange);
  // `global` is walked even when free-form, for the note on `global.storageClass`: every key
  // under it is known (passed on to the subcharts), so nothing else is reported there.
  const walk = !isFreeForm(model, childPath) || (path.length === 0 && key === 'global');
  if (isMap(valueNode) && walk) checkMap(check, valueNode, childPath);
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
  const suggestion = closestMatch(key, siblings);
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

/** A value of another type than the chart's default (when the chart has no schema for it). */
function typeMismatch(check: ValuesCheck, path: string[], value: unknown, range: Range): void {
  const { model, report } = check;
  const node = model.byId.get(pathId(path));
  if (!node || node.unset || node.type === 'null' || value === null || value === undefined) return;
  const schemaType = model.schema ? schemaAt(model.schema, path)?.type : undefined;
  const actual = typeOf(value);
  if (schemaType !== undefined || compatible(node.type, actual)) return;
  const text = (lang: 'en' | 'ru') =>
    localize(helmMessages.typeMismatch, {
      path: pathId(path),
      expected: valueTypeNames[node.type][lang],
      actual: valueTypeNames[actual][lang],
    })[lang];
  report(range, 'warning', 'helm-values-type', { en: text('en'), ru: text('ru') });
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
  const storage = model.byId.get(id)?.storage;
  if (globalClassDash[id]) {
    // Helpers read these before or after the claim's own class; an empty value is skipped.
    if (value === '-' && readsGlobalClassKey(model.uses, id))
      note('helm-values-storage-class-dash', globalClassDash[id]);
  } else if (storage === 'storageClass' && value === '-') {
    note('helm-values-storage-class-dash', helmMessages.storageClassDash);
  } else if (storage === 'storageClass' && value === '') {
    note('helm-values-storage-class-empty', helmMessages.storageClassEmpty);
  } else if (storage === 'enabled' && value === false) {
    note('helm-values-persistence-off', helmMessages.persistenceDisabled);
  }
}

/** The chart's values.schema.json against the defaults merged with the file. */
function schemaErrors(
  check: ValuesCheck,
  schema: NonNullable<ChartModel['schema']>,
  data: Record<string, unknown>,
): void {
  const { model, doc, lineCounter, report } = check;
  const merged = mergeValues(chartDefaults(model), data);
  for (const error of validateValues(schema, merged)) {
    let at = error.path.length;
    let found;
    while (at > 0 && !(found = nodesAtPath(doc, error.path.slice(0, at)))) at--;
    if (found && at > 0) {
      if (at < error.path.length && error.keyword !== 'required') continue;
      const node = found.key ?? found.value;
      if (!node?.range) continue;
      const range = spanRange(lineCounter, [node.range[0], node.range[1]]);
      const path = pathId(error.path.slice(0, Math.max(at, 1)));
      report(range, 'error', 'helm-values-schema', {
        en: localize(helmMessages.schemaViolation, { path, detail: error.message.en }).en,
        ru: localize(helmMessages.schemaViolation, { path, detail: error.message.ru }).ru,
      });
    } else if (error.keyword === 'required') {
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
