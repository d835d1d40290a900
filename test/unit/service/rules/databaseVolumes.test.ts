/** `database-data-not-on-volume`: where it fires, where it stays quiet, and what its fixes write. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type KubeCodeAction } from '../../../../server/src/service';
import { volumeMountPathFor } from '../../../../server/src/service/rules/databaseVolumes';
import { caseFixtureText, diagnose, fixtureText, settings } from './helpers';

const RULE = 'database-data-not-on-volume';
const URI = 'file:///db/app.yaml';

const hits = (text: string): string[] =>
  diagnose({ [URI]: text })
    .filter((d) => d.code === RULE)
    .map((d) => d.message.en);

/** A workload of `kind` whose one container is `container` (YAML lines at the container's level). */
function workload(kind: string, container: string, extra = ''): string {
  const pod = `      containers:\n${container
    .split('\n')
    .map((l) => `        ${l}`)
    .join('\n')}\n${extra}`;
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: store
spec:
  serviceName: store
  selector:
    matchLabels:
      app: store
  template:
    metadata:
      labels:
        app: store
    spec:
${pod}`;
}

/** The real fixes offered for the rule's finding, applied one at a time: the texts they give. */
function fixedTexts(text: string): { title: string; text: string }[] {
  const s = getLanguageService();
  s.setFile(URI, text);
  const d = s.getDiagnostics(URI, settings).find((x) => x.code === RULE);
  assert.ok(d, 'no finding to fix');
  const actions = s
    .getCodeActions(URI, d.range, settings)
    .filter((a: KubeCodeAction) => a.diagnostic.code === RULE && !/^Disable /.test(a.title.en));
  return actions.map((a) => ({
    title: a.title.en,
    text: TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), a.edits),
  }));
}

void describe(RULE, () => {
  void test('names the image and the data directory', () => {
    const [message] = hits(fixtureText(RULE, 'bad'));
    assert.match(message!, /`postgres:16\.4` keeps its data in `\/var\/lib\/postgresql\/data`/);
  });

  void test('a custom data directory (--datadir) is the one that must be mounted', () => {
    assert.match(hits(caseFixtureText(RULE, 'bad-mysql-deployment'))[0]!, /`\/srv\/mysql`/);
  });

  void test('a mount above the data directory holds it', () => {
    const text = workload(
      'StatefulSet',
      '- name: db\n  image: mongo:7\n  volumeMounts:\n    - name: data\n      mountPath: /data',
      '      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data\n',
    );
    assert.deepEqual(hits(text), []);
  });

  void test('an emptyDir at the data directory is the other rule, not this one', () => {
    const text = workload(
      'Deployment',
      '- name: db\n  image: mariadb:11\n  volumeMounts:\n    - name: data\n      mountPath: /var/lib/mysql',
      '      volumes:\n        - name: data\n          emptyDir: {}\n',
    );
    const codes = diagnose({ [URI]: text }).map((d) => d.code);
    assert.ok(codes.includes('emptydir-for-database-data'));
    assert.ok(!codes.includes(RULE));
  });

  void test('containers that keep no data and init containers are left alone', () => {
    const arbiter = workload(
      'StatefulSet',
      '- name: mongo-arbiter\n  image: mongo:7\n  args: ["--replSet", "rs0"]',
    );
    assert.deepEqual(hits(arbiter), []);
    const init = workload(
      'Deployment',
      '- name: app\n  image: registry.example.com/app:1',
      '      initContainers:\n        - name: wait\n          image: postgres:16\n          command: [pg_isready]\n',
    );
    assert.deepEqual(hits(init), []);
  });

  void test('a client or a test run in the image is not the database', () => {
    for (const line of [
      '  command: ["sleep", "3600"]',
      '  command: [psql, -h, postgres, -c, "select 1"]',
      '  args: ["sleep", "infinity"]',
      '  command: [/tools/bats/bats, -t, /tests/up.sh]',
    ])
      assert.deepEqual(
        hits(workload('Deployment', `- name: db\n  image: postgres:16\n${line}`)),
        [],
      );
    for (const line of [
      '  args: ["-c", "shared_buffers=256MB"]',
      '  args: [postgres, -c, max_connections=300]',
      '  command: [docker-entrypoint.sh, postgres]',
      '  command: [/bin/sh, -c, "ulimit -n 65536 && exec postgres -c fsync=on"]',
    ])
      assert.equal(
        hits(workload('Deployment', `- name: db\n  image: postgres:16\n${line}`)).length,
        1,
        line,
      );
  });

  void test('redis only when asked to persist; a postgres without a tag is not guessed at', () => {
    assert.equal(hits(caseFixtureText(RULE, 'bad-redis-appendonly')).length, 1);
    assert.deepEqual(hits(caseFixtureText(RULE, 'good-redis-cache')), []);
    assert.deepEqual(hits(workload('Deployment', '- name: db\n  image: postgres')), []);
  });

  void test('a Redis given a claim template of its own mounted elsewhere: on the mount', () => {
    const text = caseFixtureText(RULE, 'bad-redis-claim-elsewhere');
    const found = diagnose({ [URI]: text }).find((d) => d.code === RULE);
    assert.match(found!.message.en, /Claim template `state` is mounted at `\/srv\/redis`/);
    assert.match(found!.message.ru, /Шаблон заявки `state` смонтирован в `\/srv\/redis`/);
    assert.equal(found!.range.start.line, 21); // the mount's `mountPath`
    const [fix] = fixedTexts(text);
    assert.equal(fix!.title, 'Mount it at `/data`');
    assert.deepEqual(hits(fix!.text), []);
    // A shared claim or an emptyDir is no request to persist; a config file may set `dir`.
    assert.deepEqual(hits(caseFixtureText(RULE, 'good-redis-shared-claim')), []);
    assert.deepEqual(
      hits(text.replace('image: redis:6.2', 'image: redis:6.2\n          args: [/etc/redis.conf]')),
      [],
    );
  });

  void test('a data directory set where we cannot read it, with a volume elsewhere: not guessed', () => {
    const claim =
      '      volumes:\n        - name: store\n          persistentVolumeClaim:\n            claimName: store\n';
    const withStore = (lines: string) =>
      workload(
        'Deployment',
        `- name: db\n${lines}\n  volumeMounts:\n    - name: store\n      mountPath: /srv/store`,
        claim,
      );
    for (const lines of [
      '  image: mongo:7.0\n  args: ["--config", "/etc/mongo/mongod.conf"]',
      '  image: mongo:7.0\n  command: [mongod, -f, /etc/mongod.conf]',
      '  image: mysql:8.4\n  args: ["--defaults-extra-file=/etc/shop/my.cnf"]',
      '  image: redis:7.2\n  command: [redis-server, /etc/redis/redis.conf, --appendonly, "yes"]',
      '  image: postgres:16.4\n  env:\n    - name: PGDATA\n      valueFrom:\n        configMapKeyRef: {name: pg, key: pgdata}',
      '  image: postgres:16.4\n  envFrom:\n    - configMapRef: {name: pg-env}',
      '  image: rabbitmq:3.13\n  env:\n    - name: RABBITMQ_MNESIA_DIR\n      value: /srv/store/mnesia',
    ])
      assert.deepEqual(hits(withStore(lines)), [], lines);
    // The setting names the directory: still checked against it.
    assert.equal(
      hits(withStore('  image: mongo:7.0\n  args: [--config, /etc/m.conf, --dbpath, /var/db]'))
        .length,
      1,
    );
    // No volume it could have moved to: the data is in the container wherever the file puts it.
    assert.equal(hits(caseFixtureText(RULE, 'bad-mysql-config-no-volume')).length, 1);
    assert.equal(
      hits(workload('Deployment', '- name: db\n  image: mongo:7.0\n  args: [--config, /c.conf]'))
        .length,
      1,
    );
  });

  void test('RabbitMQ in a Deployment: a volume alone is not enough, its node name changes', () => {
    const rabbit = '- name: mq\n  image: rabbitmq:3.13-management';
    const [inDeployment] = diagnose({ [URI]: workload('Deployment', rabbit) }).filter(
      (d) => d.code === RULE,
    );
    assert.match(inDeployment!.message.en, /each new pod of a Deployment gets a new hostname/);
    assert.match(inDeployment!.message.ru, /каждый новый под Deployment получает новое имя хоста/);
    const quiet = (text: string) =>
      diagnose({ [URI]: text }).filter((d) => d.code === RULE && /node name/.test(d.message.en));
    assert.equal(hits(workload('StatefulSet', rabbit)).length, 1);
    assert.deepEqual(quiet(workload('StatefulSet', rabbit)), []);
    assert.deepEqual(quiet(workload('Deployment', rabbit, '      hostname: mq\n')), []);
    const named = `${rabbit}\n  env:\n    - name: RABBITMQ_NODENAME\n      value: rabbit@mq`;
    assert.deepEqual(quiet(workload('Deployment', named)), []);
    const perPod = `${rabbit}\n  env:\n    - name: POD_NAME\n      valueFrom: {fieldRef: {fieldPath: metadata.name}}\n    - name: RABBITMQ_NODENAME\n      value: rabbit@$(POD_NAME)`;
    assert.equal(quiet(workload('Deployment', perPod)).length, 1);
  });

  void test('PostgreSQL 18 with the volume where 17 kept its data: said so, on the mount', () => {
    const found = diagnose({ [URI]: caseFixtureText(RULE, 'bad-postgres18-old-mount') }).find(
      (d) => d.code === RULE,
    );
    assert.match(found!.message.en, /From PostgreSQL 18 on/);
    assert.equal(found!.range.start.line, 19); // the mount's `mountPath`
    const [fix] = fixedTexts(caseFixtureText(RULE, 'bad-postgres18-old-mount'));
    assert.equal(fix!.title, 'Mount it at `/var/lib/postgresql`');
    assert.match(fix!.text, /mountPath: \/var\/lib\/postgresql\n/);
    assert.deepEqual(hits(fix!.text), []);
  });

  void test('the mount goes where the image declares its VOLUME above the data directory', () => {
    const container = (image: string) => ({ name: 'db', image });
    assert.equal(
      volumeMountPathFor(container('postgres:18'), '/var/lib/postgresql/18/docker'),
      '/var/lib/postgresql',
    );
    assert.equal(
      volumeMountPathFor(container('rabbitmq:4'), '/var/lib/rabbitmq/mnesia'),
      '/var/lib/rabbitmq',
    );
    assert.equal(volumeMountPathFor(container('mysql:8.4'), '/srv/mysql'), '/srv/mysql');
  });
});

void describe(`${RULE} fixes`, () => {
  void test('a StatefulSet gets a claim template mounted at the data directory', () => {
    const [fix] = fixedTexts(fixtureText(RULE, 'bad'));
    assert.equal(
      fix!.title,
      'Mount a new claim template `data` at `/var/lib/postgresql/data` (10Gi per replica)',
    );
    const [set] = parseAllDocuments(fix!.text).map((d) => d.toJS());
    assert.deepEqual(set.spec.template.spec.containers[0].volumeMounts, [
      { name: 'data', mountPath: '/var/lib/postgresql/data' },
    ]);
    assert.equal(set.spec.volumeClaimTemplates[0].metadata.name, 'data');
    assert.deepEqual(hits(fix!.text), []);
  });

  void test('a Deployment gets a new claim next to it, a volume for it and the mount', () => {
    const [fix] = fixedTexts(caseFixtureText(RULE, 'bad-mysql-deployment'));
    assert.equal(
      fix!.title,
      'Mount a new PersistentVolumeClaim `wiki-mysql-data` at `/srv/mysql` (10Gi)',
    );
    const [deployment, claim] = parseAllDocuments(fix!.text).map((d) => d.toJS());
    const pod = deployment.spec.template.spec;
    assert.deepEqual(pod.containers[0].volumeMounts[0], { name: 'data', mountPath: '/srv/mysql' });
    assert.deepEqual(pod.volumes[0], {
      name: 'data',
      persistentVolumeClaim: { claimName: 'wiki-mysql-data' },
    });
    assert.equal(claim.kind, 'PersistentVolumeClaim');
    assert.deepEqual(claim.metadata, { name: 'wiki-mysql-data', namespace: 'wiki' });
    const after = diagnose({ [URI]: fix!.text });
    assert.deepEqual(
      after.filter((d) => d.code === RULE || d.severity === 'error').map((d) => d.code),
      [],
    );
  });

  void test('the new volume takes a name no volume or mount uses', () => {
    const text = workload(
      'Deployment',
      '- name: pg\n  image: postgres:17\n  volumeMounts:\n    - name: data\n      mountPath: /etc/extra',
      '      volumes:\n        - name: data\n          configMap:\n            name: extra\n',
    );
    const [fix] = fixedTexts(text);
    assert.match(fix!.title, /`store-pg-data`/);
  });

  void test('a DaemonSet gets no claim: one claim cannot follow a pod per node', () => {
    const text = workload('DaemonSet', '- name: db\n  image: mongo:7');
    assert.equal(hits(text).length, 1);
    assert.deepEqual(fixedTexts(text), []);
  });
});
