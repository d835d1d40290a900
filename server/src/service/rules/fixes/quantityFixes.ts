/**
 * Fixes for a malformed quantity (`invalid-quantity`): the unit people write (`10GB`, `500mi`,
 * `5 Gi`, `1,5Ti`) turned into the one Kubernetes reads. A unit that is ambiguous between bytes
 * in powers of 1000 and 1024 (`GB`) gets both, binary first. Also what a valid but tiny storage
 * size was probably meant to be (`storage-size-without-unit`).
 */
import { localize } from '../../i18n/format';
import { isValidQuantity, quantityParts } from '../../quantity';
import type { KubeDiagnostic } from '../../types';
import type { WorkspaceFile } from '../../workspace/file';
import type { QuickFix } from '../types';
import { quantityPattern } from '../../schema/quantityPatterns';

const WRITTEN = /^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*([a-zA-Z]*)\s*$/;

/** Written unit (lower case) -> the Kubernetes suffixes it may mean, the likelier first. */
const UNITS: Record<string, string[]> = {
  '': [''],
  b: [''],
  byte: [''],
  bytes: [''],
};
for (const [decimal, binary] of [
  ['k', 'Ki'],
  ['m', 'Mi'],
  ['g', 'Gi'],
  ['t', 'Ti'],
  ['p', 'Pi'],
  ['e', 'Ei'],
] as const) {
  UNITS[`${decimal}b`] = [binary, decimal === 'k' ? 'k' : decimal.toUpperCase()];
  UNITS[`${decimal}i`] = [binary];
  UNITS[`${decimal}ib`] = [binary];
  if (decimal !== 'm' && decimal !== 'e') {
    UNITS[decimal] = [binary, decimal === 'k' ? 'k' : decimal.toUpperCase()];
  }
}

/** Valid quantities the text was probably meant to be (none when it is not a number with a unit). */
export function quantityCorrections(text: string): string[] {
  const m = WRITTEN.exec(text);
  if (!m) return [];
  const number = m[1]!.replace(',', '.');
  const written = m[2]!;
  // A valid suffix written apart (`5 Gi`, `250 m`): only the spacing or the comma was wrong.
  const suffixes = isValidQuantity(number + written)
    ? [written]
    : (UNITS[written.toLowerCase()] ?? []);
  return [...new Set(suffixes.map((s) => number + s))].filter(
    (q) => q !== text && isValidQuantity(q),
  );
}

/**
 * Valid quantities a storage size under one mebibyte was probably meant to be, the likelier
 * first, from the value as the manifest writes it: a number without a unit lacks one (`10` ->
 * `10Gi`); `m` is milli, most likely mega typed in lower case (`500m` -> `500Mi`, `500M`). None
 * for the other suffixes (`1k`, `512Ki`) and exponents (`1e6`): a unit was chosen on purpose, and
 * the same number with another suffix is no safer a guess than any other size.
 */
export function tinySizeCorrections(written: string): string[] {
  const parts = quantityParts(written);
  if (!parts || /^[+-]/.test(parts.number)) return [];
  const suffixes = parts.suffix === '' ? ['Gi'] : parts.suffix === 'm' ? ['Mi', 'M'] : [];
  return suffixes.map((suffix) => parts.number + suffix).filter(isValidQuantity);
}

export function quantityFixes(file: WorkspaceFile, diagnostic: KubeDiagnostic): QuickFix[] {
  const value = diagnostic.data?.value;
  if (typeof value !== 'string') return [];
  // A custom resource's quantity pattern may take fewer forms (schema/quantityPatterns.ts).
  const pattern = diagnostic.data?.pattern;
  const accepts = typeof pattern === 'string' ? quantityPattern(pattern) : undefined;
  const corrections = quantityCorrections(value).filter((q) => accepts?.test(q) ?? true);
  return corrections.map((q) => ({
    title: localize({ en: 'Change to `{value}`', ru: 'Заменить на `{value}`' }, { value: q }),
    edits: [{ uri: file.uri, range: diagnostic.range, newText: q }],
  }));
}
