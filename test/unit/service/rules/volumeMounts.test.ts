/** The volume mount rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose, fixtureText } from './helpers';

void describe('volume mount rules in detail', () => {
  void test('claim-not-mounted and volume-not-mounted split one finding by the kind of volume', () => {
    const found = diagnose({
      'file:///c.yaml': fixtureText('claim-not-mounted', 'bad'),
    }).filter((d) => d.code === 'claim-not-mounted' || d.code === 'volume-not-mounted');
    assert.deepEqual(
      found.map((d) => `${d.code}:${d.severity}`),
      ['claim-not-mounted:warning'],
    );
  });
});
