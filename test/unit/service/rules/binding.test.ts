/** Table-driven tests of the binding rules: a triggering and a near-miss fixture per rule. */
import { describe } from 'node:test';
import { familyTable } from './helpers';

void describe('binding rules', () => {
  familyTable('binding');
});
