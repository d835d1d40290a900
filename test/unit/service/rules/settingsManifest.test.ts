/** package.json declares every rule in `kubeStorage.rules.severity`, with the registry's default. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { ruleRegistry } from '../../../../server/src/service/rules/index';
import { defaultSettings, normalizeSettings } from '../../../../server/src/settings';

const pkgText = readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8');
const pkg = JSON.parse(pkgText) as {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
};
const props = pkg.contributes.configuration.properties;

void test('package.json declares no key twice in one object', () => {
  // JSON.parse keeps the last of two equal keys without a word; the YAML parser (JSON is YAML)
  // reports each duplicate, as VS Code's settings editor would show the entry twice.
  const duplicates = parseDocument(pkgText)
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => pkgText.slice(e.pos[0], e.pos[1]));
  assert.deepEqual(duplicates, []);
});

void test('package.json lists every rule id with its default severity', () => {
  const severity = props['kubeStorage.rules.severity'];
  assert.ok(severity);
  const perRule = severity.properties as Record<string, { enum: string[]; default: string }>;
  assert.deepEqual(Object.keys(perRule).sort(), ruleRegistry.map((r) => r.id).sort());
  for (const r of ruleRegistry) {
    assert.equal(perRule[r.id]!.default, r.offByDefault ? 'off' : r.severity, r.id);
    assert.deepEqual(perRule[r.id]!.enum, ['error', 'warning', 'information', 'hint', 'off']);
  }
});

void test('knownObjects in package.json and in the settings code agree', () => {
  const known = props['kubeStorage.rules.knownObjects'];
  assert.ok(known);
  assert.deepEqual(
    Object.keys(known.properties as object).sort(),
    Object.keys(defaultSettings.rules.knownObjects).sort(),
  );
  assert.deepEqual(normalizeSettings(undefined).rules, defaultSettings.rules);
});
