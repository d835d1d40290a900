/** Service data -> LSP types. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { plainText, type KubeDiagnostic, type Lang, type Severity } from '../service';

export const DIAGNOSTIC_SOURCE = 'kube-storage';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: KubeDiagnostic, lang: Lang): Diagnostic {
  return {
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    // The Problems panel and the squiggle's hover show the message as plain text.
    message: plainText(d.message[lang], lang),
    ...(d.data ? { data: d.data } : {}),
  };
}
