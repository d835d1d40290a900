/**
 * Claims of a class whose provisioner is an in-tree plugin: CSI migration hands it to a CSI driver
 * (kubernetes/csiMigration.ts), and the explanation names the driver that must run; a removed
 * plugin's class (kubernetes/removedVolumePlugins.ts) provisions nothing: the claim stays Pending.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migratedCsiDriver } from '../../../../server/src/service/kubernetes/csiMigration';
import { claimOf, pv, pvc, sc, simulate, RWO } from './helpers';

function claimWith(provisioner: string, mode?: 'WaitForFirstConsumer', withPod = false) {
  const result = simulate(
    {
      classes: [
        sc('standard', (o) => {
          o.provisioner = provisioner;
          if (mode) o.volumeBindingMode = mode;
        }),
      ],
      claims: [pvc('5Gi', (c) => (c.spec!.storageClassName = 'standard'))],
      ...(withPod ? { pods: [{ name: 'db', namespace: 'myns', claims: ['claim01'] }] } : {}),
    },
    withPod ? { nodeLabels: { 'kubernetes.io/hostname': 'n1' } } : undefined,
  );
  return claimOf(result);
}

void test('each migrated in-tree provisioner maps to its CSI driver; others to none', () => {
  assert.deepEqual(
    [
      'kubernetes.io/aws-ebs',
      'kubernetes.io/gce-pd',
      'kubernetes.io/azure-disk',
      'kubernetes.io/azure-file',
      'kubernetes.io/cinder',
      'kubernetes.io/vsphere-volume',
      'kubernetes.io/portworx-volume',
      'kubernetes.io/no-provisioner',
      'ebs.csi.aws.com',
      'constructor',
    ].map(migratedCsiDriver),
    [
      'ebs.csi.aws.com',
      'pd.csi.storage.gke.io',
      'disk.csi.azure.com',
      'file.csi.azure.com',
      'cinder.csi.openstack.org',
      'csi.vsphere.vmware.com',
      'pxd.portworx.com',
      undefined,
      undefined,
      undefined,
    ],
  );
});

void test('an aws-ebs class: provisioned, by ebs.csi.aws.com only where it is installed', () => {
  const claim = claimWith('kubernetes.io/aws-ebs');
  assert.equal(claim.outcome, 'provision');
  assert.match(claim.reason.en, /CSI driver `ebs\.csi\.aws\.com` provisions for this class/);
  assert.match(claim.reason.en, /stays `Pending`/);
  assert.match(claim.reason.ru, /CSI-драйвер `ebs\.csi\.aws\.com`/);
});

void test('a WaitForFirstConsumer gce-pd class: the waiting claim names pd.csi.storage.gke.io', () => {
  const claim = claimWith('kubernetes.io/gce-pd', 'WaitForFirstConsumer');
  assert.equal(claim.outcome, 'wait-for-first-consumer');
  assert.match(claim.reason.en, /`pd\.csi\.storage\.gke\.io`/);
});

void test('a CSI class or a bound claim: no migration note', () => {
  assert.doesNotMatch(claimWith('ebs.csi.aws.com').reason.en, /CSI migration/);
  const bound = simulate({
    classes: [sc('standard', (o) => (o.provisioner = 'kubernetes.io/aws-ebs'))],
    volumes: [pv('ready', '5Gi', [RWO], (o) => (o.spec!.storageClassName = 'standard'))],
    claims: [
      pvc('5Gi', (c) => {
        c.spec!.storageClassName = 'standard';
        c.spec!.accessModes = [RWO];
      }),
    ],
  });
  const claim = claimOf(bound);
  assert.equal(claim.outcome, 'bound');
  assert.doesNotMatch(claim.reason.en, /CSI migration/);
});

void test('a removed plugin\'s class (kubernetes.io/rbd): Pending, not "will provision"', () => {
  const claim = claimWith('kubernetes.io/rbd');
  assert.deepEqual(
    [claim.outcome, claim.phase, claim.reason.code],
    ['pending', 'Pending', 'pending-removed-provisioner'],
  );
  assert.match(claim.reason.en, /in-tree plugin Kubernetes no longer has/);
  assert.match(claim.remedy?.en ?? '', /a class of the storage's CSI driver/);
});

void test("a removed plugin's WaitForFirstConsumer class: the pod is placed, nothing provisions", () => {
  const waiting = claimWith('kubernetes.io/glusterfs', 'WaitForFirstConsumer');
  assert.equal(waiting.outcome, 'wait-for-first-consumer');
  assert.match(waiting.reason.en, /nothing provisions the volume/);
  const scheduled = claimWith('kubernetes.io/glusterfs', 'WaitForFirstConsumer', true);
  assert.deepEqual(
    [scheduled.outcome, scheduled.reason.code],
    ['pending', 'pending-removed-provisioner'],
  );
  const migrated = claimWith('kubernetes.io/aws-ebs', 'WaitForFirstConsumer', true);
  assert.equal(migrated.outcome, 'provision');
  assert.match(migrated.reason.en, /`ebs\.csi\.aws\.com`/);
});
