/** The storage signature: it moves when storage facts change, and only then. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import {
  addStorageHashes,
  storageFingerprint,
  storageSignature,
} from '../../../../server/src/service/rules/signature';
import { WorkspaceFile } from '../../../../server/src/service/workspace/file';
import { caseFixtureText, fixtureText } from './helpers';

const uri = 'file:///app.yaml';
const base = fixtureText('hostpath-in-workload', 'bad');
const statefulSet = fixtureText('statefulset-service-not-headless', 'bad');
const ephemeral = caseFixtureText('storage-class-not-found', 'good-ephemeral');

/** The signature before and after replacing `from` with `to` in the file. */
function versionsAcross(text: string, from: string | RegExp, to: string): [number, number] {
  const s = getLanguageService();
  s.setFile(uri, text);
  const before = storageSignature(s.workspace);
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `the test edit did not apply: ${String(from)}`);
  s.setFile(uri, changed, 'disk', 1);
  return [before, storageSignature(s.workspace)];
}

void describe('storage signature', () => {
  void test('is computed once per generation', () => {
    const s = getLanguageService();
    s.setFile(uri, base);
    assert.equal(storageSignature(s.workspace), storageSignature(s.workspace));
  });

  void test('read once (the CLI), is the generation: any change moves it, none is compared', () => {
    const s = getLanguageService();
    s.setReadOnce();
    s.setFile(uri, base);
    const first = storageSignature(s.workspace);
    assert.equal(first, s.workspace.generation);
    // A change the editor's signature would see through (an image) still moves it.
    s.setFile(uri, base.replace('nginx:1.27', 'nginx:1.28'), 'disk', 1);
    assert.notEqual(storageSignature(s.workspace), first);
    assert.equal(storageSignature(s.workspace), s.workspace.generation);
  });

  for (const [what, text, from, to] of [
    ['an image of a Deployment', base, 'nginx:1.27', 'nginx:1.28'],
    ['a comment above a document', base, 'apiVersion: apps/v1', '# web\napiVersion: apps/v1'],
    ['a mount path', base, '/usr/share/nginx/html', '/srv/html'],
    ['a StatefulSet pod template', statefulSet, 'postgres:16', 'postgres:17'],
  ] as const) {
    void test(`stays when only ${what} changes`, () => {
      const [before, after] = versionsAcross(text, from, to);
      assert.equal(after, before);
    });
  }

  for (const [what, text, from, to] of [
    ['the claim a Deployment mounts', base, 'claimName: shared', 'claimName: other'],
    ['a claim', base, 'storage: 1Gi', 'storage: 2Gi'],
    ['the replicas of a StatefulSet', statefulSet, 'replicas: 3', 'replicas: 2'],
    ['a claim template', statefulSet, 'storage: 10Gi', 'storage: 20Gi'],
    ['a Service', statefulSet, 'port: 5432', 'port: 5433'],
    ['the name of a Deployment', base, 'name: web\nspec', 'name: site\nspec'],
    ['an ephemeral volume template', ephemeral, 'storage: 20Gi', 'storage: 30Gi'],
    [
      'the replicas of pods with ephemeral volumes',
      ephemeral,
      'spec:\n  selector',
      'spec:\n  replicas: 2\n  selector',
    ],
    [
      'the nodeSelector of a pod',
      ephemeral,
      '    spec:\n      containers',
      '    spec:\n      nodeSelector: {disk: ssd}\n      containers',
    ],
  ] as const) {
    void test(`moves when ${what} changes`, () => {
      const [before, after] = versionsAcross(text, from, to);
      assert.notEqual(after, before);
    });
  }

  void test('a file without storage objects leaves it as it was; removing a claim moves it', () => {
    const s = getLanguageService();
    s.setFile(uri, base);
    const first = storageSignature(s.workspace);
    s.setFile('file:///cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    assert.equal(storageSignature(s.workspace), first);
    s.setFile(uri, base.split('---\n')[0]!, 'disk', 1);
    assert.notEqual(storageSignature(s.workspace), first);
  });

  void test("local-path-provisioner's ConfigMap counts, with what it configures", () => {
    const config = (path: string) =>
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: local-path-config}',
        `data: {config.json: '{"sharedFileSystemPath": "${path}"}'}`,
        '',
      ].join('\n');
    const [before, after] = versionsAcross(config('/mnt/a'), '/mnt/a', '');
    assert.notEqual(after, before);
    const summary = new WorkspaceFile(uri, config('/mnt/a'), 0, false).summary();
    addStorageHashes(summary);
    assert.equal(typeof summary.chunks[0]?.docs[0]?.storageHash, 'number');
  });

  void test('takes the storage hashes a summary brings: the same fingerprints as parsing here', () => {
    const texts = [base, statefulSet, ephemeral];
    const parsed = getLanguageService();
    const fromSummaries = getLanguageService();
    texts.forEach((text, i) => {
      const file = new WorkspaceFile(`file:///f${i}.yaml`, text, 0, false);
      const summary = file.summary();
      addStorageHashes(summary);
      parsed.setFile(file.uri, text);
      fromSummaries.setFile(file.uri, text, 'disk', 0, summary);
    });
    const fingerprints = (s: ReturnType<typeof getLanguageService>): number[] =>
      [...s.workspace.allObjects()].map((o) => storageFingerprint(o));
    const expected = fingerprints(parsed);
    assert.ok(expected.length >= 3);
    const hashed = [...fromSummaries.workspace.allObjects()].filter((o) => o.document.storageHash);
    assert.ok(hashed.length >= 3, 'the summaries brought hashes');
    assert.deepEqual(fingerprints(fromSummaries), expected);
  });
});
