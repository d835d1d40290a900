/**
 * The registry: every rule of every family against its fixtures (`test/fixtures/rules/<id>/`):
 * `bad.yaml` triggers it, `good.yaml` does not, and so do their `bad-*` / `good-*` cases. The
 * policy rules, silent until a policy is set, have their own table in policy.test.ts.
 */
import { describe } from 'node:test';
import { families } from '../../../../server/src/service/rules/index';
import type { RuleFamily } from '../../../../server/src/service/rules/types';
import { familyTable } from './helpers';

for (const family of Object.keys(families) as RuleFamily[]) {
  if (family === 'policy') continue;
  void describe(`${family} rules`, () => {
    familyTable(family);
  });
}
