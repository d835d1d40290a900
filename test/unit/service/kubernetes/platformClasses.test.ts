import assert from 'node:assert/strict';
import { test } from 'node:test';
import { platformsCreatingClass } from '../../../../server/src/service/kubernetes/platformClasses';
import { diagnose } from '../rules/helpers';

void test('the classes distributions create in every cluster, named in both languages', () => {
  assert.deepEqual(platformsCreatingClass('standard-rwo'), { en: 'GKE', ru: 'GKE' });
  assert.deepEqual(platformsCreatingClass('standard'), {
    en: 'GKE, kind and minikube',
    ru: 'GKE, kind и minikube',
  });
  assert.deepEqual(platformsCreatingClass('zonal-rwx'), {
    en: 'GKE with the Filestore CSI driver',
    ru: 'GKE с драйвером Filestore CSI',
  });
  assert.equal(platformsCreatingClass('my-storage-class'), undefined);
});

void test('storage-class-not-found on such a class says where it comes from', () => {
  const claim = (className: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: model-cache
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ${className}
  resources:
    requests:
      storage: 100Gi
`;
  const [gke] = diagnose({ 'file:///pvc.yaml': claim('premium-rwo') }).filter(
    (d) => d.code === 'storage-class-not-found',
  );
  assert.ok(gke);
  assert.match(gke.message.en, /every cluster of GKE has one of its own/);
  assert.match(gke.message.ru, /он есть в каждом кластере GKE/);
  const [own] = diagnose({ 'file:///pvc.yaml': claim('fast-ssd') }).filter(
    (d) => d.code === 'storage-class-not-found',
  );
  assert.ok(own);
  assert.doesNotMatch(own.message.en, /every cluster of/);
});
