/** Correct, realistic manifests: the rules (and the schema) report nothing above "information". */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { codes, settings } from './helpers';

const dir = join(__dirname, '..', '..', '..', 'fixtures', 'valid-storage');

void describe('valid storage manifests', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const service = getLanguageService();
  for (const f of files) service.setFile(`file:///valid/${f}`, readFileSync(join(dir, f), 'utf8'));

  void test('the set covers the patterns it should', () => {
    assert.ok(files.length >= 6);
    const kinds = new Set([...service.workspace.allObjects()].map((o) => o.kind));
    for (const k of [
      'StatefulSet',
      'Service',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'StorageClass',
      'Deployment',
    ]) {
      assert.ok(kinds.has(k), k);
    }
  });

  for (const f of files) {
    void test(`${f}: no errors or warnings`, () => {
      const list = service.getDiagnostics(`file:///valid/${f}`, settings);
      const loud = list.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(
        loud.map((d) => `${d.code}: ${d.message.en}`),
        [],
        codes(loud),
      );
    });
  }
});
