/**
 * StatefulSets: a pod-template volume named like a claim template is replaced by the replica's
 * claim (`updateStorage` in the StatefulSet controller), so the rules check the pods as the
 * controller makes them and say so once, on the volume.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFixApplies, caseFixtureText, codes, diagnose, fixtureText } from './helpers';

const RULE = 'volume-replaced-by-claim-template';

void test('a replaced emptyDir gets no emptyDir finding, only the replacement', () => {
  const found = diagnose({ 'file:///sts/bad.yaml': fixtureText(RULE, 'bad') });
  assert.equal(codes(found), `${RULE}@25`);
  assert.match(found[0]!.message.en, /claim `journal-ledger-<ordinal>`/);
  assert.match(found[0]!.message.ru, /заявку `journal-ledger-<номер>`/);
});

void test('a replaced volume without a source is named as a volume, not as the word "volume"', () => {
  const set = fixtureText(RULE, 'bad').replace(/( +- name: journal\n) +emptyDir: \{\}\n/, '$1');
  const found = diagnose({ 'file:///sts/nosource.yaml': set }).filter((d) => d.code === RULE);
  assert.equal(found.length, 1);
  assert.match(
    found[0]!.message.en,
    /not the volume written here \(it has no source: the API server would make it an `emptyDir`\)\. Remove/,
  );
  assert.match(
    found[0]!.message.ru,
    /а не том, описанный здесь \(у него нет источника, API-сервер сделал бы его `emptyDir`\)\. Удалите/,
  );
  const withSource = diagnose({ 'file:///sts/bad.yaml': fixtureText(RULE, 'bad') });
  assert.match(withSource[0]!.message.en, /not the `emptyDir` written here\./);
  assert.match(withSource[0]!.message.ru, /а не указанный здесь `emptyDir`\./);
});

void test('a replaced claimName is not looked up: no claim-not-found for a claim nobody mounts', () => {
  const found = diagnose({ 'file:///sts/claim.yaml': caseFixtureText(RULE, 'bad-claim-name') });
  assert.equal(codes(found), `${RULE}@23`);
});

void test('the same volume in a Deployment is checked as written', () => {
  const deployment = caseFixtureText(RULE, 'bad-claim-name')
    .replace('kind: StatefulSet', 'kind: Deployment')
    .replace(/ {2}serviceName: ledger\n/, '')
    .replace(/ {2}volumeClaimTemplates:[\s\S]*?(?=---)/, '');
  const found = diagnose({ 'file:///sts/deployment.yaml': deployment });
  assert.ok(
    found.some((d) => d.code === 'claim-not-found'),
    `expected claim-not-found: ${codes(found)}`,
  );
  assert.ok(!found.some((d) => d.code === RULE));
});

void test('the quick fix removes the replaced volume', () => {
  const fixed = assertFixApplies(fixtureText(RULE, 'bad'), RULE);
  assert.doesNotMatch(fixed, /emptyDir: \{\}/);
  assert.match(fixed, /volumeClaimTemplates:\n {4}- metadata:\n {8}name: journal/);
});

void test('rollingUpdate: null with OnDelete is accepted (it decodes to nil), an empty map is not', () => {
  const RULE_ON_DELETE = 'statefulset-rolling-update-with-on-delete';
  const bad = fixtureText(RULE_ON_DELETE, 'bad');
  const written = (rollingUpdate: string) =>
    diagnose({
      'file:///sts/on-delete.yaml': bad.replace(
        /rollingUpdate:\n {6}partition: 1\n/,
        `rollingUpdate:${rollingUpdate}\n`,
      ),
    }).filter((d) => d.code === RULE_ON_DELETE);
  for (const empty of [' null', ' ~', '']) assert.deepEqual(written(empty), [], `'${empty}'`);
  assert.equal(written(' {}').length, 1);
});

void test('a claim template whose size or access mode a chart left empty: one finding each, fixable', () => {
  const emptySize = caseFixtureText('claim-template-without-storage', 'bad-empty-size');
  const [size] = diagnose({ 'file:///sts/size.yaml': emptySize }).filter(
    (d) => d.code === 'claim-template-without-storage',
  );
  assert.equal(size?.range.start.line, 30, 'on the empty `storage:` key');
  assert.match(size.message.en, /has an empty `resources\.requests\.storage`, a zero size/);
  assert.match(size.message.ru, /пустой `resources\.requests\.storage` — нулевой размер/);
  const fixed = assertFixApplies(emptySize, 'claim-template-without-storage');
  assert.match(fixed, /storage: 1Gi\n/);
  // The empty item is an unsupported mode (""), said once, on the item.
  const found = diagnose({
    'file:///sts/mode.yaml': caseFixtureText(
      'claim-template-without-access-modes',
      'good-empty-item',
    ),
  });
  assert.equal(codes(found.filter((d) => d.severity === 'error')), 'invalid-enum@29');
});
