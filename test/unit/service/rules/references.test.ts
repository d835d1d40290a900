/** The reference rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFirstFix, caseFixtureText, codes, diagnose } from './helpers';

const ofRule = (list: ReturnType<typeof diagnose>, code: string) =>
  list.filter((d) => d.code === code);

void describe('reference rules in detail', () => {
  void test('storage-class-not-found: a volume of the class in another file binds the claim (report B F4)', () => {
    const [volume, claim] = caseFixtureText('storage-class-not-found', 'good-static-volume').split(
      /^---$/m,
    );
    const found = diagnose({ 'file:///w/pvc.yaml': claim!, 'file:///w/pv.yaml': volume! });
    assert.deepEqual(ofRule(found, 'storage-class-not-found'), [], codes(found));
  });

  void test('storage-class-not-found: a volume of the class that does not fit is named', () => {
    const found = diagnose({
      'file:///w/small.yaml': caseFixtureText(
        'storage-class-not-found',
        'bad-static-volume-too-small',
      ),
    });
    const [hit] = ofRule(found, 'storage-class-not-found');
    assert.ok(hit, codes(found));
    assert.match(hit.message.en, /no volume of that class \(`small`\) fits this claim/);
    assert.match(hit.message.ru, /тома этого класса \(`small`\) заявке не подходят/);
    assert.match(hit.message.en, /stays `Pending`/);
  });

  void test('storage-class-not-found: no volume of the class keeps the old message', () => {
    const found = diagnose({
      'file:///w/bad.yaml': caseFixtureText('storage-class-not-found', 'bad'),
    });
    const [hit] = ofRule(found, 'storage-class-not-found');
    assert.ok(hit);
    assert.match(hit.message.en, /^No StorageClass `[^`]+` in the workspace\. Nothing will/);
  });

  void test('claim-ref-not-found: a claimRef without a namespace matches no claim; the fix adds it', () => {
    const text = caseFixtureText('claim-ref-not-found', 'bad-no-namespace');
    const { before, after, text: fixed, title } = applyFirstFix(text, 'claim-ref-not-found');
    const [hit] = ofRule(before, 'claim-ref-not-found');
    assert.ok(hit);
    assert.match(hit.message.en, /names claim `data8` but no `namespace`/);
    assert.match(hit.message.en, /`namespace: default`/);
    assert.match(hit.message.ru, /без `namespace`/);
    assert.ok(
      before.some((d) => d.code === 'claim-will-stay-pending'),
      codes(before),
    );
    assert.equal(title, 'Add `namespace: default` to `claimRef`');
    assert.match(fixed, /claimRef:\n {4}namespace: default\n {4}name: data8\n/);
    assert.deepEqual(ofRule(after, 'claim-ref-not-found'), []);
    assert.deepEqual(ofRule(after, 'claim-will-stay-pending'), [], 'the claim now binds');
  });

  void test('claim-ref-not-found: the fix offers the namespace of the claim of that name', () => {
    const text = caseFixtureText('claim-ref-not-found', 'bad-no-namespace').replace(
      '  name: data8\nspec:',
      '  name: data8\n  namespace: shop\nspec:',
    );
    const { title } = applyFirstFix(text, 'claim-ref-not-found');
    assert.equal(title, 'Add `namespace: shop` to `claimRef`');
  });
});
