/** The nearest copy: same file, then the folder sharing the longest path (a parent before a sibling), then the last (or the last that fits). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { folderOf, nearestCopy } from '../../../../server/src/service/workspace/nearest';

const id = (uri: string) => uri;

void describe('nearestCopy', () => {
  test('the same file wins, then the same folder, then the nearest ancestor', () => {
    const copies = ['file:///ws/a/x.yaml', 'file:///ws/a/b/y.yaml', 'file:///ws/c/z.yaml'];
    assert.equal(nearestCopy(copies, 'file:///ws/c/z.yaml', id), 'file:///ws/c/z.yaml');
    assert.equal(nearestCopy(copies, 'file:///ws/a/b/cr.yaml', id), 'file:///ws/a/b/y.yaml');
    assert.equal(nearestCopy(copies, 'file:///ws/c/d/cr.yaml', id), 'file:///ws/c/z.yaml');
  });

  test('of copies as near, the last that fits, else the last', () => {
    const copies = ['file:///ws/a/1.yaml', 'file:///ws/a/2.yaml', 'file:///ws/a/3.yaml'];
    assert.equal(nearestCopy(copies, 'file:///ws/b.yaml', id), 'file:///ws/a/3.yaml');
    const fits = (uri: string) => uri.endsWith('1.yaml');
    assert.equal(nearestCopy(copies, 'file:///ws/b.yaml', id, fits), 'file:///ws/a/1.yaml');
  });

  test('of copies as near by shared path, a parent folder before a sibling folder', () => {
    const copies = ['file:///ws/ex/windows/pvc.yaml', 'file:///ws/ex/pvc.yaml'];
    assert.equal(nearestCopy(copies, 'file:///ws/ex/cloning/c.yaml', id), 'file:///ws/ex/pvc.yaml');
  });

  test('a folder is not matched by a sibling whose name only starts the same', () => {
    const copies = ['file:///ws/app/x.yaml', 'file:///ws/application/y.yaml'];
    assert.equal(nearestCopy(copies, 'file:///ws/app/cr.yaml', id), 'file:///ws/app/x.yaml');
    assert.equal(folderOf('file:///ws/app/x.yaml'), 'file:///ws/app/');
  });
});
