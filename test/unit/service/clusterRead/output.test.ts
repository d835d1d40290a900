import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, parseAllDocuments } from 'yaml';
import {
  itemsOfKind,
  nodeLabelsOnly,
  parseContextNames,
  parseKubectlList,
  readList,
  snapshotText,
} from '../../../../server/src/service/clusterRead/output';
import {
  NODE_RESOURCE,
  STORAGE_RESOURCES,
} from '../../../../server/src/service/clusterRead/resources';

/** What `kubectl get persistentvolumeclaims -A -o yaml` prints (kubectl 1.35). */
const claimsOutput = `apiVersion: v1
items:
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    annotations:
      pv.kubernetes.io/bind-completed: "yes"
      pv.kubernetes.io/bound-by-controller: "yes"
    creationTimestamp: "2026-03-02T10:01:40Z"
    finalizers:
    - kubernetes.io/pvc-protection
    name: data-redis-0
    namespace: cache
    resourceVersion: "90211"
    uid: 0c9f6e1a-58d2-4c3b-9e0a-2f4b6d8a1c3e
  spec:
    accessModes:
    - ReadWriteOnce
    resources:
      requests:
        storage: 8Gi
    storageClassName: standard-rwo
    volumeMode: Filesystem
    volumeName: pvc-0c9f6e1a-58d2-4c3b-9e0a-2f4b6d8a1c3e
  status:
    accessModes:
    - ReadWriteOnce
    capacity:
      storage: 8Gi
    phase: Bound
kind: List
metadata:
  resourceVersion: ""
`;

/** kubectl prints an empty list this way (and with its error when RBAC forbids the list). */
const emptyOutput = `apiVersion: v1
items: []
kind: List
metadata:
  resourceVersion: ""
`;

const nodesOutput = `apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      node.alpha.kubernetes.io/ttl: "0"
    labels:
      cloud.google.com/gke-nodepool: default-pool
      kubernetes.io/hostname: gke-main-default-pool-5c1e-abcd
      topology.gke.io/zone: europe-west4-a
      topology.kubernetes.io/zone: europe-west4-a
    name: gke-main-default-pool-5c1e-abcd
  spec:
    podCIDR: 10.8.0.0/24
  status:
    images:
    - names:
      - registry.k8s.io/pause@sha256:7031c1b2
      sizeBytes: 268403
    nodeInfo:
      kubeletVersion: v1.34.2-gke.1000
kind: List
metadata:
  resourceVersion: ""
`;

const pvc = STORAGE_RESOURCES.find((r) => r.plural === 'persistentvolumeclaims')!;

void describe('kubectl -o yaml output', () => {
  void it('a kind: List with its items', () => {
    const parsed = parseKubectlList(claimsOutput);
    assert.ok(parsed.ok);
    assert.equal(parsed.items.length, 1);
    assert.equal(itemsOfKind(parsed.items, 'PersistentVolumeClaim').length, 1);
    assert.deepEqual(parseKubectlList(emptyOutput), { ok: true, items: [] });
    // A typed list (what `kubectl get --raw` or an older kubectl returns) is a list too.
    const typed = parseKubectlList(
      'apiVersion: v1\nkind: PersistentVolumeClaimList\nitems: null\n',
    );
    assert.deepEqual(typed, { ok: true, items: [] });
  });

  void it('anything but a list is a reason, never an exception', () => {
    for (const text of [
      '',
      'error: something',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: x}\n',
      'kind: List\nitems: {a: 1}\n',
      'kind: List\nitems: [\n',
      '- a\n- b\n',
    ]) {
      const parsed = parseKubectlList(text);
      assert.equal(parsed.ok, false, text);
      assert.ok(!parsed.ok && parsed.reason.length > 0);
    }
  });

  void it('items of another kind or without a name are not counted', () => {
    const items = [
      { kind: 'PersistentVolumeClaim', metadata: { name: 'a' } },
      { kind: 'PersistentVolumeClaim', metadata: {} },
      { kind: 'Status', metadata: { name: 'b' } },
    ];
    assert.deepEqual(
      itemsOfKind(items, 'PersistentVolumeClaim').map((i) => (i.metadata as { name: string }).name),
      ['a'],
    );
  });

  void it('a node keeps its name and labels only', () => {
    const read = readList(NODE_RESOURCE, nodesOutput);
    assert.ok(read.ok);
    assert.equal(read.list.count, 1);
    const list = parse(read.list.document) as { kind: string; items: unknown[] };
    assert.equal(list.kind, 'List');
    assert.deepEqual(list.items, [
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: 'gke-main-default-pool-5c1e-abcd',
          labels: {
            'cloud.google.com/gke-nodepool': 'default-pool',
            'kubernetes.io/hostname': 'gke-main-default-pool-5c1e-abcd',
            'topology.gke.io/zone': 'europe-west4-a',
            'topology.kubernetes.io/zone': 'europe-west4-a',
          },
        },
      },
    ]);
    assert.deepEqual(nodeLabelsOnly({ metadata: { name: 'n', labels: { a: 1, b: 'x' } } }), {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n', labels: { b: 'x' } },
    });
  });

  void it('the storage kinds are kept as kubectl printed them', () => {
    const read = readList(pvc, claimsOutput);
    assert.ok(read.ok);
    assert.equal(read.list.document, claimsOutput);
    assert.equal(read.list.count, 1);
    assert.equal(readList(pvc, 'not: a list\n').ok, false);
  });

  void it('context names, one a line', () => {
    assert.deepEqual(
      parseContextNames('kind-dev\r\narn:aws:eks:eu-west-1:123456789012:cluster/prod\n\n'),
      ['kind-dev', 'arn:aws:eks:eu-west-1:123456789012:cluster/prod'],
    );
    assert.deepEqual(parseContextNames(''), []);
  });

  void it('the snapshot: a comment, then one document per list', () => {
    const claims = readList(pvc, claimsOutput);
    const nodes = readList(NODE_RESOURCE, nodesOutput);
    assert.ok(claims.ok && nodes.ok);
    const text = snapshotText(
      {
        context: 'gke_shop_europe-west4_main',
        readAt: '2026-12-06T12:00:00.000Z',
        notRead: ['persistentvolumes: forbidden (Error from server (Forbidden): …\nsecond line)'],
      },
      [{ ...claims.list, namespace: 'cache' }, nodes.list],
    );
    assert.match(
      text,
      /^# Cluster snapshot: kubectl context "gke_shop_europe-west4_main", read 2026-12-06T12:00:00.000Z by kube-storage\n/,
    );
    assert.match(text, /^# persistentvolumeclaims: namespace cache only$/m);
    assert.match(
      text,
      /^# not read: persistentvolumes: forbidden \(Error from server \(Forbidden\): … second line\)$/m,
    );
    const documents = parseAllDocuments(text).map(
      (d) => d.toJS() as { kind: string; items: { kind: string }[] },
    );
    assert.deepEqual(
      documents.map((d) => [d.kind, d.items.map((i) => i.kind)]),
      [
        ['List', ['PersistentVolumeClaim']],
        ['List', ['Node']],
      ],
    );
    // Without any list, the comment alone.
    assert.equal(
      parseAllDocuments(snapshotText({ context: 'c', readAt: 't', notRead: [] }, [])).length,
      0,
    );
  });
});
