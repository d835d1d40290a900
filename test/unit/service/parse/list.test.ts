/**
 * `kind: List` and typed lists (`PersistentVolumeList`): what `kubectl get … -o yaml` and the API
 * print. Their items are objects — indexed with their own ranges, checked where they are written,
 * linked, simulated — and the list itself is not reported as an unknown kind.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures');

/** `kubectl get pvc,pv -o yaml` output, trimmed; an item with a typo and one without a request. */
const kubectlList = `apiVersion: v1
items:
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    creationTimestamp: "2024-08-01T10:00:00Z"
    name: data
    namespace: shop
    resourceVersion: "5521"
    uid: 7c6d5e4f-3a2b-4c1d-9e8f-706152433425
  spec:
    accessModes:
    - ReadWriteOnse
    resources:
      requests:
        storage: 5Gi
    storageClassName: standard
- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: scratch
    namespace: shop
  spec:
    accessModes:
    - ReadWriteOnce
    storageClassName: standard
kind: List
metadata:
  resourceVersion: ""
`;

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: shop-api
  namespace: shop
spec:
  containers:
    - name: api
      image: registry.example.com/shop/api:1.4.0
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
`;

function codesAt(diagnostics: KubeDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
}

describe('kind: List', () => {
  it('indexes each item as an object with the range of the item', () => {
    const service = getLanguageService();
    service.setFile('file:///ws/list.yaml', kubectlList);
    const claims = service.workspace.objectsOfKind('PersistentVolumeClaim');
    assert.deepEqual(
      claims.map((o) => [o.name, o.namespace, o.range.start.line, o.range.end.line, o.nameRange]),
      [
        [
          'data',
          'shop',
          2,
          17,
          { start: { line: 6, character: 10 }, end: { line: 6, character: 14 } },
        ],
        [
          'scratch',
          'shop',
          17,
          26,
          { start: { line: 20, character: 10 }, end: { line: 20, character: 17 } },
        ],
      ],
    );
    assert.equal(service.workspace.objectsOfKind('List').length, 0, 'the list is not an object');
  });

  it('checks each item at its own lines, and not the list as an unknown kind', () => {
    const service = getLanguageService();
    service.setFile('file:///ws/list.yaml', kubectlList);
    assert.deepEqual(codesAt(service.getDiagnostics('file:///ws/list.yaml')), [
      '12:invalid-enum',
      '16:storage-class-not-found',
      '22:claim-without-storage-request',
      '25:storage-class-not-found',
    ]);
  });

  it('links a pod to a claim that is an item of a list (no claim-not-found; definition)', () => {
    const service = getLanguageService();
    service.setFile('file:///ws/list.yaml', kubectlList);
    service.setFile('file:///ws/pod.yaml', pod);
    const codes = codesAt(service.getDiagnostics('file:///ws/pod.yaml'));
    assert.ok(!codes.some((c) => c.endsWith('claim-not-found')), codes.join());
    const targets = service.definition('file:///ws/pod.yaml', { line: 15, character: 21 });
    assert.deepEqual(
      targets.map((t) => [t.uri, t.range.start.line]),
      [['file:///ws/list.yaml', 6]],
    );
  });

  it('hovers a field inside an item with the docs of the item kind', () => {
    const service = getLanguageService();
    service.setFile('file:///ws/list.yaml', kubectlList);
    const hover = service.hover('file:///ws/list.yaml', { line: 16, character: 6 }, 'en');
    assert.ok(hover, 'a hover on storageClassName of the first item');
    assert.match(hover.contents, /storageClassName/);
  });

  it('simulates the items of a list', () => {
    const service = getLanguageService();
    service.setFile('file:///ws/list.yaml', kubectlList);
    const result = service.bindings();
    assert.deepEqual(
      result.claims.map((c) => [c.name, c.source?.range.start.line]),
      [
        ['data', 2],
        ['scratch', 17],
      ],
    );
  });

  it('checks nothing of a list when its YAML is broken, but says where', () => {
    const service = getLanguageService();
    const broken = kubectlList.replace('    - ReadWriteOnse', '    - [ReadWriteOnce');
    service.setFile('file:///ws/list.yaml', broken);
    const codes = codesAt(service.getDiagnostics('file:///ws/list.yaml'));
    assert.ok(codes.length > 0 && codes.every((c) => c.endsWith(':yaml-syntax')), codes.join());
  });

  it('reads a typed list whose items carry no apiVersion or kind (the API answer)', () => {
    const text = readFileSync(join(fixtures, 'lists', 'typed-pv-list.yaml'), 'utf8');
    const service = getLanguageService();
    service.setFile('file:///ws/pvs.yaml', text);
    const volumes = service.workspace.objectsOfKind('PersistentVolume');
    assert.deepEqual(
      volumes.map((o) => [o.name, o.apiVersion, o.range.start.line]),
      [
        ['pv-media-01', 'v1', 7],
        ['pv-media-02', 'v1', 26],
      ],
    );
    assert.deepEqual(codesAt(service.getDiagnostics('file:///ws/pvs.yaml')), [
      '33:invalid-quantity',
    ]);
  });

  it('reports an item of kind: List that names no kind, not a kind of its own', () => {
    const service = getLanguageService();
    service.setFile(
      'file:///ws/list.yaml',
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    metadata:\n      name: orphan\n',
    );
    assert.deepEqual(codesAt(service.getDiagnostics('file:///ws/list.yaml')), ['3:missing-kind']);
  });

  it('keeps a custom kind ending in List without items an object', () => {
    const service = getLanguageService();
    service.setFile(
      'file:///ws/allow.yaml',
      'apiVersion: policy.example.com/v1\nkind: AllowList\nmetadata:\n  name: registries\nspec:\n  entries: [ghcr.io]\n',
    );
    assert.deepEqual(
      service.workspace.objectsOfKind('AllowList').map((o) => o.name),
      ['registries'],
    );
  });

  it('survives odd lists: null items, scalars, an empty list, an alias across items', () => {
    const service = getLanguageService();
    service.setFile(
      'file:///ws/odd.yaml',
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  -',
        '  - 42',
        '  - apiVersion: v1',
        '    kind: PersistentVolumeClaim',
        '    metadata:',
        '      name: a',
        '      labels: &labels {app: shop}',
        '    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: {name: a, labels: *labels}',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items: []',
        '',
      ].join('\n'),
    );
    const objects = [...service.workspace.allObjects()].map((o) => `${o.kind}/${o.name}`);
    assert.deepEqual(objects, ['PersistentVolumeClaim/a', 'ConfigMap/a']);
    const configMap = service.workspace.objectsOfKind('ConfigMap')[0]!;
    assert.deepEqual(configMap.document.value(), {
      ok: true,
      data: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'a', labels: { app: 'shop' } },
      },
    });
    assert.doesNotThrow(() => service.getDiagnostics('file:///ws/odd.yaml'));
  });
});
