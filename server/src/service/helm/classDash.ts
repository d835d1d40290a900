/**
 * Whether a chart turns a storage class of `"-"` into `storageClassName: ""` (the old Helm idiom:
 * `{{ if eq "-" .Values.persistence.storageClass }}storageClassName: ""`), or writes `-` into the
 * claim as it is (the render then fails, or the API server rejects the class name).
 */
import { pathId } from './paths';
import { mergeValues } from './schema';
import { COMMON_STORAGE_CLASS_INCLUDE } from './storage';
import { resolvedActions, scannedTemplateFiles } from './templateUses';
import type { ChartFiles, ChartModel, DashComparisons } from './types';
import { valueScope } from './valuesKeys';
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
  const ids = new Set<string>();
  let unresolved = false;
  for (const file of scannedTemplateFiles(files)) {
    for (const body of resolvedActions(files.get(file)!)) {
      for (const m of body.matchAll(DASH_COMPARISON)) {
        const path = VALUES_PATH.exec(m[1] ?? m[2] ?? '');
        if (path) ids.add(pathId(path[1]!.slice(1).split('.')));
        else unresolved = true;
      }
    }
  }
  return { ids: [...ids], unresolved };
}

/**
 * What `"-"` at `path` does: `handled` (the templates compare it with `"-"`, or hand it to
 * Bitnami's `common.storage.class`, which does), `literal` (the templates read it and compare
 * nothing with `"-"`), `unknown` (a comparison or helper this scan cannot follow).
 */
export function classDashHandling(
  model: ChartModel,
  path: readonly string[],
): 'handled' | 'literal' | 'unknown' {
  const dash = model.classDash;
  if (!dash) return 'handled';
  const id = pathId(path);
  if (dash.ids.includes(id)) return 'handled';
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
  return siblings.enabled === false ? 'disabled' : undefined;
}
