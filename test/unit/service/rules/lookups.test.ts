/**
 * A name several manifests write (a folder of examples, a folder per environment): the object that
 * names it means the copy beside it (rules/lookups.ts `claim`, `volume`).
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
