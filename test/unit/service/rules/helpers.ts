/** Shared helpers of the rule tests: fixtures per rule, applying quick fixes to text. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  getLanguageService,
  type DiagnosticSettings,
  type KubeDiagnostic,
} from '../../../../server/src/service';
import { ruleRegistry } from '../../../../server/src/service/rules/index';
import { defaultRuleSettings, type RuleFamily } from '../../../../server/src/service/rules/types';

export const fixturesDir = join(__dirname, '..', '..', '..', 'fixtures', 'rules');

export function fixturePath(rule: string, which: 'bad' | 'good'): string {
  return join(fixturesDir, rule, `${which}.yaml`);
}

export function fixtureText(rule: string, which: 'bad' | 'good'): string {
  return readFileSync(fixturePath(rule, which), 'utf8');
}

/** A case fixture of a rule: `bad-<case>` or `good-<case>` (without `.yaml`). */
export function caseFixtureText(rule: string, name: string): string {
  return readFileSync(join(fixturesDir, rule, `${name}.yaml`), 'utf8');
}

export const settings: DiagnosticSettings = {
  enable: true,
  unknownFields: true,
  rules: defaultRuleSettings,
};

/** The default settings, with `ruleId` turned on at its suggested level if it is off by default. */
export function settingsFor(ruleId: string): DiagnosticSettings {
  const rule = ruleRegistry.find((r) => r.id === ruleId);
  if (!rule?.offByDefault) return settings;
  return {
    ...settings,
    rules: {
      ...defaultRuleSettings,
      severity: { ...defaultRuleSettings.severity, [ruleId]: rule.severity },
    },
  };
}

/** Diagnostics of a set of files (uri -> text), all in one workspace. */
export function diagnose(
  files: Record<string, string>,
  uri = Object.keys(files)[0]!,
  s: DiagnosticSettings = settings,
): KubeDiagnostic[] {
  const service = getLanguageService();
  for (const [u, text] of Object.entries(files)) service.setFile(u, text);
  return service.getDiagnostics(uri, s);
}

export const uriOf = (rule: string, which: string): string =>
  `file:///fixtures/${rule}/${which}.yaml`;

/** One test per rule of the family: `bad.yaml` triggers the rule, `good.yaml` does not. */
export function familyTable(family: RuleFamily): void {
  const rules = ruleRegistry.filter((r) => r.family === family);
  assert.ok(rules.length > 0);
  for (const rule of rules) {
    void test(`${rule.id}: bad.yaml triggers it, good.yaml does not`, () => {
      assert.ok(existsSync(fixturePath(rule.id, 'bad')), `fixture missing for ${rule.id}`);
      const on = settingsFor(rule.id);
      const bad = diagnose({ [uriOf(rule.id, 'bad')]: fixtureText(rule.id, 'bad') }, undefined, on);
      const hits = bad.filter((d) => d.code === rule.id);
      assert.ok(hits.length > 0, `${rule.id} did not fire on bad.yaml: ${codes(bad)}`);
      for (const d of hits) {
        assert.equal(d.severity, rule.severity);
        assert.ok(d.message.en.length > 20 && d.message.ru.length > 20);
        assert.doesNotMatch(d.message.en + d.message.ru, /\{\w+\}/, 'unfilled placeholder');
      }
      const good = diagnose(
        { [uriOf(rule.id, 'good')]: fixtureText(rule.id, 'good') },
        undefined,
        on,
      );
      assert.deepEqual(
        good.filter((d) => d.code === rule.id).map((d) => d.message.en),
        [],
        `${rule.id} fired on good.yaml`,
      );
    });
    for (const file of caseFixtures(rule.id)) {
      const triggers = file.startsWith('bad-');
      void test(`${rule.id}: ${file} ${triggers ? 'triggers it' : 'does not trigger it'}`, () => {
        const text = readFileSync(join(fixturesDir, rule.id, file), 'utf8');
        const found = diagnose(
          { [`file:///fixtures/${rule.id}/${file}`]: text },
          undefined,
          on(rule.id),
        );
        const hits = found.filter((d) => d.code === rule.id);
        if (triggers)
          assert.ok(hits.length > 0, `${rule.id} did not fire on ${file}: ${codes(found)}`);
        else
          assert.deepEqual(
            hits.map((d) => d.message.en),
            [],
            `${rule.id} fired on ${file}`,
          );
      });
    }
  }
}

const on = (ruleId: string): DiagnosticSettings => settingsFor(ruleId);

/**
 * More cases of a rule beside `bad.yaml` / `good.yaml`: `bad-<case>.yaml` must trigger the rule,
 * `good-<case>.yaml` must not (each fixed false finding keeps its `good-` fixture).
 */
function caseFixtures(ruleId: string): string[] {
  const dir = join(fixturesDir, ruleId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^(bad|good)-[\w-]+\.yaml$/.test(f))
    .sort();
}

export function codes(list: readonly KubeDiagnostic[]): string {
  return list.map((d) => `${d.code}@${d.range.start.line + 1}`).join(', ') || '(none)';
}

/** Applies the first quick fix for `code` in `text` and returns the new text and diagnostics. */
export function applyFirstFix(
  text: string,
  code: string,
  uri = 'file:///fix/test.yaml',
  extraFiles: Record<string, string> = {},
): { before: KubeDiagnostic[]; after: KubeDiagnostic[]; text: string; title: string } {
  const service = getLanguageService();
  service.setFile(uri, text);
  for (const [u, t] of Object.entries(extraFiles)) service.setFile(u, t);
  const on = settingsFor(code);
  const before = service.getDiagnostics(uri, on);
  const target = before.find((d) => d.code === code);
  assert.ok(target, `no ${code} diagnostic to fix: ${codes(before)}`);
  const actions = service.getCodeActions(uri, target.range, on);
  const action = actions.find((a) => a.diagnostic.code === code);
  assert.ok(action, `no quick fix offered for ${code}`);
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  const edits = action.edits.filter((e) => e.uri === uri);
  assert.equal(edits.length, action.edits.length, 'edits outside the file');
  const fixed = TextDocument.applyEdits(doc, edits);
  service.setFile(uri, fixed, 'disk', 1);
  return {
    before,
    after: service.getDiagnostics(uri, on),
    text: fixed,
    title: action.title.en,
  };
}

/**
 * The quick fix for `code` removes the finding (one, or more when they are one problem reported
 * on each object, like two default classes) and adds no error.
 */
export function assertFixApplies(text: string, code: string): string {
  const { before, after, text: fixed } = applyFirstFix(text, code);
  const count = (list: KubeDiagnostic[]) => list.filter((d) => d.code === code).length;
  assert.ok(count(after) < count(before), `${code} still reported after the fix:\n${fixed}`);
  const known = new Set(
    before.filter((d) => d.severity === 'error').map((d) => d.code + d.message.en),
  );
  const added = after.filter((d) => d.severity === 'error' && !known.has(d.code + d.message.en));
  assert.deepEqual(
    added.map((d) => `${d.code}: ${d.message.en}`),
    [],
    `new errors after the fix:\n${fixed}`,
  );
  return fixed;
}
