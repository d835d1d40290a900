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

  void test('data-source-rejected: the fix keeps dataSourceRef alone', () => {
    const fixed = assertFixApplies(
      caseFixtureText('data-source-rejected', 'bad-different'),
      'data-source-rejected',
    );
    assert.doesNotMatch(fixed, /dataSource:/);
  });

  void test('a namespaced dataSourceRef: the alpha gate decides, so no rejection is claimed', () => {
    const text = caseFixtureText('data-source-rejected', 'bad-different').replace(
      '    name: orders-db-nightly\n  resources',
      '    name: orders-db-nightly\n    namespace: backups\n  resources',
    );
    const found = diagnose({ 'file:///ws/a.yaml': text });
    assert.equal(found.filter((d) => d.code === 'data-source-rejected').length, 0);
    const beside = found.filter(
      (d) => d.code === 'data-source-cross-namespace' && /^`dataSource` beside/.test(d.message.en),
    );
    assert.equal(beside.length, 1);
    assert.match(beside[0]!.message.en, /with it off \(the default\), it drops `dataSourceRef`/);
    assert.match(beside[0]!.message.ru, /отбросит `dataSourceRef`/);
    const fixed = assertFixApplies(
      caseFixtureText('data-source-cross-namespace', 'bad-beside-data-source'),
      'data-source-cross-namespace',
    );
    assert.doesNotMatch(fixed, /dataSource:/);
  });

  void test('a namespaced dataSourceRef to a snapshot without apiGroup: both gate states named', () => {
    const text = fixtureText('data-source-cross-namespace', 'good').replace(
      '    apiGroup: snapshot.storage.k8s.io\n    kind: VolumeSnapshot\n    name: orders-db-nightly',
      '    kind: VolumeSnapshot\n    name: orders-db-nightly',
    );
    assert.notEqual(text, fixtureText('data-source-cross-namespace', 'good'));
    const found = diagnose({ 'file:///ws/a.yaml': text });
    assert.equal(found.filter((d) => d.code === 'data-source-rejected').length, 0);
    const core = found.filter(
      (d) => d.code === 'data-source-cross-namespace' && /without `apiGroup`/.test(d.message.en),
    );
    assert.equal(core.length, 1);
    assert.match(core[0]!.message.en, /Set `apiGroup: snapshot.storage.k8s.io`/);
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
