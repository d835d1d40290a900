/**
 * A file a kustomization reads as a patch is part of an object: what it writes is checked, not what
 * it leaves to the object it is merged into, and it is not an object the others link to.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const KUSTOMIZATION = 'file:///repo/overlays/prod/kustomization.yaml';
const PATCH = 'file:///repo/overlays/prod/storage.yaml';

const kustomization = [
  'apiVersion: kustomize.config.k8s.io/v1beta1',
  'kind: Kustomization',
  'resources: [../../base]',
  'patches:',
  '  - path: storage.yaml',
  '',
].join('\n');

/** Grows the database's claim template and sets a replica count: no selector, no access modes. */
const patch = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: db',
  'spec:',
  '  replicas: three',
  '  volumeClaimTemplates:',
  '    - metadata:',
  '        name: data',
  '      spec:',
  '        resources:',
  '          requests:',
  '            storage: 20Gi',
  '        storageClas: fast',
  '---',
  'apiVersion: v1',
  'kind: PersistentVolumeClaim',
  'metadata:',
  '  name: uploads',
  'spec:',
  '  resources:',
  '    requests:',
  '      storage: 5Gi',
  '',
].join('\n');

const codes = (uri: string, service = getLanguageService()) =>
  service
    .getDiagnostics(uri)
    .map((d) => `${d.code}@${d.range.start.line + 1}`)
    .sort();

void test('alone, the patch is linted as whole objects', () => {
  const service = getLanguageService();
  service.setFile(PATCH, patch);
  const found = codes(PATCH, service);
  assert.ok(found.includes('missing-required@5'), found.join(', '));
  assert.ok(found.includes('claim-template-without-access-modes@9'), found.join(', '));
  assert.equal(service.getLocalDiagnostics(PATCH).length > 0, true);
});

void test('named by a kustomization, only what it writes is checked', () => {
  const service = getLanguageService();
  service.setFile(PATCH, patch);
  service.setFile(KUSTOMIZATION, kustomization);
  // The wrong type and the misspelled field stay; required fields and storage rules go.
  assert.deepEqual(codes(PATCH, service), ['invalid-type@6', 'unknown-field@14']);
  assert.deepEqual(
    service
      .getLocalDiagnostics(PATCH)
      .map((d) => d.code)
      .sort(),
    ['invalid-type', 'unknown-field'],
  );
  // Its claim is not a claim of the workspace: a pod that mounts `uploads` finds none.
  service.setFile(
    'file:///repo/base/pod.yaml',
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec:',
      '  containers: [{name: web, image: nginx, volumeMounts: [{name: u, mountPath: /u}]}]',
      '  volumes: [{name: u, persistentVolumeClaim: {claimName: uploads}}]',
      '',
    ].join('\n'),
  );
  assert.ok(codes('file:///repo/base/pod.yaml', service).includes('claim-not-found@6'));
});

void test('once the kustomization no longer names it, the patch is linted again', () => {
  const service = getLanguageService();
  service.setFile(PATCH, patch);
  service.setFile(KUSTOMIZATION, kustomization);
  assert.ok(!codes(PATCH, service).includes('missing-required@5'));
  service.setFile(
    KUSTOMIZATION,
    kustomization.replace('path: storage.yaml', 'path: other.yaml'),
    'disk',
    1,
  );
  assert.ok(codes(PATCH, service).includes('missing-required@5'));
  service.setFile(KUSTOMIZATION, kustomization, 'disk', 2);
  service.removeFile(KUSTOMIZATION);
  assert.ok(codes(PATCH, service).includes('missing-required@5'));
});
