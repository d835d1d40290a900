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
