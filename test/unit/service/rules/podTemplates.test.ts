import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFixApplies, diagnose, fixtureText } from './helpers';

const RULE = 'template-namespace-ignored';

void test('template-namespace-ignored: names both namespaces, on the template namespace', () => {
  const [hit] = diagnose({ 'file:///job.yaml': fixtureText(RULE, 'bad') }).filter(
    (d) => d.code === RULE,
  );
  assert.ok(hit);
  assert.equal(hit.range.start.line, 10);
  assert.match(
    hit.message.en,
    /^The Job ignores the namespace of its pod template: .* `ml`, not `datasets`/,
  );
  assert.match(hit.message.ru, /^Job не учитывает пространство имён шаблона пода/);
});

void test('template-namespace-ignored: an object without a namespace goes where kubectl puts it', () => {
  const text = fixtureText(RULE, 'bad').replace(
    '  namespace: ml\nspec:\n  template',
    'spec:\n  template',
  );
  const [hit] = diagnose({ 'file:///job.yaml': text }).filter((d) => d.code === RULE);
  assert.ok(hit);
  assert.match(hit.message.en, /`kubectl apply` uses `default` unless `-n` says otherwise/);
});

void test('template-namespace-ignored: the fix removes the template namespace', () => {
  const fixed = assertFixApplies(fixtureText(RULE, 'bad'), RULE);
  assert.doesNotMatch(fixed, /datasets/);
  assert.match(fixed, /^ {2}namespace: ml$/m);
});
