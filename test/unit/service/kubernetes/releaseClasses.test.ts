/** The StorageClasses a declared Helm release's chart makes (kubernetes/releaseClasses.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classesOfRelease } from '../../../../server/src/service/kubernetes/releaseClasses';
import type { DeclaredRelease } from '../../../../server/src/service/kubernetes/declaredRelease';

const rook = (values: Record<string, unknown>, namespace = 'storage'): DeclaredRelease => ({
  chart: 'rook-ceph-cluster',
  values,
  valuesPath: ['spec', 'values'],
  chartPath: ['spec', 'chartRef', 'name'],
  namespace,
  releaseName: 'rook-ceph-cluster',
});

const release = (chart: string, values: Record<string, unknown>, releaseName = chart) => ({
  chart,
  values,
  valuesPath: ['spec', 'values'],
  chartPath: ['spec', 'chart', 'spec', 'chart'],
  releaseName,
});

void describe('rook-ceph-cluster', () => {
  test("without lists in the values: the chart's three classes, ceph-block the default", () => {
    const classes = classesOfRelease(rook({}));
    assert.deepEqual(
      classes.map((c) => [c.name, c.manifest.provisioner, c.at.join('.')]),
      [
        ['ceph-block', 'rook-ceph.rbd.csi.ceph.com', 'spec.chartRef.name'],
        ['ceph-filesystem', 'rook-ceph.cephfs.csi.ceph.com', 'spec.chartRef.name'],
        ['ceph-bucket', 'storage.ceph.rook.io/bucket', 'spec.chartRef.name'],
      ],
    );
    const block = classes[0]!.manifest;
    assert.deepEqual(block.metadata, {
      name: 'ceph-block',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    });
    assert.equal(block.volumeBindingMode, 'Immediate');
    assert.equal(block.reclaimPolicy, 'Delete');
  });

  test("a list in the values replaces the chart's; only enabled items make a class", () => {
    const classes = classesOfRelease(
      rook({
        operatorNamespace: 'ceph-operator',
        cephBlockPools: [
          {
            name: 'fast',
            storageClass: {
              enabled: true,
              name: 'ceph-fast',
              reclaimPolicy: 'Retain',
              volumeBindingMode: 'WaitForFirstConsumer',
              mountOptions: ['discard'],
            },
          },
          { name: 'off', storageClass: { enabled: false, name: 'ceph-off' } },
          { name: 'unset', storageClass: { name: 'ceph-unset' } },
        ],
        cephFileSystems: [],
        cephObjectStores: [],
      }),
    );
    assert.deepEqual(
      classes.map((c) => c.name),
      ['ceph-fast'],
    );
    const [fast] = classes;
    assert.equal(fast!.manifest.provisioner, 'ceph-operator.rbd.csi.ceph.com');
    assert.equal(fast!.manifest.reclaimPolicy, 'Retain');
    assert.equal(fast!.manifest.volumeBindingMode, 'WaitForFirstConsumer');
    assert.deepEqual(fast!.manifest.mountOptions, ['discard']);
    assert.deepEqual(fast!.at, ['spec', 'values', 'cephBlockPools', 0, 'storageClass', 'name']);
  });

  test('csiDriverNamePrefix names the CSI drivers; erasure-coded pools expand only when told', () => {
    const [ec] = classesOfRelease(
      rook({
        csiDriverNamePrefix: 'ceph',
        cephBlockPools: [],
        cephFileSystems: [],
        cephObjectStores: [],
        cephECBlockPools: [{ name: 'ec', storageClass: { enabled: true, name: 'ceph-ec' } }],
      }),
    );
    assert.equal(ec!.manifest.provisioner, 'ceph.rbd.csi.ceph.com');
    assert.equal(ec!.manifest.allowVolumeExpansion, false);
  });

  test('another chart makes no class here', () => {
    assert.deepEqual(classesOfRelease({ ...rook({}), chart: 'rook-ceph' }), []);
  });
});

void describe('nfs-subdir-external-provisioner', () => {
  test("the chart's nfs-client class, provisioned by cluster.local/<fullname>", () => {
    const [nfs, ...rest] = classesOfRelease(release('nfs-subdir-external-provisioner', {}, 'nas'));
    assert.equal(rest.length, 0);
    assert.equal(nfs!.name, 'nfs-client');
    assert.equal(nfs!.manifest.provisioner, 'cluster.local/nas-nfs-subdir-external-provisioner');
    assert.equal(nfs!.manifest.volumeBindingMode, 'Immediate');
    assert.deepEqual(nfs!.at, ['spec', 'chart', 'spec', 'chart']);
  });

  test("storageClass values merge over the chart's; create: false makes none", () => {
    const [named] = classesOfRelease(
      release('nfs-subdir-external-provisioner', {
        storageClass: { name: 'nas', defaultClass: true, provisionerName: 'nas.example/nfs' },
        nfs: { server: 'nas.lan', path: '/export', mountOptions: ['nfsvers=4.1'] },
      }),
    );
    assert.equal(named!.name, 'nas');
    assert.equal(named!.manifest.provisioner, 'nas.example/nfs');
    assert.equal(named!.manifest.reclaimPolicy, 'Delete');
    assert.deepEqual(named!.manifest.mountOptions, ['nfsvers=4.1']);
    assert.deepEqual(named!.at, ['spec', 'values', 'storageClass', 'name']);
    const off = release('nfs-subdir-external-provisioner', { storageClass: { create: false } });
    assert.deepEqual(classesOfRelease(off), []);
  });
});

void describe('local-path-provisioner', () => {
  test("the chart's local-path class binds WaitForFirstConsumer", () => {
    const [local] = classesOfRelease(release('local-path-provisioner', {}));
    assert.equal(local!.name, 'local-path');
    assert.equal(local!.manifest.volumeBindingMode, 'WaitForFirstConsumer');
    assert.equal(local!.manifest.provisioner, 'cluster.local/local-path-provisioner');
  });

  test('storageClassConfigs replaces it with one class per entry that is created', () => {
    const classes = classesOfRelease(
      release('local-path-provisioner', {
        storageClassConfigs: {
          'local-ssd': {
            storageClass: { create: true, volumeBindingMode: 'WaitForFirstConsumer' },
          },
          'local-off': { storageClass: { create: false } },
        },
      }),
    );
    assert.deepEqual(
      classes.map((c) => [c.name, c.at.join('.')]),
      [['local-ssd', 'spec.values.storageClassConfigs.local-ssd']],
    );
  });
});

void describe("switches, as the charts' `if` reads them", () => {
  test('a quoted "false" is a non-empty string: true to `if`, the class is made', () => {
    const nfs = classesOfRelease(
      release('nfs-subdir-external-provisioner', { storageClass: { create: 'false' } }),
    );
    assert.deepEqual(
      nfs.map((c) => c.name),
      ['nfs-client'],
    );
    const block = classesOfRelease(
      rook({ cephBlockPools: [{ storageClass: { enabled: 'false', name: 'ceph-quoted' } }] }),
    );
    assert.ok(block.some((c) => c.name === 'ceph-quoted'));
  });

  test('0 and an empty string are false: no class', () => {
    const nfs = classesOfRelease(
      release('nfs-subdir-external-provisioner', { storageClass: { create: 0 } }),
    );
    const local = classesOfRelease(
      release('local-path-provisioner', { storageClass: { create: '' } }),
    );
    assert.deepEqual([nfs.length, local.length], [0, 0]);
  });

  test('local-path prints defaultClass into the annotation: the string "true" makes the default', () => {
    const [local] = classesOfRelease(
      release('local-path-provisioner', { storageClass: { defaultClass: 'true' } }),
    );
    const annotations = (local!.manifest.metadata as { annotations: Record<string, string> })
      .annotations;
    assert.equal(annotations['storageclass.kubernetes.io/is-default-class'], 'true');
  });
});
