import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  definition,
  prepareRename,
  references,
  rename,
} from '../../../../server/src/service/navigation/navigate';
import { show, workspaceWith } from './helpers';
import { withCursor } from './fixtures';

function defs(files: Record<string, string>): string[] {
  const s = workspaceWith(files);
  return definition(s.workspace, s.uri, s.position).map((l) => show(s.texts, l));
}

function refs(files: Record<string, string>, includeDeclaration = false): string[] {
  const s = workspaceWith(files);
  return references(s.workspace, s.uri, s.position, includeDeclaration)
    .map((l) => show(s.texts, l))
    .sort();
}

void test('definition: claimName -> the claim in the same namespace only', () => {
  assert.deepEqual(defs(withCursor('file:///ws/workloads.yaml', 'claimName: data', 12)), [
    'claims.yaml:4:data',
  ]);
});

void test('definition: storageClassName -> StorageClass, volumeName -> PV, claimRef -> claim', () => {
  assert.deepEqual(defs(withCursor('file:///ws/claims.yaml', 'storageClassName: fast', 19)), [
    'storage.yaml:4:fast',
  ]);
  assert.deepEqual(defs(withCursor('file:///ws/claims.yaml', 'volumeName: pv-1', 13)), [
    'storage.yaml:10:pv-1',
  ]);
  assert.deepEqual(defs(withCursor('file:///ws/storage.yaml', 'name: data', 7)), [
    'claims.yaml:4:data',
  ]);
});

void test('definition: a quoted class name', () => {
  assert.deepEqual(defs(withCursor('file:///ws/claims.yaml', 'storageClassName: "fast"', 20)), [
    'storage.yaml:4:fast',
  ]);
});

void test('definition: volumeMounts name -> the pod volume; in a StatefulSet also the claim template', () => {
  assert.deepEqual(defs(withCursor('file:///ws/workloads.yaml', 'name: vol', 7)), [
    'workloads.yaml:21:vol',
  ]);
  assert.deepEqual(defs(withCursor('file:///ws/workloads.yaml', 'name: pgdata', 7)), [
    'workloads.yaml:61:pgdata',
  ]);
});

void test('definition: serviceName -> Service, configMap/secret in projected sources and env', () => {
  assert.deepEqual(defs(withCursor('file:///ws/workloads.yaml', 'serviceName: db', 13)), [
    'workloads.yaml:35:db',
  ]);
  assert.deepEqual(defs(withCursor('file:///ws/workloads.yaml', 'name: settings', 7)), [
    'config.yaml:4:settings',
  ]);
  assert.deepEqual(defs(withCursor('file:///ws/workloads.yaml', 'name: creds', 7)), [
    'config.yaml:9:creds',
  ]);
});

void test('nothing where no name links objects', () => {
  assert.deepEqual(defs(withCursor('file:///ws/workloads.yaml', 'image: busybox', 8)), []);
});

void test('references of a claim from its definition: claimName and claimRef across files', () => {
  assert.deepEqual(refs(withCursor('file:///ws/claims.yaml', 'name: data', 7)), [
    'storage.yaml:17:data',
    'workloads.yaml:23:data',
    'workloads.yaml:58:data',
  ]);
});

void test('references with the declaration, from a reference', () => {
  assert.deepEqual(
    refs(withCursor('file:///ws/storage.yaml', 'storageClassName: fast', 19), true),
    [
      'claims.yaml:19:fast',
      'claims.yaml:6:fast',
      'storage.yaml:12:fast',
      'storage.yaml:4:fast',
      'workloads.yaml:63:fast',
    ],
  );
});

void test('references of a pod volume stay inside its pod', () => {
  assert.deepEqual(refs(withCursor('file:///ws/workloads.yaml', 'name: vol', 7), true), [
    'workloads.yaml:10:vol',
    'workloads.yaml:21:vol',
  ]);
});

void test('references of a PV and of a Secret', () => {
  assert.deepEqual(refs(withCursor('file:///ws/storage.yaml', 'name: pv-1', 7)), [
    'claims.yaml:7:pv-1',
  ]);
  assert.deepEqual(refs(withCursor('file:///ws/config.yaml', 'name: creds', 7)), [
    'workloads.yaml:18:creds',
    'workloads.yaml:30:creds',
  ]);
});

void test('rename a claim: its definition and every reference across the workspace', () => {
  const s = workspaceWith(withCursor('file:///ws/workloads.yaml', 'claimName: data', 12));
  const result = rename(s.workspace, s.uri, s.position, 'pg-data');
  assert.ok(result.ok);
  const edits = Object.entries(result.changes).flatMap(([uri, list]) =>
    list.map((e) => `${show(s.texts, { uri, range: e.range })}->${e.newText}`),
  );
  assert.deepEqual(edits.sort(), [
    'claims.yaml:4:data->pg-data',
    'storage.yaml:17:data->pg-data',
    'workloads.yaml:23:data->pg-data',
    'workloads.yaml:58:data->pg-data',
  ]);
});

void test('rename a StorageClass keeps quotes around a quoted reference', () => {
  const s = workspaceWith(withCursor('file:///ws/storage.yaml', 'name: fast', 7));
  const result = rename(s.workspace, s.uri, s.position, 'gp3');
  assert.ok(result.ok);
  const claimsEdits = result.changes['file:///ws/claims.yaml']!;
  const quoted = claimsEdits.find((e) => e.range.start.line === 18)!;
  assert.equal(
    s.texts['file:///ws/claims.yaml']!.split('\n')[18]!.slice(0, quoted.range.start.character),
    '  storageClassName: "',
  );
  assert.equal(Object.values(result.changes).flat().length, 5);
});

void test('rename a pod volume: volumes[].name and its mounts, not other pods', () => {
  const s = workspaceWith(withCursor('file:///ws/workloads.yaml', '- name: vol', 9));
  const result = rename(s.workspace, s.uri, s.position, 'storage');
  assert.ok(result.ok);
  const lines = Object.values(result.changes)
    .flat()
    .map((e) => e.range.start.line + 1)
    .sort((a, b) => a - b);
  assert.deepEqual(lines, [10, 21]);
});

void test('rename a Service and a PV', () => {
  const svc = workspaceWith(withCursor('file:///ws/workloads.yaml', 'serviceName: db', 13));
  const r1 = rename(svc.workspace, svc.uri, svc.position, 'db-headless');
  assert.ok(r1.ok);
  assert.equal(Object.values(r1.changes).flat().length, 2);
  const pv = workspaceWith(withCursor('file:///ws/claims.yaml', 'volumeName: pv-1', 13));
  const r2 = rename(pv.workspace, pv.uri, pv.position, 'pv-one');
  assert.ok(r2.ok);
  assert.deepEqual(Object.keys(r2.changes).sort(), [
    'file:///ws/claims.yaml',
    'file:///ws/storage.yaml',
  ]);
});

void test('rename refuses invalid names and positions that name nothing', () => {
  const s = workspaceWith(withCursor('file:///ws/workloads.yaml', 'serviceName: db', 13));
  const bad = rename(s.workspace, s.uri, s.position, 'Bad_Name');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.message.ru, /не годится/);
  const nothing = workspaceWith(withCursor('file:///ws/workloads.yaml', 'image: busybox', 8));
  const p = prepareRename(nothing.workspace, nothing.uri, nothing.position);
  assert.equal(p.ok, false);
});

void test('prepareRename gives the range and the current name', () => {
  const s = workspaceWith(withCursor('file:///ws/claims.yaml', 'storageClassName: "fast"', 21));
  const p = prepareRename(s.workspace, s.uri, s.position);
  assert.ok(p.ok);
  assert.equal(p.placeholder, 'fast');
  assert.deepEqual(p.range, {
    start: { line: 18, character: 21 },
    end: { line: 18, character: 25 },
  });
});

void test('names in Helm templates are not renamed', () => {
  const s = workspaceWith({
    'file:///ws/chart/templates/pvc.yaml':
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {{ .Release.Name }}-data\nspec:\n  storageClassName: fa|st\n',
    'file:///ws/sc.yaml':
      'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: x\n',
  });
  assert.equal(prepareRename(s.workspace, s.uri, s.position).ok, false);
  // Definition still works from a template.
  assert.deepEqual(
    definition(s.workspace, s.uri, s.position).map((l) => l.uri),
    ['file:///ws/sc.yaml'],
  );
});

void test('volumeAttributesClassName links to its VolumeAttributesClass, both ways', () => {
  const files = {
    'file:///ws/vac.yaml':
      'apiVersion: storage.k8s.io/v1\nkind: VolumeAttributesClass\nmetadata:\n  name: gold\ndriverName: x\n',
    'file:///ws/pvc.yaml':
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  volumeAttributesClassName: go|ld\n',
  };
  assert.deepEqual(defs(files), ['vac.yaml:4:gold']);
  const s = workspaceWith({
    ...files,
    'file:///ws/pvc.yaml': files['file:///ws/pvc.yaml'].replace('|', ''),
    'file:///ws/vac.yaml': files['file:///ws/vac.yaml'].replace('name: gold', 'name: g|old'),
  });
  assert.deepEqual(
    references(s.workspace, s.uri, s.position, false).map((l) => show(s.texts, l)),
    ['pvc.yaml:6:gold'],
  );
});
