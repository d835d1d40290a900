/**
 * Exact comparison of Kubernetes quantities for capacity checks. The PV controller compares
 * `resource.Quantity` values exactly (no floating point), so we keep storage sizes as bigint
 * milli-units; fractions below a milli-unit round up, as Kubernetes does.
 */
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const QUANTITY =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** Milli-units of a quantity (`"10Gi"` → 10·2³⁰·1000); undefined when it is not a quantity. */
export function quantityMilli(value: unknown): bigint | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    value = String(value);
  }
  if (typeof value !== 'string') return undefined;
  const m = QUANTITY.exec(value.trim());
  if (!m) return undefined;
  const [, sign, number, suffix, exponent] = m;
  const [whole = '', fraction = ''] = number!.split('.');
  let numerator = BigInt((whole || '0') + fraction);
  let denominator = 10n ** BigInt(fraction.length);
  numerator *= 1000n;
  if (suffix && suffix in BINARY) numerator *= 1n << BigInt(BINARY[suffix]!);
  else {
    const power =
      suffix !== undefined ? DECIMAL[suffix]! : exponent !== undefined ? Number(exponent) : 0;
    if (Math.abs(power) > 1000) return undefined;
    if (power >= 0) numerator *= 10n ** BigInt(power);
    else denominator *= 10n ** BigInt(-power);
  }
  let result = numerator / denominator;
  if (result * denominator !== numerator) result += 1n;
  return sign === '-' ? -result : result;
}

/** The `storage` entry of a resource list as milli-units; a missing or invalid value counts as zero, like an empty Quantity. */
export function storageOf(list: Record<string, unknown> | undefined): bigint {
  const raw = list?.['storage'];
  if (typeof raw !== 'string') return quantityMilli(raw) ?? 0n;
  let value = cache.get(raw);
  if (value === undefined) {
    if (cache.size > 5000) cache.clear();
    value = quantityMilli(raw) ?? 0n;
    cache.set(raw, value);
  }
  return value;
}

/** Sizes repeat across thousands of objects; parse each spelling once. */
const cache = new Map<string, bigint>();
