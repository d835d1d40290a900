import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesCompletion, valuesHover, valueCard } from '../../../../server/src/service/helm';
import { keeper } from './fixture';

void test('hover on a key: chart comment, default, type, storage meaning, template uses with links', () => {
  const model = keeper();
  const text = 'persistence:\n  size: 20Gi\n';
  const hover = valuesHover(
    model,
    text,
    { line: 1, character: 3 },
    'en',
    (file, line) => `file:///chart/${file}#L${line + 1}`,
  );
  assert.ok(hover);
  assert.deepEqual(hover.range, {
    start: { line: 1, character: 2 },
    end: { line: 1, character: 6 },
  });
  assert.match(hover.contents, /\*\*`persistence\.size`\*\* — a string/);
  assert.match(hover.contents, /Size of the data volume/);
  assert.match(hover.contents, /Default:\n\n```yaml\n8Gi\n```/);
  assert.match(hover.contents, /\*\*Storage\.\*\* The storage request of the claim/);
  assert.match(
    hover.contents,
    /\[templates\/statefulset\.yaml:60\]\(file:\/\/\/chart\/templates\/statefulset\.yaml#L60\)/,
  );
  const ru = valuesHover(model, text, { line: 1, character: 9 }, 'ru');
  assert.match(ru!.contents, /строка/);
  assert.match(ru!.contents, /По умолчанию/);
  assert.match(ru!.contents, /Запрос ёмкости заявки/);
  assert.match(ru!.contents, /`templates\/statefulset\.yaml:60`/);
});

void test('hover on a documented-but-unset key shows the commented example', () => {
  const card = valueCard(keeper(), ['persistence', 'storageClass'], 'en')!;
  assert.match(card, /commented-out example:\n\n```yaml\nstorageClass: "-"\n```/);
  assert.match(card, /`"-"`: `storageClassName: ""`, no dynamic provisioning/);
  assert.equal(valuesHover(keeper(), 'nothing: 1\n', { line: 0, character: 2 }, 'en'), undefined);
});

void test('key completion under a parent: the chart keys not yet written, storage first, comment as docs', () => {
  const text = 'persistence:\n  enabled: true\n  \n';
  const items = valuesCompletion(keeper(), text, { line: 2, character: 2 }, 'en');
  const labels = items.map((i) => i.label);
  assert.deepEqual([...labels].sort(), [
    'accessModes',
    'annotations',
    'existingClaim',
    'mountPath',
    'size',
    'storageClass',
  ]);
  const size = items.find((i) => i.label === 'size')!;
  assert.equal(size.insertText, 'size: ');
  assert.match(size.documentation, /Size of the data volume/);
  const annotations = items.find((i) => i.label === 'annotations')!;
  assert.equal(annotations.insertText, 'annotations:\n  ');
});

void test('top-level completion puts storage values first; value completion offers the default and storage choices', () => {
  const top = valuesCompletion(keeper(), 'rep', { line: 0, character: 3 }, 'ru');
  const sorted = [...top].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
  assert.equal(sorted[0], 'persistence');
  assert.ok(sorted.includes('replicaCount'));
  const sc = valuesCompletion(
    keeper(),
    'persistence:\n  storageClass: ',
    { line: 1, character: 16 },
    'en',
  );
  assert.deepEqual(
    sc.map((i) => i.label),
    ['"-"'],
  );
  const am = valuesCompletion(
    keeper(),
    'persistence:\n  enabled: ',
    { line: 1, character: 11 },
    'en',
  );
  assert.deepEqual(
    am.map((i) => i.label),
    ['true', 'false'],
  );
  assert.deepEqual(
    valuesCompletion(keeper(), 'extraVolumes:\n  - na', { line: 1, character: 6 }, 'en'),
    [],
  );
});

void test('hover on a key in the second document of a values file', () => {
  const text = 'replicaCount: 2\n---\npersistence:\n  size: 20Gi\n';
  const hover = valuesHover(keeper(), text, { line: 3, character: 3 }, 'en');
  assert.match(hover!.contents, /\*\*`persistence\.size`\*\*/);
  assert.deepEqual(hover!.range, {
    start: { line: 3, character: 2 },
    end: { line: 3, character: 6 },
  });
  assert.match(
    valuesHover(keeper(), text, { line: 0, character: 2 }, 'en')!.contents,
    /replicaCount/,
  );
  assert.equal(valuesHover(keeper(), text, { line: 1, character: 1 }, 'en'), undefined);
});
