/** Service data -> LSP types. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import {
  plainText,
  type KubeDiagnostic,
  type Lang,
  type LocalizedText,
  type Severity,
} from '../service';

export const DIAGNOSTIC_SOURCE = 'kube-storage';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The plain text of a message, kept per message object: a file's cached findings keep theirs
 * across edits, so a publish of thousands of diagnostics converts only the new ones.
 */
const plainMessages = new WeakMap<LocalizedText, Partial<Record<Lang, string>>>();

function plainMessage(message: LocalizedText, lang: Lang): string {
  let texts = plainMessages.get(message);
  if (!texts) plainMessages.set(message, (texts = {}));
  return (texts[lang] ??= plainText(message[lang], lang));
}

export function toLspDiagnostic(d: KubeDiagnostic, lang: Lang): Diagnostic {
  return {
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    // The Problems panel and the squiggle's hover show the message as plain text.
    message: plainMessage(d.message, lang),
    ...(d.data ? { data: d.data } : {}),
  };
}
