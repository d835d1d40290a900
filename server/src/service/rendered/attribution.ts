/**
 * Which values produced which rendered fields, found by rendering again, not guessed from names.
 *
 * The second render gives every eligible value a unique marker (`ksv12v` for a string, 777000xx
 * for a number); a rendered field that then holds a value's marker was produced by that value.
 * Values are eligible only where changing them cannot change what the chart prints or how long
 * it runs: non-empty strings and non-zero integers (so `if` and `default` decide the same way)
 * whose every use in the chart's templates is a plain output (`quote`, `toYaml`, `printf`…),
 * never a comparison, a loop bound or a variable. Booleans, empty strings and zeros are never
 * changed. Documents are matched by template and position; a template that printed a different
 * number of documents in the second render is not attributed at all.
 *
 * The second render is made only when it is needed (node/helm/trace.ts): for the rendered fields
 * that have findings (or that the inspector shows), with markers only on the values whose text
 * could be in those fields (see couldHold).
 */
import {
  documentKey,
  parseRendered,
  pathKey,
  renderedDocuments,
  scalarsOf,
  type RenderedDocument,
} from './output';
import { ANY_KEY, type PathUses, type PatternUse } from './valueUses';
import { valuePathId, type MergedValues, type ValueLeaf } from './values';

export { actionUses, valueUses } from './valueUses';

function isEligibleValue(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return typeof value === 'number' && Number.isInteger(value) && value !== 0;
}

/** Leaves whose use in the templates is known and safe to change (see the module comment). */
export function eligibleLeaves(merged: MergedValues, uses: PathUses): ValueLeaf[] {
  const out: ValueLeaf[] = [];
  for (const [id, leaf] of merged.leaves) {
    if (!isEligibleValue(leaf.value)) continue;
    const ancestors = ancestorIds(leaf.path);
    if (ancestors.some((a) => uses.unsafe.has(a))) continue;
    if (uses.patterns.some((p) => !p.safe && matches(p, leaf.path, true))) continue;
    const compared = uses.comparedTo.get(id);
    if (compared && [...compared].some((text) => sameConstant(leaf.value, text))) continue;
    const used =
      uses.safe.has(id) ||
      ancestors.some((a) => uses.whole.has(a)) ||
      uses.patterns.some((p) => p.safe && matches(p, leaf.path, p.whole));
    if (used) out.push(leaf);
  }
  return out;
}

/** A use with a dynamic key reads the path (or, `under`, an ancestor of it). */
function matches(use: PatternUse, path: readonly (string | number)[], under: boolean): boolean {
  if (under ? use.keys.length > path.length : use.keys.length !== path.length) return false;
  return use.keys.every((k, i) => typeof path[i] === 'string' && (k === ANY_KEY || k === path[i]));
}

/** A value is the constant a template compares it with (`"-"`, `3`, `3.0`). */
function sameConstant(value: unknown, text: string): boolean {
  return String(value) === text || (typeof value === 'number' && Number(text || 'x') === value);
}

/** Ids of a path and of each of its ancestors (keys only; list items are matched by the list). */
function ancestorIds(path: readonly (string | number)[]): string[] {
  const out: string[] = [];
  for (let n = 1; n <= path.length; n++) {
    if (typeof path[n - 1] === 'number') continue;
    out.push(valuePathId(path.slice(0, n)));
  }
  return out;
}

/**
 * Whether a rendered field's text could hold a value, so that marking the value is worth a
 * render. The printing functions a value may pass through keep its text (`quote`, `toYaml`,
 * `printf`, `default`), change its case (`upper`, `lower`) or cut it (`trunc`, `trimSuffix`); helm
 * prints a number of a values file the way Go prints a float64 (`1e+06`).
 */
export function couldHold(rendered: string, value: unknown): boolean {
  const text = rendered.toLowerCase();
  if (typeof value === 'number')
    return text.includes(String(value)) || text.includes(goFloat(value));
  if (typeof value !== 'string') return false;
  const own = value.trim().toLowerCase();
  if (!own) return false;
  return text.includes(own) || (text.length >= 8 && own.includes(text));
}

/** A float64 as Go's fmt prints it with %v: `%e` from an exponent of 6 (or below -4) on. */
export function goFloat(value: number): string {
  const abs = Math.abs(value);
  if (value === 0 || (abs >= 1e-4 && abs < 1e6)) return String(value);
  return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

/** The eligible values that could have produced any of the rendered texts. */
export function leavesThatCouldExplain(
  eligible: readonly ValueLeaf[],
  texts: readonly string[],
): ValueLeaf[] {
  if (!texts.length) return [];
  return eligible.filter((leaf) => texts.some((text) => couldHold(text, leaf.value)));
}

const NUMBER_BASE = 77_700_000;
const STRING_MARK = /ksv(\d+)v/gi;
/** A number marker as printed from a YAML file (a float64, see goFloat) or from `--set` (int64). */
const NUMBER_MARK = /\b(?:777(\d{5})|7\.77(\d{0,5})e\+07)\b/g;
/** Any marker: a document without one is not parsed. */
const ANY_MARK = /ksv\d+v|\b777\d{5}\b|\b7\.77\d{0,5}e\+07\b/i;

export interface Perturbation {
  /** Values to merge over the user's files: the merged values with markers. */
  overlay: Record<string, unknown>;
  /** The `--set` pairs with their simple values replaced by markers. */
  setPairs: string[];
  /** Marker index -> the leaf it stands for. */
  leaves: ValueLeaf[];
}

export function perturbation(
  merged: MergedValues,
  eligible: readonly ValueLeaf[],
  setPairs: readonly string[],
): Perturbation {
  const leaves = eligible.slice(0, 99_999);
  const marker = (leaf: ValueLeaf, i: number): string | number =>
    typeof leaf.value === 'number' ? NUMBER_BASE + i : `ksv${i}v`;
  const overlay = structuredClone(merged.data);
  const pairs = [...setPairs];
  leaves.forEach((leaf, i) => {
    if (leaf.pair !== undefined) {
      const at = pairs.indexOf(leaf.pair);
      if (at >= 0) pairs[at] = `${leaf.pair.slice(0, leaf.pair.indexOf('='))}=${marker(leaf, i)}`;
    }
    setAt(overlay, leaf.path, marker(leaf, i));
  });
  return { overlay, setPairs: pairs, leaves };
}

function setAt(data: unknown, path: readonly (string | number)[], value: unknown): void {
  let at = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = at?.[key];
    if (next === null || typeof next !== 'object') return;
    at = next as Record<string | number, unknown>;
  }
  if (at && typeof at === 'object') at[path[path.length - 1]!] = value;
}

/** Rendered field -> the leaves whose markers it holds, per document (see documentKey). */
export type Attribution = Map<string, Map<string, ValueLeaf[]>>;

/** Reads the markers out of the second render, for the documents that match the first one. */
export function attributionFrom(
  baseline: readonly RenderedDocument[],
  perturbedOutput: string,
  perturbation: Perturbation,
  /** Only these documents (by documentKey) are read; all when absent. */
  only?: ReadonlySet<string>,
): Attribution {
  const perturbed = renderedDocuments(perturbedOutput);
  const count = (docs: readonly RenderedDocument[]) => {
    const counts = new Map<string, number>();
    for (const d of docs) counts.set(d.source ?? '', (counts.get(d.source ?? '') ?? 0) + 1);
    return counts;
  };
  const before = count(baseline);
  const after = count(perturbed);
  const out: Attribution = new Map();
  for (const doc of perturbed) {
    const source = doc.source ?? '';
    if (before.get(source) !== after.get(source)) continue;
    if (only && !only.has(documentKey(doc))) continue;
    if (!ANY_MARK.test(doc.text)) continue;
    const fields = new Map<string, ValueLeaf[]>();
    const parsed = parseRendered(doc.text);
    for (const { path, value } of scalarsOf(parsed.doc.contents)) {
      const found = markersIn(value, perturbation.leaves);
      if (found.length) fields.set(pathKey(path), found);
    }
    if (fields.size) out.set(documentKey(doc), fields);
  }
  return out;
}

function markersIn(text: string, leaves: readonly ValueLeaf[]): ValueLeaf[] {
  const out: ValueLeaf[] = [];
  const add = (i: number) => {
    const leaf = leaves[i];
    if (leaf && !out.includes(leaf)) out.push(leaf);
  };
  for (const m of text.matchAll(STRING_MARK)) add(Number(m[1]));
  for (const m of text.matchAll(NUMBER_MARK)) {
    const i = Number(m[1] ?? (m[2] ?? '').padEnd(5, '0'));
    if (typeof leaves[i]?.value === 'number') add(i);
  }
  return out;
}

/** The leaf id of a value, for tests and messages. */
export function leafId(leaf: ValueLeaf): string {
  return valuePathId(leaf.path);
}
