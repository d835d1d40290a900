/** The rules of how workloads use their volumes, in detail (fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isDatabaseDataPath,
  isDefaultRedisCache,
  keepsNoData,
} from '../../../../server/src/service/rules/workloadVolumes';
import { caseFixtureText, diagnose } from './helpers';

void describe('workload volume rules in detail', () => {
  void test('emptydir-for-database-data recognises data paths, database images and persisting Redis', () => {
    const image = (name: string) => ({ image: name });
    assert.equal(isDatabaseDataPath('/var/lib/mysql', image('example/app')), true);
    assert.equal(isDatabaseDataPath('/bitnami/postgresql/data', {}), true);
    assert.equal(isDatabaseDataPath('/data/db', image('mongo:7')), true);
    assert.equal(isDatabaseDataPath('/data', image('docker.io/library/mongo:7')), true);
    assert.equal(isDatabaseDataPath('/data', image('redis:7')), true, 'Redis snapshots by default');
    assert.equal(
      isDatabaseDataPath('/data', { image: 'redis:7', args: ['--save', '', '--appendonly', 'no'] }),
      false,
      'a Redis cache with persistence off',
    );
    assert.equal(
      isDatabaseDataPath('/data', {
        image: 'redis:7',
        args: ['--save', '', '--appendonly', 'yes'],
      }),
      true,
    );
    assert.equal(
      isDatabaseDataPath('/data', {
        image: 'redis:7',
        command: ['sh', '-c', 'redis-server --save ""'],
      }),
      false,
    );
    assert.equal(isDatabaseDataPath('/data', image('nginx:1.27')), false);
    assert.equal(
      isDatabaseDataPath('/var/lib/postgresql-exporter-cache', image('postgres:16')),
      false,
    );
  });

  void test('emptydir-for-database-data: the official Redis with its defaults is a cache', () => {
    assert.equal(isDefaultRedisCache({ image: 'redis:7' }), true);
    assert.equal(isDefaultRedisCache({ image: 'docker.io/library/redis:alpine' }), true);
    assert.equal(isDefaultRedisCache({ image: 'valkey/valkey:8', args: ['--port', '6380'] }), true);
    assert.equal(isDefaultRedisCache({ image: 'redis:7', args: ['--appendonly', 'yes'] }), false);
    assert.equal(isDefaultRedisCache({ image: 'redis:7', args: ['--save', '60 1'] }), false);
    // A config file or start script we cannot read may ask it to persist; other images we do not know.
    assert.equal(
      isDefaultRedisCache({ image: 'redis:7', command: ['redis-server', '/etc/redis.conf'] }),
      false,
    );
    assert.equal(
      isDefaultRedisCache({ image: 'redis:7', command: ['sh', '-c', '/scripts/start.sh'] }),
      false,
    );
    assert.equal(isDefaultRedisCache({ image: 'bitnami/redis:7.4' }), false);
    // Still a path Redis writes (writable-host-path leaves it alone).
    assert.equal(isDatabaseDataPath('/data', { image: 'redis:7' }), true);
  });

  void test("a known image's data directory: a mount at it or above it counts, one below it does not", () => {
    const at = (path: string, c: Record<string, unknown>) => isDatabaseDataPath(path, c);
    // Redis writes its working directory /data, not a folder inside it.
    assert.equal(at('/data/redis', { image: 'redis:7.4' }), false);
    assert.equal(at('/data', { image: 'redis:7.4' }), true);
    assert.equal(at('/srv/cache', { image: 'redis:7.4', args: ['--dir', '/srv/cache'] }), true);
    assert.equal(at('/srv', { image: 'redis:7.4', args: ['--dir', '/srv/cache'] }), true, 'above');
    assert.equal(at('/data/backup', { image: 'postgres:16' }), false);
    assert.equal(at('/var/lib/postgresql/data/backup', { image: 'postgres:16' }), false);
    assert.equal(at('/var/lib/postgresql/data', { image: 'postgres:16' }), true);
    assert.equal(at('/var/lib/postgresql', { image: 'postgres:16' }), true, 'above PGDATA');
    assert.equal(at('/var/lib/postgresql', { image: 'postgres:18' }), true);
    const pgdata = { image: 'postgres:16', env: [{ name: 'PGDATA', value: '/pgdata/db' }] };
    assert.equal(at('/pgdata', pgdata), true);
    assert.equal(at('/var/lib/postgresql/data', pgdata), false, 'PGDATA is elsewhere');
    assert.equal(at('/var/lib/postgresql/data', { image: 'postgres' }), true, 'no tag: any PGDATA');
    assert.equal(at('/data/db/journal', { image: 'mongo:7' }), false);
    assert.equal(at('/data', { image: 'mongo:7' }), true);
    assert.equal(at('/var/lib/mysql', { image: 'mysql:8.4' }), true);
    assert.equal(at('/var/lib/mysql/backup', { image: 'mariadb:11' }), false);
    assert.equal(at('/var/lib/rabbitmq', { image: 'rabbitmq:3.13' }), true);
    assert.equal(at('/var/lib/rabbitmq/mnesia', { image: 'rabbitmq:3.13' }), true);
    // Other images keep the general directories.
    assert.equal(at('/data/redis', { image: 'registry.example.net/redis:7' }), true);
  });

  void test('emptydir-for-database-data says "node drain" in Russian as its docs do', () => {
    const hits = diagnose({
      'file:///db.yaml': caseFixtureText('emptydir-for-database-data', 'bad'),
    }).filter((d) => d.code === 'emptydir-for-database-data');
    assert.ok(hits.length);
    assert.match(hits[0]!.message.ru, /вытеснении или выводе узла на обслуживание \(drain\)\. /);
  });

  void test('/data/configdb holds data only for a config server started without --dbpath', () => {
    // A replica set keeps mongod.conf and its key there, the data in /data/db (SERVER-1554).
    const member = {
      image: 'mongo:7',
      command: ['mongod', '--config=/data/configdb/mongod.conf', '--dbpath=/data/db'],
    };
    assert.equal(isDatabaseDataPath('/data/configdb', member), false);
    assert.equal(isDatabaseDataPath('/data/configdb', { image: 'mongo:7' }), false);
    assert.equal(
      isDatabaseDataPath('/data/configdb', {
        image: 'mongo:7',
        command: ['sh', '-c', 'exec mongod --configsvr --replSet cfg --bind_ip_all'],
      }),
      true,
    );
    assert.equal(
      isDatabaseDataPath('/data/configdb', {
        image: 'mongo:7',
        args: ['--configsvr', '--dbpath', '/data/db'],
      }),
      false,
    );
  });

  void test('emptydir-for-database-data: RabbitMQ keeps its store where its env says, in any image', () => {
    const broker = {
      image: 'registry.example/acme/rabbitmq:4.1',
      env: [{ name: 'RABBITMQ_MNESIA_DIR', value: '/opt/mq/home/mnesia/$(RABBITMQ_NODE_NAME)' }],
      volumeMounts: [
        { name: 'scratch', mountPath: '/opt/mq/home/', subPath: 'cookie' },
        { name: 'store', mountPath: '/opt/mq/home/mnesia' },
      ],
    };
    assert.equal(isDatabaseDataPath('/opt/mq/home/mnesia', broker), true);
    // Above the store, but the store's own mount holds it.
    assert.equal(isDatabaseDataPath('/opt/mq/home/', broker), false);
    assert.equal(isDatabaseDataPath('/opt/mq/home/mnesia/plugins-cache', broker), false);
    const base = { env: [{ name: 'RABBITMQ_MNESIA_BASE', value: '/srv/mq' }], volumeMounts: [] };
    assert.equal(isDatabaseDataPath('/srv', base), true);
    assert.equal(isDatabaseDataPath('/srv/other', base), false);
    const relative = { env: [{ name: 'RABBITMQ_MNESIA_DIR', value: '$(HOME)/mnesia' }] };
    assert.equal(isDatabaseDataPath('/home', relative), false);
  });

  void test('emptydir-for-database-data: arbiters and sentinels keep no data', () => {
    assert.equal(keepsNoData({ name: 'mongodb-arbiter' }), true);
    assert.equal(
      keepsNoData({ name: 'node', env: [{ name: 'MONGODB_REPLICA_SET_MODE', value: 'arbiter' }] }),
      true,
    );
    assert.equal(keepsNoData({ name: 'sentinel', image: 'redis:7' }), true);
    assert.equal(
      keepsNoData({ name: 'node', image: 'docker.io/bitnami/redis-sentinel:7.4' }),
      true,
    );
    assert.equal(keepsNoData({ name: 'mongodb', image: 'mongo:7' }), false);
  });

  void test('emptydir-for-database-data: the mongos router keeps no data, the mongosh shell is no router', () => {
    const image = 'percona/percona-server-mongodb:7.0.14-8';
    assert.equal(keepsNoData({ name: 'mongos', image }), true);
    assert.equal(keepsNoData({ name: 'cluster-mongos', image }), true);
    assert.equal(keepsNoData({ name: 'router', image, args: ['mongos', '--bind_ip_all'] }), true);
    assert.equal(keepsNoData({ name: 'router', image, command: ['/usr/bin/mongos'] }), true);
    assert.equal(
      keepsNoData({
        name: 'router',
        image,
        command: ['sh', '-c'],
        args: ['exec mongos --port 27017'],
      }),
      true,
    );
    assert.equal(keepsNoData({ name: 'db', image, args: ['mongod', '--shardsvr'] }), false);
    assert.equal(keepsNoData({ name: 'db', image, command: ['mongosh', '--eval', 'x'] }), false);
  });
  void test('shared-rwo-claim-replicas: a volume never attached to a node holds no replica back', () => {
    const nfs = caseFixtureText('shared-rwo-claim-replicas', 'good-nfs-volume');
    const shared = (text: string): boolean =>
      diagnose({ 'file:///site.yaml': text }).some((d) => d.code === 'shared-rwo-claim-replicas');
    assert.equal(shared(nfs), false);
    const hostPath = nfs.replace(
      /  nfs:\n    server: files.example.internal\n    path: \/exports\/docs/,
      '  hostPath:\n    path: /srv/docs',
    );
    assert.notEqual(hostPath, nfs);
    assert.equal(shared(hostPath), false);
    // Pre-bound by volumeName, the same.
    assert.equal(
      shared(
        nfs.replace(
          '  storageClassName: ""\n  accessModes',
          '  volumeName: docs-pages-nfs\n  accessModes',
        ),
      ),
      false,
    );
    // A disk Kubernetes attaches, or a second volume of the class that is one, keeps the finding.
    const csi = nfs.replace(
      /  nfs:\n    server: files.example.internal\n    path: \/exports\/docs/,
      '  csi:\n    driver: pd.csi.storage.gke.io\n    volumeHandle: docs',
    );
    assert.equal(shared(csi), true);
    const csiVolume = csi.slice(csi.lastIndexOf('---'));
    assert.equal(
      shared(nfs + csiVolume.replace('name: docs-pages-nfs', 'name: docs-pages-pd')),
      true,
    );
    // A dynamically provisioned claim: what its volume will be is not known here.
    assert.equal(
      shared(nfs.replace('  storageClassName: ""\n  accessModes', '  accessModes')),
      true,
    );
  });
});
