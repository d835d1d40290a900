/** The substitutions of later tools that a YAML syntax error comes from. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { substitutionFinder } from '../../../../server/src/service/diagnostics/substitutionLines';
import { structuralErrorOffsets } from '../../../../server/src/service/parse/chunk';

const TEXT = [
  'spec:',
  '  image: {{.Registry}}{{.Image}}',
  '  pullPolicy: Always',
  '  args: ["--level"',
  '',
].join('\n');

void test('errors that go away once a value opening with substitutions is filled in come from it', () => {
  let parses = 0;
  const find = substitutionFinder(TEXT, (source) => {
    parses += 1;
    return structuralErrorOffsets(source);
  });
  const image = TEXT.indexOf('{{.Image}}');
  const found = find([image, image + 1]);
  assert.deepEqual(found?.span, [TEXT.indexOf('{{'), image + '{{.Image}}'.length]);
  assert.match(found!.note.en, /starts with the substitution `\{\{\.Registry\}\}\{\{\.Image\}\}`/);
  // The line after it parses once the value is filled in: a consequence, told by the same note.
  const pull = TEXT.indexOf('pullPolicy');
  assert.deepEqual(find([pull, pull + 1])?.span, found?.span);
  // The unclosed list stays broken after substitution: not explained.
  const end = TEXT.length;
  assert.equal(find([end, end]), undefined);
  assert.equal(parses, 1);
});

void test('a line that starts with an action is no value; a quoted value may open with one', () => {
  const text = 'spec:\n  {{.Extra}} more\n  image: "{{default "r.example" .Repo}}/x"\n';
  const find = substitutionFinder(text, structuralErrorOffsets);
  const extra = text.indexOf('more');
  assert.equal(find([extra, extra + 1]), undefined);
  const quoted = text.indexOf('r.example');
  assert.deepEqual(find([quoted, quoted + 1])?.span, [
    text.indexOf('{{default'),
    text.indexOf('/x'),
  ]);
});
