/**
 * What a kustomization writes into the files it takes in (diagnostics/kustomizeFills.ts): with
 * `commonLabels` or `labels` with `includeSelectors: true`, kustomize fills in a workload's
 * `spec.selector`, so a resource file that leaves it out is not missing it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: wiki}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers: [{name: wiki, image: example.org/wiki:3}]',
  '',
].join('\n');

const codes = (uri: string, service: ReturnType<typeof getLanguageService>) =>
  service
    .getDiagnostics(uri)
    .map((d) => `${d.code}@${d.range.start.line + 1}`)
    .sort();

const local = (uri: string, service: ReturnType<typeof getLanguageService>) =>
  service.getLocalDiagnostics(uri).map((d) => d.code);

void test('a resource of a kustomization with `labels.includeSelectors` needs no selector', () => {
  const service = getLanguageService();
  const uri = 'file:///wiki/app.yaml';
  service.setFile(uri, deployment);
  assert.deepEqual(codes(uri, service), ['missing-required@4']);
  const labels = (include: string) =>
    `namespace: docs\nlabels:\n  - ${include}pairs: {app: wiki}\nresources: [app.yaml]\n`;
  service.setFile('file:///wiki/kustomization.yaml', labels(''));
  // Without `includeSelectors` kustomize labels the objects only: the selector is still missing.
  assert.deepEqual(codes(uri, service), ['missing-required@4']);
  service.setFile('file:///wiki/kustomization.yaml', labels('includeSelectors: true\n    '));
  assert.deepEqual(codes(uri, service), []);
  assert.deepEqual(local(uri, service), []);
  // Another required field is still reported.
  service.setFile(uri, deployment.replace('{name: wiki, image', '{image'));
  assert.deepEqual(codes(uri, service), ['missing-required@7']);
});

void test('`commonLabels` of a parent kustomization reach the files of its bases', () => {
  const service = getLanguageService();
  const uri = 'file:///site/base/app.yaml';
  service.setFile(uri, deployment);
  service.setFile('file:///site/base/kustomization.yaml', 'resources:\n  - app.yaml\n');
  service.setFile('file:///site/default/kustomization.yaml', 'resources: [../base/]\n');
  assert.deepEqual(codes(uri, service), ['missing-required@4']);
  service.setFile(
    'file:///site/prod/kustomization.yaml',
    'bases: [../default]\ncommonLabels: {tier: web}\n',
  );
  assert.deepEqual(codes(uri, service), []);
  service.removeFile('file:///site/prod/kustomization.yaml');
  assert.deepEqual(codes(uri, service), ['missing-required@4']);
});

void test('a file the kustomization does not take in keeps the finding', () => {
  const service = getLanguageService();
  const uri = 'file:///lbl/other.yaml';
  service.setFile(uri, deployment);
  service.setFile('file:///lbl/app.yaml', deployment);
  service.setFile(
    'file:///lbl/kustomization.yaml',
    'commonLabels: {a: b}\nresources: [app.yaml]\n',
  );
  assert.deepEqual(codes('file:///lbl/app.yaml', service), []);
  assert.deepEqual(codes(uri, service), ['missing-required@4']);
});

const placeholderNamespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: _\n';

void test('a Namespace named `_` is renamed by the `namespace:` of a kustomization', () => {
  const service = getLanguageService();
  const uri = 'file:///media/namespace.yaml';
  service.setFile(uri, placeholderNamespace);
  assert.deepEqual(codes(uri, service), ['invalid-name@4']);
  service.setFile('file:///media/kustomization.yaml', 'resources: [namespace.yaml]\n');
  // Without `namespace:` kustomize keeps the name, and the API server refuses it.
  assert.deepEqual(codes(uri, service), ['invalid-name@4']);
  service.setFile(
    'file:///media/kustomization.yaml',
    'namespace: media\nresources: [namespace.yaml]\n',
  );
  assert.deepEqual(codes(uri, service), []);
  assert.deepEqual(local(uri, service), []);
  // Only the Namespace's own name: a bad claim name there is still refused.
  service.setFile(uri, `${placeholderNamespace}---\n${claimNamed('Data_1')}`);
  assert.deepEqual(codes(uri, service), ['invalid-name@8']);
});

void test('a Namespace of a component takes the `namespace:` of the kustomization using it', () => {
  const service = getLanguageService();
  const uri = 'file:///k/components/ns/namespace.yaml';
  service.setFile(uri, placeholderNamespace);
  service.setFile(
    'file:///k/components/ns/kustomization.yaml',
    'kind: Component\nresources: [./namespace.yaml]\n',
  );
  assert.deepEqual(codes(uri, service), ['invalid-name@4']);
  service.setFile(
    'file:///k/apps/tools/kustomization.yaml',
    'namespace: tools\ncomponents: [../../components/ns]\n',
  );
  assert.deepEqual(codes(uri, service), []);
});

function claimNamed(name: string): string {
  return [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    `metadata: {name: ${name}}`,
    'spec:',
    '  accessModes: [ReadWriteOnce]',
    '  resources: {requests: {storage: 1Gi}}',
    '',
  ].join('\n');
}
