/** The binding result names what a claim restores or clones (additive: claims without a source have none). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const backup = readFileSync(join(__dirname, '../../../fixtures/snapshots/backup.yaml'), 'utf8');

void test('a restore names its snapshot, a clone its claim, a plain claim nothing', () => {
  const service = getLanguageService();
  service.setFile('file:///ws/backup.yaml', backup);
  const result = service.bindings();
  const byName = new Map(result.claims.map((c) => [c.name, c]));
  const { about: restoreAbout, ...restore } = byName.get('orders-db-restored')!.dataSource!;
  const { about: cloneAbout, ...clone } = byName.get('orders-db-staging')!.dataSource!;
  assert.deepEqual(restore, {
    type: 'restore',
    kind: 'VolumeSnapshot',
    apiGroup: 'snapshot.storage.k8s.io',
    name: 'orders-db-nightly',
    namespace: 'shop',
  });
  assert.deepEqual(clone, {
    type: 'clone',
    kind: 'PersistentVolumeClaim',
    name: 'orders-db',
    namespace: 'shop',
  });
  // The preview shows where the data comes from, in both languages.
  assert.equal(
    restoreAbout.en,
    "Restored from VolumeSnapshot `orders-db-nightly`: the new volume starts with the snapshot's data.",
  );
  assert.match(
    restoreAbout.ru,
    /^Восстанавливается из снимка тома \(VolumeSnapshot\) `orders-db-nightly`/,
  );
  assert.match(cloneAbout.en, /^Cloned from claim `orders-db`:/);
  assert.match(cloneAbout.ru, /^Клон заявки `orders-db`:/);
  assert.equal(byName.get('orders-db')?.dataSource, undefined);
  assert.equal('dataSource' in byName.get('orders-db')!, false);
});

void test('a dataSource the API server drops is not shown as a source', () => {
  const service = getLanguageService();
  service.setFile(
    'file:///ws/backup.yaml',
    backup.replace('    apiGroup: snapshot.storage.k8s.io\n', ''),
  );
  const claim = service.bindings().claims.find((c) => c.name === 'orders-db-restored');
  assert.ok(claim);
  assert.equal(claim.dataSource, undefined);
});
