/** StatefulSet volumeClaimTemplates → per-replica claims. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { expandStatefulSet } from '../../../../server/src/service/binding/expand';
import { claimOf, pv, pvc, simulate, RWO } from './helpers';

const set = (mod?: (s: StatefulSet) => void): StatefulSet => {
  const s: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      serviceName: 'web',
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data', labels: { tier: 'db' } },
          spec: { accessModes: [RWO], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  };
  mod?.(s);
  return s;
};

void test('names <template>-<set>-<ordinal>, namespace of the set, labels + selector labels', () => {
  const claims = expandStatefulSet(set());
  assert.deepEqual(
    claims.map((c) => c.claim.metadata!.name),
    ['data-web-0', 'data-web-1', 'data-web-2'],
  );
  assert.equal(claims[0]!.claim.metadata!.namespace, 'shop');
  assert.deepEqual(claims[0]!.claim.metadata!.labels, { tier: 'db', app: 'web' });
});

void test('ordinals start at spec.ordinals.start; replicas default to 1; 0 replicas → none', () => {
  const started = expandStatefulSet(set((s) => (s.spec!.ordinals = { start: 5 })));
  assert.deepEqual(
    started.map((c) => c.ordinal),
    [5, 6, 7],
  );
  assert.equal(expandStatefulSet(set((s) => delete s.spec!.replicas)).length, 1);
  assert.equal(expandStatefulSet(set((s) => (s.spec!.replicas = 0))).length, 0);
  assert.equal(
    expandStatefulSet(
      set((s) => delete s.metadata!.namespace),
      'dev',
    )[0]!.claim.metadata!.namespace,
    'dev',
  );
});

void test('expanded claims bind like written ones, carry their set, and a written claim wins', () => {
  const volumes = [0, 1, 2].map((i) => pv(`pv-${i}`, `${i + 1}Gi`, [RWO]));
  const written = pvc('1Gi', (c) => {
    c.metadata = { name: 'data-web-2', namespace: 'shop' };
    c.spec!.accessModes = [RWO];
    c.spec!.storageClassName = 'none-such';
  });
  const result = simulate({ volumes, claims: [written], sets: [set()] });
  assert.equal(claimOf(result, 'shop/data-web-0').fromStatefulSet, 'web');
  assert.equal(claimOf(result, 'shop/data-web-0').volume, 'pv-0');
  assert.equal(claimOf(result, 'shop/data-web-1').volume, 'pv-1');
  const w = claimOf(result, 'shop/data-web-2');
  assert.equal(w.fromStatefulSet, null);
  assert.equal(w.reason.code, 'pending-class-missing');
  assert.deepEqual(
    w.consumers.map((c) => `${c.kind}/${c.name}`),
    ['StatefulSet/web'],
  );
  assert.equal(result.claims.length, 3);
});

void test('a template selector label narrows matching through the copied labels only on claims', () => {
  const s = set((x) => {
    x.spec!.replicas = 1;
    x.spec!.volumeClaimTemplates![0]!.spec!.selector = { matchLabels: { disk: 'ssd' } };
  });
  const result = simulate({
    volumes: [
      pv('hdd', '1Gi', [RWO]),
      pv('ssd', '2Gi', [RWO], (o) => (o.metadata!.labels = { disk: 'ssd' })),
    ],
    sets: [s],
  });
  assert.equal(claimOf(result, 'shop/data-web-0').volume, 'ssd');
});
