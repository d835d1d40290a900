import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';
import { startOnFixture, uriOf } from './navigationSupport';
import { cursor } from '../support/cursor';

let client: TestClient;
let ru: TestClient;

before(async () => {
  [client, ru] = await Promise.all([startOnFixture('en'), startOnFixture('ru')]);
});

after(async () => {
  await Promise.all([client?.stop(), ru?.stop()]);
});

let counter = 0;

/** Opens a new editor document next to the fixtures and asks for completion at its `|`. */
async function completeIn(
  c: TestClient,
  textWithCursor: string,
  trigger?: string,
): Promise<CompletionItem[]> {
  const { text, position } = cursor(textWithCursor);
  const uri = uriOf(`unsaved-${++counter}.yaml`);
  await c.open(uri, text);
  const list = await c.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position,
    ...(trigger ? { context: { triggerKind: 2, triggerCharacter: trigger } } : {}),
  });
  await c.close(uri);
  return list.items;
}

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
}

void test('the server announces completion with trigger characters', () => {
  assert.ok(
    client.initializeResult?.capabilities.completionProvider?.triggerCharacters?.includes(':'),
  );
});

void test('claimName offers the claims of the same namespace from files on disk', async () => {
  const items = await completeIn(
    client,
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  containers:\n    - name: a\n      image: x\n  volumes:\n    - name: v\n      persistentVolumeClaim:\n        claimName: |',
  );
  assert.deepEqual(items.map((i) => i.label).sort(), ['archive', 'uploads']);
  const uploads = byLabel(items, 'uploads');
  assert.match(uploads.detail ?? '', /20Gi · RWO · class fast · navigation\/claims\.yaml:4/);
  assert.equal(uploads.kind, 18 /* Reference */);
  assert.deepEqual(
    uploads.textEdit && 'range' in uploads.textEdit ? uploads.textEdit.range.start : undefined,
    {
      line: 12,
      character: 19,
    },
  );
});

void test('keys come as snippets with absolute indentation and re-open completion', async () => {
  const items = await completeIn(
    client,
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  |',
  );
  const modes = byLabel(items, 'accessModes');
  assert.equal(modes.insertTextFormat, 2 /* Snippet */);
  assert.equal(modes.insertTextMode, 1 /* asIs */);
  assert.equal(
    modes.textEdit && 'newText' in modes.textEdit ? modes.textEdit.newText : '',
    'accessModes:\n    - $0',
  );
  assert.equal(modes.command?.command, 'editor.action.triggerSuggest');
});

void test('storageClassName: the default class first, "" explained', async () => {
  const items = await completeIn(
    client,
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  storageClassName: |',
  );
  const sorted = [...items]
    .sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))
    .map((i) => i.label);
  assert.deepEqual(sorted, ['fast', 'archive', '""']);
  assert.match(byLabel(items, '""').detail ?? '', /no dynamic provisioning/);
});

void test('an empty document: apiVersion and kind first, then skeletons', async () => {
  const items = await completeIn(client, '|');
  const sorted = [...items]
    .sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))
    .map((i) => i.label);
  assert.deepEqual(sorted.slice(0, 2), ['apiVersion', 'kind']);
  const pvc = byLabel(items, 'PersistentVolumeClaim');
  assert.equal(pvc.kind, 15 /* Snippet */);
  assert.match(
    pvc.textEdit && 'newText' in pvc.textEdit ? pvc.textEdit.newText : '',
    /\$\{4\|fast,archive\|\}/,
  );
});

void test('Russian documentation and details with a Russian display language', async () => {
  const items = await completeIn(
    ru,
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  storageClassName: |',
  );
  assert.match(byLabel(items, '""').detail ?? '', /без класса/);
  const keys = await completeIn(
    ru,
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  |',
  );
  const doc = byLabel(keys, 'accessModes').documentation;
  assert.match(typeof doc === 'object' ? doc.value : String(doc), /[а-яё]/i);
});

void test('serviceName and volumeMounts in a StatefulSet', async () => {
  const services = await completeIn(
    client,
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\n  namespace: shop\nspec:\n  serviceName: |',
  );
  assert.deepEqual(
    services.map((i) => i.label),
    ['db-headless'],
  );
  const mounts = await completeIn(
    client,
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          volumeMounts:\n            - name: |\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n',
  );
  assert.deepEqual(
    mounts.map((i) => i.label),
    ['data'],
  );
});

void test('bad input never breaks completion', async () => {
  const items = await completeIn(client, ': : :\n  - [ {|\n\t\tx: "');
  assert.ok(Array.isArray(items));
  // The server still answers afterwards.
  const again = await completeIn(client, 'apiVersion: v1\nkind: |');
  assert.ok(again.length > 0);
});

void test('a typed space opens completion after `key: ` and `- `, not while indenting', async () => {
  const base = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n';
  assert.deepEqual(await completeIn(client, `${base}    |`, ' '), []);
  const values = await completeIn(client, `${base}  volumeMode: |`, ' ');
  assert.deepEqual(
    values.map((i) => i.label),
    ['Filesystem', 'Block'],
  );
  const items = await completeIn(client, `${base}  accessModes:\n    - |`, ' ');
  assert.ok(items.some((i) => i.label === 'ReadWriteOnce'));
  const colon = await completeIn(client, `${base}  volumeMode:|`, ':');
  assert.equal(colon.find((i) => i.label === 'Block')?.textEdit?.newText, ' Block');
});
