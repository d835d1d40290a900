/**
 * Running the rules over one file, incrementally.
 *
 * Findings are kept per parsed `---` document, with ranges relative to its chunk, so an edit
 * re-runs the rules of the document it touched only. Which rules read other objects is observed,
 * not declared: a rule that never asked for `ctx.lookups` on a document depends on that document
 * and the settings alone. The others are re-run when the storage signature (signature.ts) moves,
 * i.e. when a volume, a claim, a class, a Service or a claim template changed somewhere.
 *
 * Cached findings carry no quick fixes (a fix closes over object positions, which move):
 * `findingsWithFixes` runs the rules afresh for the objects under the cursor.
 */
import type { KubeDiagnostic, LocalizedText, Range, Severity } from '../types';
import type { ParsedDocument } from '../parse/chunk';
import type { YamlPath } from '../parse/nodes';
import { objectData, shiftRange, type IndexedObject, type WorkspaceFile } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import { ruleById, rulesForKind } from './index';
import { currentLookups, lookupsFor, type Lookups } from './lookups';
import { storageSignature } from './signature';
import { suppressionsOf } from './suppress';
import type { Finding, FixBuilder, Rule, RuleContext, RuleSettings } from './types';
import { rangeAt } from './util';

interface DocumentFindings {
  settingsKey: string;
  /** Findings of the rules that read this object only; ranges relative to the chunk. */
  local: readonly Finding[];
  /** The rules that read other objects (through `ctx.lookups`) when they checked this one. */
  crossRules: readonly Rule[];
  /** Their findings, valid for storage signature `crossVersion`. */
  cross: readonly Finding[];
  crossVersion: number;
}

/**
 * The empty list every document without findings (or without rules that read other objects)
 * shares: most of a large workspace's 20,000 documents, three arrays each (some 2 MB).
 */
const NONE: readonly never[] = Object.freeze([]);

/** `list`, or the shared empty list when it has nothing. */
function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length ? list : NONE;
}

interface FileFindings {
  settingsKey: string;
  version: number;
  findings: Finding[];
}

const byDocument = new WeakMap<ParsedDocument, DocumentFindings>();
const byFile = new WeakMap<WorkspaceFile, FileFindings>();
let lastSettingsKey = '';

/**
 * The settings as a cache key. Equal settings give the very same string: the entries of every
 * file share one copy (the workspace pass used to leave one per file) and compare by reference.
 */
function settingsKeyOf(settings: RuleSettings): string {
  const key = JSON.stringify(settings);
  if (key !== lastSettingsKey) lastSettingsKey = key;
  return lastSettingsKey;
}

/** Raw findings of the storage rules in one file (rules set to `off` are not run), without fixes. */
export function ruleFindings(
  workspace: Workspace,
  file: WorkspaceFile,
  settings: RuleSettings,
): Finding[] {
  const settingsKey = settingsKeyOf(settings);
  const objects = file.objects();
  const version = objects.length ? storageSignature(workspace) : 0;
  const hit = byFile.get(file);
  if (hit && hit.version === version && hit.settingsKey === settingsKey) return hit.findings;
  const findings: Finding[] = [];
  for (const object of objects) {
    const entry = documentFindings(workspace, object, settings, settingsKey, version);
    const shift = object.placed.startLine;
    for (const f of entry.local) findings.push(shifted(f, shift));
    for (const f of entry.cross) findings.push(shifted(f, shift));
  }
  byFile.set(file, { settingsKey, version, findings });
  return findings;
}

/**
 * Findings of the rules that read the object alone, for a file checked before the workspace has
 * been read: a rule that reads other objects (`ctx.lookups`) is stopped there and reports nothing,
 * so nothing missing from a half-built index is reported as missing from the workspace.
 */
export function localRuleFindings(
  workspace: Workspace,
  file: WorkspaceFile,
  settings: RuleSettings,
): Finding[] {
  seedLocalFindings(workspace, file, settings);
  const findings: Finding[] = [];
  for (const object of file.objects()) {
    for (const f of byDocument.get(object.document)!.local)
      findings.push(shifted(f, object.placed.startLine));
  }
  return findings;
}

/**
 * Runs the rules that read each object of a file alone and keeps their findings with the object's
 * document, as `ruleFindings` would; the rules that read other objects are noted and run by
 * `ruleFindings` once the whole workspace is indexed. For a file parsed before the index is whole
 * (a lint worker): its trees may go right after, and its local findings are not worked out again.
 */
export function seedLocalFindings(
  workspace: Workspace,
  file: WorkspaceFile,
  settings: RuleSettings,
): void {
  const settingsKey = settingsKeyOf(settings);
  for (const object of file.objects()) {
    if (byDocument.get(object.document)?.settingsKey === settingsKey) continue;
    // NaN equals no storage signature: the cross-file rules run at the first `ruleFindings`.
    const sorted = sortedFindings(workspace, object, settings, true);
    byDocument.set(object.document, { settingsKey, ...sorted, crossVersion: NaN });
  }
}

/** Stops a rule that reads other objects when only local findings are asked for. */
const CROSS_FILE_DEFERRED = new Error('cross-file rule deferred');

function documentFindings(
  workspace: Workspace,
  object: IndexedObject,
  settings: RuleSettings,
  settingsKey: string,
  version: number,
): DocumentFindings {
  // Which rules apply depends on the document (kind, YAML errors, template) and the settings
  // only, so a cached entry for these settings is used without asking again.
  const entry = byDocument.get(object.document);
  if (entry && entry.settingsKey === settingsKey) {
    if (entry.crossRules.length && entry.crossVersion !== version) {
      entry.cross = orNone(runRules(workspace, object, entry.crossRules, settings, false));
      entry.crossVersion = version;
    }
    return entry;
  }
  // A document no rule applies to is cached too, with empty lists.
  const fresh = {
    settingsKey,
    ...sortedFindings(workspace, object, settings, false),
    crossVersion: version,
  };
  byDocument.set(object.document, fresh);
  return fresh;
}

/**
 * The findings of the rules that apply to an object, sorted by whether the rule read other objects
 * (`crossRules`, their findings in `cross`) or not (`local`). With `localOnly`, a rule is stopped
 * where it first asks for other objects and `cross` stays empty.
 */
function sortedFindings(
  workspace: Workspace,
  object: IndexedObject,
  settings: RuleSettings,
  localOnly: boolean,
): Pick<DocumentFindings, 'local' | 'crossRules' | 'cross'> {
  const local: Finding[] = [];
  const cross: Finding[] = [];
  const crossRules: Rule[] = [];
  const rules = applicableRules(object, settings);
  const data = rules.length ? objectData<Record<string, unknown>>(object) : undefined;
  if (!data) return { local: NONE, crossRules: NONE, cross: NONE };
  const run = new RuleRun(workspace, object, settings, false, localOnly);
  for (const rule of rules) {
    const found = run.check(rule, data);
    if (run.readLookups) {
      crossRules.push(rule);
      // Stopped half-way when `localOnly`: what it reported before that is not its findings.
      if (!localOnly) cross.push(...found);
    } else local.push(...found);
  }
  return { local: orNone(local), crossRules: orNone(crossRules), cross: orNone(cross) };
}

/** The rules to run on an object: its kind's, minus those turned off, only if it reads cleanly. */
function applicableRules(object: IndexedObject, settings: RuleSettings): Rule[] {
  const rules = rulesForKind(object.kind);
  if (!rules.length) return [];
  // Like the schema check, a document with YAML errors is half-typed: rules would only add noise.
  if (object.document.doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return [];
  return rules.filter(
    (rule) => !(object.template && !rule.templates) && !isTurnedOff(rule, settings),
  );
}

/** Set to `off`, or off by default and not given a level. */
function isTurnedOff(rule: Rule, settings: RuleSettings): boolean {
  const override = settings.severity[rule.id];
  return override === 'off' || (override === undefined && rule.offByDefault === true);
}

/**
 * Runs rules on one object. Ranges are relative to the object's chunk unless `withFixes`, which
 * gives absolute ranges and keeps the quick fixes (for code actions, never cached).
 */
function runRules(
  workspace: Workspace,
  object: IndexedObject,
  rules: readonly Rule[],
  settings: RuleSettings,
  withFixes: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const data = objectData<Record<string, unknown>>(object);
  if (!data) return findings;
  const run = new RuleRun(workspace, object, settings, withFixes, false);
  for (const rule of rules) findings.push(...run.check(rule, data));
  return findings;
}

/**
 * The context the rules of one object are run with, one rule after another, and what the last one
 * found. A class rather than an object literal per rule: a literal with a getter and a closure,
 * made for each of some 200,000 rule runs over a large workspace, took more time than most rules
 * (CPU profile of lint); one per object rather than per rule, for the same reason.
 */
class RuleRun implements RuleContext {
  findings: Finding[] = [];
  readLookups = false;
  rule: Rule | undefined;
  private readonly shift: number;

  constructor(
    private readonly workspace: Workspace,
    private readonly object: IndexedObject,
    readonly settings: RuleSettings,
    private readonly withFixes: boolean,
    private readonly localOnly: boolean,
  ) {
    this.shift = withFixes ? 0 : -object.placed.startLine;
  }

  /** Runs one rule: what it found, and `readLookups` whether it read other objects. */
  check(rule: Rule, data: Record<string, unknown>): Finding[] {
    this.rule = rule;
    this.readLookups = false;
    this.findings = [];
    try {
      rule.check(this.object, data, this);
    } catch (e) {
      // A rule must never take the diagnostics of a file down: it yields nothing, and says so.
      if (e !== CROSS_FILE_DEFERRED)
        this.workspace.onError(`rule ${rule.id} on ${this.object.uri}`, e);
    }
    return this.findings;
  }

  get lookups(): Lookups {
    this.readLookups = true;
    if (this.localOnly) throw CROSS_FILE_DEFERRED;
    return this.withFixes ? currentLookups(this.workspace) : lookupsFor(this.workspace);
  }

  report(
    path: YamlPath,
    message: LocalizedText,
    options?: { onKey?: boolean; data?: Record<string, unknown>; fix?: FixBuilder },
  ): void {
    this.findings.push({
      ruleId: this.rule!.id,
      range: shiftRange(rangeAt(this.object, path, options?.onKey), this.shift),
      message,
      ...(options?.data ? { data: options.data } : {}),
      ...(this.withFixes && options?.fix ? { fix: options.fix } : {}),
    });
  }
}

function shifted(finding: Finding, lines: number): Finding {
  return lines === 0 ? finding : { ...finding, range: shiftRange(finding.range, lines) };
}

/** The severity of a code after the user's settings; undefined when it is turned off. */
export function effectiveSeverity(
  code: string,
  fallback: Severity,
  settings: RuleSettings,
): Severity | undefined {
  const override = settings.severity[code];
  if (override === 'off') return undefined;
  const rule = ruleById(code);
  if (override === undefined && rule?.offByDefault) return undefined;
  return override ?? rule?.severity ?? fallback;
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

/**
 * Findings, with their quick fixes, of the objects of the file that touch `range` and survive
 * settings and suppressions (for code actions). Run afresh: fixes need the current positions.
 */
export function findingsWithFixes(
  workspace: Workspace,
  file: WorkspaceFile,
  range: Range,
  settings: RuleSettings,
): Finding[] {
  const suppressions = suppressionsOf(file);
  const out: Finding[] = [];
  for (const object of file.objects()) {
    if (object.range.end.line < range.start.line || object.range.start.line > range.end.line)
      continue;
    const rules = applicableRules(object, settings);
    for (const f of runRules(workspace, object, rules, settings, true)) {
      if (
        effectiveSeverity(f.ruleId, 'warning', settings) !== undefined &&
        !suppressions.covers(f.ruleId, f.range.start.line)
      )
        out.push(f);
    }
  }
  return out;
}
