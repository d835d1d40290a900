/**
 * The quantity patterns of CRD schemas (controller-gen's, zalando's): checked exactly, reported as
 * `invalid-quantity` with the fixes the pattern accepts; any other pattern stays unchecked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import {
  CONTROLLER_GEN_QUANTITY,
  ZALANDO_QUANTITY,
  quantityPattern,
} from '../../../../server/src/service/schema/quantityPatterns';

/** A v1 CRD of kind Db whose `spec.size` has this schema (flow YAML). */
function crd(size: string): string {
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: dbs.example.com}',
    'spec:',
    '  group: example.com',
    '  scope: Namespaced',
    '  names: {kind: Db, plural: dbs}',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    `              properties: {size: ${size}}`,
    '',
  ].join('\n');
}

const CONTROLLER_GEN = crd(
  `{anyOf: [{type: integer}, {type: string}], x-kubernetes-int-or-string: true, pattern: '${CONTROLLER_GEN_QUANTITY}'}`,
);
const ZALANDO = crd(`{type: string, pattern: '${ZALANDO_QUANTITY}'}`);

function check(crdText: string, size: string) {
  const s = getLanguageService();
  s.setFile('file:///ws/crd.yaml', crdText);
  const uri = 'file:///ws/db.yaml';
  s.setFile(
    uri,
    `apiVersion: example.com/v1\nkind: Db\nmetadata: {name: a}\nspec:\n  size: ${size}\n`,
  );
  const found = s.getDiagnostics(uri);
  const fixes = found.length
    ? s
        .getCodeActions(uri, found[0]!.range)
        .map((a) => a.edits[0]!.newText)
        .filter((t) => !t.includes('kube-storage-disable'))
    : [];
  return { found, codes: found.map((d) => d.code), fixes };
}

void describe('quantity patterns of custom resources', () => {
  test('JavaScript reads both patterns as RE2 does', () => {
    const cg = quantityPattern(CONTROLLER_GEN_QUANTITY)!;
    for (const ok of ['10Gi', '500M', '250m', '+1', '-.5', '1.', '1e3', '1E+3', '1.5e1.5'])
      assert.ok(cg.test(ok), ok);
    for (const bad of ['3GB', '10 Gi', '1Gx', '', 'Gi', '1\n', '1,5Gi'])
      assert.ok(!cg.test(bad), bad);
    const z = quantityPattern(ZALANDO_QUANTITY)!;
    for (const ok of ['10Gi', '1G', '1.5Ti', '1e3', '2e3Mi']) assert.ok(z.test(ok), ok);
    for (const bad of ['1Gx', '250m', '1k', '1.5', '-1Gi']) assert.ok(!z.test(bad), bad);
    assert.equal(quantityPattern('^[a-z]+$'), undefined);
  });

  test("controller-gen's pattern: `3GB` is refused with the quantity fixes; numbers and quantities pass", () => {
    const { found, codes, fixes } = check(CONTROLLER_GEN, '3GB');
    assert.deepEqual(codes, ['invalid-quantity']);
    assert.equal(found[0]!.range.start.line, 4);
    assert.match(found[0]!.message.en, /`3GB` is not a Kubernetes quantity/);
    assert.match(found[0]!.message.ru, /не количество в формате Kubernetes/);
    assert.deepEqual(fixes, ['3Gi', '3G']);
    for (const ok of ['3', '10Gi', '"500M"', '1e3', '250m'])
      assert.deepEqual(check(CONTROLLER_GEN, ok).codes, [], ok);
  });

  test("zalando's pattern: a non-quantity, a quantity it does not take, and only the fixes it takes", () => {
    assert.deepEqual(check(ZALANDO, '1Gx').codes, ['invalid-quantity']);
    const narrow = check(ZALANDO, '250m');
    assert.deepEqual(narrow.codes, ['invalid-quantity']);
    assert.match(
      narrow.found[0]!.message.en,
      /`250m` is a Kubernetes quantity, but the CRD accepts only some/,
    );
    assert.match(narrow.found[0]!.message.ru, /регулярное выражение/);
    assert.deepEqual(check(ZALANDO, '5kb').fixes, ['5Ki']);
    assert.deepEqual(check(ZALANDO, '10Gi').codes, []);
  });

  test('any other pattern is left unchecked', () => {
    assert.deepEqual(check(crd("{type: string, pattern: '^[a-z]+$'}"), 'ABC').codes, []);
  });
});
