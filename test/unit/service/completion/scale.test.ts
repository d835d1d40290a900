/**
 * Completion works on the `---` chunk under the cursor and on index lookups by kind: in a file
 * of thousands of documents it reads no other document (keys) or only the linked kind (links).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../../server/src/service/workspace/workspace';
import { complete } from '../../../../server/src/service/completion';

const N = 600;

function bigFile(): { text: string; middleLine: number } {
  const parts: string[] = [];
  let line = 0;
  let middleLine = 0;
  for (let i = 0; i < N; i++) {
    const doc =
      i % 2 === 0
        ? `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: claim-${i}\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n`
        : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\ndata:\n  a: b\n`;
    if (i === N / 2) middleLine = line + 5; // `  resources:` of a claim
    parts.push(doc);
    line += doc.split('\n').length; // the doc's lines plus the `---` line
  }
  return { text: parts.join('---\n'), middleLine };
}

void test('key and link completion in a file of thousands of documents touch only what they need', () => {
  const { text, middleLine } = bigFile();
  const workspace = new Workspace();
  const file = workspace.setFile('file:///ws/big.yaml', text, 'editor', 1)!;
  assert.equal(file.objects().length, N);
  const reads = new Map<string, number>();
  for (const object of file.objects()) {
    const original = object.document.value.bind(object.document);
    object.document.value = () => {
      reads.set(object.kind, (reads.get(object.kind) ?? 0) + 1);
      return original();
    };
  }
  const lines = text.split('\n');
  assert.equal(lines[middleLine], '  resources:');
  // A new key under `spec` of the middle claim.
  const edited = [...lines.slice(0, middleLine), '  ', ...lines.slice(middleLine)].join('\n');
  const before = file.chunks.length;
  const after = workspace.setFile('file:///ws/big.yaml', edited, 'editor', 2)!;
  assert.equal(after.chunks.length, before);
  assert.equal(
    after.chunks.filter((c, i) => c.chunk !== file.chunks[i]!.chunk).length,
    1,
    'only the edited chunk is parsed again',
  );
  reads.clear();
  const keys = complete(workspace, after.uri, { line: middleLine, character: 2 }, 'en');
  assert.ok(keys.some((i) => i.label === 'accessModes'));
  assert.equal(
    [...reads.values()].reduce((a, b) => a + b, 0),
    0,
    'no other document was read',
  );
});

void test('link completion reads only objects of the linked kind', () => {
  const { text } = bigFile();
  const pod =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes:\n    - name: v\n      configMap:\n        name: ';
  const workspace = new Workspace();
  const file = workspace.setFile('file:///ws/big.yaml', `${text}---\n${pod}\n`, 'editor', 1)!;
  const reads = new Map<string, number>();
  for (const object of file.objects()) {
    if (object.kind === 'Pod') continue;
    const original = object.document.value.bind(object.document);
    object.document.value = () => {
      reads.set(object.kind, (reads.get(object.kind) ?? 0) + 1);
      return original();
    };
  }
  const line = file.text.split('\n').length - 2;
  const items = complete(workspace, file.uri, { line, character: 14 }, 'en');
  assert.equal(items.length, N / 2);
  assert.equal(reads.get('PersistentVolumeClaim'), undefined);
  assert.equal(reads.get('ConfigMap'), N / 2);
});
