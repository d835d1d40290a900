/** Policy rules: off with the default settings, bad/good fixtures under a policy, the details. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DiagnosticSettings } from '../../../../server/src/service';
import { ruleRegistry } from '../../../../server/src/service/rules/index';
import {
  RESTRICTED_VOLUME_TYPES,
  isUnderPrefix,
} from '../../../../server/src/service/rules/policy';
import {
  defaultRuleSettings,
  defaultStoragePolicy,
  type StoragePolicy,
} from '../../../../server/src/service/rules/types';
import { codes, diagnose, fixtureText, settings, uriOf } from './helpers';

const policy: StoragePolicy = {
  allowedStorageClasses: ['gp3', 'standard-rwo'],
  requireStorageClass: true,
  allowedHostPaths: ['/var/log', '/srv/data'],
  allowedVolumeTypes: ['restricted'],
};

function withPolicy(p: Partial<StoragePolicy>): DiagnosticSettings {
  return {
    ...settings,
    rules: { ...defaultRuleSettings, policy: { ...defaultStoragePolicy, ...p } },
  };
}

const run = (text: string, code: string, s: DiagnosticSettings) =>
  diagnose({ 'file:///p.yaml': text }, undefined, s).filter((d) => d.code === code);

void describe('policy rules', () => {
  const rules = ruleRegistry.filter((r) => r.family === 'policy');
  void test('four policy rules, none with a quick fix', () => {
    assert.deepEqual(
      rules.map((r) => r.id),
      [
        'storage-class-not-allowed',
        'claim-without-storage-class',
        'host-path-not-allowed',
        'volume-type-not-allowed',
      ],
    );
  });
  for (const rule of rules) {
    void test(`${rule.id}: silent by default, bad.yaml triggers it under the policy, good.yaml does not`, () => {
      const bad = fixtureText(rule.id, 'bad');
      assert.deepEqual(run(bad, rule.id, settings), [], 'fired without a policy');
      const all = diagnose({ [uriOf(rule.id, 'bad')]: bad }, undefined, withPolicy(policy));
      const hits = all.filter((d) => d.code === rule.id);
      assert.ok(hits.length > 0, `${rule.id} did not fire: ${codes(all)}`);
      for (const d of hits) {
        assert.equal(d.severity, rule.severity);
        assert.doesNotMatch(d.message.en + d.message.ru, /\{\w+\}/);
        assert.match(d.message.ru, /[а-яё]/i);
      }
      const good = fixtureText(rule.id, 'good');
      assert.deepEqual(
        run(good, rule.id, withPolicy(policy)).map((d) => d.message.en),
        [],
      );
    });
  }
});

void describe('policy rules in detail', () => {
  const claim = (cls: string | undefined) =>
    [
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata: {name: c}',
      'spec:',
      ...(cls === undefined ? [] : [`  storageClassName: ${cls}`]),
      '  accessModes: [ReadWriteOnce]',
      '  resources: {requests: {storage: 1Gi}}',
      '',
    ].join('\n');

  void test('storage-class-not-allowed: claim, "" and a missing class', () => {
    const s = withPolicy({ allowedStorageClasses: ['gp3'] });
    assert.equal(run(claim('gp2'), 'storage-class-not-allowed', s).length, 1);
    assert.equal(run(claim('gp3'), 'storage-class-not-allowed', s).length, 0);
    assert.equal(run(claim('""'), 'storage-class-not-allowed', s).length, 0);
    assert.equal(run(claim(undefined), 'storage-class-not-allowed', s).length, 0);
    assert.match(run(claim('gp2'), 'storage-class-not-allowed', s)[0]!.message.en, /`gp2`.*`gp3`/);
  });

  void test('claim-without-storage-class: "" is an explicit choice, null is no class', () => {
    const s = withPolicy({ requireStorageClass: true });
    assert.equal(run(claim(undefined), 'claim-without-storage-class', s).length, 1);
    assert.equal(run(claim('null'), 'claim-without-storage-class', s).length, 1);
    assert.equal(run(claim('""'), 'claim-without-storage-class', s).length, 0);
  });

  void test('generic ephemeral volumes are claims too', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  containers: [{name: c, image: example/c:1, volumeMounts: [{name: scratch, mountPath: /s}]}]',
      '  volumes:',
      '    - name: scratch',
      '      ephemeral:',
      '        volumeClaimTemplate:',
      '          spec:',
      '            storageClassName: local-nvme',
      '            accessModes: [ReadWriteOnce]',
      '            resources: {requests: {storage: 10Gi}}',
      '',
    ].join('\n');
    const hits = run(
      text,
      'storage-class-not-allowed',
      withPolicy({ allowedStorageClasses: ['gp3'] }),
    );
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.range.start.line, 10);
  });

  void test('host path prefixes compare whole components after resolving `..`', () => {
    assert.equal(isUnderPrefix('/srv/data/app', '/srv/data'), true);
    assert.equal(isUnderPrefix('/srv/data', '/srv/data/'), true);
    assert.equal(isUnderPrefix('/srv/database', '/srv/data'), false);
    assert.equal(isUnderPrefix('/srv/data/../../etc', '/srv/data'), false);
    assert.equal(isUnderPrefix('/anything', '/'), true);
  });

  void test('hostPath PersistentVolumes are checked like pod volumes', () => {
    const pv = [
      'apiVersion: v1',
      'kind: PersistentVolume',
      'metadata: {name: pv}',
      'spec:',
      '  capacity: {storage: 1Gi}',
      '  accessModes: [ReadWriteOnce]',
      '  hostPath: {path: /mnt/disks/ssd1}',
      '',
    ].join('\n');
    const s = withPolicy({ allowedHostPaths: ['/srv/data'] });
    assert.equal(run(pv, 'host-path-not-allowed', s).length, 1);
    assert.equal(
      run(pv, 'host-path-not-allowed', withPolicy({ allowedHostPaths: ['/mnt/disks'] })).length,
      0,
    );
  });

  void test('the restricted preset is the Pod Security list, and can be combined with other types', () => {
    assert.deepEqual([...RESTRICTED_VOLUME_TYPES].sort(), [
      'configMap',
      'csi',
      'downwardAPI',
      'emptyDir',
      'ephemeral',
      'image',
      'persistentVolumeClaim',
      'projected',
      'secret',
    ]);
    const bad = fixtureText('volume-type-not-allowed', 'bad');
    const code = 'volume-type-not-allowed';
    assert.equal(run(bad, code, withPolicy({ allowedVolumeTypes: ['restricted'] })).length, 1);
    assert.equal(
      run(bad, code, withPolicy({ allowedVolumeTypes: ['restricted', 'nfs'] })).length,
      0,
    );
    assert.equal(run(bad, code, withPolicy({ allowedVolumeTypes: ['emptyDir'] })).length, 1);
  });
});
