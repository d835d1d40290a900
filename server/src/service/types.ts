/** Types shared by every part of the pure service. Positions are LSP's: 0-based, UTF-16. */
import type { Position, Range } from 'vscode-languageserver-types';

export type { Position, Range };

export type Lang = 'en' | 'ru';

/** A text that exists in both languages; every user-visible string is one of these. */
export interface LocalizedText {
  en: string;
  ru: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface KubeDiagnostic {
  range: Range;
  severity: Severity;
  /** Stable kebab-case id, e.g. `unknown-field`. */
  code: string;
  message: LocalizedText;
  /** Machine-readable data for quick fixes (e.g. the suggested replacement). */
  data?: Record<string, unknown>;
}

export function pickText(text: LocalizedText, lang: Lang): string {
  return text[lang];
}
