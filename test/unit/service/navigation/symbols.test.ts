import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../../server/src/service/workspace/workspace';
import {
  documentSymbols,
  workspaceSymbols,
} from '../../../../server/src/service/navigation/symbols';
import { files, workloads } from './fixtures';

void test('outline: Kind/name per document, with containers and volumes', () => {
  const workspace = new Workspace();
  const file = workspace.setFile('file:///ws/workloads.yaml', workloads)!;
  const symbols = documentSymbols(file);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['Pod/app', 'Service/db', 'StatefulSet/db'],
  );
  const pod = symbols[0]!;
  assert.deepEqual(
    pod.children.map((c) => `${c.name}(${c.children.map((x) => x.name).join(',')})`),
    ['containers(app)', 'volumes(vol,cfg)'],
  );
  assert.equal(pod.children[1]!.children[0]!.detail, 'persistentVolumeClaim: data');
  const sts = symbols[2]!;
  assert.deepEqual(
    sts.children.map((c) => c.name),
    ['volumeClaimTemplates', 'containers', 'volumes'],
  );
  assert.equal(sts.children[0]!.children[0]!.name, 'pgdata');
  // The selection is the object's name, inside the object's range.
  assert.equal(sts.selectionRange.start.line, 41);
  assert.ok(sts.range.start.line <= sts.selectionRange.start.line);
});

void test('workspace symbols: query over Kind/name in every file', () => {
  const workspace = new Workspace();
  for (const [uri, text] of Object.entries(files)) workspace.setFile(uri, text);
  assert.deepEqual(workspaceSymbols(workspace, 'zzz'), []);
  assert.deepEqual(
    workspaceSymbols(workspace, 'claim/data').map((s) => `${s.name}@${s.namespace ?? ''}`),
    ['PersistentVolumeClaim/data@', 'PersistentVolumeClaim/data@other'],
  );
  assert.equal(workspaceSymbols(workspace, '').length, 9);
  assert.ok(workspaceSymbols(workspace, 'stcl').some((s) => s.name === 'StorageClass/fast'));
});
