/** Table-driven tests of the links rules: a triggering and a near-miss fixture per rule. */
import { describe } from 'node:test';
import { familyTable } from './helpers';

void describe('links rules', () => {
  familyTable('links');
});
