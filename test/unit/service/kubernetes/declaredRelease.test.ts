/** The Helm release a Flux HelmRelease or an Argo CD Application declares (kubernetes/declaredRelease.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  declaredRelease,
  dependencyReleases,
} from '../../../../server/src/service/kubernetes/declaredRelease';

void describe('declared releases', () => {
  test('a Flux HelmRelease: the chart from chart.spec.chart or chartRef, its target namespace', () => {
    const byChart = declaredRelease('HelmRelease', 'helm.toolkit.fluxcd.io/v2', {
      metadata: { name: 'ceph', namespace: 'flux-system' },
      spec: {
        chart: { spec: { chart: 'rook-ceph-cluster', sourceRef: { kind: 'HelmRepository' } } },
        targetNamespace: 'rook-ceph',
        values: { toolbox: { enabled: true } },
      },
    });
    assert.equal(byChart?.chart, 'rook-ceph-cluster');
    assert.equal(byChart?.namespace, 'rook-ceph');
    assert.equal(byChart?.releaseName, 'rook-ceph-ceph');
    assert.deepEqual(byChart?.chartPath, ['spec', 'chart', 'spec', 'chart']);
    const byRef = declaredRelease('HelmRelease', 'helm.toolkit.fluxcd.io/v2', {
      metadata: { name: 'ceph', namespace: 'rook-ceph' },
      spec: { chartRef: { kind: 'OCIRepository', name: 'rook-ceph-cluster' } },
    });
    assert.equal(byRef?.chart, 'rook-ceph-cluster');
    assert.deepEqual(byRef?.values, {});
  });

  test('an Argo CD Application with a chart source and valuesObject', () => {
    const app = declaredRelease('Application', 'argoproj.io/v1alpha1', {
      metadata: { name: 'ceph' },
      spec: {
        source: { chart: 'rook-ceph-cluster', helm: { valuesObject: { cephBlockPools: [] } } },
        destination: { namespace: 'rook-ceph' },
      },
    });
    assert.equal(app?.chart, 'rook-ceph-cluster');
    assert.deepEqual(app?.valuesPath, ['spec', 'source', 'helm', 'valuesObject']);
    assert.equal(app?.namespace, 'rook-ceph');
  });

  test('other kinds and groups declare no release', () => {
    const spec = { chart: { spec: { chart: 'rook-ceph-cluster' } } };
    assert.equal(declaredRelease('HelmRelease', 'example.com/v1', { spec }), undefined);
    assert.equal(declaredRelease('Deployment', 'apps/v1', { spec }), undefined);
  });
});

void describe('Argo CD values as Argo CD gives them to helm', () => {
  const app = (source: Record<string, unknown>, more: Record<string, unknown> = {}) =>
    declaredRelease('Application', 'argoproj.io/v1alpha1', {
      metadata: { name: 'nfs' },
      spec: { source, destination: { namespace: 'storage' }, ...more },
    });

  test('helm.values as YAML text, when there is no valuesObject', () => {
    const release = app({
      chart: 'nfs-subdir-external-provisioner',
      helm: { values: 'storageClass:\n  name: shared-nfs\n  defaultClass: true\n' },
    });
    assert.deepEqual(release?.values, { storageClass: { name: 'shared-nfs', defaultClass: true } });
    assert.equal(release?.valuesPath, undefined, 'positions inside a block of text are not kept');
  });

  test('valuesObject wins over the text (ApplicationSourceHelm.ValuesYAML)', () => {
    const release = app({
      chart: 'nfs-subdir-external-provisioner',
      helm: {
        values: 'storageClass: {name: from-text}\n',
        valuesObject: { storageClass: { name: 'from-object' } },
      },
    });
    assert.deepEqual(release?.values, { storageClass: { name: 'from-object' } });
  });

  test('text that is not a map of values gives the chart defaults', () => {
    for (const values of ['- a\n- b\n', 'storageClass: [unclosed\n', 'just text']) {
      const release = app({ chart: 'local-path-provisioner', helm: { values } });
      assert.deepEqual(release?.values, {}, values);
    }
  });

  test('helm.parameters go over the values as --set pairs, forceString as strings', () => {
    const release = app({
      chart: 'nfs-subdir-external-provisioner',
      helm: {
        valuesObject: { storageClass: { name: 'nfs-a', reclaimPolicy: 'Retain' } },
        parameters: [
          { name: 'storageClass.name', value: 'nfs-b' },
          { name: 'storageClass.create', value: 'false' },
          { name: 'nfs.server', value: '10.0.0.5', forceString: true },
          { name: 'replicaCount', value: '2', forceString: true },
          { name: 'tolerations[0].key', value: 'storage' },
        ],
      },
    });
    assert.deepEqual(release?.values, {
      storageClass: { name: 'nfs-b', reclaimPolicy: 'Retain', create: false },
      nfs: { server: '10.0.0.5' },
      replicaCount: '2',
    });
  });

  test('with sources, the first that names a chart (Argo CD ignores source then)', () => {
    const release = app(
      { chart: 'ignored-chart' },
      {
        sources: [
          { repoURL: 'https://git.example.com/values.git', ref: 'values' },
          {
            chart: 'rook-ceph-cluster',
            helm: { valueFiles: ['$values/ceph.yaml'], valuesObject: { cephFileSystems: [] } },
          },
        ],
      },
    );
    assert.equal(release?.chart, 'rook-ceph-cluster');
    assert.deepEqual(release?.chartPath, ['spec', 'sources', 1, 'chart']);
    assert.deepEqual(release?.valuesPath, ['spec', 'sources', 1, 'helm', 'valuesObject']);
    assert.deepEqual(release?.values, { cephFileSystems: [] });
    const none = app(
      { chart: 'x' },
      { sources: [{ repoURL: 'https://git.example.com/a.git', path: 'k8s' }] },
    );
    assert.equal(none, undefined);
  });

  test('an umbrella chart: each dependency with the values under its alias or name', () => {
    const releases = dependencyReleases(
      {
        name: 'storage',
        dependencies: [
          { name: 'rook-ceph', repository: 'https://charts.rook.io/release' },
          { name: 'rook-ceph-cluster', repository: 'https://charts.rook.io/release' },
          { name: 'nfs-subdir-external-provisioner', alias: 'nas' },
        ],
      },
      {
        'rook-ceph-cluster': { cephFileSystems: [] },
        nas: { storageClass: { name: 'nas-files' } },
        'nfs-subdir-external-provisioner': { storageClass: { name: 'not-read' } },
      },
    );
    assert.deepEqual(
      releases.map((r) => [r.chart, r.releaseName, r.values, r.chartPath]),
      [
        ['rook-ceph', 'storage', {}, ['dependencies', 0, 'name']],
        ['rook-ceph-cluster', 'storage', { cephFileSystems: [] }, ['dependencies', 1, 'name']],
        [
          'nfs-subdir-external-provisioner',
          'storage',
          { storageClass: { name: 'nas-files' } },
          ['dependencies', 2, 'name'],
        ],
      ],
    );
    assert.equal(releases[1]?.valuesPath, undefined);
  });

  test("an umbrella chart: a dependency its condition or tags turn off is left out (Helm's rule)", () => {
    const charts = (values: Record<string, unknown>) =>
      dependencyReleases(
        {
          name: 'storage',
          dependencies: [
            { name: 'a', condition: 'a.enabled,global.a.enabled' },
            { name: 'b', tags: ['nas'] },
            { name: 'c', tags: ['nas'], condition: 'c.enabled' },
          ],
        },
        values,
      ).map((r) => r.chart);
    assert.deepEqual(charts({}), ['a', 'b', 'c']);
    // The first path that holds a boolean decides; a path holding no boolean is passed over.
    assert.deepEqual(charts({ a: { enabled: 'no' }, global: { a: { enabled: false } } }), [
      'b',
      'c',
    ]);
    assert.deepEqual(charts({ a: { enabled: true }, global: { a: { enabled: false } } }), [
      'a',
      'b',
      'c',
    ]);
    // Tags turn off, the condition wins over them.
    assert.deepEqual(charts({ tags: { nas: false }, c: { enabled: true } }), ['a', 'c']);
    assert.deepEqual(charts({ tags: { nas: true }, c: { enabled: false } }), ['a', 'b']);
  });
});
