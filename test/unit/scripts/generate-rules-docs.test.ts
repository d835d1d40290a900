/** The committed rules reference matches the registry (regenerate with scripts/generate-rules-docs.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ruleRegistry } from '../../../server/src/service/rules/index';
import { renderRulesDoc, rulesDocPaths } from '../../../scripts/generate-rules-docs';

for (const lang of ['en', 'ru'] as const) {
  void test(`docs/rules${lang === 'ru' ? '.ru' : ''}.md is up to date`, () => {
    const committed = readFileSync(rulesDocPaths[lang], 'utf8');
    assert.equal(
      committed,
      renderRulesDoc(lang),
      'run: node --import tsx scripts/generate-rules-docs.ts',
    );
    for (const r of ruleRegistry) assert.ok(committed.includes(`### ${r.id}\n`), r.id);
  });
}
