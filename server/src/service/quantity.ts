/** Kubernetes resource quantities (`10Gi`, `500M`, `250m`, `1e3`): validation and exact byte values. */

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { m: -1, '': 0, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

export function isValidQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/**
 * A quantity as the grammar reads it (`ParseQuantity`): its number (`500`, `1.5`) and its one
 * suffix, binary (`Ki`…`Ei`), decimal (`m`, `k`, `M`…`E`) or an exponent (`e6`), `''` when it has
 * none; `undefined` when the text is not a quantity.
 */
export function quantityParts(value: string): { number: string; suffix: string } | undefined {
  const m = QUANTITY.exec(value);
  return m ? { number: m[1]!, suffix: m[2] ?? '' } : undefined;
}

/**
 * The value of a quantity as a number (bytes for storage). Exact for every realistic storage
 * size; `undefined` when the text is not a quantity.
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const parts = quantityParts(value);
  if (!parts) return undefined;
  const base = Number(parts.number);
  const suffix = parts.suffix;
  if (suffix in BINARY) return base * 1024 ** BINARY[suffix]!;
  if (suffix in DECIMAL) return base * 1000 ** DECIMAL[suffix]!;
  return base * 10 ** Number(suffix.slice(1));
}

/**
 * A size in quantity notation with a binary suffix, for messages: `10Gi`, `1.5Gi` (code, the same
 * in every language). Numbers for people, per language, are in i18n/numbers.ts.
 */
export function describeBytes(bytes: number): { binary: string } {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let i = 0;
  let v = bytes;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return { binary: `${round(v)}${units[i]}` };
}

function round(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, '');
}
