/** The named-volume binding rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFirstFix, caseFixtureText, codes, diagnose } from './helpers';

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
  void test('a claim and a volume that name each other bind: the rules say what the claim gets (report B F5)', () => {
    const text = caseFixtureText('claim-larger-than-volume', 'bad-names-each-other');
    const found = diagnose({ 'file:///mutual.yaml': text });
    const size = found.find((d) => d.code === 'claim-larger-than-volume');
    assert.ok(size, codes(found));
    assert.match(
      size.message.en,
      /binds them without checking the size: the claim gets 1Gi, not the 5Gi/,
    );
    assert.match(size.message.ru, /заявка получит 1Gi, а не запрошенные 5Gi/);
    assert.doesNotMatch(size.message.en, /Pending/);

    const modes = diagnose({
      'file:///modes.yaml': text
        .replace('accessModes: [ReadWriteOnce]\n  nfs', 'accessModes: [ReadWriteMany]\n  nfs')
        .replace('storage: 1Gi', 'storage: 10Gi'),
    });
    const offered = modes.find((d) => d.code === 'access-modes-not-offered');
    assert.ok(offered, codes(modes));
    assert.match(
      offered.message.en,
      /without checking access modes: the claim gets the volume's modes, `ReadWriteMany`/,
    );
    assert.doesNotMatch(offered.message.en, /Pending/);

    const block = diagnose({
      'file:///block.yaml': text
        .replace(
          '  storageClassName: \"\"\n  capacity',
          '  storageClassName: \"\"\n  volumeMode: Block\n  capacity',
        )
        .replace('storage: 1Gi', 'storage: 10Gi'),
    });
    const mode = block.find((d) => d.code === 'volume-mode-mismatch');
    assert.ok(mode, codes(block));
    assert.match(
      mode.message.en,
      /binds them anyway, but the kubelet uses the volume's mode: a pod that uses the claim through `volumeMounts` does not start/,
    );

    const cls = diagnose({
      'file:///class.yaml': caseFixtureText('volume-class-mismatch', 'good-names-each-other'),
    });
    assert.equal(cls.filter((d) => d.code === 'volume-class-mismatch').length, 0, codes(cls));
  });

  void test('volume-reserved-for-other-claim: a claimRef without a namespace is not this claim; the fix adds it', () => {
    const text = caseFixtureText('volume-reserved-for-other-claim', 'bad-no-namespace');
    const { before, after, text: fixed } = applyFirstFix(text, 'volume-reserved-for-other-claim');
    const hit = before.find((d) => d.code === 'volume-reserved-for-other-claim');
    assert.ok(hit);
    assert.match(hit.message.en, /for `data8` without a `namespace`/);
    assert.match(hit.message.en, /Add `namespace: default` to the volume's `claimRef`/);
    assert.match(fixed, /claimRef:\n {4}namespace: default\n {4}name: data8\n/);
    assert.equal(after.filter((d) => d.code === 'volume-reserved-for-other-claim').length, 0);
  });
});
