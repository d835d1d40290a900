/**
 * Our texts for the `yaml` package's syntax errors follow the package's message, not only its
 * code: MISSING_CHAR is a missing `-`, `:`, quote or bracket, BAD_INDENT a mapping or a list.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { knownYamlMessages, yamlErrorText } from '../../../../server/src/service/i18n/yamlErrors';
import { getLanguageService } from '../../../../server/src/service';

/**
 * Every message of these codes in `yaml` 2.x (dist/compose/*.js, dist/parse/*.js), as it reads
 * before " at line N, column M:". A message of `fallback` gets the code's generic text.
 */
const PACKAGE_MESSAGES: Record<string, { own: string[]; fallback?: string[] }> = {
  MISSING_CHAR: {
    own: [
      'Sequence item without - indicator',
      'Implicit map keys need to be followed by map values',
      "Missing closing 'quote",
      'Missing closing "quote',
      'Flow map must end with a }',
      'Flow sequence must end with a ]',
      'Missing , between flow map items',
      'Missing , between flow sequence items',
      'Missing , or : between flow map items',
      'Missing , or : between flow sequence items',
      'Missing space after : in flow map',
      'Missing space after : in flow sequence',
      'Tags and anchors must be separated from the next token by white space',
      'Comments must be separated from other tokens by white space characters',
      'Missing directives-end indicator line',
      'Missing directives-end/doc-start indicator line',
      'Block collection cannot start on same line with directives-end marker',
      'Missing newline after block sequence props',
      'Block scalars with more-indented leading empty lines must use an explicit indentation indicator',
    ],
  },
  BAD_INDENT: {
    own: [
      'All mapping items must start at the same column',
      'All sequence items must start at the same column',
      'Flow map in block collection must be sufficiently indented and end with a }',
      'Flow sequence in block collection must be sufficiently indented and end with a ]',
      'Flow end indicator should be more indented than parent',
      'Block scalar values in collections must be indented',
      'Block scalar lines must not be less indented than their first line',
      'Block scalar lines must not be less indented than their explicit indentation indicator',
    ],
  },
  BLOCK_AS_IMPLICIT_KEY: {
    own: [
      'A block sequence may not be used as an implicit map key',
      'Nested mappings are not allowed in compact mappings',
    ],
  },
  UNEXPECTED_TOKEN: {
    own: [
      'Unexpected , in flow map',
      'Unexpected , in flow sequence',
      'Unexpected empty item in flow map',
      'Unexpected empty item in flow sequence',
      'Unexpected block-seq-ind on same line with key',
      'Block scalar header includes extra characters: |x',
      'Unexpected token in block scalar header: scalar',
      'Unexpected flow-seq-end token in YAML stream: "]"',
      'Unexpected flow-map-end token in YAML document: "}"',
      'Unexpected doc-end without preceding document',
      'Unexpected scalar at node end',
    ],
    fallback: [
      'Unexpected map-value-ind token in YAML stream: ":"',
      'Not a YAML token: x',
      'Unexpected ? in flow map',
      'Expected a flow scalar value, but found: block-map',
      'Unsupported token block-seq',
      'Tried to pop an empty stack',
    ],
  },
  BAD_ALIAS: {
    own: [
      'Alias cannot be an empty string',
      'Anchor cannot be an empty string',
      'Alias ending in : is ambiguous',
      'Anchor ending in : is ambiguous',
    ],
  },
};

const generic = (code: string) => yamlErrorText(code, 'a message no version of yaml has');
const suffix = ' at line 3, column 7:\n\n  a: b\n      ^\n';

/** Messages passed to `onError` as a literal in the package's sources, `${fcName}` expanded. */
function literalMessages(): { code: string; message: string }[] {
  const root = dirname(createRequire(__filename).resolve('yaml/package.json'));
  const out: { code: string; message: string }[] = [];
  for (const folder of ['dist/compose', 'dist/parse']) {
    for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(join(root, folder, file), 'utf8');
      for (const m of source.matchAll(/'([A-Z_0-9]+)', (['"`])((?:(?!\2).)+)\2/g)) {
        const [, code, , text] = m as unknown as [string, string, string, string];
        if (!(code in PACKAGE_MESSAGES) || (text.includes('${') && !text.includes('${fcName}')))
          continue;
        for (const name of ['flow map', 'flow sequence'])
          out.push({ code, message: text.replace('${fcName}', name) });
      }
    }
  }
  return out;
}

void describe('yaml syntax error texts', () => {
  void test('every literal message of these codes in the package is listed here', () => {
    const found = literalMessages();
    assert.ok(found.length > 20, 'the sources were read');
    for (const { code, message } of found) {
      const listed = PACKAGE_MESSAGES[code]!;
      assert.ok(
        [...listed.own, ...(listed.fallback ?? [])].includes(message),
        `${code}: "${message}" has no text yet`,
      );
    }
  });

  void test('each listed message gets its own text; the rest the generic text of their code', () => {
    for (const [code, { own, fallback = [] }] of Object.entries(PACKAGE_MESSAGES)) {
      const base = generic(code);
      assert.ok(base, `${code} has a generic text`);
      for (const message of own) {
        const text = yamlErrorText(code, message + suffix);
        assert.ok(text, message);
        assert.notDeepEqual(text, base, `${code}: "${message}" gets its own text`);
        assert.doesNotMatch(text.en + text.ru, /\{\w+\}/, message);
        assert.match(text.ru, /[а-яё]/, message);
      }
      for (const message of fallback)
        assert.deepEqual(yamlErrorText(code, message + suffix), base, message);
    }
  });

  void test('every pattern matches one of the listed messages', () => {
    for (const { code, pattern } of knownYamlMessages)
      assert.ok(
        PACKAGE_MESSAGES[code]!.own.some((m) => pattern.test(m)),
        `${code} ${String(pattern)}`,
      );
  });

  void test('a missing dash is not a missing bracket; a list is not a mapping', () => {
    const dash = yamlErrorText('MISSING_CHAR', 'Sequence item without - indicator' + suffix)!;
    assert.match(dash.en, /does not start with `- `/);
    assert.doesNotMatch(dash.en + dash.ru, /bracket|скобк/);
    const colon = yamlErrorText(
      'MISSING_CHAR',
      'Implicit map keys need to be followed by map values',
    )!;
    assert.match(colon.en, /a key without a colon/);
    assert.match(colon.ru, /ключ без двоеточия/);
    const list = yamlErrorText('BAD_INDENT', 'All sequence items must start at the same column')!;
    assert.match(list.en, /items of one list/);
    assert.match(list.ru, /элементы `-` одного списка/);
    const sequence = yamlErrorText('MISSING_CHAR', 'Flow sequence must end with a ]')!;
    assert.equal(sequence.en, 'the closing `]` is missing');
    assert.equal(sequence.ru, 'не хватает закрывающей скобки `]`');
    const comma = yamlErrorText('MISSING_CHAR', 'Missing , between flow map items')!;
    assert.equal(comma.en, 'a comma is missing between the items of `{ }`');
  });

  void test('a code without a text of ours gives none: the package message is shown', () => {
    assert.equal(yamlErrorText('SOMETHING_NEW', 'Something new'), undefined);
  });

  void test('the parser and the texts agree on real input', () => {
    const cases: [string, RegExp][] = [
      ['a:\n  - b\n  c: 1\n', /keys of one mapping/],
      ['a: "x\n', /closing `"`/],
      ['a: [1,,2]\n', /an extra comma in `\[ \]`/],
      ['a: - b\n', /cannot start on the line of its key/],
      ['a: 1\n]\n', /a `]` without a matching `\[`/],
      ['a: "x"#c\n', /space before its `#`/],
      ['- a: 1\n   b: 2\n', /nested mapping cannot start inside a value/],
    ];
    for (const [text, expected] of cases) {
      const [error] = parseDocument(text, { version: '1.1' }).errors;
      assert.ok(error, text);
      assert.match(yamlErrorText(error.code, error.message)!.en, expected, text);
    }
  });

  void test('the repro: a list item indented between two columns', () => {
    const text = [
      'apiVersion: v1',
      'kind: PersistentVolume',
      'metadata:',
      '  name: pv',
      'spec:',
      '  nodeAffinity:',
      '    required:',
      '      nodeSelectorTerms:',
      '      -   matchExpressions:',
      '        -   key: topology.gke.io/zone',
      '          operator: In',
      '          values: [us-central1-a]',
      '',
    ].join('\n');
    const service = getLanguageService();
    service.setFile('file:///w/pv.yaml', text, 'editor', 1);
    const syntax = service
      .getDiagnostics('file:///w/pv.yaml')
      .filter((d) => d.code === 'yaml-syntax');
    assert.deepEqual(
      syntax.map((d) => [d.range.start.line, d.message.en]),
      [
        [
          8,
          'YAML syntax error: wrong indentation; the `-` items of one list must start in the same column',
        ],
        [
          10,
          'YAML syntax error: this line stands among the items of a list but does not start with `- `; line it up with the keys of the item above, or start a new item with `- `',
        ],
      ],
    );
    assert.match(
      syntax[1]!.message.ru,
      /^Ошибка синтаксиса YAML: строка стоит среди элементов списка/,
    );
  });
});
