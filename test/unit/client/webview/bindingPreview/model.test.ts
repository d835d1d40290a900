/** The preview's pure view model: graph building, filtering, escaping. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import {
  simulateBindings,
  type BindingInput,
  type Sourced,
} from '../../../../../server/src/service/binding';
import {
  buildGraph,
  claimId,
  escapeHtml,
  filterGraph,
  namespacesOf,
  nodeWidth,
  labelCapacity,
  detailCapacity,
  statusIcon,
  shownLength,
  truncateParts,
  type GraphNode,
} from '../../../../../client/webview/bindingPreview/model';
import type { UiStrings } from '../../../../../server/src/webviewProtocol/bindingPreview';

const strings = new Proxy({} as UiStrings, { get: (_t, key) => String(key) });
const evil = '<img src=x onerror=alert(1)>';

function input(): BindingInput {
  const pv = (name: string, size: string, cls = ''): Sourced<PersistentVolume> => ({
    object: {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name },
      spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: cls },
    },
  });
  const pvc = (
    namespace: string,
    name: string,
    size: string,
    cls?: string,
  ): Sourced<PersistentVolumeClaim> => ({
    object: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: size } },
        ...(cls !== undefined ? { storageClassName: cls } : {}),
      },
    },
  });
  return {
    volumes: [pv('pv-a', '1Gi'), pv('pv-spare', '100Gi', 'slow')],
    claims: [
      pvc('shop', 'orders', '1Gi', ''),
      pvc('blog', 'posts', '5Gi', 'fast'),
      pvc('shop', evil, '1Gi', 'missing'),
    ],
    storageClasses: [
      {
        object: {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: {
            name: 'fast',
            annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
          },
          provisioner: 'example.com/csi',
        },
      },
    ],
    statefulSets: [],
    workloads: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'api',
        podSpec: {
          containers: [],
          volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'orders' } }],
        },
      },
    ],
  };
}

void test('buildGraph: a node per class, volume, claim and using workload; edges follow bindings', () => {
  const g = buildGraph(simulateBindings(input()), 'en', strings);
  const ids = g.nodes.map((n) => n.id).sort();
  assert.deepEqual(
    ids,
    [
      'class:fast',
      claimId('blog', 'posts'),
      claimId('shop', evil),
      claimId('shop', 'orders'),
      'volume:pv-a',
      'volume:pv-spare',
      'workload:Deployment/shop/api',
    ].sort(),
  );
  const edges = g.edges.map((e) => `${e.from} ${e.style} ${e.to}`).sort();
  assert.deepEqual(edges, [
    `claim:shop/orders solid workload:Deployment/shop/api`,
    `class:fast dashed claim:blog/posts`,
    `volume:pv-a solid claim:shop/orders`,
  ]);
  const orders = g.nodes.find((n) => n.id === claimId('shop', 'orders'))!;
  assert.equal(orders.status, 'bound');
  assert.equal(statusIcon[orders.status], '✔');
  assert.match(orders.tooltip, /pv-a/);
  const posts = g.nodes.find((n) => n.id === claimId('blog', 'posts'))!;
  assert.equal(posts.status, 'provision');
});

void test('tooltips follow the language', () => {
  const ru = buildGraph(simulateBindings(input()), 'ru', strings);
  assert.match(
    ru.nodes.find((n) => n.id === claimId('shop', 'orders'))!.tooltip,
    /Привязана к тому/,
  );
});

void test('tooltips are plain text; the details panel keeps the code spans of the reason', () => {
  for (const lang of ['en', 'ru'] as const) {
    const g = buildGraph(simulateBindings(input()), lang, strings);
    const orders = g.nodes.find((n) => n.id === claimId('shop', 'orders'))!;
    assert.doesNotMatch(orders.tooltip, /`/);
    assert.match(orders.tooltip, lang === 'en' ? /“pv-a”/ : /«pv-a»/);
    assert.match(orders.reason ?? '', /`pv-a`/);
    for (const n of g.nodes) assert.doesNotMatch(n.tooltip, /`/, n.id);
  }
});

void test('a volume shows its phase as the API names it, in code font', () => {
  const g = buildGraph(simulateBindings(input()), 'ru', strings);
  assert.equal(g.nodes.find((n) => n.id === 'volume:pv-spare')!.detail, '100Gi · `Available`');
  assert.equal(g.nodes.find((n) => n.id === 'volume:pv-a')!.detail, '1Gi · `Bound`');
});

void test('node details are cut by the characters they show, never inside a backtick', () => {
  assert.equal(shownLength('100Gi · `Available`'), 17);
  assert.deepEqual(truncateParts('100Gi · `Available`', 17), [
    { text: '100Gi · ', code: false },
    { text: 'Available', code: true },
  ]);
  assert.deepEqual(truncateParts('100Gi · `Available`', 12), [
    { text: '100Gi · ', code: false },
    { text: 'Ava', code: true },
    { text: '…', code: false },
  ]);
});

void test('namespace filter keeps cluster-scoped objects linked to what is left', () => {
  const g = buildGraph(simulateBindings(input()), 'en', strings);
  assert.deepEqual(namespacesOf(g), ['blog', 'shop']);
  const shop = filterGraph(g, 'shop', '');
  const ids = new Set(shop.nodes.map((n) => n.id));
  assert.ok(ids.has('volume:pv-a'), 'the volume bound in shop stays');
  assert.ok(ids.has('volume:pv-spare'), 'a volume linked to nothing stays');
  assert.ok(!ids.has(claimId('blog', 'posts')));
  assert.ok(!ids.has('class:fast'), 'a class linked only to another namespace goes');
  assert.ok(shop.edges.every((e) => ids.has(e.from) && ids.has(e.to)));
});

void test('search keeps matches and their neighbours, case-insensitively', () => {
  const g = buildGraph(simulateBindings(input()), 'en', strings);
  const found = filterGraph(g, '', 'ORDERS');
  assert.deepEqual(
    found.nodes.map((n) => n.id).sort(),
    [claimId('shop', 'orders'), 'volume:pv-a', 'workload:Deployment/shop/api'].sort(),
  );
  assert.equal(filterGraph(g, '', 'no such thing').nodes.length, 0);
});

void test('a name like <img src=x onerror=alert(1)> stays text', () => {
  const g = buildGraph(simulateBindings(input()), 'en', strings);
  const node = g.nodes.find((n) => n.label === evil);
  assert.ok(node, 'the label is the raw name, to be set with textContent');
  assert.equal(escapeHtml(node.label), '&#60;img src=x onerror=alert(1)&#62;');
  assert.ok(!escapeHtml(`"${evil}'&`).match(/[<>"'&](?!#)/));
  assert.ok(nodeWidth(node) >= 120);
});

test('node text metrics: a node is sized so its label and detail fit without an ellipsis', () => {
  for (const label of ['ledger', 'data-postgres-0', 'nfs-shared-media', 'x'.repeat(30)]) {
    for (const detail of [
      'default · bound',
      '400Gi · `Available`',
      'ebs.csi.aws.com · default class',
    ]) {
      const node = { label, detail } as GraphNode;
      const width = nodeWidth(node);
      if (width < 320) {
        assert.ok(labelCapacity(width) >= [...label].length, `${label} fits in ${width}px`);
        assert.ok(detailCapacity(width) >= shownLength(detail), `${detail} fits in ${width}px`);
      }
    }
  }
});

void test("a generic ephemeral volume's claim: a node of its own, linked to its pod, its origin in the tooltip", () => {
  const withPod: BindingInput = {
    ...input(),
    workloads: [
      {
        kind: 'Deployment',
        name: 'worker',
        namespace: 'ci',
        podSpec: {
          containers: [],
          volumes: [
            {
              name: 'cache',
              ephemeral: {
                volumeClaimTemplate: {
                  spec: {
                    accessModes: ['ReadWriteOnce'],
                    storageClassName: 'slow',
                    resources: { requests: { storage: '1Gi' } },
                  },
                },
              },
            },
          ],
        },
      },
    ],
  };
  for (const lang of ['en', 'ru'] as const) {
    const g = buildGraph(simulateBindings(withPod), lang, strings);
    const node = g.nodes.find((n) => n.id === claimId('ci', 'worker-…-cache'))!;
    assert.equal(node.label, 'worker-…-cache');
    assert.equal(node.claim?.ephemeral?.workload, 'worker');
    assert.match(node.tooltip, lang === 'en' ? /each pod of Deployment “worker”/ : /«worker»/);
    assert.doesNotMatch(node.tooltip, /`/);
    assert.ok(
      g.edges.some(
        (e) =>
          e.from === claimId('ci', 'worker-…-cache') && e.to === 'workload:Deployment/ci/worker',
      ),
    );
  }
});

void test("a restore's tooltip names the snapshot it reads, as plain text in each language", () => {
  const base = input();
  const restore: Sourced<PersistentVolumeClaim> = {
    object: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'db-restored', namespace: 'shop' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        dataSource: {
          apiGroup: 'snapshot.storage.k8s.io',
          kind: 'VolumeSnapshot',
          name: 'db-nightly',
        },
      },
    },
  };
  const data = simulateBindings({ ...base, claims: [...base.claims, restore] });
  const en = buildGraph(data, 'en', strings).nodes.find(
    (n) => n.id === claimId('shop', 'db-restored'),
  )!;
  const ru = buildGraph(data, 'ru', strings).nodes.find(
    (n) => n.id === claimId('shop', 'db-restored'),
  )!;
  assert.match(en.tooltip, /Restored from VolumeSnapshot “db-nightly”/);
  assert.match(ru.tooltip, /из снимка тома \(VolumeSnapshot\) «db-nightly»/);
  assert.equal(en.claim?.dataSource?.type, 'restore');
});
