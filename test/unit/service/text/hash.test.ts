import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hash53 } from '../../../../server/src/service/text/hash';

void test('hash53: equal strings, equal hashes; a whole number below 2^53', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      const h = hash53(s);
      assert.equal(h, hash53(String(s)));
      assert.ok(Number.isSafeInteger(h) && h >= 0);
    }),
    { seed: 3, numRuns: 300 },
  );
});

void test('hash53: no two of 200,000 similar strings share a hash', () => {
  // Fingerprints differ by a character or two (a size, a name): they must not collide.
  const seen = new Set<number>();
  for (let i = 0; i < 200_000; i++)
    seen.add(hash53(`{"name":"claim-${i}","storage":"${i % 97}Gi"}`));
  assert.equal(seen.size, 200_000);
  assert.notEqual(hash53('a\u0000b'), hash53('a\u0000c'));
  assert.notEqual(hash53(''), hash53('\u0000'));
});
