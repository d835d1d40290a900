/** The data source rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertFixApplies, caseFixtureText, diagnose, fixtureText } from './helpers';

const has = (text: string, code: string): boolean =>
  diagnose({ 'file:///ws/a.yaml': text }).some((d) => d.code === code);

void describe('data source rules in detail', () => {
  void test('data-source-ignored: the fix adds the snapshot group, and the restore is then checked', () => {
    const fixed = assertFixApplies(
      fixtureText('data-source-ignored', 'bad'),
      'data-source-ignored',
    );
    assert.match(fixed, /apiGroup: snapshot.storage.k8s.io\n {4}kind: VolumeSnapshot/);
    const small = fixed.replace(/storage: 50Gi\n$/, 'storage: 5Gi\n');
    assert.equal(has(small, 'restore-smaller-than-source'), true);
    // A populator's kind belongs in dataSourceRef: not the concern of this rule there.
    const populator = fixtureText('data-source-ignored', 'bad').replace(
      '  dataSource:\n    kind: VolumeSnapshot',
      '  dataSourceRef:\n    apiGroup: populators.example.com\n    kind: VolumeImport',
    );
    assert.equal(has(populator, 'data-source-ignored'), false);
    assert.equal(has(populator, 'data-source-rejected'), false);
  });

  void test('data-source-rejected: one finding per mistake, dataSource beside a namespaced dataSourceRef', () => {
    const text = caseFixtureText('data-source-rejected', 'bad-different').replace(
      '    name: orders-db-nightly\n  resources',
      '    name: orders-db-nightly\n    namespace: backups\n  resources',
    );
    const found = diagnose({ 'file:///ws/a.yaml': text }).filter(
      (d) => d.code === 'data-source-rejected',
    );
    assert.equal(found.length, 1);
    assert.match(found[0]!.message.en, /together with `dataSourceRef.namespace`/);
    const fixed = assertFixApplies(
      caseFixtureText('data-source-rejected', 'bad-different'),
      'data-source-rejected',
    );
    assert.doesNotMatch(fixed, /dataSource:/);
  });

  void test('data-source-cross-namespace: the fix creates a ReferenceGrant that satisfies the rule', () => {
    const fixed = assertFixApplies(
      fixtureText('data-source-cross-namespace', 'bad'),
      'data-source-cross-namespace',
    );
    assert.match(
      fixed,
      /kind: ReferenceGrant\nmetadata:\n {2}name: staging-claims-to-volumesnapshots\n {2}namespace: shop/,
    );
    // A grant for another kind does not count.
    const other = fixtureText('data-source-cross-namespace', 'good').replace(
      '    - group: snapshot.storage.k8s.io\n      kind: VolumeSnapshot\n',
      '    - group: ""\n      kind: PersistentVolumeClaim\n',
    );
    assert.notEqual(other, fixtureText('data-source-cross-namespace', 'good'));
    assert.equal(has(other, 'data-source-cross-namespace'), true);
  });
});
