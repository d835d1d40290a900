/**
 * Numbers as each language writes them, through one formatter (`Intl.NumberFormat`): English
 * `10,737,418,240` and `107.37`, Russian `10 737 418 240` (non-breaking spaces) and `107,37`. A
 * quantity written in a manifest (`10Gi`) is code and stays as written; these are for the numbers
 * we compute from it.
 */
import type { Lang } from '../types';

const formats = new Map<string, Intl.NumberFormat>();

/** `value` with at most `fractionDigits` digits after the separator, grouped by thousands. */
export function formatNumber(value: number, lang: Lang, fractionDigits = 2): string {
  const key = `${lang}:${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: fractionDigits });
    formats.set(key, format);
  }
  return format.format(value);
}

const BINARY_UNITS = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_UNITS = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

export interface UnitAmount {
  /** `100 Gi`, `107,37 G`: the number in the language, a space, the Kubernetes suffix. */
  text: string;
  /** False when the number was rounded (shown with `≈`). */
  exact: boolean;
}

/** An amount of bytes in the largest binary (1024) or decimal (1000) unit it reaches. */
export function inUnits(bytes: number, base: 1024 | 1000, lang: Lang): UnitAmount {
  const names = base === 1024 ? BINARY_UNITS : DECIMAL_UNITS;
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= base && unit < names.length - 1) {
    value /= base;
    unit++;
  }
  const rounded = Math.round(value * 100) / 100;
  const number = formatNumber(value, lang);
  return {
    text: names[unit] ? `${number}\u00a0${names[unit]}` : number,
    exact: rounded === value,
  };
}

const SIZE_UNITS: Record<Lang, string[]> = {
  en: ['bytes', 'KiB', 'MiB', 'GiB'],
  ru: ['байт', 'КиБ', 'МиБ', 'ГиБ'],
};

/** A file size for people: `2.5 MiB` / `2,5 МиБ`, one decimal below 10, none above. */
export function formatSize(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS[lang].length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  return `${formatNumber(Number(value.toFixed(digits)), lang, digits)} ${SIZE_UNITS[lang][unit]}`;
}
