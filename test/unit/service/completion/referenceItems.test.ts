import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt, item, labels, sorted } from './helpers';

const claims =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: db-data\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: fast\n  resources:\n    requests:\n      storage: 20Gi\n---\n' +
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: cache\n  namespace: default\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n---\n' +
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: other-team\n  namespace: team-b\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n';
const volumes =
  'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-taken\nspec:\n  capacity:\n    storage: 50Gi\n  accessModes: [ReadWriteOnce]\n  claimRef:\n    name: someone\n    namespace: x\n---\n' +
  'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-free\nspec:\n  capacity:\n    storage: 10Gi\n  accessModes: [ReadWriteMany]\n  storageClassName: manual\n';
const classes =
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: slow\nprovisioner: kubernetes.io/no-provisioner\n---\n' +
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\n';
const services =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: db-headless\nspec:\n  clusterIP: None\n---\n' +
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports: [{port: 5432}]\n';
const configs =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  a: "1"\n  b: "2"\n---\n' +
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secret\ntype: Opaque\n---\n' +
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: elsewhere\n  namespace: other\n';

const ws = {
  'file:///ws/claims.yaml': claims,
  'file:///ws/volumes.yaml': volumes,
  'file:///ws/classes.yaml': classes,
  'file:///ws/services.yaml': services,
  'file:///ws/config.yaml': configs,
};

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n';

void test('claimName: claims of the same namespace (no namespace = default), with facts and place', () => {
  const items = completeAt(
    `${POD}  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: |`,
    ws,
  );
  assert.deepEqual(labels(items), ['db-data', 'cache']);
  const db = item(items, 'db-data');
  assert.match(db.detail ?? '', /20Gi/);
  assert.match(db.detail ?? '', /RWO/);
  assert.match(db.detail ?? '', /fast/);
  assert.match(db.detail ?? '', /ws\/claims\.yaml:4/);
  assert.match(db.documentation ?? '', /claims\.yaml/);
  const other = completeAt(
    `${POD.replace('name: p', 'name: p\n  namespace: team-b')}  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: |`,
    ws,
  );
  assert.deepEqual(labels(other), ['other-team']);
});

void test('claimName facts in Russian', () => {
  const items = completeAt(
    `${POD}  volumes:\n    - name: data\n      persistentVolumeClaim: {claimName: |}`,
    ws,
    'ru',
  );
  assert.match(
    item(items, 'db-data').documentation ?? '',
    /Файл \[ws\/claims\.yaml\]\(file:\/\/\/ws\/claims\.yaml#L4\)/,
  );
});

void test('storageClassName: classes, the default first, and "" explained', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  storageClassName: |',
    ws,
  );
  assert.deepEqual(labels(items), ['fast', 'slow', '""']);
  assert.match(item(items, 'fast').detail ?? '', /default class/);
  assert.match(item(items, '""').detail ?? '', /no class, no dynamic provisioning/);
  const ru = completeAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  storageClassName: |',
    ws,
    'ru',
  );
  assert.match(item(ru, '""').detail ?? '', /без класса/);
});

void test('storageClassName in a StatefulSet claim template and in an ephemeral volume', () => {
  const sts = completeAt(
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        storageClassName: |',
    ws,
  );
  assert.equal(sorted(sts)[0]!.label, 'fast');
  const eph = completeAt(
    `${POD}  volumes:\n    - name: scratch\n      ephemeral:\n        volumeClaimTemplate:\n          spec:\n            storageClassName: |`,
    ws,
  );
  assert.ok(labels(eph).includes('slow'));
});

void test('volumeName of a claim: volumes, free ones first', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  volumeName: |',
    ws,
  );
  assert.deepEqual(labels(items), ['pv-free', 'pv-taken']);
  assert.match(item(items, 'pv-taken').detail ?? '', /pre-bound to `x\/someone`/);
  assert.match(item(items, 'pv-free').detail ?? '', /10Gi · RWX · class manual · free/);
});

void test("a PV's claimRef: claim names, namespaces, and whole name+namespace pairs", () => {
  const PV = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: v\nspec:\n  claimRef:\n';
  const names = completeAt(`${PV}    namespace: team-b\n    name: |`, ws);
  assert.deepEqual(labels(names), ['other-team']);
  const any = completeAt(`${PV}    name: |`, ws);
  assert.deepEqual(labels(any).sort(), ['cache', 'db-data', 'other-team']);
  const namespaces = completeAt(`${PV}    namespace: |`, ws);
  assert.deepEqual(labels(namespaces), ['default', 'team-b']);
  const pairs = completeAt(`${PV}    |`, ws);
  const pair = item(pairs, 'team-b/other-team');
  assert.equal(pair.insertText, 'name: other-team\n    namespace: team-b$0');
});

void test('volumeMounts[].name: the pod volumes', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      volumeMounts:\n        - name: |\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: db-data\n    - name: tmp\n      emptyDir: {}\n',
  );
  assert.deepEqual(labels(items), ['data', 'tmp']);
  assert.match(item(items, 'data').detail ?? '', /persistentVolumeClaim: db-data/);
});

void test('volumeDevices[].name in a StatefulSet: pod volumes and claim templates', () => {
  const items = completeAt(
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          volumeDevices:\n            - name: |\n      volumes:\n        - name: config\n          configMap:\n            name: app-config\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        resources:\n          requests:\n            storage: 5Gi\n',
  );
  assert.deepEqual(labels(items), ['config', 'data']);
  assert.match(item(items, 'data').detail ?? '', /claim template.*5Gi/);
});

void test('serviceName: headless Services only', () => {
  const items = completeAt(
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: |',
    ws,
  );
  assert.deepEqual(labels(items), ['db-headless']);
  assert.match(item(items, 'db-headless').detail ?? '', /headless/);
});

void test('configMap.name, secret.secretName and projected sources', () => {
  const base = `${POD}  volumes:\n    - name: v\n`;
  assert.deepEqual(labels(completeAt(`${base}      configMap:\n        name: |`, ws)), [
    'app-config',
  ]);
  assert.match(
    item(completeAt(`${base}      configMap:\n        name: |`, ws), 'app-config').detail ?? '',
    /2 keys/,
  );
  assert.deepEqual(labels(completeAt(`${base}      secret:\n        secretName: |`, ws)), [
    'app-secret',
  ]);
  assert.deepEqual(
    labels(
      completeAt(
        `${base}      projected:\n        sources:\n          - secret:\n              name: |`,
        ws,
      ),
    ),
    ['app-secret'],
  );
  assert.deepEqual(
    labels(
      completeAt(`${base}      projected:\n        sources:\n          - configMap: {name: |}`, ws),
    ),
    ['app-config'],
  );
});

void test('inserting a link key opens completion for its value', () => {
  const items = completeAt(
    `${POD}  volumes:\n    - name: data\n      persistentVolumeClaim:\n        |`,
    ws,
  );
  assert.equal(item(items, 'claimName').retrigger, true);
});

void test("a claim's dataSource: kinds to clone or restore from, and their names", () => {
  const base =
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: copy\nspec:\n  dataSource:\n';
  assert.deepEqual(labels(completeAt(`${base}    kind: |`, ws)), [
    'PersistentVolumeClaim',
    'VolumeSnapshot',
  ]);
  assert.match(
    item(completeAt(`${base}    kind: |`, ws, 'ru'), 'VolumeSnapshot').detail ?? '',
    /снимка тома/,
  );
  assert.deepEqual(labels(completeAt(`${base}    kind: PersistentVolumeClaim\n    name: |`, ws)), [
    'db-data',
    'cache',
  ]);
  const snapshots = {
    ...ws,
    'file:///ws/snap.yaml':
      'apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshot\nmetadata:\n  name: nightly\nspec:\n  source:\n    persistentVolumeClaimName: db-data\n',
  };
  assert.deepEqual(
    labels(
      completeAt(
        `${base.replace('dataSource', 'dataSourceRef')}    kind: VolumeSnapshot\n    name: |`,
        snapshots,
      ),
    ),
    ['nightly'],
  );
});

void test('volumeAttributesClassName: the VolumeAttributesClasses of the workspace', () => {
  const vac =
    'apiVersion: storage.k8s.io/v1\nkind: VolumeAttributesClass\nmetadata:\n  name: gold\ndriverName: ebs.csi.aws.com\nparameters:\n  iops: "5000"\n';
  const items = completeAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  volumeAttributesClassName: |',
    { ...ws, 'file:///ws/vac.yaml': vac },
  );
  assert.deepEqual(labels(items), ['gold']);
  assert.match(item(items, 'gold').detail ?? '', /driver ebs\.csi\.aws\.com/);
});

void test('metadata.namespace: Namespace objects first, then namespaces in use', () => {
  const items = completeAt(
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\n  namespace: |',
    { ...ws, 'file:///ws/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' },
  );
  assert.deepEqual(labels(items), ['shop', 'default', 'team-b', 'other']);
  assert.match(item(items, 'default').detail ?? '', /used by \d+ objects/);
});
