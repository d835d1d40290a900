/** The storage policy reaches the rules from VS Code settings and from `lint --settings`. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../../server/src/cli';
import { defaultSettings, normalizeSettings } from '../../../server/src/settings';
import { makeTempDir } from '../../support/tempDir';

const claim = [
  'apiVersion: v1',
  'kind: PersistentVolumeClaim',
  'metadata:',
  '  name: reports',
  'spec:',
  '  storageClassName: io2',
  '  accessModes: [ReadWriteOnce]',
  '  resources:',
  '    requests:',
  '      storage: 5Gi',
  '',
].join('\n');

async function lint(settings: unknown): Promise<string> {
  const dir = makeTempDir('kube-storage-policy-');
  writeFileSync(join(dir, 'claim.yaml'), claim);
  const args = ['lint', join(dir, 'claim.yaml'), '--lang', 'en', '--format', 'json'];
  if (settings !== undefined) {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
    args.push('--settings', join(dir, 'settings.json'));
  }
  let out = '';
  await main(args, { out: (t) => (out += t), err: () => undefined });
  const report = JSON.parse(out) as { files: { diagnostics: { code: string }[] }[] };
  return report.files[0]!.diagnostics.map((d) => d.code).join(' ');
}

void describe('storage policy settings', () => {
  test('VS Code sends `kubeStorage.policy` nested; bad entries are dropped', () => {
    const s = normalizeSettings({
      policy: {
        allowedStorageClasses: ['gp3', '', 7, ' standard '],
        allowedVolumeTypes: 'restricted',
        requireStorageClass: 'yes',
      },
    });
    assert.deepEqual(s.rules.policy, {
      allowedStorageClasses: ['gp3', 'standard'],
      allowedHostPaths: [],
      allowedVolumeTypes: [],
      requireStorageClass: false,
    });
    assert.deepEqual(normalizeSettings(undefined).rules.policy, defaultSettings.rules.policy);
  });

  test('lint --settings reads flat `kubeStorage.policy.*` keys and a nested object', async () => {
    assert.doesNotMatch(await lint(undefined), /storage-class-not-allowed/);
    assert.match(
      await lint({ 'kubeStorage.policy.allowedStorageClasses': ['gp3'] }),
      /storage-class-not-allowed/,
    );
    assert.match(
      await lint({ kubeStorage: { policy: { allowedStorageClasses: ['gp3'] } } }),
      /storage-class-not-allowed/,
    );
    assert.doesNotMatch(
      await lint({ 'kubeStorage.policy.allowedStorageClasses': ['gp3', 'io2'] }),
      /storage-class-not-allowed/,
    );
  });
});
