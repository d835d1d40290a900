/** The facade's binding answer is reused while nothing it depends on changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service';

const claim = (storage: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: shop\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: ${storage}\n`;
const pod = (image: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  namespace: shop\nspec:\n  containers:\n    - name: app\n      image: ${image}\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: data\n`;
const volume = `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-data\nspec:\n  storageClassName: manual\n  capacity:\n    storage: 5Gi\n  accessModes: [ReadWriteOnce]\n  nfs:\n    server: nfs.internal\n    path: /exports/data\n`;

test('bindings: reused across an edit that touches no storage field, recomputed otherwise', () => {
  const service = getLanguageService();
  service.setFile('file:///ws/pv.yaml', volume);
  service.setFile('file:///ws/claim.yaml', claim('1Gi'));
  service.setFile('file:///ws/pod.yaml', pod('nginx:1.27'), 'editor', 1);
  const first = service.bindings();
  assert.equal(first.claims[0]!.outcome, 'bound');
  service.setFile('file:///ws/pod.yaml', pod('nginx:1.28'), 'editor', 2);
  assert.equal(service.bindings(), first, 'an image change reuses the answer');
  service.setFile('file:///ws/claim.yaml', claim('50Gi'), 'editor', 1);
  const bigger = service.bindings();
  assert.notEqual(bigger, first);
  assert.equal(bigger.claims[0]!.outcome, 'pending', 'a claim larger than the volume');
  // A line added above the claim moves its source: a fresh answer points to the new place.
  service.setFile('file:///ws/claim.yaml', `# data claim\n${claim('50Gi')}`, 'editor', 2);
  const moved = service.bindings();
  assert.notEqual(moved, bigger);
  assert.equal(moved.claims[0]!.source?.range.start.line, 1);
});
