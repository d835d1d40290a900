/** Kubernetes resource quantities (`10Gi`, `500M`, `250m`, `1e3`): validation and exact byte values. */

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { m: -1, '': 0, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

export function isValidQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/**
 * The value of a quantity as a number (bytes for storage). Exact for every realistic storage
 * size; `undefined` when the text is not a quantity.
 */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = QUANTITY.exec(value);
  if (!m) return undefined;
  const base = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return base * 1024 ** BINARY[suffix]!;
  if (suffix in DECIMAL) return base * 1000 ** DECIMAL[suffix]!;
  return base * 10 ** Number(suffix.slice(1));
}

/** `10Gi` -> `10 737 418 240 bytes`-style facts used by hover: bytes, binary and decimal forms. */
export function describeBytes(bytes: number): { bytes: string; binary: string; decimal: string } {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  const decimalUnits = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  const pick = (base: number, names: string[]): string => {
    let i = 0;
    let v = bytes;
    while (Math.abs(v) >= base && i < names.length - 1) {
      v /= base;
      i++;
    }
    return `${round(v)}${names[i]}`;
  };
  return {
    bytes: Math.round(bytes).toLocaleString('en-US').replace(/,/g, '\u202f'),
    binary: pick(1024, units),
    decimal: pick(1000, decimalUnits),
  };
}

function round(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, '');
}
