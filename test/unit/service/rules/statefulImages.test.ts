/**
 * The data directories of Elasticsearch, OpenSearch, ZooKeeper and Cassandra, as the two database
 * rules see them: reported without a volume, silent with one at or above the directory, and the
 * settings that move the directory or say the node keeps no data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  knownDataDirs,
  knownWritePaths,
} from '../../../../server/src/service/rules/imageWritePaths';
import { diagnose } from './helpers';

const NO_VOLUME = 'database-data-not-on-volume';
const EMPTY_DIR = 'emptydir-for-database-data';

interface Case {
  kind?: string;
  image: string;
  env?: Record<string, string>;
  args?: string[];
  /** mountPath -> `claim` (a claim template), `emptyDir` or `config` (a ConfigMap). */
  mounts?: Record<string, 'claim' | 'emptyDir' | 'config'>;
}

/** A workload of one container, written as YAML. */
function manifest({ kind = 'StatefulSet', image, env = {}, args, mounts = {} }: Case): string {
  const entries = Object.entries(mounts);
  const lines = [
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata:',
    '  name: store',
    'spec:',
    '  serviceName: store',
    '  selector:',
    '    matchLabels: {app: store}',
    '  template:',
    '    metadata:',
    '      labels: {app: store}',
    '    spec:',
    '      containers:',
    '        - name: server',
    `          image: ${image}`,
    ...(args ? [`          args: ${JSON.stringify(args)}`] : []),
    ...(Object.keys(env).length ? ['          env:'] : []),
    ...Object.entries(env).map(
      ([name, value]) => `            - {name: ${name}, value: ${JSON.stringify(value)}}`,
    ),
    ...(entries.length ? ['          volumeMounts:'] : []),
    ...entries.map(([path], i) => `            - {name: v${i}, mountPath: ${path}}`),
  ];
  const pod = entries.flatMap(([, source], i) =>
    source === 'claim'
      ? []
      : [
          `        - name: v${i}`,
          source === 'emptyDir' ? '          emptyDir: {}' : '          configMap: {name: conf}',
        ],
  );
  if (pod.length) lines.push('      volumes:', ...pod);
  const claims = entries.flatMap(([, source], i) =>
    source === 'claim'
      ? [
          `    - metadata: {name: v${i}}`,
          '      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
        ]
      : [],
  );
  if (claims.length) lines.push('  volumeClaimTemplates:', ...claims);
  return lines.join('\n') + '\n';
}

/** The messages of `rule` for the case. */
const hits = (rule: string, c: Case): string[] =>
  diagnose({ 'file:///stateful/app.yaml': manifest(c) })
    .filter((d) => d.code === rule)
    .map((d) => d.message.en);

const ES = 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0';
const OS = 'opensearchproject/opensearch:2.17.0';

void describe('stateful images: database-data-not-on-volume', () => {
  void test('each image without a volume is reported at its data directory', () => {
    const cases: [Case, string][] = [
      [{ image: ES }, '/usr/share/elasticsearch/data'],
      [{ image: 'elasticsearch:8.15.0' }, '/usr/share/elasticsearch/data'],
      [{ image: OS }, '/usr/share/opensearch/data'],
      [{ image: 'zookeeper:3.9' }, '/data'],
      [{ image: 'cassandra:5.0' }, '/var/lib/cassandra'],
    ];
    for (const [c, dir] of cases) {
      const [message, ...rest] = hits(NO_VOLUME, c);
      assert.equal(rest.length, 0, c.image);
      assert.ok(message?.includes(`keeps its data in \`${dir}\``), `${c.image}: ${message}`);
    }
  });

  void test('a claim at or above the data directory holds it', () => {
    const held: Case[] = [
      { image: ES, mounts: { '/usr/share/elasticsearch/data': 'claim' } },
      { image: OS, mounts: { '/usr/share/opensearch/data': 'claim' } },
      { image: 'zookeeper:3.9', mounts: { '/data': 'claim', '/datalog': 'claim' } },
      { image: 'cassandra:4.1', mounts: { '/var/lib/cassandra': 'claim' } },
      { image: 'cassandra:4.1', mounts: { '/var/lib': 'claim' } },
    ];
    for (const c of held) assert.deepEqual(hits(NO_VOLUME, c), [], c.image);
  });

  void test('ZooKeeper keeps its transaction log apart: both directories need a volume', () => {
    const [message] = hits(NO_VOLUME, { image: 'zookeeper:3.9', mounts: { '/data': 'claim' } });
    assert.match(message!, /`\/datalog`/);
    assert.match(message!, /Mount a PersistentVolumeClaim there/);
  });

  void test('settings that move the data directory are honoured', () => {
    const moved: [Case, string][] = [
      [{ image: ES, env: { 'path.data': '/srv/es' } }, '/srv/es'],
      [{ image: ES, env: { ES_SETTING_PATH_DATA: '/srv/es' } }, '/srv/es'],
      [{ image: ES, args: ['eswrapper', '-E', 'path.data=/srv/es'] }, '/srv/es'],
      [{ image: OS, args: ['opensearch', '-Epath.data=srv'] }, '/usr/share/opensearch/srv'],
      [{ image: 'zookeeper:3.9', env: { ZOO_DATA_DIR: '/zk/snap' } }, '/zk/snap'],
      [{ image: 'zookeeper:3.9', env: { ZOO_CFG_EXTRA: 'dataDir=/zk/extra' } }, '/zk/extra'],
    ];
    for (const [c, dir] of moved) {
      assert.match(hits(NO_VOLUME, c)[0] ?? '', new RegExp(`keeps its data in \`${dir}\``));
      const mounts = { ...c.mounts, [dir]: 'claim' as const };
      if (c.image.startsWith('zookeeper')) Object.assign(mounts, { '/datalog': 'claim' });
      assert.deepEqual(hits(NO_VOLUME, { ...c, mounts }), [], dir);
    }
    // OpenSearch's entrypoint drops an env setting with an empty value: the default stays.
    assert.match(hits(NO_VOLUME, { image: OS, env: { 'path.data': '' } })[0]!, /opensearch\/data/);
  });

  void test('nodes whose roles keep no data are not reported; master-only nodes are', () => {
    const noData: Record<string, string>[] = [
      { 'node.roles': '[]' },
      { 'node.roles': 'ingest,ml,' },
      { ES_SETTING_NODE_ROLES: 'remote_cluster_client' },
      { 'node.master': 'false', 'node.data': 'false' },
    ];
    for (const env of noData)
      assert.deepEqual(hits(NO_VOLUME, { image: ES, env }), [], JSON.stringify(env));
    assert.deepEqual(hits(NO_VOLUME, { image: OS, env: { 'node.roles': 'ingest' } }), []);
    assert.equal(hits(NO_VOLUME, { image: ES, env: { 'node.roles': 'master' } }).length, 1);
    assert.equal(
      hits(NO_VOLUME, { image: OS, env: { 'node.roles': 'cluster_manager' } }).length,
      1,
    );
    assert.equal(
      hits(NO_VOLUME, { image: ES, env: { 'node.roles': 'data_hot,ingest' } }).length,
      1,
    );
  });

  void test('settings we cannot read: roles and data path may be anywhere', () => {
    const yml = '/usr/share/elasticsearch/config/elasticsearch.yml';
    // The roles may be in elasticsearch.yml: whether the node keeps data is unknown.
    assert.deepEqual(hits(NO_VOLUME, { image: ES, mounts: { [yml]: 'config' } }), []);
    // With the roles in the env, the node keeps data; a claim elsewhere may hold path.data.
    const env = { 'node.roles': 'master,data' };
    assert.equal(hits(NO_VOLUME, { image: ES, env, mounts: { [yml]: 'config' } }).length, 1);
    assert.deepEqual(
      hits(NO_VOLUME, { image: ES, env, mounts: { [yml]: 'config', '/srv': 'claim' } }),
      [],
    );
    assert.deepEqual(
      hits(NO_VOLUME, { image: 'zookeeper:3.9', mounts: { '/conf': 'config', '/zk': 'claim' } }),
      [],
    );
    assert.deepEqual(
      hits(NO_VOLUME, {
        image: 'cassandra:5.0',
        mounts: { '/etc/cassandra/cassandra.yaml': 'config', '/cassandra': 'claim' },
      }),
      [],
    );
    // -Dcassandra.storagedir moves every default directory somewhere we do not follow.
    assert.deepEqual(
      hits(NO_VOLUME, {
        image: 'cassandra:5.0',
        env: { JVM_EXTRA_OPTS: '-Dcassandra.storagedir=/x' },
      }),
      [],
    );
  });

  void test('a client run in the image and a Job are left alone', () => {
    assert.deepEqual(hits(NO_VOLUME, { image: 'cassandra:5.0', args: ['cqlsh', 'ring-0'] }), []);
    assert.deepEqual(hits(NO_VOLUME, { image: 'zookeeper:3.9', args: ['zkCli.sh'] }), []);
    const job = manifest({ kind: 'Job', image: ES }).replace('  serviceName: store\n', '');
    assert.deepEqual(
      diagnose({ 'file:///stateful/job.yaml': job }).filter((d) => d.code === NO_VOLUME),
      [],
    );
  });

  void test('known for their data only: no write paths for the read-only-root rules', () => {
    for (const image of [ES, OS, 'zookeeper:3.9', 'cassandra:5.0'])
      assert.equal(knownWritePaths({ name: 'x', image }), undefined, image);
    assert.deepEqual(knownDataDirs({ name: 'x', image: 'zookeeper:3.9' }), ['/data', '/datalog']);
  });
});

void describe('stateful images: etcd and Kafka', () => {
  const ETCD = 'gcr.io/etcd-development/etcd:v3.5.17';
  const KAFKA = 'apache/kafka:3.8.0';

  void test('etcd: `<name>.etcd` in its working directory, `--data-dir`, ETCD_DATA_DIR', () => {
    assert.match(hits(NO_VOLUME, { image: ETCD })[0]!, /`\/var\/lib\/etcd\/default\.etcd`/);
    assert.match(
      hits(NO_VOLUME, { image: ETCD, args: ['etcd', '--name=infra0'] })[0]!,
      /`\/var\/lib\/etcd\/infra0\.etcd`/,
    );
    assert.match(
      hits(NO_VOLUME, { image: ETCD, env: { ETCD_DATA_DIR: '/state' } })[0]!,
      /`\/state`/,
    );
    // The flag wins over the env; a claim there holds the data.
    const flagged: Case = {
      image: ETCD,
      args: ['etcd', '-data-dir', '/etcd-data'],
      env: { ETCD_DATA_DIR: '/state' },
    };
    assert.match(hits(NO_VOLUME, flagged)[0]!, /`\/etcd-data`/);
    assert.deepEqual(hits(NO_VOLUME, { ...flagged, mounts: { '/etcd-data': 'claim' } }), []);
    assert.deepEqual(hits(NO_VOLUME, { image: ETCD, mounts: { '/var/lib/etcd': 'claim' } }), []);
  });

  void test('etcd: what cannot be proven is not reported', () => {
    // Before 3.5.7 the image had no WORKDIR: a relative data directory is not placed.
    assert.deepEqual(hits(NO_VOLUME, { image: 'quay.io/coreos/etcd:v3.5.6' }), []);
    assert.equal(
      hits(NO_VOLUME, { image: 'quay.io/coreos/etcd:v3.5.6', args: ['etcd', '--data-dir=/d'] })
        .length,
      1,
    );
    // A config file makes etcd ignore its flags and env; `$(VAR)` is expanded by the kubelet.
    assert.deepEqual(
      hits(NO_VOLUME, { image: ETCD, env: { ETCD_CONFIG_FILE: '/c/etcd.yml' } }),
      [],
    );
    assert.deepEqual(
      hits(NO_VOLUME, { image: ETCD, args: ['etcd', '--data-dir=/var/run/$(POD_NAME)'] }),
      [],
    );
    assert.deepEqual(hits(NO_VOLUME, { image: ETCD, args: ['etcdctl', 'endpoint', 'health'] }), []);
  });

  void test('Kafka: KAFKA_LOG_DIRS, else the default log.dir once the env writes server.properties', () => {
    const env = { KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_NODE_ID: '1' };
    assert.match(
      hits(NO_VOLUME, { image: KAFKA, env: { ...env, KAFKA_LOG_DIRS: '/var/lib/kafka/data' } })[0]!,
      /`\/var\/lib\/kafka\/data`/,
    );
    assert.deepEqual(
      hits(NO_VOLUME, {
        image: KAFKA,
        env: { ...env, KAFKA_LOG_DIRS: '/var/lib/kafka/data/a,/var/lib/kafka/data/b' },
        mounts: { '/var/lib/kafka/data': 'claim' },
      }),
      [],
    );
    // A claim at the image's VOLUME holds nothing when log.dirs is left at Kafka's default.
    const [stray] = hits(NO_VOLUME, {
      image: KAFKA,
      env,
      mounts: { '/var/lib/kafka/data': 'claim' },
    });
    assert.match(stray!, /keeps its data in `\/tmp\/kafka-logs`/);
    // Only JVM settings: the bundled server.properties, or what service links add; not guessed.
    assert.deepEqual(hits(NO_VOLUME, { image: KAFKA, env: { KAFKA_HEAP_OPTS: '-Xmx1G' } }), []);
    assert.deepEqual(hits(NO_VOLUME, { image: KAFKA }), []);
    // A mounted server.properties may set log.dirs.
    const mounted: Case = { image: KAFKA, env, mounts: { '/mnt/shared/config': 'config' } };
    assert.deepEqual(hits(NO_VOLUME, mounted), []);
  });
});

void describe('stateful images: Confluent Kafka', () => {
  const CP = 'confluentinc/cp-kafka:7.7.1';

  void test("KAFKA_LOG_DIRS, by default the image's /var/lib/kafka/data", () => {
    assert.match(hits(NO_VOLUME, { image: CP })[0]!, /`\/var\/lib\/kafka\/data`/);
    assert.deepEqual(
      hits(NO_VOLUME, { image: CP, mounts: { '/var/lib/kafka/data': 'claim' } }),
      [],
    );
    const moved: Case = { image: CP, env: { KAFKA_LOG_DIRS: '/kafka/logs' } };
    assert.match(hits(NO_VOLUME, moved)[0]!, /`\/kafka\/logs`/);
    assert.deepEqual(hits(NO_VOLUME, { ...moved, mounts: { '/kafka': 'claim' } }), []);
    // A claim at the image's VOLUME is not where a moved log.dirs points.
    assert.equal(
      hits(NO_VOLUME, { ...moved, mounts: { '/var/lib/kafka/data': 'claim' } }).length,
      1,
    );
  });
});

void describe('stateful images: emptydir-for-database-data', () => {
  void test('an emptyDir at or above the data directory is reported', () => {
    const cases: Case[] = [
      { image: ES, mounts: { '/usr/share/elasticsearch/data': 'emptyDir' } },
      { image: 'zookeeper:3.9', mounts: { '/data': 'claim', '/datalog': 'emptyDir' } },
      { image: 'cassandra:5.0', mounts: { '/var/lib/cassandra': 'emptyDir' } },
      { image: OS, env: { 'path.data': '/scratch/os' }, mounts: { '/scratch': 'emptyDir' } },
      {
        image: 'apache/kafka:3.9.0',
        env: { KAFKA_LOG_DIRS: '/kafka/logs' },
        mounts: { '/kafka': 'emptyDir' },
      },
    ];
    for (const c of cases) assert.equal(hits(EMPTY_DIR, c).length, 1, c.image);
  });

  void test('an emptyDir beside the data directory, or on a coordinating node, is not', () => {
    const cases: Case[] = [
      { image: ES, mounts: { '/usr/share/elasticsearch/data': 'claim', '/tmp': 'emptyDir' } },
      {
        image: 'zookeeper:3.9',
        mounts: { '/data': 'claim', '/datalog': 'claim', '/logs': 'emptyDir' },
      },
      {
        image: ES,
        env: { 'node.roles': '[]' },
        mounts: { '/usr/share/elasticsearch/data': 'emptyDir' },
      },
    ];
    for (const c of cases) assert.deepEqual(hits(EMPTY_DIR, c), [], JSON.stringify(c));
  });
});
