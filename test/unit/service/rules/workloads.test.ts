/** Table-driven tests of the workloads rules: a triggering and a near-miss fixture per rule. */
import { describe } from 'node:test';
import { familyTable } from './helpers';

void describe('workloads rules', () => {
  familyTable('workloads');
});
