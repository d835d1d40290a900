/**
 * A name several manifests write (a folder of examples, a folder per environment): the object that
 * names it means the copy beside it (rules/lookups.ts `claim`, `volume`, `service`, `storageClass`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, diagnose } from './helpers';

const sharedDisk = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: shared-ssd
provisioner: disk.csi.azure.com
parameters:
  maxShares: "2"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: scratch
spec:
  accessModes: [ReadWriteMany]
  volumeMode: Block
  storageClassName: shared-ssd
  resources:
    requests:
      storage: 256Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: renderer
spec:
  replicas: 2
  selector:
    matchLabels: {app: renderer}
  template:
    metadata:
      labels: {app: renderer}
    spec:
      containers:
        - name: render
          image: registry.example/render:2.1
          volumeDevices:
            - name: disk
              devicePath: /dev/xvdb
      volumes:
        - name: disk
          persistentVolumeClaim:
            claimName: scratch
`;

const otherScratch = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: scratch
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: shared-ssd
  resources:
    requests:
      storage: 10Gi
`;

void test('a workload reads the claim written beside it, not a same-named one in a later file', () => {
  const found = diagnose({
    'file:///examples/block/shared.yaml': sharedDisk,
    'file:///examples/zz-single/claim.yaml': otherScratch,
  });
  assert.ok(!codes(found).includes('shared-rwo-claim-replicas'), codes(found));
  // Beside the workload, the single-node claim is reported as before.
  const alone = diagnose({
    'file:///examples/block/shared.yaml': sharedDisk.replace(
      /---\napiVersion: v1\nkind: PersistentVolumeClaim[\s\S]*?---\n/,
      '---\n',
    ),
    'file:///examples/block/claim.yaml': otherScratch,
  });
  assert.ok(codes(alone).includes('shared-rwo-claim-replicas'), codes(alone));
});

const volume = (className: string | undefined, handle: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: team-share
spec:
  capacity: {storage: 100Gi}
  accessModes: [ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
${className === undefined ? '' : `  storageClassName: ${className}\n`}  csi:
    driver: file.csi.azure.com
    volumeHandle: ${handle}
`;

const staticClaim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: team-share
  namespace: default
spec:
  accessModes: [ReadWriteMany]
  storageClassName: azurefile-csi
  volumeName: team-share
  resources:
    requests:
      storage: 100Gi
`;

void test('of copies of a volume in one folder, the claim is checked against the one it can bind', () => {
  const files = {
    'file:///example/pv-smb.yaml': volume('azurefile-csi', 'rg#acct#share'),
    'file:///example/pv-nfs.yaml': volume(undefined, 'rg#acct#share-nfs'),
    'file:///example/pvc-static.yaml': staticClaim,
  };
  const found = diagnose(files, 'file:///example/pvc-static.yaml');
  assert.ok(!codes(found).includes('volume-class-mismatch'), codes(found));
  // When no copy fits, the finding stays.
  const none = diagnose(
    { ...files, 'file:///example/pv-smb.yaml': volume('premium', 'rg#acct#share') },
    'file:///example/pvc-static.yaml',
  );
  assert.ok(codes(none).includes('volume-class-mismatch'), codes(none));
});

const statefulSet = (serviceName: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
spec:
  serviceName: ${serviceName}
  replicas: 3
  selector:
    matchLabels: {app: mysql}
  template:
    metadata:
      labels: {app: mysql}
    spec:
      containers:
        - name: mysql
          image: mysql:8.4
`;

const service = (clusterIP?: string) => `apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
${clusterIP ? `  clusterIP: ${clusterIP}\n` : ''}  selector: {app: mysql}
  ports: [{port: 3306}]
`;

void test('a StatefulSet is checked against the Service in its own file, not a same-named one elsewhere', () => {
  const files = {
    'file:///samples/c1/mysql.yaml': `${service('None')}---\n${statefulSet('mysql')}`,
    'file:///samples/zz/mysql-service.yaml': service(),
  };
  const found = diagnose(files, 'file:///samples/c1/mysql.yaml');
  assert.ok(!codes(found).includes('statefulset-service-not-headless'), codes(found));
  // The copy beside it is the one that counts: there, it is reported.
  const other = diagnose(
    { ...files, 'file:///samples/zz/sts.yaml': statefulSet('mysql') },
    'file:///samples/zz/sts.yaml',
  );
  assert.ok(codes(other).includes('statefulset-service-not-headless'), codes(other));
});

const cloneSource = (size: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pvc-smb
spec:
  accessModes: [ReadWriteMany]
  storageClassName: smb
  resources:
    requests:
      storage: ${size}
`;

const clone = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pvc-smb-cloning
spec:
  accessModes: [ReadWriteMany]
  storageClassName: smb
  resources:
    requests:
      storage: 10Gi
  dataSource:
    kind: PersistentVolumeClaim
    name: pvc-smb
`;

void test('of copies as near by shared path, the one in a parent folder wins over a sibling folder', () => {
  const files = {
    'file:///example/pvc-smb.yaml': cloneSource('10Gi'),
    'file:///example/windows/pvc-smb.yaml': cloneSource('100Gi'),
    'file:///example/cloning/clone.yaml': clone,
  };
  const found = diagnose(files, 'file:///example/cloning/clone.yaml');
  assert.ok(!codes(found).includes('restore-smaller-than-source'), codes(found));
  // With only the sibling folder's copy, that one is meant.
  const { 'file:///example/pvc-smb.yaml': _parent, ...sibling } = files;
  void _parent;
  const other = diagnose(sibling, 'file:///example/cloning/clone.yaml');
  assert.ok(codes(other).includes('restore-smaller-than-source'), codes(other));
});
