import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFixApplies, caseFixtureText, diagnose, fixtureText, settingsFor } from './helpers';

void test('ignored-class-annotation: the fix moves the class to storageClassName', () => {
  const fixed = assertFixApplies(
    fixtureText('ignored-class-annotation', 'bad'),
    'ignored-class-annotation',
  );
  assert.match(fixed, /^ {8}storageClassName: standard$/m);
  assert.doesNotMatch(fixed, /volume\.alpha\.kubernetes\.io/);
  // The emptied `annotations:` goes with it; the template keeps its name.
  assert.doesNotMatch(fixed, /annotations:/);
  assert.match(fixed, /^ {8}name: data$/m);
});

void test('ignored-class-annotation: beside a beta annotation, the class the claim gets is named', () => {
  const text = caseFixtureText('ignored-class-annotation', 'bad-beta-wins');
  const [hit] = diagnose(
    { 'file:///c.yaml': text },
    undefined,
    settingsFor('ignored-class-annotation'),
  ).filter((d) => d.code === 'ignored-class-annotation');
  assert.ok(hit);
  assert.equal(hit.range.start.line, 7);
  assert.match(hit.message.en, /the claim gets class `fast`, not `standard`/);
  assert.match(hit.message.ru, /заявка получит класс `fast`, а не `standard`/);
});
