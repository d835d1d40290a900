/**
 * Running the rules over one file. Findings are cached per file version and workspace
 * generation (and settings), so re-publishing diagnostics of unchanged open files is cheap, and
 * the cross-file lookups are built once per generation for all files.
 */
import type { KubeDiagnostic, Severity } from '../types';
import type { WorkspaceFile } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import { ruleById, rulesForKind } from './index';
import { lookupsFor } from './lookups';
import { suppressionsOf } from './suppress';
import type { Finding, RuleContext, RuleSettings } from './types';
import { isRecord, rangeAt } from './util';

interface CacheEntry {
  generation: number;
  settingsKey: string;
  findings: Finding[];
}

const cache = new WeakMap<WorkspaceFile, CacheEntry>();

/** Raw findings of the storage rules in one file (rules set to `off` are not run). */
export function ruleFindings(
  workspace: Workspace,
  file: WorkspaceFile,
  settings: RuleSettings,
): Finding[] {
  const settingsKey = JSON.stringify(settings);
  const hit = cache.get(file);
  if (hit && hit.generation === workspace.generation && hit.settingsKey === settingsKey) {
    return hit.findings;
  }
  const findings: Finding[] = [];
  const objects = file.objects();
  if (objects.length) {
    const lookups = lookupsFor(workspace);
    for (const object of objects) {
      const rules = rulesForKind(object.kind);
      if (!rules.length) continue;
      // Like the schema check, a document with YAML errors is half-typed: rules would only add noise.
      if (object.document.doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) continue;
      const value = object.document.value();
      if (!value.ok || !isRecord(value.data)) continue;
      for (const rule of rules) {
        if (object.template && !rule.templates) continue;
        if (settings.severity[rule.id] === 'off') continue;
        const ctx: RuleContext = {
          lookups,
          settings,
          report(path, message, options) {
            findings.push({
              ruleId: rule.id,
              range: rangeAt(object, path, options?.onKey),
              message,
              ...(options?.data ? { data: options.data } : {}),
              ...(options?.fix ? { fix: options.fix } : {}),
            });
          },
        };
        try {
          rule.check(object, value.data, ctx);
        } catch {
          // A rule must never take the diagnostics of a file down; bad input just yields nothing.
        }
      }
    }
  }
  cache.set(file, { generation: workspace.generation, settingsKey, findings });
  return findings;
}

/** The severity of a code after the user's settings; undefined when it is turned off. */
export function effectiveSeverity(
  code: string,
  fallback: Severity,
  settings: RuleSettings,
): Severity | undefined {
  const override = settings.severity[code];
  if (override === 'off') return undefined;
  return override ?? ruleById(code)?.severity ?? fallback;
}

export function findingToDiagnostic(finding: Finding, severity: Severity): KubeDiagnostic {
  return {
    range: finding.range,
    severity,
    code: finding.ruleId,
    message: finding.message,
    ...(finding.data ? { data: finding.data } : {}),
  };
}

/**
 * Schema diagnostics plus rule findings, with severity settings and suppression comments applied.
 */
export function mergeDiagnostics(
  file: WorkspaceFile,
  schema: readonly KubeDiagnostic[],
  findings: readonly Finding[],
  settings: RuleSettings,
): KubeDiagnostic[] {
  const suppressions = suppressionsOf(file);
  const out: KubeDiagnostic[] = [];
  for (const d of schema) {
    const severity = effectiveSeverity(d.code, d.severity, settings);
    if (!severity || suppressions.covers(d.code, d.range.start.line)) continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  for (const f of findings) {
    const severity = effectiveSeverity(f.ruleId, 'warning', settings);
    if (!severity || suppressions.covers(f.ruleId, f.range.start.line)) continue;
    out.push(findingToDiagnostic(f, severity));
  }
  return out;
}

/** Findings of the file that survive settings and suppressions (for code actions). */
export function activeFindings(
  workspace: Workspace,
  file: WorkspaceFile,
  settings: RuleSettings,
): Finding[] {
  const suppressions = suppressionsOf(file);
  return ruleFindings(workspace, file, settings).filter(
    (f) =>
      effectiveSeverity(f.ruleId, 'warning', settings) !== undefined &&
      !suppressions.covers(f.ruleId, f.range.start.line),
  );
}
