/** The values-file fix for `accessMode` vs `accessModes`: key and value turned into what the chart reads. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../../server/src/service';
import { override, readChart } from './fixture';

const VALUES = 'file:///w/values-prod.yaml';

/** Applies the fix; `left`: access-mode findings after it, `types`: type findings before/after. */
function fixAccessMode(text: string): {
  fixed: string;
  title: string;
  left: number;
  types: [number, number];
} {
  const s = getLanguageService();
  s.setFile(VALUES, text);
  s.setChartFiles('keeper', readChart('keeper'));
  s.linkValuesFile(VALUES, 'keeper');
  const typeCount = () =>
    s.getDiagnostics(VALUES).filter((x) => x.code === 'helm-values-type').length;
  const typesBefore = typeCount();
  const d = s.getDiagnostics(VALUES).find((x) => x.code === 'helm-values-access-mode');
  assert.ok(d);
  const [action] = s.getCodeActions(VALUES, d.range);
  assert.ok(action && action.isPreferred);
  const fixed = TextDocument.applyEdits(TextDocument.create(VALUES, 'yaml', 1, text), action.edits);
  s.setFile(VALUES, fixed, 'disk', 1);
  const left = s.getDiagnostics(VALUES).filter((x) => x.code === 'helm-values-access-mode').length;
  return { fixed, title: action.title.en, left, types: [typesBefore, typeCount()] };
}

void test('a string under the singular key the chart does not read becomes a one-item list', () => {
  const { fixed, title, left, types } = fixAccessMode(override('typos.yaml'));
  assert.equal(title, 'Write `accessModes: [ReadWriteMany]`');
  assert.match(fixed, /\n {2}accessModes: \[ReadWriteMany\]\n/);
  assert.equal(left, 0);
  assert.equal(types[1], types[0], 'no new type finding');
});

void test('a block list under the plural key stays a list, renamed', () => {
  const text =
    'persistence:\n  accessMode:\n    - ReadWriteOnce\n    - ReadOnlyMany\n  size: 5Gi\n';
  const { fixed, left, types } = fixAccessMode(text);
  assert.equal(fixed, 'persistence:\n  accessModes: [ReadWriteOnce, ReadOnlyMany]\n  size: 5Gi\n');
  assert.equal(left, 0);
  assert.deepEqual(types, [0, 0]);
});

void test('a storage size that is not a quantity: the fix writes the likely quantity', () => {
  const s = getLanguageService();
  const text = 'persistence:\n  size: 20GB\n';
  s.setFile(VALUES, text);
  s.setChartFiles('keeper', readChart('keeper'));
  s.linkValuesFile(VALUES, 'keeper');
  const d = s.getDiagnostics(VALUES).find((x) => x.code === 'helm-values-invalid-size');
  assert.ok(d, 'no helm-values-invalid-size');
  const [action] = s.getCodeActions(VALUES, d.range);
  assert.ok(action?.isPreferred);
  assert.equal(action.title.en, 'Change to `20Gi`');
  const fixed = TextDocument.applyEdits(TextDocument.create(VALUES, 'yaml', 1, text), action.edits);
  assert.equal(fixed, 'persistence:\n  size: 20Gi\n');
});

void test('the fix works in the second document of a values file', () => {
  const text = 'replicaCount: 2\n---\npersistence:\n  accessMode: ReadWriteMany\n';
  const { fixed, left } = fixAccessMode(text);
  assert.equal(fixed, 'replicaCount: 2\n---\npersistence:\n  accessModes: [ReadWriteMany]\n');
  assert.equal(left, 0);
});
