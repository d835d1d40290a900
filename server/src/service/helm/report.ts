/**
 * The values table of a chart with an optional override file: one row per value path with its
 * default, the override, type, comment, storage flag and template uses. The CLI's JSON and the
 * inspector view are both made from it.
 */
import { stringify } from 'yaml';
import type { KubeDiagnostic, LocalizedText } from '../types';
import { buildChartModel } from './chart';
import { storageExplanations } from './valuesMessages';
import { mergeValues } from './schema';
import { pathId, usePathMatches } from './paths';
import { isStorageValue } from './storage';
import type { ChartFiles, ChartModel, StorageKind, ValueType } from './types';
import { checkValuesFile, isFreeForm, isKnownPath, parseValues } from './valuesFile';
import { isPlainObject, typeOf, valueAt, walkNodes } from './valuesTree';

export interface ValueRow {
  path: string;
  keys: string[];
  depth: number;
  type: ValueType;
  /** The chart default; absent for documented-but-unset keys. */
  default?: unknown;
  /** Commented-out example (documented but unset). */
  example?: string;
  /** The override file's value, when it sets this path. */
  override?: unknown;
  overridden: boolean;
  /** The override differs from the default (deep comparison). */
  differs: boolean;
  comment?: string;
  storage: boolean;
  storageKind?: StorageKind;
  uses: { file: string; line: number; kind: string }[];
  /** 1-based line in the chart's values.yaml (0 for keys only the override has). */
  line: number;
  /** Set by the override only: the chart does not have this key. */
  unknown?: boolean;
}

export interface ValuesReport {
  chart: { name?: string; version?: string; appVersion?: string; description?: string };
  hasSchema: boolean;
  problems: LocalizedText[];
  rows: ValueRow[];
  diagnostics: KubeDiagnostic[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function valuesReport(model: ChartModel, overrideText?: string): ValuesReport {
  const override = overrideText !== undefined ? parseValues(overrideText).data : undefined;
  const rows: ValueRow[] = [];
  for (const node of walkNodes(model.roots)) {
    const set = override !== undefined ? valueAt(override, node.path) : undefined;
    rows.push({
      path: node.id,
      keys: node.path,
      depth: node.path.length - 1,
      type: node.type,
      ...(node.unset ? { example: node.unset.example } : { default: node.defaultValue }),
      ...(set ? { override: set.value } : {}),
      overridden: !!set,
      differs: !!set && (node.unset ? true : !same(set.value, node.defaultValue)),
      ...(node.doc || node.trailing
        ? { comment: [node.doc, node.trailing].filter(Boolean).join('\n') }
        : {}),
      storage: isStorageValue(node, model.byId),
      ...(node.storage ? { storageKind: node.storage } : {}),
      uses: model.uses
        .filter((u) => usePathMatches(u.path, node.path))
        .map((u) => ({ file: u.file, line: u.line + 1, kind: u.kind })),
      line: node.line + 1,
    });
  }
  // Keys the override sets that the chart's values.yaml does not have (at any depth).
  if (isPlainObject(override)) {
    const walk = (data: Record<string, unknown>, path: string[]): void => {
      for (const [key, value] of Object.entries(data)) {
        const keys = [...path, key];
        const id = pathId(keys);
        if (model.byId.has(id)) {
          if (isPlainObject(value)) walk(value, keys);
          continue;
        }
        rows.push({
          path: id,
          keys,
          depth: keys.length - 1,
          type: typeOf(value),
          override: value,
          overridden: true,
          differs: true,
          storage: false,
          uses: model.uses
            .filter((u) => usePathMatches(u.path, keys))
            .map((u) => ({ file: u.file, line: u.line + 1, kind: u.kind })),
          line: 0,
          unknown: !isKnownPath(model, keys) && !isFreeForm(model, path),
        });
      }
    };
    walk(override, []);
  }
  return {
    chart: { ...model.meta },
    hasSchema: !!model.schema,
    problems: model.problems,
    rows,
    diagnostics:
      overrideText !== undefined ? checkValuesFile(model, overrideText, { syntax: true }) : [],
  };
}

/** The storage values of the chart as a YAML block with their defaults (to paste into a values file). */
export function storageBlock(model: ChartModel, overrideText?: string): string {
  const defaults: Record<string, unknown> = {};
  const override = overrideText !== undefined ? parseValues(overrideText).data : {};
  for (const node of model.roots) {
    if (!isStorageValue(node, model.byId) && !hasStorageInside(node.children, model)) continue;
    pick(node, defaults, model);
  }
  const source = isPlainObject(override)
    ? (mergeValues(defaults, filterTo(override, defaults)) as Record<string, unknown>)
    : defaults;
  return Object.keys(source).length ? stringify(source, { lineWidth: 0 }) : '';
}

function hasStorageInside(nodes: ChartModel['roots'], model: ChartModel): boolean {
  for (const n of walkNodes(nodes)) if (isStorageValue(n, model.byId)) return true;
  return false;
}

function pick(
  node: ChartModel['roots'][number],
  into: Record<string, unknown>,
  model: ChartModel,
): void {
  if (node.unset) return;
  if (isStorageValue(node, model.byId)) {
    into[node.key] = node.defaultValue;
    return;
  }
  const child: Record<string, unknown> = {};
  for (const c of node.children)
    if (isStorageValue(c, model.byId) || hasStorageInside(c.children, model)) pick(c, child, model);
  if (Object.keys(child).length) into[node.key] = child;
}

function filterTo(
  data: Record<string, unknown>,
  shape: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(key in shape)) continue;
    out[key] =
      isPlainObject(value) && isPlainObject(shape[key]) && Object.keys(shape[key]).length
        ? filterTo(value, shape[key] as Record<string, unknown>)
        : value;
  }
  return out;
}

export interface ChartInspection extends ValuesReport {
  /** The chart's values.yaml text, as `helm show values` prints it. */
  defaultsText: string;
  storageBlock: string;
  /** Storage explanations by kind, for the rows that have one. */
  storageTexts: Partial<Record<StorageKind, LocalizedText>>;
}

/** Everything the inspector and the CLI show for a chart and an optional values file. */
export function inspectChart(files: ChartFiles, overrideText?: string): ChartInspection {
  const model = buildChartModel(files);
  const report = valuesReport(model, overrideText);
  const storageTexts: Partial<Record<StorageKind, LocalizedText>> = {};
  for (const row of report.rows)
    if (row.storageKind) storageTexts[row.storageKind] = storageExplanations[row.storageKind];
  return {
    ...report,
    defaultsText: model.valuesText,
    storageBlock: storageBlock(model, overrideText),
    storageTexts,
  };
}
