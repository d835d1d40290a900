/** The snapshot reference rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFirstFix, diagnose, fixtureText } from './helpers';

void describe('snapshot reference rules in detail', () => {
  void test('restore-source-not-found: the fix names the nearest snapshot; the source may live in another file', () => {
    const { text, title } = applyFirstFix(
      fixtureText('restore-source-not-found', 'bad'),
      'restore-source-not-found',
    );
    assert.equal(title, 'Use `orders-db-nightly`');
    assert.match(text, /name: orders-db-nightly\n {2}resources/);
    const bad = fixtureText('restore-source-not-found', 'good');
    const [definitions, restore] = [
      bad.slice(0, bad.lastIndexOf('---')),
      bad.slice(bad.lastIndexOf('---')),
    ];
    const found = diagnose({
      'file:///ws/restore.yaml': restore,
      'file:///ws/backup.yaml': definitions,
    });
    assert.deepEqual(
      found.filter((d) => d.code === 'restore-source-not-found'),
      [],
    );
  });
});
