/**
 * Quick fixes: for the storage rules (built lazily by each rule's finding) and for schema
 * diagnostics that carry a suggestion (enum typo, unknown field, kind, apiVersion).
 */
import { localize } from './i18n/format';
import { findingsWithFixes } from './rules/engine';
import type { TextEditLike } from './rules/fixes/edits';
import type { RuleSettings } from './rules/types';
import type { KubeDiagnostic, LocalizedText, Range } from './types';
import type { WorkspaceFile } from './workspace/file';
import type { Workspace } from './workspace/workspace';

export type { TextEditLike };

export interface KubeCodeAction {
  title: LocalizedText;
  kind: 'quickfix';
  /** The diagnostic this action fixes. */
  diagnostic: KubeDiagnostic;
  edits: TextEditLike[];
  isPreferred?: boolean;
}

const suggestionFixes: Record<string, LocalizedText> = {
  'invalid-enum': { en: 'Change to `{suggestion}`', ru: 'Заменить на `{suggestion}`' },
  'unknown-field': { en: 'Rename to `{suggestion}`', ru: 'Переименовать в `{suggestion}`' },
  'unknown-kind': { en: 'Change to `{suggestion}`', ru: 'Заменить на `{suggestion}`' },
  'unknown-api-version': { en: 'Change to `{suggestion}`', ru: 'Заменить на `{suggestion}`' },
};

export function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function codeActionsFor(
  workspace: Workspace,
  file: WorkspaceFile,
  range: Range,
  diagnostics: readonly KubeDiagnostic[],
  settings: RuleSettings,
): KubeCodeAction[] {
  const out: KubeCodeAction[] = [];
  for (const d of diagnostics) {
    const template = suggestionFixes[d.code];
    const suggestion = d.data?.suggestion;
    if (!template || typeof suggestion !== 'string' || !overlaps(d.range, range)) continue;
    out.push({
      title: localize(template, { suggestion }),
      kind: 'quickfix',
      diagnostic: d,
      edits: [{ uri: file.uri, range: d.range, newText: suggestion }],
      isPreferred: true,
    });
  }
  const visible = new Map(diagnostics.map((d) => [diagnosticKey(d.code, d.range), d]));
  for (const finding of findingsWithFixes(workspace, file, range, settings)) {
    if (!finding.fix || !overlaps(finding.range, range)) continue;
    const diagnostic = visible.get(diagnosticKey(finding.ruleId, finding.range));
    if (!diagnostic) continue;
    let fix;
    try {
      fix = finding.fix();
    } catch {
      fix = undefined;
    }
    if (!fix) continue;
    out.push({
      title: fix.title,
      kind: 'quickfix',
      diagnostic,
      edits: fix.edits,
      isPreferred: true,
    });
  }
  return out;
}

function diagnosticKey(code: string, r: Range): string {
  return `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
