/**
 * Quick fixes: for the storage rules (built lazily by each rule's finding), for schema
 * diagnostics that carry a suggestion (enum typo, unknown field, kind, apiVersion) or a
 * malformed quantity, and for every diagnostic a comment can silence: "Disable … for this line"
 * and "… in this file", after the real fixes.
 */
import { localize } from './i18n/format';
import { valuesFixes } from './helm/fixes';
import { findingsWithFixes } from './rules/engine';
import { disableFileFix, disableLineFix } from './rules/fixes/disable';
import type { TextEditLike } from './rules/fixes/edits';
import { quantityFixes } from './rules/fixes/quantityFixes';
import { isSuppressible } from './rules/suppress';
import type { QuickFix, RuleSettings } from './rules/types';
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
  'invalid-type': { en: 'Write `{suggestion}`', ru: 'Написать `{suggestion}`' },
  'unknown-field': { en: 'Rename to `{suggestion}`', ru: 'Переименовать в `{suggestion}`' },
  'unknown-kind': { en: 'Change to `{suggestion}`', ru: 'Заменить на `{suggestion}`' },
  'unknown-api-version': { en: 'Change to `{suggestion}`', ru: 'Заменить на `{suggestion}`' },
  'empty-dir-null': { en: 'Write `{suggestion}`', ru: 'Написать `{suggestion}`' },
  'storage-class-null': { en: 'Write `{suggestion}`', ru: 'Написать `{suggestion}`' },
  'helm-values-invalid-size': { en: 'Change to `{suggestion}`', ru: 'Заменить на `{suggestion}`' },
  'helm-values-quoted-boolean': { en: 'Write `{suggestion}`', ru: 'Написать `{suggestion}`' },
  'helm-values-unknown-key': {
    en: 'Rename to `{suggestion}`',
    ru: 'Переименовать в `{suggestion}`',
  },
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
  for (const d of diagnostics) {
    if (!overlaps(d.range, range)) continue;
    if (d.code === 'invalid-enum') out.push(...allowedValueFixes(file.uri, d));
    if (d.code === 'invalid-quantity')
      for (const fix of quantityFixes(file, d)) out.push(action(fix, d, true));
    for (const fix of valuesFixes(file.uri, file.text, d)) out.push(action(fix, d, true));
  }
  const visible = new Map(diagnostics.map((d) => [diagnosticKey(d.code, d.range), d]));
  for (const finding of findingsWithFixes(workspace, file, range, settings)) {
    if (!finding.fix || !overlaps(finding.range, range)) continue;
    const diagnostic = visible.get(diagnosticKey(finding.ruleId, finding.range));
    if (!diagnostic) continue;
    let fixes;
    try {
      fixes = finding.fix();
    } catch {
      fixes = undefined;
    }
    if (!fixes) continue;
    // With several alternatives none is preferred: the user picks. A fix that would edit a
    // cluster snapshot is dropped: that file records the cluster, editing it changes nothing there.
    const list = (Array.isArray(fixes) ? fixes : [fixes]).filter(
      (fix) => !fix.edits.some((e) => workspace.isSnapshot(e.uri)),
    );
    for (const fix of list) out.push(action(fix, diagnostic, list.length === 1));
  }
  for (const d of diagnostics) {
    if (!overlaps(d.range, range) || !isSuppressible(d.code)) continue;
    const line = disableLineFix(file.uri, file.text, d.code, d.range);
    if (line) out.push(action(line, d, false));
    const whole = disableFileFix(file.uri, file.text, d.code);
    if (whole) out.push(action(whole, d, false));
  }
  return out;
}

/** At most this many allowed values are offered one by one when none is the likely one. */
const MAX_ALLOWED_FIXES = 5;

/** A value written plain: a word YAML reads as that string (not `true`, `null`, a number). */
const PLAIN_WORD = /^(?!(?:true|false|yes|no|on|off|null|y|n)$)[A-Za-z][\w.-]*$/i;

/**
 * A value outside a short enum with no close match (`reclaimPolicy: Recycle` on a StorageClass,
 * which takes `Retain` or `Delete`): one fix per allowed value, none preferred.
 */
function allowedValueFixes(uri: string, d: KubeDiagnostic): KubeCodeAction[] {
  const allowed = d.data?.allowed;
  if (d.data?.suggestion !== undefined || !Array.isArray(allowed)) return [];
  if (!allowed.length || allowed.length > MAX_ALLOWED_FIXES) return [];
  return allowed.map((value: unknown) => {
    const text =
      typeof value === 'string' && PLAIN_WORD.test(value) ? value : JSON.stringify(value);
    return {
      title: localize(suggestionFixes['invalid-enum']!, { suggestion: text }),
      kind: 'quickfix' as const,
      diagnostic: d,
      edits: [{ uri, range: d.range, newText: text }],
      isPreferred: false,
    };
  });
}

function action(fix: QuickFix, diagnostic: KubeDiagnostic, isPreferred: boolean): KubeCodeAction {
  return {
    title: fix.title,
    kind: 'quickfix',
    diagnostic,
    edits: fix.edits,
    ...(isPreferred ? { isPreferred } : {}),
  };
}

function diagnosticKey(code: string, r: Range): string {
  return `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
