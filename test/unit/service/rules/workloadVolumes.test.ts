/** The rules of how workloads use their volumes, in detail (fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isDatabaseDataPath,
  keepsNoData,
} from '../../../../server/src/service/rules/workloadVolumes';

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
});
