/** The named-volume binding rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { caseFixtureText, diagnose } from './helpers';

void describe('named volume rules in detail', () => {
  void test('a claim too big for the volume its claimRef reserves: said on the request line, once', () => {
    const text = caseFixtureText('claim-larger-than-volume', 'bad-claim-ref');
    const found = diagnose({ 'file:///reports.yaml': text });
    const hit = found.find((d) => d.code === 'claim-larger-than-volume');
    assert.ok(hit);
    const requestLine = text.split('\n').findIndex((l) => l.includes('storage: 20Gi'));
    assert.equal(hit.range.start.line, requestLine);
    assert.match(hit.message.en, /`nfs-reports` is reserved for this claim by its `claimRef`/);
    assert.match(hit.message.en, /capacity is 5Gi and the claim requests 20Gi/);
    assert.equal(
      found.filter((d) => d.code === 'claim-will-stay-pending').length,
      0,
      'the generic Pending finding would repeat it on the name',
    );
  });
});
