/**
 * The rules and the binding engine decide from one set of facts: the rules call the engine's
 * matching checks (match.ts) and count a StatefulSet's claims with expand.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../rules/helpers';
import { simulate, pv, RWO } from './helpers';
import type { StatefulSet } from 'kubernetes-types/apps/v1';

const ids = (files: Record<string, string>) => diagnose(files).map((d) => d.code);

void test('a StatefulSet of 1500 replicas: its claim 1200 exists for the rules as for the engine', () => {
  const set = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: 1500
  serviceName: web
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
`;
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data-web-1200
`;
  assert.ok(
    !ids({ 'file:///w/pod.yaml': pod, 'file:///w/set.yaml': set }).includes('claim-not-found'),
  );
  const engine = simulate({
    sets: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'web', namespace: 'myns' },
        spec: {
          replicas: 1500,
          serviceName: 'web',
          selector: { matchLabels: { app: 'web' } },
          template: { spec: { containers: [] } },
          volumeClaimTemplates: [
            {
              metadata: { name: 'data' },
              spec: { accessModes: [RWO], resources: { requests: { storage: '1Gi' } } },
            },
          ],
        },
      } as StatefulSet,
    ],
    volumes: [pv('one', '1Gi', [RWO])],
  });
  assert.ok(engine.claims.some((c) => c.name === 'data-web-1200'));
});

const claimNaming = (volume: string, cls: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: ${cls}
  volumeName: ${volume}
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

void test("volume-class-mismatch reads the volume's class like the controller (the beta annotation counts)", () => {
  const volume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: legacy
  annotations:
    volume.beta.kubernetes.io/storage-class: fast
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  nfs: { server: nfs.example.com, path: /exports/legacy }
`;
  const files = {
    'file:///w/claim.yaml': claimNaming('legacy', 'fast'),
    'file:///w/pv.yaml': volume,
  };
  assert.ok(!ids(files).includes('volume-class-mismatch'));
  const other = { ...files, 'file:///w/claim.yaml': claimNaming('legacy', 'slow') };
  assert.ok(ids(other).includes('volume-class-mismatch'));
});

void test('selector-with-dynamic-provisioning compiles matchExpressions like the engine', () => {
  const files = (tier: string) => ({
    'file:///w/claim.yaml': `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: fast
  selector:
    matchExpressions:
      - { key: tier, operator: In, values: [gold] }
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`,
    'file:///w/storage.yaml': `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: labelled
  labels: { tier: ${tier} }
spec:
  storageClassName: fast
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  csi: { driver: ebs.csi.aws.com, volumeHandle: vol-0a1b2c }
`,
  });
  assert.ok(ids(files('silver')).includes('selector-with-dynamic-provisioning'));
  assert.ok(!ids(files('gold')).includes('selector-with-dynamic-provisioning'));
});
