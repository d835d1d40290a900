/**
 * Whether a chart turns a storage class of `"-"` into `storageClassName: ""` (the old Helm idiom:
 * `{{ if eq "-" .Values.persistence.storageClass }}storageClassName: ""`), or writes `-` into the
 * claim as it is (the render then fails, or the API server rejects the class name).
 */
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { pathId } from './paths';
import { mergeValues } from './schema';
import { COMMON_STORAGE_CLASS_INCLUDE } from './storage';
import { isTemplateTrue } from './templateTruth';
import { scannedTemplateFiles } from './templateFiles';
import { resolvedActions } from './templateUses';
import type { ChartFiles, ChartModel, DashComparisons } from './types';
import { valueScope } from './valuesKeys';
import { helmMessages } from './valuesMessages';
import { isPlainObject, valueAt } from './valuesTree';

const OPERAND = String.raw`(\([^()]*\)|[^\s()]+)`;
/** `eq "-" X`, `ne X "-"` (also with backquotes). */
const DASH_COMPARISON = new RegExp(
  String.raw`\b(?:eq|ne)\s+(?:(?:"-"|\x60-\x60)\s+${OPERAND}|${OPERAND}\s+(?:"-"|\x60-\x60))`,
  'g',
);
const VALUES_PATH = /\$?\.Values((?:\.[A-Za-z_][\w-]*)+)/;

/** The values paths the chart's templates compare with `"-"` (with and variables resolved). */
export function dashComparisons(files: ChartFiles): DashComparisons {
  const byFile: Record<string, string[]> = {};
  let unresolved = false;
  for (const file of scannedTemplateFiles(files)) {
    const compared = new Set<string>();
    for (const body of resolvedActions(files.get(file)!)) {
      for (const m of body.matchAll(DASH_COMPARISON)) {
        const path = VALUES_PATH.exec(m[1] ?? m[2] ?? '');
        if (path) compared.add(pathId(path[1]!.slice(1).split('.')));
        else unresolved = true;
      }
    }
    if (compared.size) byFile[file] = [...compared];
  }
  return { ids: [...new Set(Object.values(byFile).flat())], byFile, unresolved };
}

/** A template line that prints a value into the claim's class as it is: `storageClassName: {{ $c }}`. */
const PRINTS_CLASS = /storageClassName:\s*["']?\{\{-?\s*[$.][\w.$]*\s*(?:\|\s*quote\s*)?-?\}\}/;

/**
 * The templates that print the class at `path` into `storageClassName` as it is and compare
 * nothing of it with `"-"`, though other templates of the chart do (minio: pvc.yaml turns `"-"`
 * into `""`, statefulset.yaml writes it unchanged): there `"-"` reaches the claim.
 */
export function filesPrintingClassAsIs(model: ChartModel, path: readonly string[]): string[] {
  const dash = model.classDash;
  if (!dash) return [];
  const id = pathId(path);
  const printing = model.uses.filter((u) => u.id === id && PRINTS_CLASS.test(u.text));
  const files = new Set(printing.map((u) => u.file));
  return [...files].filter((file) => !dash.byFile[file]?.includes(id)).sort();
}

/**
 * A template line that turns `"-"` into an empty string and prints it without quotes:
 * `storageClassName: {{ ternary "" . (eq "-" .) }}` renders `storageClassName:` with nothing
 * after it, which YAML reads as null: the claim has no class and gets the cluster's default one.
 */
const PRINTS_DASH_AS_NULL = /storageClassName:\s*\{\{-?\s*ternary\s+(?:""|\x60\x60)\s/;
const QUOTED = /\|\s*s?quote\b/;

/** The templates that print `"-"` at `path` into `storageClassName` as null (PRINTS_DASH_AS_NULL). */
export function filesPrintingDashAsNull(model: ChartModel, path: readonly string[]): string[] {
  const id = pathId(path);
  const nulls = model.uses.filter(
    (u) => u.id === id && PRINTS_DASH_AS_NULL.test(u.text) && !QUOTED.test(u.text),
  );
  return [...new Set(nulls.map((u) => u.file))].sort();
}

/**
 * What `"-"` at `path` does: `handled` (the templates compare it with `"-"`, or hand it to
 * Bitnami's `common.storage.class`, which does), `partly` (some templates compare it, others
 * print it as it is: filesPrintingClassAsIs), `literal` (the templates read it and compare
 * nothing with `"-"`), `null` (a template compares it and prints the empty string it makes of
 * it without quotes: filesPrintingDashAsNull), `unknown` (a comparison or helper this scan
 * cannot follow).
 */
export function classDashHandling(
  model: ChartModel,
  path: readonly string[],
): 'handled' | 'partly' | 'literal' | 'null' | 'unknown' {
  const dash = model.classDash;
  if (!dash) return 'handled';
  const id = pathId(path);
  if (dash.ids.includes(id)) {
    if (filesPrintingClassAsIs(model, path).length) return 'partly';
    return filesPrintingDashAsNull(model, path).length ? 'null' : 'handled';
  }
  const common = model.uses.filter((u) => COMMON_STORAGE_CLASS_INCLUDE.test(u.text));
  const ancestors = path.map((_, i) => pathId(path.slice(0, i + 1)));
  if (common.some((u) => ancestors.includes(u.id))) return 'handled';
  if (dash.unresolved || common.length) return 'unknown';
  return model.uses.some((u) => u.id === id) ? 'literal' : 'unknown';
}

/** The keys that hand the chart a claim made elsewhere: with one set, charts create no claim. */
const EXISTING_CLAIM_KEYS = /^(existingClaim|existingClaimName|existingPersistentVolumeClaim)$/;

/**
 * Why the class at `path` goes into no claim, judged by its siblings in the merged values
 * (`merged`: the chart's defaults with the user's file over them): `existingClaim` is set (the
 * chart mounts that claim and renders none), or `enabled` is false (no claim at all). A note on
 * what the class becomes would describe a claim that is never rendered.
 */
export function classUnused(
  model: ChartModel,
  merged: unknown,
  path: readonly string[],
): 'existingClaim' | 'disabled' | undefined {
  const scope = valueScope(model, path);
  const own = valueAt(scope.model.defaults, scope.path.slice(0, -1))?.value;
  const siblings = mergeValues(own, valueAt(merged, path.slice(0, -1))?.value);
  if (!isPlainObject(siblings)) return undefined;
  for (const [key, value] of Object.entries(siblings))
    if (EXISTING_CLAIM_KEYS.test(key) && typeof value === 'string' && value.trim() !== '')
      return 'existingClaim';
  // The chart's `if` judges the switch: `"false"` renders the claim, `0` or `""` does not.
  return 'enabled' in siblings && !isTemplateTrue(siblings.enabled) ? 'disabled' : undefined;
}

export interface ClassDashNote {
  severity: 'information' | 'warning';
  code: string;
  message: LocalizedText;
}

/**
 * The note on a class of `"-"` at `path` of `model`, by what its templates do with it; `shown` is
 * the key as the values file writes it (with a subchart's prefix), `chart` the chart's name.
 */
export function classDashNote(
  model: ChartModel,
  path: readonly string[],
  { shown: id, chart }: { shown: string; chart: string },
): ClassDashNote | undefined {
  const handling = classDashHandling(model, path);
  if (handling === 'handled') {
    const message = localize(helmMessages.storageClassDash, { path: id });
    return { severity: 'information', code: 'helm-values-storage-class-dash', message };
  }
  if (handling === 'unknown') return undefined;
  const code = 'helm-values-storage-class-dash-literal';
  if (handling === 'literal') {
    const message = localize(helmMessages.storageClassDashLiteral, { path: id, chart });
    return { severity: 'warning', code, message };
  }
  if (handling === 'null') {
    const files = quotedFiles(filesPrintingDashAsNull(model, path));
    const message = localize(helmMessages.storageClassDashNull, { path: id, chart, files });
    return { severity: 'warning', code: 'helm-values-storage-class-dash-null', message };
  }
  const files = quotedFiles(filesPrintingClassAsIs(model, path));
  const message = localize(helmMessages.storageClassDashPartly, { path: id, chart, files });
  return { severity: 'warning', code, message };
}

function quotedFiles(files: readonly string[]): string {
  return files.map((f) => '`' + f + '`').join(', ');
}

/**
 * The note on an empty class at `path` of `model`: charts usually take it as unset, and `"-"` is
 * the way to turn provisioning off, unless the chart writes the value as it is or prints the
 * `"-"` as null.
 */
export function emptyClassNote(
  model: ChartModel,
  path: readonly string[],
  { shown: id, chart }: { shown: string; chart: string },
): LocalizedText {
  const handling = classDashHandling(model, path);
  if (handling === 'literal')
    return localize(helmMessages.storageClassEmptyLiteral, { path: id, chart });
  if (handling === 'null') {
    const files = quotedFiles(filesPrintingDashAsNull(model, path));
    return localize(helmMessages.storageClassEmptyDashNull, { path: id, chart, files });
  }
  return localize(helmMessages.storageClassEmpty, { path: id });
}
