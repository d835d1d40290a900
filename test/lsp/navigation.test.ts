import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  DocumentSymbol,
  Location,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';
import { positionIn, startOnFixture, textOf, uriOf } from './navigationSupport';

let client: TestClient;

before(async () => {
  client = await startOnFixture('en');
});

after(async () => {
  await client?.stop();
});

function show(loc: { uri: string; range: Location['range'] }): string {
  const name = loc.uri.split('/').pop()!;
  const line = textOf(name).split('\n')[loc.range.start.line]!;
  return `${name}:${loc.range.start.line + 1}:${line.slice(loc.range.start.character, loc.range.end.character)}`;
}

function at(name: string, needle: string, offset: number, nth = 1) {
  return { textDocument: { uri: uriOf(name) }, position: positionIn(name, needle, offset, nth) };
}

void test('definition: claimName in a Deployment -> the claim in another file', async () => {
  const locations = await client.request<Location[]>(
    'textDocument/definition',
    at('shop.yaml', 'claimName: uploads', 12),
  );
  assert.deepEqual(locations.map(show), ['claims.yaml:4:uploads']);
});

void test('definition: volumeName -> PV, storageClassName -> class, serviceName -> Service', async () => {
  const pv = await client.request<Location[]>(
    'textDocument/definition',
    at('claims.yaml', 'volumeName: pv-archive', 13),
  );
  assert.deepEqual(pv.map(show), ['volumes.yaml:4:pv-archive']);
  const sc = await client.request<Location[]>(
    'textDocument/definition',
    at('database.yaml', 'storageClassName: fast', 19),
  );
  assert.deepEqual(sc.map(show), ['storage-classes.yaml:5:fast']);
  const svc = await client.request<Location[]>(
    'textDocument/definition',
    at('database.yaml', 'serviceName: db', 14),
  );
  assert.deepEqual(svc.map(show), ['database.yaml:4:db-headless']);
});

void test('definition: a volume mount -> its pod volume / claim template', async () => {
  const local = await client.request<Location[]>(
    'textDocument/definition',
    at('shop.yaml', '- name: archive', 9),
  );
  assert.deepEqual(local.map(show), ['shop.yaml:40:archive']);
  const template = await client.request<Location[]>(
    'textDocument/definition',
    at('database.yaml', '- name: pgdata', 9),
  );
  assert.deepEqual(template.map(show), ['database.yaml:37:pgdata']);
});

void test('references of a claim, from its definition, across files (claimName and claimRef)', async () => {
  const locations = await client.request<Location[]>('textDocument/references', {
    ...at('claims.yaml', 'name: archive', 7),
    context: { includeDeclaration: true },
  });
  assert.deepEqual(locations.map(show).sort(), [
    'claims.yaml:17:archive',
    'shop.yaml:42:archive',
    'volumes.yaml:13:archive',
  ]);
});

void test('references of a StorageClass', async () => {
  const locations = await client.request<Location[]>('textDocument/references', {
    ...at('storage-classes.yaml', 'name: fast', 7),
    context: { includeDeclaration: false },
  });
  assert.deepEqual(locations.map(show).sort(), ['claims.yaml:7:fast', 'database.yaml:39:fast']);
});

void test('rename a claim: one WorkspaceEdit over every file that names it', async () => {
  const prepared = await client.request<{ range: Location['range']; placeholder: string }>(
    'textDocument/prepareRename',
    at('shop.yaml', 'claimName: archive', 12),
  );
  assert.equal(prepared.placeholder, 'archive');
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
    ...at('shop.yaml', 'claimName: archive', 12),
    newName: 'archive-ro',
  });
  const edits = Object.entries(edit.changes ?? {}).flatMap(([uri, list]) =>
    list.map((e) => `${show({ uri, range: e.range })}->${e.newText}`),
  );
  assert.deepEqual(edits.sort(), [
    'claims.yaml:17:archive->archive-ro',
    'shop.yaml:42:archive->archive-ro',
    'volumes.yaml:13:archive->archive-ro',
  ]);
});

void test('rename refuses a position that names nothing, and an invalid name, with a message', async () => {
  await assert.rejects(
    client.request('textDocument/prepareRename', at('shop.yaml', 'image: registry', 8)),
    /Only names that link objects/,
  );
  await assert.rejects(
    client.request('textDocument/rename', {
      ...at('database.yaml', 'serviceName: db', 14),
      newName: 'DB_Main',
    }),
    /not a valid name/,
  );
});

void test('document symbols: Kind/name per document with its sections', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
    textDocument: { uri: uriOf('database.yaml') },
  });
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['Service/db-headless', 'StatefulSet/db'],
  );
  assert.deepEqual(
    symbols[1]!.children!.map((c) => `${c.name}:${c.children!.map((x) => x.name).join(',')}`),
    ['volumeClaimTemplates:pgdata', 'containers:postgres'],
  );
});

void test('workspace symbols: a query over every indexed file', async () => {
  const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'claim' });
  assert.deepEqual(symbols.map((s) => `${s.name}@${s.containerName}`).sort(), [
    'PersistentVolumeClaim/archive@shop',
    'PersistentVolumeClaim/uploads@shop',
  ]);
});
