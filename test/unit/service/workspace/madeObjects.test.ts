/**
 * Objects an operator or a Helm release makes from one a file writes (workspace/madeObjects.ts):
 * Longhorn's StorageClass, created by longhorn-manager from ConfigMap `longhorn-storageclass`; the
 * classes of a Flux HelmRelease of rook-ceph-cluster.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { summarizeFile } from '../../../../server/src/node/scanWorker';

const CONFIG_MAP_URI = 'file:///ws/longhorn/storageclass.yaml';
const CLAIM_URI = 'file:///ws/apps/claim.yaml';

const classConfigMap = (name = 'longhorn-storageclass', manifestKind = 'StorageClass') =>
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: longhorn-system
data:
  storageclass.yaml: |
    kind: ${manifestKind}
    apiVersion: storage.k8s.io/v1
    metadata:
      name: longhorn
      annotations:
        storageclass.kubernetes.io/is-default-class: "true"
    provisioner: driver.longhorn.io
    allowVolumeExpansion: true
    reclaimPolicy: Delete
    volumeBindingMode: Immediate
`;

const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: uploads
  namespace: web
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: longhorn
  resources:
    requests:
      storage: 2Gi
`;

function codesOf(files: Record<string, string>, uri: string): string[] {
  const service = getLanguageService();
  for (const [u, text] of Object.entries(files)) service.setFile(u, text, 'disk', 0);
  return service.getDiagnostics(uri).map((d) => d.code);
}

void describe('the StorageClass Longhorn makes from its ConfigMap', () => {
  it('exists for the claims of the workspace: no class-not-found, the claim is provisioned', () => {
    assert.ok(
      !codesOf({ [CONFIG_MAP_URI]: classConfigMap(), [CLAIM_URI]: claim }, CLAIM_URI).includes(
        'storage-class-not-found',
      ),
    );
    const service = getLanguageService();
    service.setFile(CONFIG_MAP_URI, classConfigMap(), 'disk', 0);
    service.setFile(CLAIM_URI, claim, 'disk', 0);
    const result = service.bindings();
    const uploads = result.claims.find((c) => c.name === 'uploads');
    assert.equal(uploads?.outcome, 'provision');
    assert.equal(uploads?.storageClass, 'longhorn');
  });

  it('is not made from another ConfigMap, or from a manifest that is not a StorageClass', () => {
    for (const configMap of [
      classConfigMap('longhorn-settings'),
      classConfigMap(undefined, 'Secret'),
    ])
      assert.ok(
        codesOf({ [CONFIG_MAP_URI]: configMap, [CLAIM_URI]: claim }, CLAIM_URI).includes(
          'storage-class-not-found',
        ),
      );
    const broken = classConfigMap().replace('provisioner: driver.longhorn.io', 'provisioner: [x');
    assert.ok(
      codesOf({ [CONFIG_MAP_URI]: broken, [CLAIM_URI]: claim }, CLAIM_URI).includes(
        'storage-class-not-found',
      ),
    );
  });

  it('is found from a summary made in another thread, as from the parsed file', () => {
    const service = getLanguageService();
    const summary = structuredClone(summarizeFile(CONFIG_MAP_URI, classConfigMap(), []));
    service.setFile(CONFIG_MAP_URI, classConfigMap(), 'disk', 0, summary);
    service.setFile(CLAIM_URI, claim, 'disk', 0);
    assert.ok(!service.getDiagnostics(CLAIM_URI).some((d) => d.code === 'storage-class-not-found'));
  });

  it('is not linted itself: the ConfigMap gets no StorageClass findings', () => {
    // A node-local class with Immediate binding would be reported on a StorageClass object.
    const local = classConfigMap().replace('driver.longhorn.io', 'rancher.io/local-path');
    const codes = codesOf({ [CONFIG_MAP_URI]: local }, CONFIG_MAP_URI);
    assert.deepEqual(codes, []);
  });

  it('"go to definition" of the class name lands on the ConfigMap key that holds it', () => {
    const service = getLanguageService();
    service.setFile(CONFIG_MAP_URI, classConfigMap(), 'disk', 0);
    service.setFile(CLAIM_URI, claim, 'disk', 0);
    const line = claim.split('\n').findIndex((l) => l.includes('storageClassName'));
    const [target] = service.definition(CLAIM_URI, { line, character: 22 });
    assert.equal(target?.uri, CONFIG_MAP_URI);
    assert.equal(target?.range.start.line, 6);
    assert.equal(target?.range.start.character, 2);
  });

  it('counts as a default class with another default one', () => {
    const gp3 = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
`;
    const service = getLanguageService();
    service.setFile(CONFIG_MAP_URI, classConfigMap(), 'disk', 0);
    service.setFile('file:///ws/gp3.yaml', gp3, 'disk', 0);
    const found = service
      .getDiagnostics('file:///ws/gp3.yaml')
      .find((d) => d.code === 'multiple-default-storage-classes');
    assert.ok(found, 'reported on the class a file writes');
    assert.match(found.message.en, /longhorn/);
  });
});

const RELEASE_URI = 'file:///ws/rook-ceph/cluster/helmrelease.yaml';

const cephRelease = (enabled = true) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: rook-ceph-cluster
  namespace: rook-ceph
spec:
  chartRef:
    kind: OCIRepository
    name: rook-ceph-cluster
  values:
    cephBlockPools:
      - name: ceph-blockpool
        spec:
          replicated:
            size: 3
        storageClass:
          enabled: ${enabled}
          name: ceph-block
          isDefault: true
`;

void describe('the StorageClasses of a declared rook-ceph-cluster release', () => {
  const cephClaim = claim.replace('storageClassName: longhorn', 'storageClassName: ceph-block');

  it('exist for the claims of the workspace, and provision them', () => {
    const service = getLanguageService();
    service.setFile(RELEASE_URI, cephRelease(), 'disk', 0);
    service.setFile(CLAIM_URI, cephClaim, 'disk', 0);
    assert.ok(!service.getDiagnostics(CLAIM_URI).some((d) => d.code === 'storage-class-not-found'));
    const uploads = service.bindings().claims.find((c) => c.name === 'uploads');
    assert.equal(uploads?.outcome, 'provision');
  });

  it('a pool whose class is not enabled makes none', () => {
    const codes = codesOf({ [RELEASE_URI]: cephRelease(false), [CLAIM_URI]: cephClaim }, CLAIM_URI);
    assert.ok(codes.includes('storage-class-not-found'));
  });

  it('is found from a summary made in another thread, as from the parsed file', () => {
    const service = getLanguageService();
    const summary = structuredClone(summarizeFile(RELEASE_URI, cephRelease(), []));
    service.setFile(RELEASE_URI, cephRelease(), 'disk', 0, summary);
    service.setFile(CLAIM_URI, cephClaim, 'disk', 0);
    assert.ok(!service.getDiagnostics(CLAIM_URI).some((d) => d.code === 'storage-class-not-found'));
  });

  it('"go to definition" of the class name lands on its name in the values', () => {
    const service = getLanguageService();
    service.setFile(RELEASE_URI, cephRelease(), 'disk', 0);
    service.setFile(CLAIM_URI, cephClaim, 'disk', 0);
    const line = cephClaim.split('\n').findIndex((l) => l.includes('storageClassName'));
    const [target] = service.definition(CLAIM_URI, { line, character: 22 });
    assert.equal(target?.uri, RELEASE_URI);
    assert.equal(target?.range.start.line, 17);
  });
});

const CHART_URI = 'file:///ws/system/rook-ceph/Chart.yaml';
const VALUES_URI = 'file:///ws/system/rook-ceph/values.yaml';

const umbrellaChart = `apiVersion: v2
name: rook-ceph
version: 0.0.0
dependencies:
  - name: rook-ceph
    version: 1.15.0
    repository: https://charts.rook.io/release
  - name: rook-ceph-cluster
    version: 1.15.0
    repository: https://charts.rook.io/release
    condition: cluster.enabled
`;

const umbrellaValues = (enabled = true) => `cluster:
  enabled: ${enabled}
rook-ceph-cluster:
  cephBlockPools:
    - name: fast
      spec:
        replicated:
          size: 2
      storageClass:
        enabled: true
        name: fast-rwo
        isDefault: true
`;

void describe('the StorageClasses of a dependency of an umbrella chart', () => {
  const fastClaim = claim.replace('storageClassName: longhorn', 'storageClassName: fast-rwo');

  it('exist for the claims of the workspace, and provision them', () => {
    const service = getLanguageService();
    service.setFile(CHART_URI, umbrellaChart, 'disk', 0);
    service.setFile(VALUES_URI, umbrellaValues(), 'disk', 0);
    service.setFile(CLAIM_URI, fastClaim, 'disk', 0);
    assert.ok(!service.getDiagnostics(CLAIM_URI).some((d) => d.code === 'storage-class-not-found'));
    const uploads = service.bindings().claims.find((c) => c.name === 'uploads');
    assert.equal(uploads?.outcome, 'provision');
  });

  it('the values replace the pools of the chart: its default ceph-block is not made', () => {
    const cephClaim = claim.replace('storageClassName: longhorn', 'storageClassName: ceph-block');
    const files = { [CHART_URI]: umbrellaChart, [VALUES_URI]: umbrellaValues() };
    assert.ok(
      codesOf({ ...files, [CLAIM_URI]: cephClaim }, CLAIM_URI).includes('storage-class-not-found'),
    );
    // Without a values.yaml, the chart's own pools stand.
    assert.ok(
      !codesOf({ [CHART_URI]: umbrellaChart, [CLAIM_URI]: cephClaim }, CLAIM_URI).includes(
        'storage-class-not-found',
      ),
    );
  });

  it('a dependency its condition turns off makes none', () => {
    const files = { [CHART_URI]: umbrellaChart, [VALUES_URI]: umbrellaValues(false) };
    assert.ok(
      codesOf({ ...files, [CLAIM_URI]: fastClaim }, CLAIM_URI).includes('storage-class-not-found'),
    );
  });

  it('"go to definition" of the class name lands on the dependency in Chart.yaml', () => {
    const service = getLanguageService();
    service.setFile(CHART_URI, umbrellaChart, 'disk', 0);
    service.setFile(VALUES_URI, umbrellaValues(), 'disk', 0);
    service.setFile(CLAIM_URI, fastClaim, 'disk', 0);
    const line = fastClaim.split('\n').findIndex((l) => l.includes('storageClassName'));
    const [target] = service.definition(CLAIM_URI, { line, character: 22 });
    assert.equal(target?.uri, CHART_URI);
    assert.equal(target?.range.start.line, 7);
  });
});
