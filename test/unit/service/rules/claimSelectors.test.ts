/** selector-with-dynamic-provisioning in detail (its bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import type { ClusterDefaultClass } from '../../../../server/src/service/workspace/cluster';
import { applyFirstFix, settings } from './helpers';

const RULE = 'selector-with-dynamic-provisioning';
const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: mq
spec:
  accessModes: [ReadWriteOnce]
  selector:
    matchLabels:
      app: rabbit
  resources:
    requests:
      storage: 8Gi
`;

function found(defaultStorageClass: ClusterDefaultClass, extra: Record<string, string> = {}) {
  const service = getLanguageService();
  service.setCluster({ isSnapshot: () => false, defaultStorageClass });
  service.setFile('file:///mq/claim.yaml', claim);
  for (const [uri, text] of Object.entries(extra)) service.setFile(uri, text);
  return service.getDiagnostics('file:///mq/claim.yaml', settings).filter((d) => d.code === RULE);
}

const volume = (className: string, app: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: rabbit-0
  labels: {app: ${app}}
spec:
  storageClassName: ${className}
  capacity: {storage: 8Gi}
  accessModes: [ReadWriteOnce]
  nfs: {server: nfs.internal, path: /exports/rabbit}
`;

void test("a claim without class gets the cluster's default class, which refuses the selector", () => {
  const [hit] = found({ mode: 'unknown' });
  assert.ok(hit, 'reported');
  assert.equal(hit.range.start.line, 8);
  assert.match(hit.message.en, /gets the cluster's default StorageClass/);
  assert.match(hit.message.ru, /достанется класс хранилища кластера по умолчанию/);
  assert.equal(found({ mode: 'named', name: 'gp3' }).length, 1);
  const fixed = applyFirstFix(claim, RULE);
  assert.doesNotMatch(fixed.text, /selector/);
  assert.deepEqual(
    fixed.after.filter((d) => d.code === RULE),
    [],
  );
});

void test('no default class in the cluster, or a volume of a class that matches: not reported', () => {
  assert.deepEqual(found({ mode: 'none' }), []);
  assert.deepEqual(
    found({ mode: 'unknown' }, { 'file:///pv.yaml': volume('standard', 'rabbit') }),
    [],
  );
  assert.equal(
    found({ mode: 'unknown' }, { 'file:///pv.yaml': volume('standard', 'other') }).length,
    1,
  );
  // A volume without class is not one the default class's claim can take.
  assert.equal(found({ mode: 'unknown' }, { 'file:///pv.yaml': volume('""', 'rabbit') }).length, 1);
});
