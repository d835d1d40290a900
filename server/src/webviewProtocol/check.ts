/**
 * Small run-time checks for the webviews' messages (bindingPreview.ts, helmInspector.ts). A
 * webview is a separate, untrusted process: each side checks every message it receives with the
 * `isToWebview` / `isFromWebview` of that webview before acting on it.
 */
import type { Lang } from '../protocol';

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A whole number ≥ 0 (a line, a character). */
export function isNat(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

export function isLang(x: unknown): x is Lang {
  return x === 'en' || x === 'ru';
}

export function isOptionalString(x: unknown): x is string | undefined {
  return x === undefined || typeof x === 'string';
}
