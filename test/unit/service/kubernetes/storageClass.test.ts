/**
 * The default StorageClass is one fact: the rules, the binding preview and completion must agree
 * on it, including classes marked with the beta annotation that upstream still honours.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BETA_CLAIM_CLASS_ANNOTATION,
  BETA_DEFAULT_CLASS_ANNOTATION,
  DEFAULT_CLASS_ANNOTATION,
  claimClassOf,
  writtenClaimClass,
  defaultClassAnnotation,
  isDefaultStorageClass,
} from '../../../../server/src/service/kubernetes/storageClass';
import { getLanguageService } from '../../../../server/src/service';
import { settings } from '../rules/helpers';

void test('IsDefaultAnnotation: either annotation, only the exact string "true"', () => {
  assert.equal(
    isDefaultStorageClass({ annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } }),
    true,
  );
  assert.equal(
    isDefaultStorageClass({ annotations: { [BETA_DEFAULT_CLASS_ANNOTATION]: 'true' } }),
    true,
  );
  assert.equal(
    isDefaultStorageClass({ annotations: { [DEFAULT_CLASS_ANNOTATION]: 'True' } }),
    false,
  );
  assert.equal(
    isDefaultStorageClass({ annotations: { [DEFAULT_CLASS_ANNOTATION]: 'yes' } }),
    false,
  );
  assert.equal(isDefaultStorageClass({}), false);
  assert.equal(isDefaultStorageClass(undefined), false);
  assert.equal(
    defaultClassAnnotation({
      annotations: { [BETA_DEFAULT_CLASS_ANNOTATION]: 'true', [DEFAULT_CLASS_ANNOTATION]: 'true' },
    }),
    DEFAULT_CLASS_ANNOTATION,
  );
});

const classes = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: legacy
  annotations:
    storageclass.beta.kubernetes.io/is-default-class: "true"
provisioner: kubernetes.io/aws-ebs
`;

const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

void test('the rules and the binding preview see the same two default classes', () => {
  const service = getLanguageService();
  service.setFile('file:///ws/classes.yaml', classes);
  service.setFile('file:///ws/claim.yaml', claim);

  const ruleHits = service
    .getDiagnostics('file:///ws/classes.yaml', settings)
    .filter((d) => d.code === 'multiple-default-storage-classes');
  assert.equal(ruleHits.length, 2, 'both defaults are reported, the beta one included');
  const betaHit = ruleHits.find((d) => d.range.start.line > 8)!;
  assert.ok(betaHit, 'the beta-annotated class is reported');
  assert.equal(betaHit.range.start.line, 13, 'on the beta annotation key');

  const previewDefaults = service
    .bindings()
    .storageClasses.filter((c) => c.isDefault)
    .map((c) => c.name)
    .sort();
  assert.deepEqual(previewDefaults, ['fast', 'legacy']);
});

void test("a claim's class: the beta annotation wins whatever its value; unset is no class set", () => {
  assert.equal(claimClassOf(undefined, undefined), undefined);
  assert.equal(claimClassOf(undefined, null), undefined);
  assert.equal(claimClassOf(undefined, 'fast'), 'fast');
  assert.equal(claimClassOf('', 'fast'), '', 'an empty annotation is "no class" and still wins');
  assert.equal(claimClassOf('slow', ''), 'slow');
  const annotated = (value: unknown) => ({
    metadata: { annotations: { [BETA_CLAIM_CLASS_ANNOTATION]: value } },
    spec: {},
  });
  assert.equal(writtenClaimClass(annotated('')), '');
  assert.equal(writtenClaimClass(annotated(7)), undefined);
  assert.equal(writtenClaimClass({ spec: { storageClassName: '' } }), '');
  assert.equal(writtenClaimClass({ metadata: 'x', spec: [] }), undefined);
});
