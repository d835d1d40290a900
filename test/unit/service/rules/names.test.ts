/** invalid-name in detail (its bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { applyFirstFix, assertFixApplies, caseFixtureText, diagnose, fixtureText } from './helpers';

const RULE = 'invalid-name';

const found = (text: string, uri = 'file:///n/test.yaml') =>
  diagnose({ [uri]: text }).filter((d) => d.code === RULE);

const lines = (...l: string[]) => l.join('\n') + '\n';

/** A workload of `kind` whose pod spec lists `body` (lines at the pod spec's indentation). */
function workload(kind: string, apiVersion: string, name: string, ...body: string[]): string {
  if (kind === 'Pod') {
    return lines(
      `apiVersion: ${apiVersion}`,
      `kind: Pod`,
      `metadata: {name: ${name}}`,
      'spec:',
      ...body.map((b) => '  ' + b),
    );
  }
  const head = [`apiVersion: ${apiVersion}`, `kind: ${kind}`, `metadata: {name: ${name}}`, 'spec:'];
  const template = [
    '  selector: {matchLabels: {app: x}}',
    '  template:',
    '    metadata: {labels: {app: x}}',
    '    spec:',
    ...body.map((b) => '      ' + b),
  ];
  if (kind === 'CronJob') {
    return lines(
      ...head,
      "  schedule: '0 3 * * *'",
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      ...body.map((b) => '          ' + b),
    );
  }
  return lines(...head, ...(kind === 'StatefulSet' ? ['  serviceName: x'] : []), ...template);
}

const badVolume = [
  'containers:',
  '  - name: app',
  '    image: busybox:1.37',
  '    volumeMounts: [{name: Data_Vol, mountPath: /data}]',
  'volumes:',
  '  - name: Data_Vol',
  '    emptyDir: {sizeLimit: 1Gi}',
];

void describe('invalid-name', () => {
  void test('names of each kind family: subdomain, label, DNS-1035', () => {
    const object = (apiVersion: string, kind: string, name: string) =>
      lines(`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:', `  name: ${name}`);
    assert.equal(found(object('v1', 'ConfigMap', 'app.config')).length, 0);
    assert.equal(found(object('v1', 'Secret', 'Db_Password')).length, 1);
    assert.equal(found(object('storage.k8s.io/v1', 'StorageClass', 'Fast_SSD')).length, 1);
    assert.equal(found(object('v1', 'Namespace', 'team.a')).length, 1);
    assert.equal(found(object('v1', 'Service', 'db.primary')).length, 1);
    assert.equal(found(object('v1', 'Service', '1db')).length, 1);
    assert.equal(found(object('v1', 'ConfigMap', 'a'.repeat(253))).length, 0);
    assert.equal(found(object('v1', 'ConfigMap', 'a'.repeat(254))).length, 1);
    assert.equal(
      found(object('snapshot.storage.k8s.io/v1', 'VolumeSnapshot', 'Nightly')).length,
      1,
    );
    assert.equal(found(object('rbac.authorization.k8s.io/v1', 'Role', 'Reader')).length, 0);
  });

  void test('a StatefulSet name is a label: a dot is rejected, a Deployment takes it', () => {
    const set = workload(
      'StatefulSet',
      'apps/v1',
      'db.v1',
      'containers: [{name: db, image: postgres:17}]',
    );
    const deployment = workload(
      'Deployment',
      'apps/v1',
      'db.v1',
      'containers: [{name: db, image: postgres:17}]',
    );
    assert.equal(found(set).length, 1);
    assert.match(found(set)[0]!.message.en, /no dots/);
    assert.equal(found(deployment).length, 0);
  });

  void test('a CronJob name is at most 52 characters', () => {
    const body = ['restartPolicy: OnFailure', 'containers: [{name: job, image: busybox:1.37}]'];
    assert.equal(found(workload('CronJob', 'batch/v1', 'a'.repeat(52), ...body)).length, 0);
    const long = found(workload('CronJob', 'batch/v1', 'a'.repeat(53), ...body));
    assert.equal(long.length, 1);
    assert.match(long[0]!.message.en, /it is 53 characters long.*at most 52/);
  });

  void test('volumes and containers in every pod-running kind', () => {
    for (const [kind, apiVersion] of [
      ['Pod', 'v1'],
      ['Deployment', 'apps/v1'],
      ['DaemonSet', 'apps/v1'],
      ['ReplicaSet', 'apps/v1'],
      ['Job', 'batch/v1'],
      ['CronJob', 'batch/v1'],
    ] as const) {
      const text = workload(kind, apiVersion, 'app', ...badVolume);
      const hits = found(text);
      assert.equal(hits.length, 1, kind);
      assert.match(
        hits[0]!.message.en,
        /^Volume name `Data_Vol` is invalid: it has uppercase letters and `_`\./,
      );
      assert.match(hits[0]!.message.en, /The API server rejects the object\./);
    }
    const init = workload(
      'Pod',
      'v1',
      'app',
      'initContainers: [{name: Init_DB, image: busybox:1.37}]',
      'containers: [{name: App, image: busybox:1.37}]',
    );
    assert.deepEqual(
      found(init).map((d) => d.message.en.split(':')[0]),
      ['Init container name `Init_DB` is invalid', 'Container name `App` is invalid'],
    );
    assert.match(
      found(init)[0]!.message.ru,
      /^Имя init-контейнера `Init_DB` недопустимо: в нём есть заглавные буквы и `_`\./,
    );
  });

  void test('the range is on the value of the name', () => {
    const text = workload('Pod', 'v1', 'app', ...badVolume);
    const volume = found(text)[0]!;
    const line = text.split('\n')[volume.range.start.line]!;
    assert.equal(line.slice(volume.range.start.character, volume.range.end.character), 'Data_Vol');
    assert.match(line, /- name: Data_Vol/);
  });

  void test('a StatefulSet is stored: its pods, and its claim templates, are what is rejected', () => {
    const set = lines(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: db}',
      'spec:',
      '  serviceName: db',
      '  selector: {matchLabels: {app: db}}',
      '  template:',
      '    metadata: {labels: {app: db}}',
      '    spec:',
      '      containers:',
      '        - name: Postgres',
      '          image: postgres:17',
      '          volumeMounts: [{name: pg.data, mountPath: /var/lib/postgresql}]',
      '  volumeClaimTemplates:',
      '    - metadata: {name: pg.data}',
      '      spec:',
      '        accessModes: [ReadWriteOnce]',
      '        resources: {requests: {storage: 10Gi}}',
    );
    const [claim, container] = found(set);
    assert.match(claim!.message.en, /^Claim template name `pg\.data` is invalid: it has `\.`\./);
    assert.match(claim!.message.en, /becomes the name of a volume in every pod/);
    assert.match(
      claim!.message.en,
      /stores the StatefulSet but rejects the claims or pods it makes/,
    );
    assert.match(
      claim!.message.ru,
      /сохранит StatefulSet, но отклонит создаваемые им заявки или поды/,
    );
    assert.match(container!.message.en, /stores the StatefulSet but rejects every pod it makes/);
  });

  void test('generateName: a trailing dash is fine, the rest follows the kind', () => {
    const pod = (prefix: string) =>
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        `  generateName: ${prefix}`,
        'spec:',
        '  containers: [{name: app, image: busybox:1.37}]',
      );
    assert.equal(found(pod('backup-')).length, 0);
    assert.equal(found(pod('backup.v1-')).length, 0);
    const bad = found(pod('Backup_-'));
    assert.equal(bad.length, 1);
    assert.match(bad[0]!.message.en, /^`generateName` prefix `Backup_-` is invalid/);
    assert.match(bad[0]!.message.en, /may end with `-`/);
    const service = lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  generateName: db.',
      'spec: {ports: [{port: 80}]}',
    );
    assert.equal(found(service).length, 1);
  });

  void test('no finding for an empty or missing name, placeholders, or unconfirmed kinds', () => {
    assert.equal(
      found(lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: ""')).length,
      0,
    );
    assert.equal(
      found(lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {labels: {a: b}}')).length,
      0,
    );
    assert.equal(found(caseFixtureText(RULE, 'good-unconfirmed-and-placeholders')).length, 0);
  });

  void test('Helm templates are skipped: their names are not final', () => {
    const chart = 'file:///chart/';
    const service = getLanguageService();
    service.setFile(`${chart}Chart.yaml`, 'apiVersion: v2\nname: demo\nversion: 1.0.0\n');
    const uri = `${chart}templates/pvc.yaml`;
    service.setFile(
      uri,
      lines(
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata:',
        '  name: {{ .Release.Name }}_Data',
        'spec:',
        '  accessModes: [ReadWriteOnce]',
        '  resources: {requests: {storage: 1Gi}}',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: Web_{{ .Values.suffix }}}',
        'spec:',
        '  containers: [{name: Web, image: nginx:1.27}]',
      ),
    );
    const hits = service.getDiagnostics(uri).filter((d) => d.code === RULE);
    assert.deepEqual(hits, []);
  });

  void test('a kustomize patch is not checked: its name names the target', () => {
    const service = getLanguageService();
    service.setFile(
      'file:///k/overlay/kustomization.yaml',
      lines(
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources: [../base]',
        'patches:',
        '  - path: patch.yaml',
      ),
    );
    const uri = 'file:///k/overlay/patch.yaml';
    service.setFile(
      uri,
      lines(
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: Data_Claim}',
        'spec: {resources: {requests: {storage: 5Gi}}}',
      ),
    );
    assert.deepEqual(
      service.getDiagnostics(uri).filter((d) => d.code === RULE),
      [],
    );
  });

  void test('the fix renames an object: lowercase, `_` to `-`', () => {
    const { text, title } = applyFirstFix(fixtureText(RULE, 'bad'), RULE);
    assert.equal(title, 'Rename to `pv-name`');
    assert.match(text, /name: pv-name\n/);
  });

  void test('the fix renames a container, and a volume together with its mounts', () => {
    const first = applyFirstFix(caseFixtureText(RULE, 'bad-pod-spec'), RULE);
    assert.equal(first.title, 'Rename to `data-vol`');
    assert.equal(first.text.match(/name: data-vol/g)?.length, 2);
    const fixed = assertFixApplies(first.text, RULE);
    assert.doesNotMatch(fixed, /name: (Data_Vol|Web)/);
    assert.match(fixed, /- name: web\n/);
  });

  void test('no fix when the suggestion is taken or still invalid', () => {
    const text = workload(
      'Pod',
      'v1',
      'app',
      'containers:',
      '  - name: Web',
      '    image: nginx:1.27',
      '  - name: web',
      '    image: nginx:1.27',
      '  - name: api.v1',
      '    image: nginx:1.27',
    );
    const service = getLanguageService();
    const uri = 'file:///n/nofix.yaml';
    service.setFile(uri, text);
    const hits = service.getDiagnostics(uri).filter((d) => d.code === RULE);
    assert.equal(hits.length, 2);
    for (const d of hits) {
      const actions = service
        .getCodeActions(uri, d.range)
        .filter((a) => a.diagnostic.code === RULE && a.title.en.startsWith('Rename'));
      assert.deepEqual(
        actions.map((a) => a.title.en),
        [],
        d.message.en,
      );
    }
  });
});

void test('invalid-name: a storageClassName no class can have, Helm\'s "-" with its own fix', () => {
  const claim = caseFixtureText('invalid-name', 'bad-class-dash');
  const found = diagnose({ 'file:///c.yaml': claim });
  const hit = found.find((d) => d.code === 'invalid-name');
  assert.ok(hit);
  assert.equal(hit.range.start.line, 6);
  assert.match(hit.message.en, /^StorageClass name `-` in `storageClassName` is invalid/);
  assert.match(hit.message.en, /in a manifest that is `storageClassName: ""`/);
  assert.match(hit.message.ru, /^Имя класса хранилища `-` в `storageClassName` недопустимо/);
  // storage-class-not-found and the binding leave it to this rule.
  assert.deepEqual(
    found.filter(
      (d) => d.code === 'storage-class-not-found' || d.code === 'claim-will-stay-pending',
    ),
    [],
  );
  const fixed = assertFixApplies(claim, 'invalid-name');
  assert.match(fixed, /^ {2}storageClassName: ""$/m);
  // A class of a claim template and of a volume: renamed like other names.
  const template = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres:16}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        storageClassName: Fast_SSD
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
`;
  const [sts] = diagnose({ 'file:///s.yaml': template }).filter((d) => d.code === 'invalid-name');
  assert.ok(sts);
  assert.match(sts.message.en, /rejects the claims or pods it makes/);
  assert.match(assertFixApplies(template, 'invalid-name'), /storageClassName: fast-ssd/);
});
