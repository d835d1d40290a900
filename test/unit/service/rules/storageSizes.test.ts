/** `storage-size-without-unit`: what the message says and offers, by how the size is written. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';
import { isValidQuantity } from '../../../../server/src/service/quantity';
import { assertFixApplies, caseFixtureText, settings } from './helpers';

const URI = 'file:///sizes/claim.yaml';
const RULE = 'storage-size-without-unit';

const claim = (storage: string): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${storage}
`;

function finding(text: string): { diagnostic?: KubeDiagnostic; fixes: string[] } {
  const s = getLanguageService();
  s.setFile(URI, text);
  const diagnostic = s.getDiagnostics(URI, settings).find((d) => d.code === RULE);
  const fixes = diagnostic
    ? s
        .getCodeActions(URI, diagnostic.range, settings)
        .filter((a) => a.diagnostic.code === RULE && !/^Disable /.test(a.title.en))
        .map((a) => a.edits.map((e) => e.newText).join())
    : [];
  return { diagnostic, fixes };
}

void describe('storage-size-without-unit', () => {
  void test('a bare number: bytes, and the fix appends Gi', () => {
    const { diagnostic, fixes } = finding(claim('10'));
    assert.equal(
      diagnostic?.message.en,
      '`10` is only 10 bytes: a number without a unit counts bytes. Did you mean `10Gi`?',
    );
    assert.equal(
      diagnostic?.message.ru,
      '`10` — всего 10 байт: число без единицы измерения считается в байтах. Может быть, имелось в виду `10Gi`?',
    );
    assert.deepEqual(fixes, ['10Gi']);
    assert.match(finding(claim('1')).diagnostic?.message.en ?? '', /only 1 byte:/);
    assert.match(finding(claim('"2"')).diagnostic?.message.ru ?? '', /всего 2 байта:/);
  });

  void test('`m` is milli, not a missing unit: it offers Mi and M, never `500mGi`', () => {
    const { diagnostic, fixes } = finding(claim('500m'));
    assert.equal(
      diagnostic?.message.en,
      '`500m` is only 0.5 bytes: `m` means milli (a thousandth), a suffix for CPU, not for sizes. Did you mean `500Mi` or `500M`?',
    );
    assert.equal(
      diagnostic?.message.ru,
      '`500m` — всего 0,5 байта: суффикс `m` означает «милли» (тысячную долю) и пишется для CPU, а не для размеров. Может быть, имелось в виду `500Mi` или `500M`?',
    );
    assert.deepEqual(fixes, ['500Mi', '500M']);
    assert.deepEqual(finding(claim('1.5m')).fixes, ['1.5Mi', '1.5M']);
  });

  void test('`k` is a unit chosen: the message says what it is and offers no guess', () => {
    const { diagnostic, fixes } = finding(claim('1k'));
    assert.equal(
      diagnostic?.message.en,
      '`1k` is only 1,000 bytes: `k` means kilo, a thousand bytes. Volumes are sized in `Mi` or `Gi`: check the unit.',
    );
    assert.equal(
      diagnostic?.message.ru,
      '`1k` — всего 1\u00a0000 байт: суффикс `k` означает «кило», тысячу байт. Размер тома указывают в `Mi` или `Gi` — проверьте единицу измерения.',
    );
    assert.deepEqual(fixes, []);
  });

  void test('an exponent is quoted as written, not as the number YAML reads', () => {
    for (const written of ['1e6', '"1e6"', '5E5']) {
      const { diagnostic, fixes } = finding(claim(written));
      const shown = written.replace(/"/g, '');
      assert.ok(diagnostic, written);
      assert.ok(diagnostic.message.en.startsWith(`\`${shown}\` is only `), diagnostic.message.en);
      assert.doesNotMatch(diagnostic.message.en + diagnostic.message.ru, /1000000|e6Gi|E5Gi/);
      assert.deepEqual(fixes, [], written);
    }
    assert.equal(
      finding(claim('1e6')).diagnostic?.message.en,
      '`1e6` is only 1,000,000 bytes: a number without a unit counts bytes. Volumes are sized in `Mi` or `Gi`: write the unit you mean.',
    );
  });

  void test('another unit under 1Mi: too small, no guess', () => {
    const { diagnostic, fixes } = finding(claim('512Ki'));
    assert.equal(
      diagnostic?.message.en,
      '`512Ki` is only 524,288 bytes, less than one mebibyte: too small for a volume. Check the unit.',
    );
    assert.deepEqual(fixes, []);
  });

  void test('every suggestion in a message is a valid quantity that is no longer tiny', () => {
    for (const written of ['10', '0.5', '500m', '1500m', '1k', '1e6', '512Ki', '0.5Mi', '1M']) {
      const { diagnostic, fixes } = finding(claim(written));
      assert.ok(diagnostic, written);
      const quoted = [...diagnostic.message.en.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      for (const q of quoted.slice(1).filter((q) => /^\d/.test(q))) {
        assert.ok(isValidQuantity(q), `${written}: suggests ${q}`);
        assert.equal(finding(claim(q)).diagnostic, undefined, `${written}: ${q} is tiny too`);
      }
      for (const q of fixes) assert.ok(quoted.includes(q), `${written}: fix ${q} not named`);
    }
  });

  void test('a claim template of a StatefulSet is read as written too', () => {
    const set = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 2e5}}
`;
    const s = getLanguageService();
    s.setFile('file:///sizes/set.yaml', set);
    const d = s.getDiagnostics('file:///sizes/set.yaml', settings).find((x) => x.code === RULE);
    assert.match(d?.message.en ?? '', /^`2e5` is only 200,000 bytes:/);
  });
});

void describe('storage-limit-below-request', () => {
  void test('a warning that says the limit is ignored, never that the API server rejects', () => {
    const service = getLanguageService();
    const uri = 'file:///ws/limit.yaml';
    service.setFile(
      uri,
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests: {storage: 10Gi}\n    limits: {storage: 5Gi}\n',
    );
    const found = service
      .getDiagnostics(uri, settings)
      .filter((d) => d.code === 'storage-limit-below-request');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message.en, /Kubernetes ignores a claim's limit/);
    assert.doesNotMatch(found[0]!.message.en, /rejects/);
    assert.match(found[0]!.message.ru, /не учитывает лимит заявки/);
  });
});

void describe('claim-without-storage-request', () => {
  void test('`storage:` with no value is no request, and the fix writes one in its place', () => {
    const text = caseFixtureText('claim-without-storage-request', 'bad-empty-size');
    const s = getLanguageService();
    s.setFile(URI, text);
    const found = s
      .getDiagnostics(URI, settings)
      .find((d) => d.code === 'claim-without-storage-request');
    assert.equal(found?.range.start.line, 9, 'on the empty `storage:` key');
    assert.match(found.message.en, /`resources\.requests\.storage` is empty, a zero size/);
    const fixed = assertFixApplies(text, 'claim-without-storage-request');
    assert.match(fixed, /requests:\n {6}storage: 1Gi\n$/);
  });
});
