/** Table-driven tests of the permissions rules: a triggering and a near-miss fixture per rule. */
import { describe } from 'node:test';
import { familyTable } from './helpers';

void describe('permissions rules', () => {
  familyTable('permissions');
});
