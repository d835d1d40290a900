/**
 * Default StorageClass: admission of new claims, the retroactive assignment of upstream
 * TestRetroactiveStorageClassAssignment, and GetDefaultClass (newest default wins).
 */
import { test } from 'node:test';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import assert from 'node:assert/strict';
import { asDefault, claimOf, pv, pvc, sc, simulate, RWO, ROX, type Writable } from './helpers';

const pendingExisting = (mod?: (c: Writable<PersistentVolumeClaim>) => void) =>
  pvc('1Gi', (c) => {
    c.metadata!.uid = 'uid-1';
    c.status = { phase: 'Pending' };
    mod?.(c);
  });

void test('TestRetroactiveStorageClassAssignment', async (t) => {
  await t.test('should do nothing when no default class exists', () => {
    const c = claimOf(simulate({ claims: [pendingExisting()], classes: [sc('standard')] }));
    assert.equal(c.storageClass, '');
    assert.equal(c.reason.code, 'pending-no-class');
  });
  await t.test('should assign the default class to a pending claim without class', () => {
    const standard = sc('standard');
    asDefault(standard);
    const c = claimOf(simulate({ claims: [pendingExisting()], classes: [standard] }));
    assert.equal(c.storageClass, 'standard');
    assert.equal(c.outcome, 'provision');
    assert.match(c.reason.en, /assigned the default StorageClass `standard`/);
  });
  await t.test('should assign the newest default when several are default', () => {
    const old = sc('old');
    asDefault(old, '2020-01-01T00:00:00Z');
    const newer = sc('newer');
    asDefault(newer, '2024-01-01T00:00:00Z');
    const c = claimOf(simulate({ claims: [pendingExisting()], classes: [old, newer] }));
    assert.equal(c.storageClass, 'newer');
  });
  await t.test('should not touch a claim with storageClassName ""', () => {
    const standard = sc('standard');
    asDefault(standard);
    const c = claimOf(
      simulate({
        claims: [pendingExisting((o) => (o.spec!.storageClassName = ''))],
        classes: [standard],
      }),
    );
    assert.equal(c.storageClass, '');
    assert.equal(c.outcome, 'pending');
  });
  await t.test('should not touch a claim with the beta annotation', () => {
    const standard = sc('standard');
    asDefault(standard);
    const claim = pendingExisting(
      (o) => (o.metadata!.annotations = { 'volume.beta.kubernetes.io/storage-class': 'other' }),
    );
    assert.equal(claimOf(simulate({ claims: [claim], classes: [standard] })).storageClass, 'other');
  });
  await t.test(
    'should bind a classless volume first (assignment only when nothing matches)',
    () => {
      const standard = sc('standard');
      asDefault(standard);
      const c = claimOf(
        simulate({
          volumes: [pv('plain', '1Gi', [RWO, ROX])],
          claims: [pendingExisting()],
          classes: [standard],
        }),
      );
      assert.equal(c.volume, 'plain');
      assert.equal(c.storageClass, '');
    },
  );
});

void test('admission: a new claim without class gets the default class', () => {
  const standard = sc('standard');
  asDefault(standard);
  const result = simulate({
    volumes: [pv('plain', '1Gi', [RWO, ROX])],
    claims: [pvc('1Gi')],
    classes: [standard],
  });
  const c = claimOf(result);
  assert.equal(c.storageClass, 'standard');
  assert.equal(c.outcome, 'provision', 'the classless volume no longer matches');
  assert.equal(c.rejected[0]?.code, 'storage-class');
  assert.match(c.reason.ru, /класс хранилища по умолчанию `standard`/);
});

void test('GetDefaultClass: newest wins; same time (or none) → name order', () => {
  const b = sc('b');
  asDefault(b);
  const a = sc('a');
  asDefault(a);
  const result = simulate({ claims: [pvc('1Gi')], classes: [b, a, sc('c')] });
  assert.equal(claimOf(result).storageClass, 'a');
  assert.deepEqual(
    result.storageClasses.map((s) => [s.name, s.isDefault, s.effectiveDefault]),
    [
      ['b', true, false],
      ['a', true, true],
      ['c', false, false],
    ],
  );
  const beta = sc(
    'beta',
    (s) =>
      (s.metadata!.annotations = { 'storageclass.beta.kubernetes.io/is-default-class': 'true' }),
  );
  assert.equal(claimOf(simulate({ claims: [pvc('1Gi')], classes: [beta] })).storageClass, 'beta');
});
