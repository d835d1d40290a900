import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorSiteAt } from '../../../../server/src/service/completion/cursorSite';
import type { Site } from '../../../../server/src/service/completion/types';
import { cursor } from '../../../support/cursor';

function siteAt(textWithCursor: string, marker = '|'): Site | undefined {
  const { text, position } = cursor(textWithCursor, marker);
  return cursorSiteAt(text.split('\n'), position.line, position.character);
}

function keyPath(textWithCursor: string): string | undefined {
  const site = siteAt(textWithCursor);
  return site?.type === 'key' ? site.path.join('.') : undefined;
}

function valuePath(textWithCursor: string): string | undefined {
  const site = siteAt(textWithCursor);
  return site?.type === 'value' ? site.path.join('.') : undefined;
}

void test('a new line: the indentation picks the mapping', () => {
  const text = 'spec:\n  template:\n    spec:\n      containers:\n        - name: a\n';
  assert.equal(keyPath(`${text}          |`), 'spec.template.spec.containers.0');
  assert.equal(keyPath(`${text}      |`), 'spec.template.spec');
  assert.equal(keyPath(`${text}    |`), 'spec.template');
  assert.equal(keyPath(`${text}|`), '');
});

void test('blank lines and comments between do not break the chain', () => {
  assert.equal(keyPath('spec:\n\n  # a comment\n\n  |'), 'spec');
});

void test('compact lists (dash at the key column) and nested lists', () => {
  assert.equal(keyPath('spec:\n  volumes:\n  - name: a\n    |'), 'spec.volumes.0');
  assert.equal(keyPath('spec:\n  volumes:\n  - |'), 'spec.volumes.0');
  assert.equal(
    keyPath('spec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: x\n      |'),
    'spec.containers.0.volumeMounts.0',
  );
  assert.equal(keyPath('matrix:\n  - - |'), 'matrix.0.0');
  assert.equal(keyPath('items:\n- name: a\n  |'), 'items.0', 'a compact list at the root');
  assert.equal(keyPath('items:\n- |'), 'items.0');
});

void test('a value after `key:`, after `- key:`, and a list item', () => {
  assert.equal(valuePath('spec:\n  volumeMode: |'), 'spec.volumeMode');
  assert.equal(valuePath('spec:\n  volumes:\n    - name: |'), 'spec.volumes.0.name');
  const item = siteAt('spec:\n  accessModes:\n    - Read|');
  assert.equal(
    item?.type,
    'key',
    'a bare list item is read as a key; completion decides by schema',
  );
  assert.equal(item?.path.join('.'), 'spec.accessModes.0');
});

void test('flow style: keys and values inside { } and [ ]', () => {
  assert.equal(keyPath('spec:\n  resources: {requests: {storage: 1Gi}, |}'), 'spec.resources');
  assert.equal(
    valuePath('spec:\n  resources: {requests: {storage: |}}'),
    'spec.resources.requests.storage',
  );
  assert.equal(valuePath('spec:\n  accessModes: [ReadWriteOnce, |]'), 'spec.accessModes.0');
  assert.equal(keyPath('spec:\n  volumes: [{name: a, |}]'), 'spec.volumes.0');
  assert.equal(keyPath('spec:\n  volumes:\n    - {name: a, |}'), 'spec.volumes.0');
  const flow = siteAt('spec: {a: 1, |}');
  assert.ok(flow?.type === 'key' && flow.siblings.has('a'));
});

void test('siblings above and below the cursor, not from the next list item', () => {
  const site = siteAt(
    'spec:\n  volumes:\n    - name: a\n      |\n      emptyDir: {}\n    - name: b\n      hostPath: {}\n',
  );
  assert.ok(site?.type === 'key');
  assert.deepEqual([...site.siblings].sort(), ['emptyDir', 'name']);
});

void test('nothing in comments, block scalars, document markers and anchors', () => {
  assert.equal(siteAt('spec:\n  # |'), undefined);
  // `|` is a block scalar here, so the cursor is `@`.
  assert.equal(siteAt('data:\n  a: |\n    text\n    @', '@'), undefined);
  assert.equal(siteAt('data:\n  a: >-\n    @', '@'), undefined);
  assert.equal(siteAt('---|'), undefined);
  assert.equal(siteAt('spec:\n  x: *|'), undefined);
});

void test('the replace range covers the whole word under the cursor', () => {
  const site = siteAt('spec:\n  storage|ClassName: x');
  assert.ok(site?.type === 'key');
  assert.equal(site.start, 2);
  assert.equal(site.end, 18);
  assert.equal(site.hasColon, true);
  const value = siteAt('spec:\n  storageClassName: fa|st # comment');
  assert.ok(value?.type === 'value');
  assert.equal(value.prefix, 'fa');
  assert.deepEqual([value.start, value.end], [20, 24]);
});
