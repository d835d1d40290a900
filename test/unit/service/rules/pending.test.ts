/** claim-will-stay-pending in detail (its bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFirstFix, caseFixtureText, diagnose } from './helpers';

void describe('claim-will-stay-pending in detail', () => {
  void test("a generic ephemeral volume's claims: reported on the volume's name, counted per pod", () => {
    const text = caseFixtureText('claim-will-stay-pending', 'bad-ephemeral');
    const hit = diagnose({ 'file:///ci.yaml': text }).find(
      (d) => d.code === 'claim-will-stay-pending',
    );
    assert.ok(hit);
    const lines = text.split('\n');
    const nameLine = lines.findIndex(
      (l, i) => l.includes('- name: fixtures') && lines[i + 1]?.includes('ephemeral:'),
    );
    assert.equal(hit.range.start.line, nameLine);
    assert.match(hit.message.en, /^Claim `integration-tests-fixtures` of this ephemeral volume/);
    assert.match(hit.message.ru, /^Заявка `integration-tests-fixtures` этого эфемерного тома/);

    const replicas = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: importer, namespace: ci}',
      'spec:',
      '  replicas: 3',
      '  selector: {matchLabels: {app: importer}}',
      '  template:',
      '    metadata: {labels: {app: importer}}',
      '    spec:',
      '      containers:',
      '        - name: importer',
      '          image: registry.example.com/ci/importer:1.0',
      '          volumeMounts: [{name: staging, mountPath: /staging}]',
      '      volumes:',
      '        - name: staging',
      '          ephemeral:',
      '            volumeClaimTemplate:',
      '              spec:',
      '                accessModes: [ReadWriteOnce]',
      '                storageClassName: ""',
      '                resources: {requests: {storage: 2Gi}}',
      '',
    ].join('\n');
    const three = diagnose({ 'file:///ci.yaml': replicas }).filter(
      (d) => d.code === 'claim-will-stay-pending',
    );
    assert.equal(three.length, 1, replicas);
    assert.match(three[0]!.message.en, /^3 claims of this ephemeral volume \(one per pod\)/);
    assert.match(three[0]!.message.ru, /\(3, по одной на под\)/);
  });

  void test("the fix gives the ephemeral volume's template a class that provisions", () => {
    const text =
      caseFixtureText('claim-will-stay-pending', 'bad-ephemeral') +
      '---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ci-ssd\nprovisioner: ebs.csi.aws.com\n';
    const { after, text: fixed } = applyFirstFix(text, 'claim-will-stay-pending');
    assert.match(fixed, /storageClassName: ci-ssd/);
    assert.deepEqual(
      after.filter((d) => d.code === 'claim-will-stay-pending'),
      [],
    );
  });
});

void test('a claimRef without namespace reserves nothing: the claim it names is still reported Pending', () => {
  const found = diagnose({
    'file:///p/ref.yaml': [
      'apiVersion: v1',
      'kind: PersistentVolume',
      'metadata: {name: pv-small}',
      'spec:',
      '  capacity: {storage: 10Gi}',
      '  accessModes: [ReadWriteOnce]',
      '  storageClassName: ""',
      '  claimRef: {name: data}',
      '  nfs: {server: nfs.example.com, path: /exports/data}',
      '---',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata: {name: data}',
      'spec:',
      '  accessModes: [ReadWriteOnce]',
      '  storageClassName: ""',
      '  resources: {requests: {storage: 20Gi}}',
      '',
    ].join('\n'),
  });
  const codesFound = found.map((d) => d.code);
  assert.ok(codesFound.includes('claim-will-stay-pending'), codesFound.join(', '));
  assert.ok(!codesFound.includes('claim-larger-than-volume'), codesFound.join(', '));
});

void describe('claim-will-stay-pending: where and of whom', () => {
  const set = [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata: {name: queue, namespace: mq}',
    'spec:',
    '  serviceName: queue',
    '  replicas: 3',
    '  selector: {matchLabels: {app: queue}}',
    '  template:',
    '    metadata: {labels: {app: queue}}',
    '    spec:',
    '      containers:',
    '        - name: broker',
    '          image: rabbitmq:4',
    '          volumeMounts: [{name: data, mountPath: /var/lib/rabbitmq}]',
    '  volumeClaimTemplates:',
    '    - metadata: {name: data}',
    '      spec:',
    '        accessModes: [ReadWriteOnce]',
    '        storageClassName: ""',
    '        resources: {requests: {storage: 8Gi}}',
    '',
  ].join('\n');

  void test('a class-less claim template: on storageClassName, the reason told of the first claim', () => {
    const hit = diagnose({ 'file:///mq.yaml': set }).find(
      (d) => d.code === 'claim-will-stay-pending',
    );
    assert.ok(hit);
    assert.equal(hit.range.start.line, 18);
    assert.match(
      hit.message.en,
      /^None of the 3 claims of this template will bind\. The first, `data-queue-0`: no volume fits/,
    );
    assert.match(
      hit.message.ru,
      /^Ни одна из заявок этого шаблона \(3\) не привяжется\. Первая, `data-queue-0`: подходящего тома нет/,
    );
  });

  void test('after "The first, x:" a reason that starts with a kind keeps its name as written', () => {
    const zonal = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: zonal
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
allowedTopologies:
  - matchLabelExpressions:
      - key: topology.kubernetes.io/zone
        values: [eu-west-1a]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      nodeSelector:
        topology.kubernetes.io/zone: eu-west-1b
      containers:
        - name: db
          image: postgres:16
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: zonal
        resources: {requests: {storage: 1Gi}}
`;
    const hit = diagnose({ 'file:///db.yaml': zonal }).find(
      (d) => d.code === 'claim-will-stay-pending',
    );
    assert.ok(hit);
    assert.match(hit.message.en, /The first, `data-db-0`: StorageClass `zonal` cannot provision/);
    assert.match(hit.message.ru, /Первая, `data-db-0`: класс хранилища `zonal` не может/);
  });

  void test('a claim that loses a volume to another says so instead of that no volume fits', () => {
    const files = {
      'file:///share.yaml': `apiVersion: v1
kind: PersistentVolume
metadata:
  name: shared-pv
spec:
  storageClassName: ""
  capacity: {storage: 1Ti}
  accessModes: [ReadWriteMany]
  nfs: {server: 10.0.0.2, path: /share}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: owner
  namespace: slurm
spec:
  storageClassName: ""
  volumeName: shared-pv
  accessModes: [ReadWriteMany]
  resources: {requests: {storage: 1Ti}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: other
spec:
  storageClassName: ""
  accessModes: [ReadWriteMany]
  resources: {requests: {storage: 1Ti}}
`,
    };
    const hit = diagnose(files).find((d) => d.code === 'claim-will-stay-pending');
    assert.ok(hit);
    assert.match(
      hit.message.en,
      /Only because `slurm\/owner` takes `shared-pv` first: it fits this claim as well, so the outcome depends on order/,
    );
    assert.doesNotMatch(hit.message.en, /fits `slurm\/owner` as well/);
    assert.match(
      hit.message.ru,
      /Но только потому, что `shared-pv` раньше достаётся `slurm\/owner`/,
    );
  });

  void test('a class that only binds existing volumes: on storageClassName too', () => {
    const local = [
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata: {name: local-disks}',
      'provisioner: kubernetes.io/no-provisioner',
      'volumeBindingMode: Immediate',
      '',
    ].join('\n');
    const hit = diagnose({
      'file:///mq.yaml': set.replace('storageClassName: ""', 'storageClassName: local-disks'),
      'file:///classes.yaml': local,
    }).find((d) => d.code === 'claim-will-stay-pending');
    assert.ok(hit);
    assert.equal(hit.range.start.line, 18);
    assert.match(hit.message.en, /`kubernetes\.io\/no-provisioner`/);
  });
});
