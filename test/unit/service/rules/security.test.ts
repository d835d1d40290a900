/** Read-only root filesystem and root-group rules in detail (fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseImage, knownWritePaths } from '../../../../server/src/service/rules/imageWritePaths';
import { applyFirstFix, assertFixApplies, diagnose } from './helpers';

/** A Deployment with one container; `extra` lines go under the container, `volumes` under the pod. */
function pod(container: string[], volumes: string[] = []): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: app',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: app',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: app',
    '    spec:',
    '      containers:',
    '        - name: app',
    ...container.map((l) => '          ' + l),
    ...(volumes.length ? ['      volumes:', ...volumes.map((l) => '        ' + l)] : []),
    '',
  ].join('\n');
}

const findings = (text: string, code: string) =>
  diagnose({ 'file:///app.yaml': text }).filter((d) => d.code === code);

void describe('image write paths', () => {
  void test('image references are read with registry, library prefix, tag and digest', () => {
    assert.deepEqual(parseImage('nginx'), { repository: 'nginx', tag: undefined });
    assert.deepEqual(parseImage('docker.io/library/nginx:1.27@sha256:abc'), {
      repository: 'nginx',
      tag: '1.27',
    });
    // The official images' mirrors are the official images.
    for (const mirror of [
      'mirror.gcr.io/library/',
      'public.ecr.aws/docker/library/',
      'mcr.microsoft.com/mirror/docker/library/',
    ])
      assert.deepEqual(parseImage(`${mirror}mongo:4.2`), { repository: 'mongo', tag: '4.2' });
    assert.deepEqual(parseImage('public.ecr.aws/bitnami/mongodb:7'), {
      repository: 'public.ecr.aws/bitnami/mongodb',
      tag: '7',
    });
    assert.deepEqual(parseImage('registry.example.com:5000/team/app'), {
      repository: 'registry.example.com:5000/team/app',
      tag: undefined,
    });
  });

  void test('only the official images are known: lookalike repositories are not guessed', () => {
    assert.deepEqual(knownWritePaths({ name: 'x', image: 'nginx:1.27' }), [
      '/var/cache/nginx',
      '/var/run',
    ]);
    assert.equal(
      knownWritePaths({ name: 'x', image: 'nginx/nginx-prometheus-exporter:1.3' }),
      undefined,
    );
    assert.equal(knownWritePaths({ name: 'x', image: 'bitnami/nginx:1.27' }), undefined);
    assert.equal(knownWritePaths({ name: 'x', image: 'example/app' }), undefined);
  });

  void test('settings that move a write path are followed', () => {
    assert.deepEqual(
      knownWritePaths({
        name: 'x',
        image: 'quay.io/prometheus/prometheus:v3.1.0',
        args: ['--storage.tsdb.path=/data'],
      }),
      ['/data'],
    );
    assert.deepEqual(knownWritePaths({ name: 'x', image: 'prom/prometheus' }), [
      '/prometheus/data',
    ]);
    assert.deepEqual(
      knownWritePaths({ name: 'x', image: 'postgres:17', env: [{ name: 'PGDATA', value: '/pg' }] }),
      ['/var/run/postgresql', '/pg'],
    );
    assert.deepEqual(knownWritePaths({ name: 'x', image: 'postgres:16.4-alpine' }), [
      '/var/run/postgresql',
      '/var/lib/postgresql/data',
    ]);
    assert.deepEqual(knownWritePaths({ name: 'x', image: 'postgres:18' }), [
      '/var/run/postgresql',
      '/var/lib/postgresql/18/docker',
    ]);
    assert.deepEqual(knownWritePaths({ name: 'x', image: 'redis:7', args: ['--dir', '/cache'] }), [
      '/cache',
    ]);
  });
});

void describe('read-only-root-without-writable-path in detail', () => {
  const code = 'read-only-root-without-writable-path';
  const readOnly = ['securityContext:', '  readOnlyRootFilesystem: true'];

  void test('a path is covered by a writable mount at it or above it, not by a read-only one', () => {
    const mysql = (mounts: string[], volumes: string[]) =>
      pod(['image: mysql:8.4', ...readOnly, 'volumeMounts:', ...mounts], volumes);
    const volumes = [
      '- name: data',
      '  persistentVolumeClaim: {claimName: db}',
      '- name: run',
      '  emptyDir: {}',
      '- name: tmp',
      '  emptyDir: {}',
    ];
    const all = [
      '  - {name: data, mountPath: /var/lib/mysql}',
      '  - {name: run, mountPath: /var/run/mysqld}',
      '  - {name: tmp, mountPath: /tmp}',
    ];
    assert.equal(findings(mysql(all, volumes), code).length, 0);
    const tmpReadOnly = [...all.slice(0, 2), '  - {name: tmp, mountPath: /tmp, readOnly: true}'];
    const hits = findings(mysql(tmpReadOnly, volumes), code);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.en, /`\/tmp`/);
  });

  void test('configMap and secret volumes never count as writable', () => {
    const text = pod(
      [
        'image: nginxinc/nginx-unprivileged:1.27',
        ...readOnly,
        'volumeMounts:',
        '  - {name: conf, mountPath: /tmp}',
      ],
      ['- name: conf', '  configMap: {name: web}'],
    );
    assert.equal(findings(text, code).length, 1);
  });

  void test('TMPDIR set by the container is a write path, for any image', () => {
    const text = pod([
      'image: example/app:1',
      ...readOnly,
      'env:',
      '  - {name: TMPDIR, value: /scratch}',
    ]);
    const hits = findings(text, code);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.ru, /`\/scratch`/);
  });

  void test('a directory the image declares a VOLUME: the writes go to an anonymous volume, not fail', () => {
    const mongo = findings(pod(['image: mongo:7.0', ...readOnly]), code);
    const byPath = new Map(mongo.map((d) => [/writes to `([^`]+)`/.exec(d.message.en)![1], d]));
    assert.deepEqual([...byPath.keys()].sort(), ['/data/db', '/tmp']);
    const data = byPath.get('/data/db')!.message;
    assert.match(
      data.en,
      /The image declares `\/data\/db` a `VOLUME`, so containerd mounts an anonymous volume/,
    );
    assert.match(data.en, /lost whenever the container is re-created .*on CRI-O/);
    assert.doesNotMatch(data.en, /fail with "Read-only file system"/);
    assert.match(
      data.ru,
      /Образ объявляет `\/data\/db` как `VOLUME`, поэтому containerd монтирует/,
    );
    assert.match(
      byPath.get('/tmp')!.message.en,
      /fail with "Read-only file system"/,
      'not a VOLUME',
    );
    // A path below a declared volume is in it; one the settings move elsewhere is not.
    const redis = findings(
      pod(['image: redis:7-alpine', ...readOnly, 'args: [--dir, /data/r]']),
      code,
    );
    assert.match(redis[0]!.message.en, /writes to `\/data\/r`.*declares `\/data` a `VOLUME`/);
    const pg = (tag: string, env: string[] = []) =>
      findings(pod([`image: postgres:${tag}`, ...readOnly, ...env]), code).map((d) => d.message.en);
    assert.ok(pg('16').some((m) => /`\/var\/lib\/postgresql\/data` a `VOLUME`/.test(m)));
    assert.ok(
      pg('18').some((m) =>
        /writes to `\/var\/lib\/postgresql\/18\/docker`.*declares `\/var\/lib\/postgresql` a/.test(
          m,
        ),
      ),
    );
    const moved = pg('16', ['env:', '  - {name: PGDATA, value: /pgdata}']);
    assert.ok(moved.some((m) => /writes to `\/pgdata`.*Read-only file system/.test(m)));
    // nginx declares no VOLUME: its writes fail.
    assert.match(
      findings(pod(['image: nginx:1.27', ...readOnly]), code)[0]!.message.en,
      /fail with "Read-only file system"/,
    );
  });

  void test('no readOnlyRootFilesystem, or an image we do not know: nothing to say', () => {
    assert.equal(findings(pod(['image: nginx:1.27']), code).length, 0);
    assert.equal(findings(pod(['image: example/app:1', ...readOnly]), code).length, 0);
  });

  void test('the quick fix mounts an emptyDir at the missing path', () => {
    const bad = pod(
      [
        'image: nginx:1.27',
        ...readOnly,
        'volumeMounts:',
        '  - name: cache',
        '    mountPath: /var/cache/nginx',
      ],
      ['- name: cache', '  emptyDir: {}'],
    );
    const fixed = assertFixApplies(bad, code);
    assert.match(fixed, /volumeMounts:\n {12}- name: var-run\n {14}mountPath: \/var\/run\n/);
    assert.match(fixed, /volumes:\n {8}- name: var-run\n {10}emptyDir: \{\}\n/);
    assert.equal(findings(fixed, code).length, 0);
  });

  void test('the quick fix creates volumes and volumeMounts when the pod has none', () => {
    const { text, after } = applyFirstFix(pod(['image: redis:7.4', ...readOnly]), code);
    assert.match(text, /volumeMounts:\n {12}- name: data\n {14}mountPath: \/data\n/);
    assert.match(text, /volumes:\n {8}- name: data\n {10}emptyDir: \{\}\n/);
    assert.equal(after.filter((d) => d.code === code).length, 0);
  });
});

void describe('read-only-root-filesystem-possible in detail', () => {
  const code = 'read-only-root-filesystem-possible';

  void test('the fix turns it on, and the finding is gone', () => {
    const text = pod(
      ['image: redis:7.4', 'volumeMounts:', '  - {name: data, mountPath: /data}'],
      ['- name: data', '  persistentVolumeClaim: {claimName: redis}'],
    );
    const [hint] = findings(text, code);
    assert.match(
      hint!.message.en,
      /^Everything that container `app` \(`redis:7.4`\) is known to write goes to volumes/,
    );
    assert.match(
      hint!.message.ru,
      /Можно включить `securityContext.readOnlyRootFilesystem: true`\.$/,
    );
    const fixed = assertFixApplies(text, code);
    assert.match(fixed, /securityContext:\n {12}readOnlyRootFilesystem: true\n/);
  });

  void test('privileged containers are not hinted', () => {
    const text = pod(
      [
        'image: redis:7.4',
        'securityContext: {privileged: true}',
        'volumeMounts:',
        '  - {name: data, mountPath: /data}',
      ],
      ['- name: data', '  emptyDir: {}'],
    );
    assert.equal(findings(text, code).length, 0);
  });
});

void describe('root-group-on-volumes in detail', () => {
  const code = 'root-group-on-volumes';
  const spec = (sc: string, containerSc = '') =>
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: app}',
      'spec:',
      `  securityContext: ${sc}`,
      '  containers:',
      '    - name: app',
      '      image: example/app:1',
      ...(containerSc ? [`      securityContext: ${containerSc}`] : []),
      '      volumeMounts: [{name: data, mountPath: /data}]',
      '  volumes: [{name: data, emptyDir: {sizeLimit: 1Gi}}]',
      '',
    ].join('\n');

  void test('fsGroup 0 for a non-root writer is reported on fsGroup', () => {
    const hits = findings(spec('{runAsUser: 1000, fsGroup: 0}'), code);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.en, /^`fsGroup: 0`/);
  });

  void test('pod-level runAsGroup 0 is reported once, on the pod; a container override wins', () => {
    const hits = findings(spec('{runAsUser: 1000, runAsGroup: 0}'), code);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message.en, /`app`/);
    assert.equal(
      findings(spec('{runAsUser: 1000, runAsGroup: 0}', '{runAsGroup: 1000}'), code).length,
      0,
    );
  });

  void test('root processes, and processes of unknown user, are not reported', () => {
    assert.equal(findings(spec('{runAsUser: 0, runAsGroup: 0, fsGroup: 0}'), code).length, 0);
    assert.equal(findings(spec('{fsGroup: 0}'), code).length, 0);
    assert.equal(findings(spec('{runAsNonRoot: true, fsGroup: 0}'), code).length, 1);
  });
});
