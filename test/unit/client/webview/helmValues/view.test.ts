import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HelmValueRow } from '../../../../../server/src/protocol';
import {
  formatValue,
  ownComments,
  ownStorageTexts,
} from '../../../../../client/webview/helmValues/view';

function row(path: string, extra: Partial<HelmValueRow> = {}): HelmValueRow {
  const keys = path.split('.');
  return {
    path,
    keys,
    depth: keys.length - 1,
    type: 'string',
    overridden: false,
    differs: false,
    storage: true,
    uses: [],
    line: 1,
    ...extra,
  };
}

const text = (en: string) => ({ en, ru: en });

void test('lists and maps wrap between items, never inside a token', () => {
  assert.equal(formatValue(['ReadWriteOnce', 'ReadOnlyMany']), '[ReadWriteOnce, ReadOnlyMany]');
  assert.equal(
    formatValue({ size: '8Gi', 'helm.sh/resource-policy': 'keep', enabled: true }),
    '{size: 8Gi, helm.sh/resource-policy: keep, enabled: true}',
  );
  // Strings YAML would read as something else keep their quotes.
  assert.equal(formatValue(['-', 'true', '', 'a b', '10']), '["-", "true", "", "a b", "10"]');
  assert.equal(formatValue({}), '{}');
  assert.equal(formatValue(''), '""');
  assert.equal(formatValue(null), 'null');
  assert.match(formatValue(Array.from({ length: 200 }, (_, i) => `item${i}`)), /…$/);
});

void test('a child value does not repeat the storage explanation of its map', () => {
  const rows = [
    row('persistence', { storageKind: 'persistence', storageText: text('the block') }),
    row('persistence.size', { storageKind: 'size', storageText: text('the request') }),
    row('volumePermissions', {
      storageKind: 'volumePermissions',
      storageText: text('an init container'),
    }),
    row('volumePermissions.enabled', {
      storageKind: 'volumePermissions',
      storageText: text('an init container'),
    }),
    row('volumePermissions.image', {
      storageKind: 'volumePermissions',
      storageText: text('an init container'),
    }),
    row('volumePermissions.image.tag'),
  ];
  assert.deepEqual(
    [...ownStorageTexts(rows)].sort(),
    ['persistence', 'persistence.size', 'volumePermissions'].sort(),
  );
});

void test('a child comment equal to its map comment is not repeated', () => {
  const rows = [
    row('primary.persistence', { comment: 'Enable persistence using PVCs' }),
    row('primary.persistence.enabled', { comment: 'Enable persistence using PVCs' }),
    row('primary.persistence.size', { comment: 'PVC storage request' }),
  ];
  assert.deepEqual([...ownComments(rows)], ['primary.persistence', 'primary.persistence.size']);
});
