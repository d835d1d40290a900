/** Quick fixes made from schema findings (service/codeActions.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../server/src/service';

const URI = 'file:///w/class.yaml';

function enumFixes(text: string): { title: string; newText: string; preferred: boolean }[] {
  const s = getLanguageService();
  s.setFile(URI, text);
  const d = s.getDiagnostics(URI).find((x) => x.code === 'invalid-enum');
  assert.ok(d, 'no invalid-enum');
  return s
    .getCodeActions(URI, d.range)
    .filter((a) => a.diagnostic.code === 'invalid-enum' && !/^Disable /.test(a.title.en))
    .map((a) => ({ title: a.title.en, newText: a.edits[0]!.newText, preferred: !!a.isPreferred }));
}

const storageClass = (policy: string) =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: nfs\nprovisioner: example.com/nfs\nreclaimPolicy: ${policy}\n`;

void describe('invalid-enum fixes', () => {
  test('no close match in a short list: one fix per allowed value, none preferred', () => {
    assert.deepEqual(enumFixes(storageClass('Recycle')), [
      { title: 'Change to `Retain`', newText: 'Retain', preferred: false },
      { title: 'Change to `Delete`', newText: 'Delete', preferred: false },
    ]);
  });

  test('a close match: that one fix, preferred', () => {
    assert.deepEqual(enumFixes(storageClass('Retian')), [
      { title: 'Change to `Retain`', newText: 'Retain', preferred: true },
    ]);
  });

  test('a StorageClass with Recycle gets the schema error only, not the PV rule too', () => {
    const s = getLanguageService();
    s.setFile(URI, storageClass('Recycle'));
    assert.deepEqual(
      s.getDiagnostics(URI).map((d) => d.code),
      ['invalid-enum'],
    );
  });
});
