/** Large graphs in groups, and the key that lets an unchanged graph skip its layout. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateBindings, type BindingInput } from '../../../../../server/src/service/binding';
import { buildGraph, filterGraph } from '../../../../../client/webview/bindingPreview/model';
import {
  AGGREGATE_ABOVE,
  aggregateGraph,
  graphKey,
} from '../../../../../client/webview/bindingPreview/aggregate';
import { isViewState } from '../../../../../server/src/webviewProtocol/bindingPreview';
import { english } from '../../../../../client/src/bindingPreview/uiText';

/** `count` claims in two namespaces; every third asks for a class nobody defines (Pending). */
function input(count: number): BindingInput {
  const claims = [];
  const volumes = [];
  for (let i = 0; i < count; i++) {
    const namespace = i % 2 ? 'shop' : 'billing';
    const pending = i % 3 === 0;
    claims.push({
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: `data-${i}`, namespace },
        spec: {
          storageClassName: pending ? 'missing' : 'manual',
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
        },
      },
    });
    if (!pending)
      volumes.push({
        object: {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: `pv-${i}` },
          spec: {
            capacity: { storage: '1Gi' },
            accessModes: ['ReadWriteOnce'],
            storageClassName: 'manual',
            claimRef: { namespace, name: `data-${i}` },
          },
        },
      });
  }
  return { claims, volumes, storageClasses: [], statefulSets: [], workloads: [] } as BindingInput;
}

const graphOf = (count: number) => buildGraph(simulateBindings(input(count)), 'en', english);

test('a large graph is drawn as groups by kind, namespace (or class) and status', () => {
  const graph = graphOf(600);
  assert.ok(graph.nodes.length > AGGREGATE_ABOVE);
  const grouped = aggregateGraph(graph, english);
  const claimGroups = grouped.nodes.filter((n) => n.kind === 'claim');
  // Two namespaces × two outcomes (bound, pending).
  assert.deepEqual(claimGroups.map((n) => `${n.label} ${n.status} ${n.group?.count}`).sort(), [
    'billing bound 200',
    'billing pending 100',
    'shop bound 200',
    'shop pending 100',
  ]);
  const volumeGroups = grouped.nodes.filter((n) => n.kind === 'volume');
  assert.deepEqual(
    volumeGroups.map((n) => `${n.label} ${n.status} ${n.group?.count}`),
    ['manual bound 400'],
  );
  assert.equal(
    grouped.nodes.reduce((sum, n) => sum + (n.group?.count ?? 1), 0),
    graph.nodes.length,
    'every object is in exactly one box',
  );
  // Edges between groups, once each: volumes → bound claims of each namespace.
  assert.deepEqual(grouped.edges.map((e) => e.id).sort(), [
    'group:volume:manual:bound->group:claim:billing:bound',
    'group:volume:manual:bound->group:claim:shop:bound',
  ]);
  assert.match(claimGroups[0]!.detail, /^\d+ · /);
});

test('a group of one is the object itself', () => {
  const graph = graphOf(4);
  const grouped = aggregateGraph(filterGraph(graph, 'shop', ''), english);
  assert.ok(grouped.nodes.every((n) => !n.group || n.group.count > 1));
  assert.ok(grouped.nodes.some((n) => n.id.startsWith('claim:shop/')));
});

test('the graph key changes with what is drawn and only then', () => {
  const a = graphOf(30);
  const b = graphOf(30);
  assert.equal(graphKey(a), graphKey(b), 'the same result draws the same picture');
  const changed = input(30);
  changed.volumes.splice(0, 1); // pv-1 goes: data-1 stays Pending
  const c = buildGraph(simulateBindings(changed), 'en', english);
  assert.notEqual(graphKey(a), graphKey(c), 'an outcome that moved is drawn again');
});

test('the view state keeps a sane zoom only', () => {
  const base = { scope: 'workspace', namespace: '', search: '', nodeLabels: '' };
  assert.ok(isViewState({ ...base, zoom: 1.5 }));
  assert.ok(!isViewState({ ...base, zoom: 0 }));
  assert.ok(!isViewState({ ...base, zoom: 'big' }));
});
