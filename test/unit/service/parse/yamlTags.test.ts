import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, isScalar, parseAllDocuments, visit, type ScalarTag } from 'yaml';
import {
  kubernetesTags,
  NON_STRING_FIRST_CHARACTERS,
} from '../../../../server/src/service/parse/yamlTags';

const STRING = 'tag:yaml.org,2002:str';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

/** The YAML 1.1 tags of the `yaml` package that type a plain scalar by a test. */
function testedTags(): ScalarTag[] {
  const schema = new Document(undefined, { version: '1.1' }).schema;
  return schema.tags.filter(
    (tag): tag is ScalarTag =>
      !tag.collection && tag.tag !== STRING && tag.tag !== TIMESTAMP && tag.test !== undefined,
  );
}

/** Every plain scalar's value, tag and format, in document order. */
function scalars(text: string, customTags?: typeof kubernetesTags): unknown[] {
  const out: unknown[] = [];
  for (const doc of parseAllDocuments(text, { version: '1.1', customTags })) {
    visit(doc, {
      Scalar(_, node) {
        // The merge key's value is a new symbol each time: compared by its description.
        const value = typeof node.value === 'symbol' ? node.value.description : node.value;
        if (isScalar(node)) out.push([value, node.tag, node.format, node.type]);
      },
    });
  }
  return out;
}

/** YAML 1.1 as the package reads it, dates left as strings: what the tags must not change. */
const withoutTimestamps: typeof kubernetesTags = (tags) =>
  tags.filter((tag) => typeof tag === 'string' || tag.tag !== TIMESTAMP);

void describe('kubernetesTags', () => {
  void it('lists no first character that a non-string YAML 1.1 scalar can start with', () => {
    // Tails built from what the tags' expressions read: signs, digits, dots, exponents, base
    // prefixes, sexagesimal parts and the letters of the words.
    const tails = ['', '0', '1', '_1', '.5', '.', 'e5', 'E+3', 'b1', 'x1F', ':30', ':5.5', 'inf'];
    const words = ['es', 'ES', 'o', 'O', 'n', 'N', 'ff', 'FF', 'rue', 'RUE', 'alse', 'ull', 'ULL'];
    const tags = testedTags();
    assert.ok(tags.length >= 10, 'the YAML 1.1 schema types scalars by tests');
    for (let code = 0; code <= 0xffff; code++) {
      const first = String.fromCharCode(code);
      if (NON_STRING_FIRST_CHARACTERS.includes(first)) continue;
      for (const tail of [...tails, ...words, '<', '-1', '+.inf']) {
        const scalar = first + tail;
        const typed = tags.find((tag) => tag.test!.test(scalar));
        assert.equal(typed, undefined, `${JSON.stringify(scalar)} is typed ${typed?.tag}`);
      }
    }
  });

  void it('lists only first characters that do start a non-string scalar', () => {
    const tags = testedTags();
    const samples = ['~', 'N', 'n', 'Y', 'y', 'True', 'true', 'On', 'on', 'False', 'false'];
    const numbers = ['-1', '+1', '.5', 'e5', 'E5', '<<', ...'0123456789'];
    for (const first of NON_STRING_FIRST_CHARACTERS) {
      const typed = [...samples, ...numbers].filter(
        (scalar) => scalar.startsWith(first) && tags.some((tag) => tag.test!.test(scalar)),
      );
      assert.ok(typed.length > 0, `no non-string scalar starts with ${first}`);
    }
  });

  void it('types every scalar of a manifest as YAML 1.1 without timestamps does', () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web-0, labels: {on: yes, off: No, tier: "db", created: 2024-01-31}}',
      'spec:',
      '  securityContext: {runAsUser: 1_000, fsGroup: 0x1F, seLinuxOptions: {level: "s0:c1"}}',
      '  volumes:',
      '    - name: config',
      '      configMap: {name: app, defaultMode: 0644, optional: ~}',
      '    - {name: scratch, emptyDir: {sizeLimit: 1Gi, medium: null}}',
      '  containers:',
      '    - name: ñame',
      '      args: [.inf, -.Inf, .NaN, e5, 1e3, 6.02e+23, 1:30, -1:30.5, ., y, n, Off, TRUE, ~x]',
      '      env: [{name: A, value: "0644"}, {name: B, value: émoji 🙂}, {name: C, value: <x}]',
      '      readOnly: on',
      'base: &b {x: 1}',
      'merged: {<<: *b, y: 2}',
      '---',
      'plain text document',
    ].join('\n');
    assert.deepEqual(scalars(manifest, kubernetesTags), scalars(manifest, withoutTimestamps));
  });

  void it('reads what Kubernetes reads: YAML 1.1 booleans and octals, dates as strings', () => {
    const [doc] = parseAllDocuments('a: yes\nb: 0644\nc: 2024-01-31\nd: off\ne: "yes"\n', {
      version: '1.1',
      customTags: kubernetesTags,
    });
    assert.deepEqual(doc!.toJS(), { a: true, b: 420, c: '2024-01-31', d: false, e: 'yes' });
  });
});
