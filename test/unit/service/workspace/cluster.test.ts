/**
 * Cluster snapshots: what `kubectl get sc,pv,pvc -A -o yaml` printed, named as the cluster's
 * state. Their objects exist in the cluster: they satisfy links and take part in binding as
 * existing state; the snapshot itself is never checked as a manifest.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  getLanguageService,
  parseDefaultClass,
  type LanguageService,
} from '../../../../server/src/service';

const dir = join(__dirname, '..', '..', '..', 'fixtures', 'cluster');
const SNAPSHOT = 'file:///ws/cluster/snapshot.yaml';
const APP = 'file:///ws/app.yaml';
const snapshotText = readFileSync(join(dir, 'snapshot.yaml'), 'utf8');
const appText = readFileSync(join(dir, 'app.yaml'), 'utf8');

/** The shop's manifests; the snapshot file is in the workspace, a snapshot or not. */
function shop(asSnapshot: boolean, defaultClass = ''): LanguageService {
  const service = getLanguageService();
  service.setCluster({
    isSnapshot: (uri) => asSnapshot && uri === SNAPSHOT,
    defaultStorageClass: parseDefaultClass(defaultClass),
  });
  service.setFile(SNAPSHOT, snapshotText);
  service.setFile(APP, appText);
  return service;
}

const codes = (service: LanguageService, uri: string): string[] =>
  service.getDiagnostics(uri).map((d) => `${d.range.start.line}:${d.code}`);

describe('cluster snapshots', () => {
  it('never lints a snapshot: status, uids, finalizers and managedFields are normal there', () => {
    // The same text as a manifest gets rule findings (a local class binding at once, a claimRef
    // to a deleted claim); as a snapshot, none.
    assert.ok(codes(shop(false), SNAPSHOT).length > 0);
    assert.deepEqual(codes(shop(true), SNAPSHOT), []);
  });

  it('still reports YAML that cannot be read in a snapshot (its objects would be lost)', () => {
    const service = getLanguageService();
    service.setCluster({ isSnapshot: () => true, defaultStorageClass: { mode: 'unknown' } });
    service.setFile(
      SNAPSHOT,
      snapshotText.replace('  provisioner: ebs.csi.aws.com\n', '  provisioner: [ebs\n'),
    );
    const found = codes(service, SNAPSHOT);
    assert.ok(found.length > 0 && found.every((c) => c.endsWith(':yaml-syntax')), found.join());
  });

  it('satisfies links: a claim that exists only in the cluster is found', () => {
    const pod = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: restore, namespace: finance}',
      'spec:',
      '  containers: [{name: c, image: busybox:1.36, volumeMounts: [{name: r, mountPath: /r}]}]',
      '  volumes: [{name: r, persistentVolumeClaim: {claimName: data-postgres-0}}]',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: reader, namespace: shop}',
      'spec:',
      '  containers: [{name: c, image: busybox:1.36, volumeMounts: [{name: r, mountPath: /r}]}]',
      '  volumes: [{name: r, persistentVolumeClaim: {claimName: data-postgres-0}}]',
      '',
    ].join('\n');
    const service = shop(true);
    service.setFile('file:///ws/pods.yaml', pod);
    const found = codes(service, 'file:///ws/pods.yaml').filter((c) =>
      c.endsWith('claim-not-found'),
    );
    // The claim lives in namespace shop: the finance pod still misses it.
    assert.deepEqual(found, ['5:claim-not-found']);
    assert.deepEqual(codes(service, APP), []);
  });

  it('feeds binding with the cluster state: adoption, Available and Released volumes, the default class', () => {
    const result = shop(true).bindings();
    const claims = Object.fromEntries(result.claims.map((c) => [`${c.namespace}/${c.name}`, c]));
    // The StatefulSet's first replica adopts the claim that is already Bound in the cluster.
    const adopted = claims['shop/data-postgres-0']!;
    assert.equal(adopted.reason.code, 'bound-existing');
    assert.equal(adopted.source?.inCluster, true);
    assert.equal(adopted.volume, 'pvc-6b2d9f4e-1c3a-4e8b-9f70-2a5d8c1e4b93');
    // The second is new: the cluster's default class (in the snapshot) provisions it.
    const fresh = claims['shop/data-postgres-1']!;
    assert.equal(fresh.outcome, 'provision');
    assert.equal(fresh.storageClass, 'standard');
    assert.equal(fresh.fromStatefulSet, 'postgres');
    // A written claim binds to the snapshot's Available volume, never to the Released one.
    const archive = claims['shop/archive']!;
    assert.equal(archive.volume, 'pv-archive-01');
    assert.equal(archive.source?.inCluster, undefined);
    const volumes = Object.fromEntries(result.volumes.map((v) => [v.name, v]));
    assert.equal(volumes['pv-reports-2023']!.phase, 'Released');
    assert.equal(volumes['pv-archive-01']!.source?.inCluster, true);
  });

  it('keeps cluster objects in a binding scoped to one manifest', () => {
    const result = shop(true).bindings({ scope: { uri: APP } });
    assert.ok(result.volumes.some((v) => v.name === 'pv-archive-01'));
    assert.equal(result.claims.find((c) => c.name === 'archive')?.volume, 'pv-archive-01');
  });

  it("keeps the cluster's copy of a claim a manifest writes again (its binding is not undone)", () => {
    const service = shop(true);
    service.setFile(
      'file:///ws/claim.yaml',
      [
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: data-postgres-0, namespace: shop}',
        'spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 8Gi}}}',
        '',
      ].join('\n'),
    );
    const claim = service.bindings().claims.filter((c) => c.name === 'data-postgres-0');
    assert.equal(claim.length, 1);
    assert.equal(claim[0]!.phase, 'Bound');
    assert.deepEqual(codes(service, 'file:///ws/claim.yaml'), []);
  });

  it('re-reads a file that becomes a snapshot, and back', () => {
    const service = shop(false);
    assert.ok(codes(service, SNAPSHOT).length > 0);
    const before = service.crossFileVersion();
    assert.equal(
      service.setCluster({
        isSnapshot: (u) => u === SNAPSHOT,
        defaultStorageClass: { mode: 'unknown' },
      }),
      true,
    );
    assert.deepEqual(codes(service, SNAPSHOT), []);
    assert.notEqual(service.crossFileVersion(), before, 'cross-file results are recomputed');
    assert.equal(
      service.setCluster({
        isSnapshot: (u) => u === SNAPSHOT,
        defaultStorageClass: { mode: 'unknown' },
      }),
      false,
      'nothing changed',
    );
    service.setCluster({ isSnapshot: () => false, defaultStorageClass: { mode: 'unknown' } });
    assert.ok(codes(service, SNAPSHOT).length > 0);
  });

  it('indexes a snapshot above maxFileSize (it is parsed, never checked)', () => {
    const service = getLanguageService();
    service.setFileSettings({ maxFileSize: 1024 });
    service.setCluster({
      isSnapshot: (u) => u === SNAPSHOT,
      defaultStorageClass: { mode: 'unknown' },
    });
    service.setFile(SNAPSHOT, snapshotText);
    service.setFile('file:///ws/big-manifest.yaml', snapshotText);
    assert.equal(service.workspace.getFile(SNAPSHOT)?.objects().length, 6);
    assert.equal(service.workspace.getFile('file:///ws/big-manifest.yaml'), undefined);
  });
});

describe('quick fixes and cluster snapshots', () => {
  it('offers no fix that edits a snapshot (it records the cluster; editing it changes nothing)', () => {
    const service = shop(true);
    const fast = [
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata:',
      '  name: fast',
      '  annotations:',
      '    storageclass.kubernetes.io/is-default-class: "true"',
      'provisioner: ebs.csi.aws.com',
      '',
    ].join('\n');
    service.setFile('file:///ws/fast.yaml', fast);
    const warning = service
      .getDiagnostics('file:///ws/fast.yaml')
      .find((d) => d.code === 'multiple-default-storage-classes');
    assert.ok(warning, 'the snapshot marks `standard` default too');
    const actions = service.getCodeActions('file:///ws/fast.yaml', warning.range);
    assert.ok(actions.length > 0);
    for (const a of actions) {
      assert.ok(
        a.edits.every((e) => e.uri === 'file:///ws/fast.yaml'),
        `${a.title.en} edits ${a.edits.map((e) => e.uri).join()}`,
      );
    }
  });
});

describe('rename and cluster snapshots', () => {
  it('renames the manifests only, never the snapshot', () => {
    const service = shop(true);
    // The Deployment's claimName `archive` and the claim `archive` are both in app.yaml; the
    // StatefulSet's claims are adopted from the snapshot: rename `data-postgres-0` in app.yaml.
    const lines = appText.split('\n');
    const line = lines.findIndex((l) => l.includes('claimName: data-postgres-0'));
    const character = lines[line]!.indexOf('data-postgres-0') + 2;
    const result = service.rename(APP, { line, character }, 'data-postgres-main');
    assert.ok(result.ok);
    assert.deepEqual(Object.keys(result.changes), [APP]);
  });
});
