/** Which files a test compares with live objects instead of applying them (parse/testHarness.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chainsawFileRefs,
  isAssertionFileName,
  isChainsawTest,
} from '../../../../server/src/service/parse/testHarness';

const TEST = 'file:///repo/tests/e2e/keep-pvc/chainsaw-test.yaml';

const chainsaw = [
  '# yaml-language-server: $schema=https://example.invalid/test-chainsaw-v1alpha1.json',
  'apiVersion: chainsaw.kyverno.io/v1alpha1',
  'kind: Test',
  'metadata: {name: keep-pvc}',
  'spec:',
  '  steps:',
  '    - try:',
  '        - apply: {file: cluster.yaml}',
  '        - assert: {file: ready-pvc.yaml}',
  '        - create: {file: ../shared/secret.yaml}',
  '        - patch: {file: scale.yaml}',
  '      catch:',
  '        - describe: {apiVersion: v1, kind: Pod}',
  '      finally:',
  '        - error: {file: "gone/*.yaml"}',
  '    - try:',
  '        - assert:',
  '            timeout: 5m',
  '            file: expected',
  '        - update: {file: ($file)}',
  '        - assert: {file: "https://example.invalid/remote.yaml"}',
  '        - assert: {resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}}',
  '---',
  'apiVersion: chainsaw.kyverno.io/v1alpha1',
  'kind: StepTemplate',
  'metadata: {name: shared}',
  'spec:',
  '  try:',
  '    - error: {file: "**/absent-?.yml"}',
  '',
].join('\n');

void test('a chainsaw test is known by its apiVersion, whatever its file name', () => {
  assert.ok(isChainsawTest(chainsaw));
  assert.ok(isChainsawTest('apiVersion: "chainsaw.kyverno.io/v1alpha2"\nkind: Configuration\n'));
  assert.ok(!isChainsawTest('apiVersion: v1\nkind: ConfigMap\n# chainsaw.kyverno.io/v1alpha1\n'));
});

void test('assert, error and patch files are checked; apply, create and update files applied', () => {
  const refs = chainsawFileRefs(TEST, chainsaw);
  const strings = (list: typeof refs.checked) => list.filter((m) => typeof m === 'string');
  assert.deepEqual(strings(refs.checked), [
    'file:/repo/tests/e2e/keep-pvc/ready-pvc.yaml',
    'file:/repo/tests/e2e/keep-pvc/scale.yaml',
  ]);
  assert.deepEqual(refs.applied, [
    'file:/repo/tests/e2e/keep-pvc/cluster.yaml',
    'file:/repo/tests/e2e/shared/secret.yaml',
  ]);
  // A glob, a folder and a glob across folders; expressions and remote files name nothing here.
  const patterns = refs.checked.filter((m): m is RegExp => typeof m !== 'string');
  assert.equal(patterns.length, 3);
  const matches = (key: string) => patterns.some((p) => p.test(key));
  assert.ok(matches('file:/repo/tests/e2e/keep-pvc/gone/pvc.yaml'));
  assert.ok(!matches('file:/repo/tests/e2e/keep-pvc/gone/deeper/pvc.yaml'));
  assert.ok(matches('file:/repo/tests/e2e/keep-pvc/expected/sts.yml'));
  assert.ok(matches('file:/repo/tests/e2e/keep-pvc/a/b/absent-1.yml'));
  assert.ok(matches('file:/repo/tests/e2e/keep-pvc/absent-2.yml'));
  assert.ok(!matches('file:/repo/tests/e2e/keep-pvc/ready-pvc.yaml.bak'));
});

void test('a test file that cannot be read names nothing', () => {
  assert.deepEqual(chainsawFileRefs(TEST, 'apiVersion: chainsaw.kyverno.io/v1alpha1\nspec: [\n'), {
    checked: [],
    applied: [],
  });
});

void test('kuttl and chainsaw assertion files are known by their names', () => {
  for (const name of [
    '00-assert.yaml',
    '01-errors.yaml',
    '02-assert-pvc.yml',
    '3-assert.gotmpl.yaml',
  ])
    assert.ok(isAssertionFileName(`file:///t/${name}`), name);
  for (const name of ['00-install.yaml', 'assert.yaml', '01-asserts.yaml', '01-assert.yaml.bak'])
    assert.ok(!isAssertionFileName(`file:///t/${name}`), name);
});
