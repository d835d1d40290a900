/**
 * "No item that would make the document invalid is offered first": the first item, inserted,
 * leaves a document without errors; every skeleton is a valid object as soon as it is inserted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../../server/src/service';
import type { KubeCompletionItem } from '../../../../server/src/service/completion';
import { cursor } from '../../../support/cursor';
import { sorted } from './helpers';

const others: Record<string, string> = {
  'file:///ws/classes.yaml':
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: standard\nprovisioner: ebs.csi.aws.com\n',
  'file:///ws/claims.yaml':
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: standard\n  resources:\n    requests:\n      storage: 1Gi\n',
  'file:///ws/volumes.yaml':
    'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: taken\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  claimRef:\n    name: someone-else\n    namespace: default\n  hostPath:\n    path: /a\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: free\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /b\n',
  'file:///ws/svc.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  ports: [{port: 1}]\n',
};

const URI = 'file:///ws/current.yaml';

/** Inserts an item as the editor would, taking each placeholder's default (or first choice). */
function apply(text: string, item: KubeCompletionItem): string {
  const lines = text.split('\n');
  const { start, end } = item.range;
  const line = lines[start.line]!;
  let insert = item.insertText;
  if (item.snippet) {
    // Placeholders take their default (or first choice); `${1}` mirrors placeholder 1.
    const values = new Map<string, string>();
    const keep = (n: string, v: string): string => {
      if (!values.has(n)) values.set(n, v);
      return values.get(n)!;
    };
    for (let i = 0; i < 5; i++) {
      insert = insert
        .replace(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g, (_, n: string, v: string) => keep(n, v))
        .replace(/\$\{(\d+):([^{}$]*)\}/g, (_, n: string, v: string) => keep(n, v))
        .replace(/\$\{(\d+)\}/g, (whole, n: string) => values.get(n) ?? whole);
    }
    insert = insert.replace(/\$\d+/g, '');
  }
  lines[start.line] = line.slice(0, start.character) + insert + line.slice(end.character);
  return lines.join('\n');
}

function errorsOf(text: string): string[] {
  const service = getLanguageService();
  for (const [uri, t] of Object.entries(others)) service.setFile(uri, t);
  service.setFile(URI, text, 'editor', 1);
  return service
    .getDiagnostics(URI)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message.en}`);
}

function firstItem(textWithCursor: string): { text: string; item: KubeCompletionItem } {
  const { text, position } = cursor(textWithCursor);
  const service = getLanguageService();
  for (const [uri, t] of Object.entries(others)) service.setFile(uri, t);
  service.setFile(URI, text, 'editor', 1);
  const items = service.complete(URI, position, 'en');
  assert.ok(items.length > 0, `no items for ${textWithCursor}`);
  return { text, item: sorted(items)[0]! };
}

const PVC =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  resources: {requests: {storage: 1Gi}}\n';
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: busybox\n';

const cases: Record<string, string> = {
  enum: `${PVC}  volumeMode: |\n`,
  'list item enum': `${PVC}  accessModes:\n    - |\n`,
  'flow list enum': `${PVC}  accessModes: [|]\n`,
  quantity:
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  resources:\n    requests:\n      storage: |\n',
  'storage class': `${PVC}  storageClassName: |\n`,
  'volume name (the free volume, not the pre-bound one)': `${PVC}  volumeName: |\n`,
  'claim name': `${POD}  volumes:\n    - name: v\n      persistentVolumeClaim:\n        claimName: |\n`,
  'apiVersion for the kind':
    'apiVersion: |\nkind: StorageClass\nmetadata:\n  name: s\nprovisioner: x\n',
  'kind for the apiVersion':
    'apiVersion: storage.k8s.io/v1\nkind: |\nmetadata:\n  name: s\nprovisioner: x\n',
  boolean:
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: s\nprovisioner: x\nallowVolumeExpansion: |\n',
  'service name':
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n  serviceName: |\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers: [{name: a, image: b}]\n',
  'volume mount name': `${POD}      volumeMounts:\n        - mountPath: /d\n          name: |\n  volumes:\n    - name: d\n      emptyDir: {}\n`,
  'scalar key': `${PVC}  storageClassName: standard\n  |\n`,
};

for (const [name, textWithCursor] of Object.entries(cases)) {
  void test(`the first item keeps the document valid: ${name}`, () => {
    const { text, item } = firstItem(textWithCursor);
    const result = apply(text, item);
    if (name.startsWith('scalar key')) {
      // A key is inserted with its value still to come; the check is that it is not a duplicate.
      assert.doesNotMatch(errorsOf(result).join('\n'), /duplicate/i);
      return;
    }
    assert.deepEqual(errorsOf(result), [], `after inserting ${item.label}:\n${result}`);
  });
}

void test('every skeleton is a valid object as soon as it is inserted', () => {
  const { text, position } = cursor('|');
  const service = getLanguageService();
  for (const [uri, t] of Object.entries(others)) service.setFile(uri, t);
  service.setFile(URI, text, 'editor', 1);
  const skeletons = service.complete(URI, position, 'en').filter((i) => i.kind === 'snippet');
  assert.ok(skeletons.length >= 5);
  for (const item of skeletons) {
    const result = apply(text, item);
    assert.deepEqual(errorsOf(result), [], `${item.label}:\n${result}`);
  }
});
