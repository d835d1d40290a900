/**
 * The storage snippets over stdio: the built server reads them from `snippets/` beside its bundle
 * and offers them in an empty document, with the workspace's classes, never at a value.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { cursor } from '../support/cursor';
import { startOnFixture, uriOf } from './navigationSupport';
import type { TestClient } from './support/client';

let client: TestClient;
let counter = 0;

before(async () => {
  client = await startOnFixture('en');
});

after(async () => {
  await client?.stop();
});

async function completeIn(textWithCursor: string): Promise<CompletionItem[]> {
  const { text, position } = cursor(textWithCursor);
  const uri = uriOf(`snippet-${++counter}.yaml`);
  await client.open(uri, text);
  const list = await client.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position,
  });
  await client.close(uri);
  return list.items;
}

void test('an empty document offers the snippets as snippet items with the fixture classes', async () => {
  const items = await completeIn('pv|');
  const pvc = items.find((i) => i.label === 'pvc');
  assert.ok(pvc, items.map((i) => i.label).join(', '));
  assert.equal(pvc.kind, 15); // Snippet
  assert.equal(pvc.insertTextFormat, 2); // Snippet
  const text = (pvc.textEdit as { newText: string }).newText;
  assert.match(text, /^apiVersion: v1\nkind: PersistentVolumeClaim\n/);
  assert.match(text, /storageClassName: \$\{4\|[a-z0-9.-]+(,[a-z0-9.-]+)*\|\}/);
  assert.doesNotMatch(text, /standard\}/);
});

void test('no snippet at a value: storageClassName, claimName, apiVersion', async () => {
  const PVC = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n';
  for (const text of [
    `${PVC}  storageClassName: s|`,
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: d\n      persistentVolumeClaim:\n        claimName: |',
    'apiVersion: |\n',
  ]) {
    const items = await completeIn(text);
    assert.deepEqual(
      items.filter((i) => i.kind === 15 && /^(ks-|pvc$|pv$|sc$|sts$)/.test(String(i.label))),
      [],
      text,
    );
  }
});
