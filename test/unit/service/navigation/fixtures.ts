/** A small multi-file workspace with every kind of link, used by the navigation tests. */
export const storage = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-1
spec:
  storageClassName: fast
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  claimRef:
    name: data
    namespace: default
  hostPath:
    path: /mnt/pv-1
`;

export const claims = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: fast
  volumeName: pv-1
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: other
spec:
  storageClassName: "fast"
`;

export const workloads = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: busybox
      volumeMounts:
        - name: vol
          mountPath: /data
        - name: cfg
          mountPath: /etc/app
      env:
        - name: PASSWORD
          valueFrom:
            secretKeyRef:
              name: creds
              key: password
  volumes:
    - name: vol
      persistentVolumeClaim:
        claimName: data
    - name: cfg
      projected:
        sources:
          - configMap:
              name: settings
          - secret:
              name: creds
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          image: postgres
          volumeMounts:
            - name: pgdata
              mountPath: /var/lib/postgresql
            - name: vol
              mountPath: /x
      volumes:
        - name: vol
          persistentVolumeClaim:
            claimName: data
  volumeClaimTemplates:
    - metadata:
        name: pgdata
      spec:
        storageClassName: fast
`;

export const config = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
`;

export const files = {
  'file:///ws/storage.yaml': storage,
  'file:///ws/claims.yaml': claims,
  'file:///ws/workloads.yaml': workloads,
  'file:///ws/config.yaml': config,
};

/** The files with a `|` inserted at the first occurrence of `needle` in `uri` (after `offset` chars of it). */
export function withCursor(
  uri: keyof typeof files,
  needle: string,
  offset = 1,
): Record<string, string> {
  const text = files[uri];
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`${needle} not in ${uri}`);
  return { ...files, [uri]: text.slice(0, at + offset) + '|' + text.slice(at + offset) };
}
