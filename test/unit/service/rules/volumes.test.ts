/** Table-driven tests of the volumes rules: a triggering and a near-miss fixture per rule. */
import { describe } from 'node:test';
import { familyTable } from './helpers';

void describe('volumes rules', () => {
  familyTable('volumes');
});
