/**
 * The cluster's default StorageClass when the workspace does not show it
 * (`kubeStorage.cluster.defaultStorageClass`, the CLI's `--default-class`): unset — the cluster has
 * one, name unknown; `none`; or a name. Claims without `storageClassName` follow it, in the
 * simulation and in the rules alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  getLanguageService,
  parseDefaultClass,
  type KubeDiagnostic,
} from '../../../../server/src/service';

const claim = (name: string, extra = ''): string =>
  [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    `  name: ${name}`,
    '  namespace: web',
    'spec:',
    '  accessModes: [ReadWriteOnce]',
    '  resources:',
    '    requests:',
    '      storage: 2Gi',
    extra,
  ]
    .filter(Boolean)
    .join('\n') + '\n';

const storageClass = (name: string, annotations = '', created = ''): string =>
  [
    'apiVersion: storage.k8s.io/v1',
    'kind: StorageClass',
    'metadata:',
    `  name: ${name}`,
    created && `  creationTimestamp: "${created}"`,
    annotations && `  annotations: {${annotations}}`,
    'provisioner: pd.csi.storage.gke.io',
    'volumeBindingMode: Immediate',
  ]
    .filter(Boolean)
    .join('\n') + '\n';

const DEFAULT = '"storageclass.kubernetes.io/is-default-class": "true"';

function workspace(files: Record<string, string>, setting = '', snapshots: string[] = []) {
  const service = getLanguageService();
  service.setCluster({
    isSnapshot: (uri) => snapshots.includes(uri),
    defaultStorageClass: parseDefaultClass(setting),
  });
  for (const [uri, text] of Object.entries(files)) service.setFile(uri, text);
  const result = service.bindings();
  const byName = (name: string) => {
    const found = result.claims.find((c) => c.name === name);
    assert.ok(found, name);
    return found;
  };
  const pendingWarnings = (uri: string): KubeDiagnostic[] =>
    service.getDiagnostics(uri).filter((d) => d.code === 'claim-will-stay-pending');
  return { service, result, byName, pendingWarnings };
}

describe("the cluster's default class", () => {
  it('unset: a claim without class is provisioned by the unknown default — not Pending, no warning', () => {
    const w = workspace({ 'file:///ws/pvc.yaml': claim('uploads') });
    const c = w.byName('uploads');
    assert.equal(c.outcome, 'provision');
    assert.equal(c.reason.code, 'provision-cluster-default');
    assert.equal(c.storageClass, '');
    assert.match(c.reason.en, /cluster's default StorageClass/);
    assert.match(c.reason.ru, /по умолчанию из кластера/);
    assert.deepEqual(w.pendingWarnings('file:///ws/pvc.yaml'), []);
  });

  it('unset: a new claim gets the unknown class at admission, so it does not take a classless volume', () => {
    const pv = [
      'apiVersion: v1',
      'kind: PersistentVolume',
      'metadata: {name: pv-local}',
      'spec:',
      '  capacity: {storage: 5Gi}',
      '  accessModes: [ReadWriteOnce]',
      '  nfs: {server: nas, path: /srv}',
      '',
    ].join('\n');
    const w = workspace({ 'file:///ws/pvc.yaml': claim('uploads'), 'file:///ws/pv.yaml': pv });
    assert.equal(w.byName('uploads').reason.code, 'provision-cluster-default');
    assert.equal(w.result.volumes[0]!.phase, 'Available');
  });

  it('unset: an existing Pending claim without class gets it afterwards (retroactive assignment)', () => {
    const pending = claim('old', 'status:\n  phase: Pending');
    const w = workspace({ 'file:///ws/pvc.yaml': pending });
    assert.equal(w.byName('old').reason.code, 'provision-cluster-default');
  });

  it('none: the claim stays Pending and claim-will-stay-pending says so', () => {
    const w = workspace({ 'file:///ws/pvc.yaml': claim('uploads') }, 'none');
    const c = w.byName('uploads');
    assert.equal(c.outcome, 'pending');
    assert.equal(c.reason.code, 'pending-no-class');
    assert.equal(w.pendingWarnings('file:///ws/pvc.yaml').length, 1);
  });

  it('a name: the class provisions (and binds its volumes) though the workspace lacks it', () => {
    const pv = [
      'apiVersion: v1',
      'kind: PersistentVolume',
      'metadata: {name: pv-premium}',
      'spec:',
      '  storageClassName: premium-rwo',
      '  capacity: {storage: 3Gi}',
      '  accessModes: [ReadWriteOnce]',
      '  csi: {driver: pd.csi.storage.gke.io, volumeHandle: projects/p/zones/z/disks/d1}',
      '',
    ].join('\n');
    const w = workspace(
      {
        'file:///ws/a.yaml': claim('first'),
        'file:///ws/b.yaml': claim('second'),
        'file:///ws/c.yaml': claim('named', '  storageClassName: premium-rwo'),
        'file:///ws/pv.yaml': pv,
      },
      'premium-rwo',
    );
    assert.equal(w.byName('first').volume, 'pv-premium');
    assert.equal(w.byName('first').storageClass, 'premium-rwo');
    const second = w.byName('second');
    assert.equal(second.reason.code, 'provision-cluster-default-named');
    assert.match(second.reason.en, /`premium-rwo` \(not in the workspace\)/);
    // The named class exists in the cluster: naming it is no broken link.
    assert.equal(w.byName('named').reason.code, 'provision-cluster-default-named');
    const links = w.service
      .getDiagnostics('file:///ws/c.yaml')
      .filter((d) => d.code === 'storage-class-not-found');
    assert.deepEqual(links, []);
  });

  it('a name of a class in the workspace makes it the default, even unannotated', () => {
    const w = workspace(
      {
        'file:///ws/sc.yaml': storageClass('standard-rwo'),
        'file:///ws/pvc.yaml': claim('uploads'),
      },
      'standard-rwo',
    );
    const c = w.byName('uploads');
    assert.equal(c.reason.code, 'provision');
    assert.equal(c.storageClass, 'standard-rwo');
  });

  it('a class marked default in the workspace wins over the setting', () => {
    const w = workspace(
      {
        'file:///ws/sc.yaml': storageClass('fast', DEFAULT),
        'file:///ws/pvc.yaml': claim('uploads'),
      },
      'none',
    );
    assert.equal(w.byName('uploads').storageClass, 'fast');
  });

  it('two classes marked default: the newest is taken, the claim says so, the rule warns', () => {
    const w = workspace({
      'file:///ws/sc.yaml':
        storageClass('old-default', DEFAULT, '2023-01-10T08:00:00Z') +
        '---\n' +
        storageClass('new-default', DEFAULT, '2024-04-02T08:00:00Z'),
      'file:///ws/pvc.yaml': claim('uploads'),
    });
    const c = w.byName('uploads');
    assert.equal(c.storageClass, 'new-default');
    assert.match(
      c.reason.en,
      /2 StorageClasses are marked default \(`new-default`, `old-default`\)/,
    );
    assert.match(c.reason.ru, /самый новый — `new-default`/);
    const warnings = w.service
      .getDiagnostics('file:///ws/sc.yaml')
      .filter((d) => d.code === 'multiple-default-storage-classes');
    assert.equal(warnings.length, 2);
  });

  it('unset, with a snapshot that lists the classes and marks none default: the cluster has none', () => {
    const snapshot = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      ...storageClass('slow', '', '2022-05-01T00:00:00Z')
        .trimEnd()
        .split('\n')
        .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)),
      '',
    ].join('\n');
    const w = workspace(
      { 'file:///ws/cluster.yaml': snapshot, 'file:///ws/pvc.yaml': claim('uploads') },
      '',
      ['file:///ws/cluster.yaml'],
    );
    assert.equal(w.byName('uploads').reason.code, 'pending-no-class');
  });

  it('`storageClassName: ""` never takes a default class', () => {
    const w = workspace({ 'file:///ws/pvc.yaml': claim('static', '  storageClassName: ""') });
    assert.equal(w.byName('static').reason.code, 'pending-no-class');
  });

  it('the setting is part of the storage signature: changing it re-runs the rules', () => {
    const service = getLanguageService();
    service.setFile('file:///ws/pvc.yaml', claim('uploads'));
    const pending = () =>
      service
        .getDiagnostics('file:///ws/pvc.yaml')
        .filter((d) => d.code === 'claim-will-stay-pending').length;
    assert.equal(pending(), 0);
    service.setCluster({ isSnapshot: () => false, defaultStorageClass: parseDefaultClass('none') });
    assert.equal(pending(), 1);
    service.setCluster({ isSnapshot: () => false, defaultStorageClass: parseDefaultClass(' ') });
    assert.equal(pending(), 0);
  });
});
