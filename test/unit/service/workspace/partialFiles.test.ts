/** Which files hold partial objects: kustomize patches and test assertions (workspace/partialFiles.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PartialFiles } from '../../../../server/src/service/workspace/partialFiles';

const TEST = 'file:///repo/e2e/pvc/chainsaw-test.yaml';
const chainsaw = (steps: string[]) =>
  [
    'apiVersion: chainsaw.kyverno.io/v1alpha1',
    'kind: Test',
    'metadata: {name: pvc}',
    'spec:',
    '  steps:',
    '    - try:',
    ...steps.map((s) => `        - ${s}`),
    '',
  ].join('\n');

void test('a patch of a kustomization, a file a chainsaw test checks, a kuttl assertion', () => {
  const partials = new PartialFiles();
  partials.update('file:///repo/overlay/kustomization.yaml', 'patches:\n  - path: storage.yaml\n');
  partials.update(TEST, chainsaw(['apply: {file: cluster.yaml}', 'assert: {file: ready.yaml}']));
  assert.equal(partials.kindOf('file:///repo/overlay/storage.yaml'), 'patch');
  assert.equal(partials.kindOf('file:///repo/e2e/pvc/ready.yaml'), 'test');
  assert.equal(partials.kindOf('file:///repo/e2e/pvc/cluster.yaml'), undefined);
  assert.equal(partials.kindOf('file:///repo/kuttl/resize/01-assert.yaml'), 'test');
  assert.equal(partials.kindOf('file:///repo/kuttl/resize/01-install.yaml'), undefined);
});

void test('a file a test also applies stays a whole object', () => {
  const partials = new PartialFiles();
  partials.update(TEST, chainsaw(['apply: {file: sts.yaml}', 'assert: {file: sts.yaml}']));
  assert.equal(partials.kindOf('file:///repo/e2e/pvc/sts.yaml'), undefined);
  partials.update(TEST, chainsaw(['apply: {file: 01-assert.yaml}']));
  assert.equal(partials.kindOf('file:///repo/e2e/pvc/01-assert.yaml'), undefined);
});

void test('a test that changes or goes away no longer names its files', () => {
  const partials = new PartialFiles();
  partials.update(TEST, chainsaw(['error: {file: gone.yaml}']));
  assert.equal(partials.kindOf('file:///repo/e2e/pvc/gone.yaml'), 'test');
  partials.update(TEST, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
  assert.equal(partials.kindOf('file:///repo/e2e/pvc/gone.yaml'), undefined);
  partials.update(TEST, chainsaw(['error: {file: gone.yaml}']));
  partials.remove(TEST);
  assert.equal(partials.kindOf('file:///repo/e2e/pvc/gone.yaml'), undefined);
});

void test('a patch no kustomization names: by its file name or its `patches/` folder', () => {
  const partials = new PartialFiles();
  const at = (path: string) => partials.kindOf(`file:///repo/${path}`);
  assert.equal(at('app/deployment-patch.yaml'), undefined);
  partials.update('file:///repo/app/kustomization.yaml', 'resources: [web.yaml, web_patch.yaml]\n');
  assert.equal(at('app/deployment-patch.yaml'), 'patch');
  assert.equal(at('app/metrics_patch.yml'), 'patch');
  assert.equal(at('app/patches/grafana/grafana.yaml'), 'patch');
  assert.equal(at('app/sub/patch.yaml'), 'patch');
  // A folder the kustomization takes in is that folder's kustomization, not its files.
  partials.update('file:///repo/top/kustomization.yaml', 'resources: [../app]\n');
  assert.equal(at('app/deployment-patch.yaml'), 'patch');
  // Whole manifests stay: taken in as a resource, a name that only holds the word, a JSON file,
  // or no kustomization near.
  assert.equal(at('app/web_patch.yaml'), undefined);
  assert.equal(at('app/web.yaml'), undefined);
  assert.equal(at('app/dispatcher.yaml'), undefined);
  assert.equal(at('app/patch.json'), undefined);
  assert.equal(at('app/a/b/patch.yaml'), undefined);
  assert.equal(at('other/patches/x.yaml'), undefined);
  partials.update(
    'file:///repo/app/patches/grafana/kustomization.yaml',
    'resources: [grafana.yaml]\n',
  );
  assert.equal(at('app/patches/grafana/grafana.yaml'), undefined);
});

void test('a patch no kustomization names: by its opening comment', () => {
  const partials = new PartialFiles();
  const at = (path: string) => partials.kindOf(`file:///repo/${path}`);
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: operator}\n';
  partials.update('file:///repo/deploy/kustomization.yaml', 'resources: [operator.yaml]\n');
  partials.update(
    'file:///repo/deploy/registry_secret.yaml',
    `# This patch adds a pull secret to the operator\n---\n${deployment}`,
  );
  partials.update(
    'file:///repo/deploy/debug.yml',
    `\n# Patches the operator's log level for the e2e runs\n${deployment}`,
  );
  assert.equal(at('deploy/registry_secret.yaml'), 'patch');
  assert.equal(at('deploy/debug.yml'), 'patch');
  // Whole manifests stay: a comment after the first key, `kubectl patch` run on the file, a file
  // the kustomization takes in, no kustomization near, a comment that no longer says it.
  partials.update('file:///repo/deploy/later.yaml', `${deployment}# patch me later\n`);
  partials.update('file:///repo/deploy/live.yaml', `# kubectl patch -f live.yaml\n${deployment}`);
  partials.update('file:///repo/deploy/operator.yaml', `# patch the image here\n${deployment}`);
  partials.update('file:///repo/other/debug.yaml', `# This patch sets debug\n${deployment}`);
  assert.equal(at('deploy/later.yaml'), undefined);
  assert.equal(at('deploy/live.yaml'), undefined);
  assert.equal(at('deploy/operator.yaml'), undefined);
  assert.equal(at('other/debug.yaml'), undefined);
  partials.update('file:///repo/deploy/debug.yml', `# The operator in debug mode\n${deployment}`);
  assert.equal(at('deploy/debug.yml'), undefined);
  partials.update('file:///repo/deploy/registry_secret.yaml', `# A patch\n${deployment}`);
  partials.remove('file:///repo/deploy/registry_secret.yaml');
  assert.equal(at('deploy/registry_secret.yaml'), undefined);
});
