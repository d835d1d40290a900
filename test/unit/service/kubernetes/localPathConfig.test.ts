/** local-path-provisioner's configuration: which classes it serves from a shared filesystem. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isLocalPathConfigMap,
  servesSharedFileSystem,
} from '../../../../server/src/service/kubernetes/localPathConfig';

/** The ConfigMap's manifest with this `config.json`. */
const configMap = (config: unknown) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'local-path-config' },
  data: { 'config.json': typeof config === 'string' ? config : JSON.stringify(config) },
});
const ON_NODES = [{ node: 'DEFAULT_PATH_FOR_NON_LISTED_NODES', paths: ['/srv/volumes'] }];

void describe('local-path-provisioner configuration', () => {
  void test('the ConfigMap by the name the provisioner and its chart use by default', () => {
    assert.equal(isLocalPathConfigMap('local-path-config'), true);
    assert.equal(isLocalPathConfigMap('longhorn-storageclass'), false);
    assert.equal(isLocalPathConfigMap(undefined), false);
  });

  void test('without storageClassConfigs the top-level fields serve every class', () => {
    const shared = configMap({ nodePathMap: [], sharedFileSystemPath: '/mnt/nfs' });
    assert.equal(servesSharedFileSystem(shared, 'local-path'), true);
    assert.equal(servesSharedFileSystem(shared, 'any-other'), true);
    assert.equal(servesSharedFileSystem(configMap({ nodePathMap: ON_NODES }), 'local-path'), false);
    // An empty map is no map: the top-level fields still count.
    const emptyMap = configMap({ sharedFileSystemPath: '/mnt/nfs', storageClassConfigs: {} });
    assert.equal(servesSharedFileSystem(emptyMap, 'local-path'), true);
  });

  void test('with storageClassConfigs each class by its exact name, the top level ignored', () => {
    const config = configMap({
      sharedFileSystemPath: '/mnt/ignored',
      storageClassConfigs: {
        disks: { nodePathMap: ON_NODES },
        shared: { sharedFileSystemPath: '/mnt/shared' },
      },
    });
    assert.equal(servesSharedFileSystem(config, 'shared'), true);
    assert.equal(servesSharedFileSystem(config, 'disks'), false);
    assert.equal(servesSharedFileSystem(config, 'Shared'), false);
    assert.equal(servesSharedFileSystem(config, 'not-configured'), false);
  });

  void test('field names match regardless of case, as Go decodes JSON', () => {
    const config = configMap({ StorageClassConfigs: { s: { sharedFilesystemPath: '/mnt/s' } } });
    assert.equal(servesSharedFileSystem(config, 's'), true);
  });

  void test('a configuration the provisioner refuses serves no class from a shared path', () => {
    const both = configMap({ nodePathMap: ON_NODES, sharedFileSystemPath: '/mnt/nfs' });
    assert.equal(servesSharedFileSystem(both, 'local-path'), false);
    assert.equal(servesSharedFileSystem(configMap({ sharedFileSystemPath: '' }), 'x'), false);
    assert.equal(servesSharedFileSystem(configMap({ sharedFileSystemPath: 7 }), 'x'), false);
    assert.equal(servesSharedFileSystem(configMap('{"sharedFileSystemPath": '), 'x'), false);
    assert.equal(servesSharedFileSystem({ data: {} }, 'x'), false);
  });
});
