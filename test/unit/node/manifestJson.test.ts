/** JSON files that hold Kubernetes manifests: one filter for the CLI and the language server. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  isJsonName,
  isKubernetesJson,
  isKubernetesJsonDraft,
  isKubernetesJsonFile,
  isUnderSkippedDir,
  startsLikeKubernetesJson,
  startsLikeKubernetesJsonFile,
} from '../../../server/src/node/manifestJson';
import { makeTempDir } from '../../support/tempDir';

const volume = JSON.stringify(
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'archive' } },
  null,
  2,
);

void describe('node/manifestJson', () => {
  void it('takes an object with a string apiVersion and kind, a List too', () => {
    assert.equal(isKubernetesJson(volume), true);
    assert.equal(isKubernetesJson('{"kind": "List", "apiVersion": "v1", "items": []}'), true);
  });

  void it('leaves out other JSON, JSON with comments and broken text', () => {
    for (const text of [
      '{"name": "shop", "version": "1.0.0", "scripts": {"build": "tsc"}}',
      '// tsconfig\n{"compilerOptions": {"strict": true}}',
      '[{"apiVersion": "v1", "kind": "Pod"}]',
      '{"apiVersion": 1, "kind": "Pod"}',
      '{"apiVersion": "v1", "kind": {"name": "Pod"}}',
      '{"apiVersion": "v1", "kind": ',
      '{"properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}}',
    ])
      assert.equal(isKubernetesJson(text), false, text);
  });

  void it('keeps a manifest being typed, not a file that never was one', () => {
    assert.equal(
      isKubernetesJsonDraft('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "spec": {'),
      true,
    );
    assert.equal(isKubernetesJsonDraft(volume), true);
    // Valid JSON that is no manifest, and broken JSON without the keys of one.
    assert.equal(isKubernetesJsonDraft('{"kind": 3}'), false);
    assert.equal(isKubernetesJsonDraft('{"name": "shop",'), false);
    assert.equal(isKubernetesJsonDraft('// comment\n{"compilerOptions": {}}'), false);
  });

  void it('tells a large file by its start', () => {
    assert.equal(startsLikeKubernetesJson(`${volume.slice(0, 40)}...`), true);
    assert.equal(startsLikeKubernetesJson('["apiVersion": "v1"]'), false);
    assert.equal(startsLikeKubernetesJson(`{"x": "${'y'.repeat(5000)}", "kind": "Pod"}`), false);
  });

  void it('reads files, and names the folders never searched', () => {
    const dir = makeTempDir('ks-manifest-json-');
    writeFileSync(join(dir, 'volume.json'), volume);
    writeFileSync(join(dir, 'package.json'), '{"name": "shop"}');
    assert.equal(isKubernetesJsonFile(join(dir, 'volume.json')), true);
    assert.equal(isKubernetesJsonFile(join(dir, 'package.json')), false);
    assert.equal(isKubernetesJsonFile(join(dir, 'missing.json')), false);
    assert.equal(startsLikeKubernetesJsonFile(join(dir, 'volume.json')), true);
    assert.equal(startsLikeKubernetesJsonFile(join(dir, 'missing.json')), false);
    assert.equal(isJsonName('Claim.JSON'), true);
    assert.equal(isJsonName('claim.jsonc'), false);
    assert.equal(isUnderSkippedDir('file:///w/node_modules/x/pod.json'), true);
    assert.equal(isUnderSkippedDir('apps\\.vscode\\settings.json'), true);
    assert.equal(isUnderSkippedDir('file:///w/apps/git/pod.json'), false);
  });
});
