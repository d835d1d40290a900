/** All diagnostics of one file: per-chunk results (cached) placed at absolute positions. */
import type { WorkspaceFile } from '../workspace/file';
import { shiftRange } from '../workspace/file';
import type { KubeDiagnostic } from '../types';
import { chunkDiagnostics } from './chunkDiagnostics';
import type { RuleSettings } from '../rules/types';

export interface DiagnosticSettings {
  /** Report schema and storage problems at all. */
  enable: boolean;
  /** Report fields the schema does not know (strict mode). */
  unknownFields: boolean;
  /** Storage rules: per-rule severity and objects known to exist in the cluster. */
  rules?: RuleSettings;
}

export const defaultDiagnosticSettings: DiagnosticSettings = { enable: true, unknownFields: true };

export function fileDiagnostics(
  file: WorkspaceFile,
  settings: DiagnosticSettings,
): KubeDiagnostic[] {
  if (!settings.enable) return [];
  const out: KubeDiagnostic[] = [];
  for (const placed of file.chunks) {
    for (const d of chunkDiagnostics(placed.chunk)) {
      if (!settings.unknownFields && d.code === 'unknown-field') continue;
      out.push(placed.startLine === 0 ? d : { ...d, range: shiftRange(d.range, placed.startLine) });
    }
  }
  return out.sort(byPosition);
}

export function byPosition(a: KubeDiagnostic, b: KubeDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
  );
}
