/** The name rules of kubernetes/kubernetes: which kind takes which, and how each is checked. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  generatedName,
  isValidName,
  isValidPrefix,
  nameProblems,
  objectNameRule,
  podSpecNamesChecked,
  prefixProblems,
  looksLikeFillIn,
  suggestedName,
  POD_SPEC_NAME_RULE as LABEL,
} from '../../../../server/src/service/kubernetes/names';

const SUBDOMAIN = objectNameRule('v1', 'PersistentVolume')!;
const DNS1035 = objectNameRule('v1', 'Service')!;

void describe('object name rules', () => {
  void test('most kinds take a DNS-1123 subdomain, Namespace and StatefulSet a label, Service DNS-1035', () => {
    const format = (apiVersion: string, kind: string) => objectNameRule(apiVersion, kind)?.format;
    for (const [v, k] of [
      ['v1', 'PersistentVolumeClaim'],
      ['v1', 'Pod'],
      ['v1', 'ConfigMap'],
      ['v1', 'Secret'],
      ['storage.k8s.io/v1', 'StorageClass'],
      ['apps/v1', 'Deployment'],
      ['apps/v1', 'DaemonSet'],
      ['batch/v1', 'Job'],
      ['snapshot.storage.k8s.io/v1', 'VolumeSnapshot'],
    ]) {
      assert.equal(format(v!, k!), 'subdomain', k);
    }
    assert.equal(format('v1', 'Namespace'), 'label');
    assert.equal(format('apps/v1', 'StatefulSet'), 'label');
    assert.equal(format('v1', 'Service'), 'dns1035');
    assert.equal(objectNameRule('batch/v1', 'CronJob')?.maxLength, 52);
  });

  void test('kinds not read upstream, and look-alike kinds of other groups, have no rule', () => {
    assert.equal(objectNameRule('rbac.authorization.k8s.io/v1', 'Role'), undefined);
    assert.equal(objectNameRule('example.com/v1', 'Service'), undefined);
    assert.equal(objectNameRule('extensions/v1beta1', 'Deployment'), undefined);
    assert.equal(podSpecNamesChecked('example.com/v1', 'Deployment'), false);
    assert.equal(podSpecNamesChecked('apps/v1', 'StatefulSet'), true);
    assert.equal(podSpecNamesChecked('batch/v1', 'CronJob'), true);
  });
});

void describe('name checks', () => {
  void test('subdomains: dots and 253 characters pass, 254 and uppercase do not', () => {
    assert.ok(isValidName('my-app.v1', SUBDOMAIN));
    assert.ok(
      isValidName('a'.repeat(63) + '.' + 'b'.repeat(63) + '.' + 'c'.repeat(125), SUBDOMAIN),
    );
    assert.ok(!isValidName('a'.repeat(254), SUBDOMAIN));
    assert.ok(!isValidName('PV_NAME', SUBDOMAIN));
    assert.ok(!isValidName('a..b', SUBDOMAIN));
    assert.ok(!isValidName('a.-b', SUBDOMAIN));
  });

  void test('labels take no dot and 63 characters at most; DNS-1035 starts with a letter', () => {
    assert.ok(isValidName('123-abc', LABEL));
    assert.ok(!isValidName('my-app.v1', LABEL));
    assert.ok(!isValidName('a'.repeat(64), LABEL));
    assert.ok(isValidName('db-primary', DNS1035));
    assert.ok(!isValidName('db.primary', DNS1035));
    assert.ok(!isValidName('1db', DNS1035));
  });

  void test('problems name what is wrong', () => {
    assert.deepEqual(nameProblems('PV_NAME', SUBDOMAIN), [
      { code: 'uppercase' },
      { code: 'characters', chars: ['_'] },
    ]);
    assert.deepEqual(nameProblems('-data.', SUBDOMAIN), [
      { code: 'start', char: '-' },
      { code: 'end', char: '.' },
    ]);
    assert.deepEqual(nameProblems('a.-b', SUBDOMAIN), [{ code: 'dotParts' }]);
    // Helm's "-": its start is the problem, there is no part between dots.
    assert.deepEqual(nameProblems('-', SUBDOMAIN), [{ code: 'start', char: '-' }]);
    assert.deepEqual(nameProblems('db.primary', DNS1035), [{ code: 'characters', chars: ['.'] }]);
    assert.deepEqual(nameProblems('9db', DNS1035), [{ code: 'startsWithDigit' }]);
    assert.deepEqual(nameProblems('a'.repeat(64), LABEL), [
      { code: 'length', length: 64, max: 63 },
    ]);
  });

  void test('generateName: a trailing dash is fine, the generated name must be valid too', () => {
    assert.ok(isValidPrefix('web-', SUBDOMAIN));
    assert.ok(isValidPrefix('web', SUBDOMAIN));
    assert.ok(isValidPrefix('db-', DNS1035));
    assert.ok(!isValidPrefix('Web-', SUBDOMAIN));
    assert.ok(!isValidPrefix('-', SUBDOMAIN));
    // upstream's mask drops `.` before the dash, but `a.-xxxxx` is no valid name
    assert.ok(!isValidPrefix('a.-', SUBDOMAIN));
    assert.deepEqual(prefixProblems('a.-', SUBDOMAIN), [{ code: 'dotParts' }]);
    assert.equal(generatedName('x'.repeat(70)).length, 63);
    // a CronJob's 52 characters hold for the generated name
    const cron = objectNameRule('batch/v1', 'CronJob')!;
    assert.ok(isValidPrefix('backup-', cron));
    assert.ok(!isValidPrefix('b'.repeat(50) + '-', cron));
  });

  void test('a suggestion only when lowercasing and `_` to `-` make the name valid', () => {
    assert.equal(suggestedName('PV_NAME', SUBDOMAIN), 'pv-name');
    assert.equal(suggestedName('Data_Vol', LABEL), 'data-vol');
    assert.equal(suggestedName('my.App', LABEL), undefined);
    assert.equal(suggestedName('_data', LABEL), undefined);
    assert.equal(suggestedName('ok', LABEL), undefined);
    assert.equal(suggestedName('Web_', SUBDOMAIN, true), 'web-');
    assert.equal(suggestedName('_Web-', SUBDOMAIN, true), undefined);
    assert.equal(suggestedName('Web-', SUBDOMAIN, true), 'web-');
  });
});

void test('names written to be filled in by hand', () => {
  assert.equal(looksLikeFillIn('PV_NAME'), true);
  assert.equal(looksLikeFillIn('rook-ceph-cleanup-<node-hostname>'), true);
  assert.equal(looksLikeFillIn('Data_Vol'), false);
  assert.equal(looksLikeFillIn('Web'), false);
});
