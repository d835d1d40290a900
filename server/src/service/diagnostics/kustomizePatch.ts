/**
 * The diagnostics of a kustomize patch (parse/kustomize.ts): part of an object, merged into a
 * resource of its base. What it writes is checked (syntax, types, unknown fields, values), not
 * what it leaves to the object it is merged into (required fields, one of several fields), and no
 * storage rule reads it, as they all read whole objects.
 */
import { mergeDiagnostics } from '../rules/engine';
import { defaultRuleSettings } from '../rules/types';
import type { DiagnosticSettings } from './fileDiagnostics';
import type { KubeDiagnostic } from '../types';
import type { WorkspaceFile } from '../workspace/file';

/** Schema findings about what a whole object must hold, which a patch leaves to its target. */
const LEFT_TO_THE_MERGED_OBJECT: ReadonlySet<string> = new Set([
  'missing-required',
  'exactly-one-of',
]);

export function patchDiagnostics(
  file: WorkspaceFile,
  schema: readonly KubeDiagnostic[],
  settings: DiagnosticSettings,
): KubeDiagnostic[] {
  const written = schema.filter((d) => !LEFT_TO_THE_MERGED_OBJECT.has(d.code));
  if (!settings.enable) return written;
  return mergeDiagnostics(file, written, [], settings.rules ?? defaultRuleSettings);
}
