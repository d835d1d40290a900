/** The node-local volume rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';
import { settings } from './helpers';

const CODE = 'shared-mode-on-node-local-volume';

function pv(options: { modes: string; source: string; affinity?: boolean; extra?: string }) {
  return [
    'apiVersion: v1',
    'kind: PersistentVolume',
    'metadata: {name: models}',
    'spec:',
    '  capacity: {storage: 1Gi}',
    `  accessModes: ${options.modes}`,
    '  storageClassName: ""',
    `  ${options.source}`,
    ...(options.affinity
      ? [
          '  nodeAffinity:',
          '    required:',
          '      nodeSelectorTerms:',
          '        - matchExpressions:',
          '            - {key: kubernetes.io/hostname, operator: In, values: [node-1]}',
        ]
      : []),
    ...(options.extra ? [options.extra] : []),
    '',
  ].join('\n');
}

function claim(name: string, modes: string, fields = ''): string {
  return [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    `metadata: {name: ${name}, namespace: default}`,
    'spec:',
    `  accessModes: ${modes}`,
    '  resources: {requests: {storage: 1Gi}}',
    ...(fields ? [`  ${fields}`] : []),
    '',
  ].join('\n');
}

const HOST_PATH = 'hostPath: {path: /mnt/models}';
const LOCAL = 'local: {path: /mnt/disks/ssd1}';

/** The finding on the volume and whether a quick fix (not "Disable…") is offered. */
function check(volume: string, ...claims: string[]): { d: KubeDiagnostic; fixed: boolean } {
  const s = getLanguageService();
  const uri = 'file:///pv.yaml';
  s.setFile(uri, volume);
  claims.forEach((text, i) => s.setFile(`file:///claim-${i}.yaml`, text));
  const found = s.getDiagnostics(uri, settings).filter((x) => x.code === CODE);
  assert.equal(found.length, 1, volume);
  const d = found[0]!;
  const fixes = s
    .getCodeActions(uri, d.range, settings)
    .filter((a) => a.diagnostic.code === CODE && !/^Disable /.test(a.title.en));
  return { d, fixed: fixes.length > 0 };
}

void describe('shared-mode-on-node-local-volume in detail', () => {
  void test('ReadOnlyMany on a hostPath with no node affinity: each node its own copy, no fix', () => {
    const volume = pv({ modes: '[ReadOnlyMany]', source: HOST_PATH });
    for (const claims of [[], [claim('models', '[ReadOnlyMany]', 'volumeName: models')]]) {
      const { d, fixed } = check(volume, ...claims);
      assert.match(d.message.en, /each pod reads the copy on its own node/);
      assert.match(d.message.en, /only if every node holds the same content at `\/mnt\/models`/);
      assert.doesNotMatch(d.message.en, /cannot use it|Offer `ReadWriteOnce`/);
      assert.match(d.message.ru, /на всех узлах по пути `\/mnt\/models` лежит одно и то же/);
      assert.equal(fixed, false, 'ReadWriteOnce would not make the copies the same');
    }
  });

  void test('ReadWriteMany on a hostPath with no node affinity: different copies; pin it or share over the network', () => {
    const { d, fixed } = check(pv({ modes: '[ReadWriteMany]', source: HOST_PATH }));
    assert.match(d.message.en, /write to different copies and never see each other's changes/);
    assert.match(d.message.en, /pin the volume to one node/);
    assert.equal(fixed, true);
  });

  void test('a local volume, or a hostPath pinned by node affinity: one node, ReadWriteOnce suffices', () => {
    for (const volume of [
      pv({ modes: '[ReadWriteMany]', source: LOCAL, affinity: true }),
      pv({ modes: '[ReadOnlyMany]', source: HOST_PATH, affinity: true }),
    ]) {
      const { d, fixed } = check(volume);
      assert.match(d.message.en, /of the node its node affinity selects/);
      assert.match(d.message.en, /`ReadWriteOnce` already lets every pod of one node mount it/);
      assert.equal(fixed, true);
    }
  });

  void test('no ReadWriteOnce fix when a claim asks the volume for a shared mode; the message names it', () => {
    const volume = pv({ modes: '[ReadWriteOnce, ReadOnlyMany]', source: LOCAL, affinity: true });
    const cases: [string, string][] = [
      ['by volumeName', claim('reader', '[ReadOnlyMany]', 'volumeName: models')],
      ['by class', claim('reader', '[ReadOnlyMany]', 'storageClassName: ""')],
      ['with no class', claim('reader', '[ReadOnlyMany]')],
    ];
    for (const [how, text] of cases) {
      const { d, fixed } = check(volume, text);
      assert.equal(fixed, false, how);
      assert.match(
        d.message.en,
        /Claim `reader` asks it for `ReadOnlyMany`: change the claim's `accessModes` too/,
        how,
      );
      assert.match(d.message.ru, /Заявка `reader` просит у него `ReadOnlyMany`/, how);
    }
    const reserved = pv({
      modes: '[ReadOnlyMany]',
      source: LOCAL,
      affinity: true,
      extra: '  claimRef: {namespace: default, name: reader}',
    });
    assert.equal(
      check(reserved, claim('reader', '[ReadOnlyMany]', 'storageClassName: other')).fixed,
      false,
      'by claimRef',
    );
  });

  void test('the fix stays when no claim that could bind asks for more than ReadWriteOnce', () => {
    const volume = pv({ modes: '[ReadWriteOnce, ReadOnlyMany]', source: LOCAL, affinity: true });
    const cases: [string, string][] = [
      ['asks ReadWriteOnce', claim('writer', '[ReadWriteOnce]', 'volumeName: models')],
      ['another class', claim('reader', '[ReadOnlyMany]', 'storageClassName: fast')],
      ['a mode not offered', claim('reader', '[ReadWriteMany]', 'storageClassName: ""')],
      ['names another volume', claim('reader', '[ReadOnlyMany]', 'volumeName: other')],
    ];
    for (const [how, text] of cases) {
      const { d, fixed } = check(volume, text);
      assert.equal(fixed, true, how);
      assert.doesNotMatch(d.message.en, /Claim/, how);
    }
  });
});

void describe('local-class-immediate-binding and hand-made volumes', () => {
  const noProvisioner = [
    'apiVersion: storage.k8s.io/v1',
    'kind: StorageClass',
    'metadata: {name: manual}',
    'provisioner: kubernetes.io/no-provisioner',
    '',
  ].join('\n');
  const volume = (name: string, source: string) =>
    [
      'apiVersion: v1',
      'kind: PersistentVolume',
      `metadata: {name: ${name}}`,
      'spec:',
      '  storageClassName: manual',
      '  capacity: {storage: 1Gi}',
      '  accessModes: [ReadWriteOnce]',
      `  ${source}`,
      '',
    ].join('\n');

  function findings(...volumes: string[]): KubeDiagnostic[] {
    const s = getLanguageService();
    s.setFile('file:///sc.yaml', noProvisioner);
    volumes.forEach((text, i) => s.setFile(`file:///pv-${i}.yaml`, text));
    return s
      .getDiagnostics('file:///sc.yaml', settings)
      .filter((x) => x.code === 'local-class-immediate-binding');
  }

  void test('with no volume of the class in sight, it says the volumes are made by hand', () => {
    const [d] = findings();
    assert.match(d!.message.en, /has no provisioner: its volumes are made by hand/);
    assert.match(d!.message.ru, /его тома создают вручную/);
  });

  void test('network volumes of the class reach every node: not reported', () => {
    const nfs = volume('share', 'nfs: {server: 10.0.0.5, path: /exports/share}');
    assert.equal(findings(nfs).length, 0);
  });

  void test('one volume tied to a node (local, hostPath) keeps the finding', () => {
    const nfs = volume('share', 'nfs: {server: 10.0.0.5, path: /exports/share}');
    assert.equal(findings(nfs, volume('scratch', HOST_PATH)).length, 1);
  });
});

void describe('local-class-immediate-binding and local-path-provisioner on a shared filesystem', () => {
  const shareClass = [
    'apiVersion: storage.k8s.io/v1',
    'kind: StorageClass',
    'metadata: {name: team-share}',
    'provisioner: cluster.local/infra-local-path-provisioner',
    'volumeBindingMode: Immediate',
    '',
  ].join('\n');
  const config = (json: string) =>
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: local-path-config, namespace: storage}',
      'data:',
      `  config.json: '${json}'`,
      '',
    ].join('\n');
  const SHARED = '{"storageClassConfigs": {"team-share": {"sharedFileSystemPath": "/mnt/share"}}}';
  const ON_NODES =
    '{"nodePathMap": [{"node": "DEFAULT_PATH_FOR_NON_LISTED_NODES", "paths": ["/d"]}]}';
  const reported = (s: ReturnType<typeof getLanguageService>, uri: string) =>
    s.getDiagnostics(uri, settings).filter((d) => d.code === 'local-class-immediate-binding')
      .length;

  void test('the ConfigMap in another file of the folder decides', () => {
    const s = getLanguageService();
    s.setFile('file:///infra/storageclass.yaml', shareClass);
    s.setFile('file:///infra/config.yaml', config(SHARED));
    assert.equal(reported(s, 'file:///infra/storageclass.yaml'), 0);
  });

  void test('of several ConfigMaps the nearest one decides', () => {
    const s = getLanguageService();
    s.setFile('file:///envs/a/storageclass.yaml', shareClass);
    s.setFile('file:///envs/a/config.yaml', config(ON_NODES));
    s.setFile('file:///envs/b/config.yaml', config(SHARED));
    assert.equal(reported(s, 'file:///envs/a/storageclass.yaml'), 1);
  });

  void test('editing the ConfigMap changes the finding', () => {
    const s = getLanguageService();
    s.setFile('file:///infra/storageclass.yaml', shareClass);
    s.setFile('file:///infra/config.yaml', config(ON_NODES));
    assert.equal(reported(s, 'file:///infra/storageclass.yaml'), 1);
    s.setFile('file:///infra/config.yaml', config(SHARED), 'disk', 1);
    assert.equal(reported(s, 'file:///infra/storageclass.yaml'), 0);
  });

  void test('another provisioner is not judged by the ConfigMap', () => {
    const s = getLanguageService();
    s.setFile(
      'file:///x/sc.yaml',
      shareClass.replace(/provisioner: .*/, 'provisioner: topolvm.io'),
    );
    s.setFile('file:///x/config.yaml', config(SHARED));
    assert.equal(reported(s, 'file:///x/sc.yaml'), 1);
  });
});
