/** Which files a kustomization reads as patches (parse/kustomize.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fileKey,
  isKustomizationFile,
  isKustomizePluginApiVersion,
  kustomizationTree,
  kustomizePatchKeys,
} from '../../../../server/src/service/parse/kustomize';

const base = 'file:///repo/over%20lays/prod/kustomization.yaml';

void test('kustomize recognizes three file names', () => {
  assert.ok(isKustomizationFile('file:///repo/kustomization.yaml'));
  assert.ok(isKustomizationFile('file:///repo/kustomization.yml'));
  assert.ok(isKustomizationFile('file:///repo/Kustomization'));
  assert.ok(!isKustomizationFile('file:///repo/my-kustomization.yaml'));
  assert.ok(!isKustomizationFile('file:///repo/kustomization.yaml.bak'));
});

void test("kustomize's built-in plugins are configured with apiVersion builtin, nothing else", () => {
  assert.ok(isKustomizePluginApiVersion('builtin'));
  assert.ok(!isKustomizePluginApiVersion('v1'));
  assert.ok(!isKustomizePluginApiVersion('builtin/v1'));
  assert.ok(!isKustomizePluginApiVersion('Builtin'));
  assert.ok(!isKustomizePluginApiVersion(undefined));
});

void test('patches, patchesJson6902 and patchesStrategicMerge name files against the folder', () => {
  const text = [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources: [../../base, claim.yaml]',
    'patches:',
    '  - path: replicas.yaml',
    '  - target: {kind: Deployment}',
    '    patch: |-',
    '      - op: replace',
    '        path: /spec/replicas',
    '        value: 2',
    'patchesJson6902:',
    '  - target: {kind: StatefulSet, name: db}',
    '    path: ../shared/size.yaml',
    'patchesStrategicMerge:',
    '  - storage@fast.yaml',
    '  - |-',
    '    apiVersion: v1',
    '    kind: ConfigMap',
    '    metadata: {name: inline}',
    '  - https://example.invalid/remote.yaml',
  ].join('\n');
  assert.deepEqual(kustomizePatchKeys(base, text), [
    'file:/repo/over lays/prod/storage@fast.yaml',
    'file:/repo/over lays/prod/replicas.yaml',
    'file:/repo/over lays/shared/size.yaml',
  ]);
});

void test('an entry commented out (a kubebuilder scaffold) names a patch; resources never do', () => {
  const text = [
    'resources:',
    '  - bases/clusters.yaml',
    '#  - bases/backups.yaml',
    'patches:',
    '#- path: patches/webhook_in_clusters.yaml',
    '#  target:',
    '#    kind: CustomResourceDefinition',
    '  #  path: "patches/cainjection.yaml" # later',
  ].join('\n');
  assert.deepEqual(kustomizePatchKeys(base, text), [
    'file:/repo/over lays/prod/patches/webhook_in_clusters.yaml',
    'file:/repo/over lays/prod/patches/cainjection.yaml',
  ]);
});

void test('older scaffolds: `#- x.yaml` under a `patchesStrategicMerge:` list, commented or not', () => {
  const text = [
    'resources:',
    '- bases/dbs.yaml',
    '#- bases/tables.yaml',
    '',
    'patchesStrategicMerge:',
    '# [WEBHOOK] To enable webhook, uncomment all the sections with [WEBHOOK] prefix.',
    '# patches here are for enabling the conversion webhook for each CRD',
    '# - patches/webhook_in_dbs.yaml',
    '- patches/cainjection_in_dbs.yaml',
    '#+kubebuilder:scaffold:crdkustomizewebhookpatch',
    '',
    '#- "patches/cainjection_in_tables.yaml" # later',
    '',
    '# the following config is for teaching kustomize how to do kustomization for CRDs.',
    'configurations:',
    '- kustomizeconfig.yaml',
    '#- other.yaml',
    '#patchesStrategicMerge:',
    '# Mount the controller config file for loading manager configurations',
    '#- manager_config_patch.yaml',
    '#vars:',
    '#- name: CERTIFICATE_NAMESPACE',
    '#- not-a-patch.yaml',
  ].join('\n');
  assert.deepEqual(kustomizePatchKeys(base, text), [
    'file:/repo/over lays/prod/patches/cainjection_in_dbs.yaml',
    'file:/repo/over lays/prod/patches/webhook_in_dbs.yaml',
    'file:/repo/over lays/prod/patches/cainjection_in_tables.yaml',
    'file:/repo/over lays/prod/manager_config_patch.yaml',
  ]);
});

void test('commented file lines outside a `patchesStrategicMerge:` list name no patch', () => {
  const text = ['resources:', '#- claim.yaml', 'components:', '#- ../storage.yaml', ''].join('\n');
  assert.deepEqual(kustomizePatchKeys(base, text), []);
});

void test('a kustomization that is not a mapping, or not YAML, names no patch', () => {
  assert.deepEqual(kustomizePatchKeys(base, '- a\n- b\n'), []);
  assert.deepEqual(kustomizePatchKeys(base, 'patches: [\n'), []);
  assert.deepEqual(kustomizePatchKeys(base, ''), []);
});

void test('a file is named by its decoded path, however its URI escapes it', () => {
  // VS Code escapes `@` in a file URI, Node's pathToFileURL does not.
  assert.equal(
    fileKey('file:///repo/storage%40fast.yaml'),
    fileKey('file:///repo/storage@fast.yaml'),
  );
  assert.equal(fileKey('file:///repo/a%20b.yaml'), 'file:/repo/a b.yaml');
});

void test('a plain string under `patches` (the older form) names a patch file', () => {
  const text = 'resources: [app.yaml]\npatches:\n  - more-memory.yaml\n  - path: replicas.yaml\n';
  assert.deepEqual(kustomizePatchKeys(base, text), [
    'file:/repo/over lays/prod/more-memory.yaml',
    'file:/repo/over lays/prod/replicas.yaml',
  ]);
});

void test('a kustomization tree: its folder, what it takes in, whether it writes selectors', () => {
  const labels = (extra: string) =>
    kustomizationTree(base, `resources: [../../base, app.yaml]\ncomponents: [../c]\n${extra}`);
  assert.deepEqual(labels('commonLabels: {team: ops}\n'), {
    folder: 'file:/repo/over lays/prod',
    includes: ['file:/repo/base', 'file:/repo/over lays/prod/app.yaml', 'file:/repo/over lays/c'],
    addsSelector: true,
    setsNamespace: false,
  });
  assert.equal(labels('namespace: media\n')?.setsNamespace, true);
  assert.equal(labels('namespace: ""\n')?.setsNamespace, false);
  assert.equal(labels('labels: [{includeSelectors: true, pairs: {a: b}}]\n')?.addsSelector, true);
  assert.equal(labels('labels: [{pairs: {a: b}}]\n')?.addsSelector, false);
  assert.equal(labels('labels: [{includeSelectors: true, pairs: {}}]\n')?.addsSelector, false);
  assert.equal(labels('commonLabels: {}\n')?.addsSelector, false);
  assert.equal(kustomizationTree(base, '- a\n'), undefined);
});
