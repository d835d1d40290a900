/**
 * Structural defaulting of custom resources before validation (schema/defaults.ts): a required
 * property with a `default` is present whenever its parent object is (found on vitess-operator,
 * whose kubebuilder markers put `default` on required fields); defaults apply to nested objects,
 * array items and map values, and a missing parent stays missing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

/** A v1 CRD of kind Pool (group demo.test) whose root schema has this `spec` (YAML lines). */
function poolCrd(spec: string[]): string {
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: pools.demo.test}',
    'spec:',
    '  group: demo.test',
    '  scope: Namespaced',
    '  names: {kind: Pool, plural: pools}',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    ...spec.map((l) => `              ${l}`),
    '',
  ].join('\n');
}

const SPEC = [
  'type: object',
  'required: [disks, size]',
  'properties:',
  '  disks: {type: integer, default: 2}',
  '  size: {type: string}',
  '  mirror:',
  '    type: object',
  '    required: [copies]',
  '    properties:',
  '      copies: {type: integer, default: 1}',
  '  tiers:',
  '    type: array',
  '    items:',
  '      type: object',
  '      required: [weight, name]',
  '      properties:',
  '        name: {type: string}',
  '        weight: {type: integer, default: 10}',
  '  zones:',
  '    type: object',
  '    additionalProperties:',
  '      type: object',
  '      required: [replicas]',
  '      properties:',
  '        replicas: {type: integer, default: 3}',
];

function found(crd: string, spec: string): string[] {
  const s = getLanguageService();
  s.setFile('file:///ws/crd.yaml', crd);
  const cr = `apiVersion: demo.test/v1\nkind: Pool\nmetadata: {name: p}\nspec:\n${spec}`;
  s.setFile('file:///ws/pool.yaml', cr);
  return s
    .getDiagnostics('file:///ws/pool.yaml')
    .map((d) => `${d.range.start.line} ${d.code} ${String(d.data?.field ?? '')}`);
}

void describe('defaults of a CRD schema count as present', () => {
  test('a required field with a default is not missing; one without is', () => {
    assert.deepEqual(found(poolCrd(SPEC), '  size: 5Gi\n'), []);
    assert.deepEqual(found(poolCrd(SPEC), '  disks: 4\n'), ['3 missing-required size']);
  });

  test('a nested object present but empty gets its defaults', () => {
    assert.deepEqual(found(poolCrd(SPEC), '  size: 5Gi\n  mirror: {}\n'), []);
  });

  test('defaults apply to array items and map values, not to what they do not default', () => {
    const spec = '  size: 5Gi\n  tiers:\n    - {}\n  zones:\n    a: {}\n';
    assert.deepEqual(found(poolCrd(SPEC), spec), ['6 missing-required name']);
  });

  test('a defaulted value is itself defaulted; a parent without a default stays missing', () => {
    const withParent = SPEC.map((l) =>
      l === '  mirror:' ? '  mirror:\n    default: {}' : l,
    ).flatMap((l) => l.split('\n'));
    withParent.splice(1, 1, 'required: [disks, size, mirror]');
    // `mirror` is defaulted to {}, then {} gets `copies`.
    assert.deepEqual(found(poolCrd(withParent), '  size: 5Gi\n'), []);
    const noParent = [...SPEC];
    noParent.splice(1, 1, 'required: [disks, size, mirror]');
    assert.deepEqual(found(poolCrd(noParent), '  size: 5Gi\n'), ['3 missing-required mirror']);
  });

  test('a default does not hide a wrong value that is written', () => {
    assert.deepEqual(found(poolCrd(SPEC), '  size: 5Gi\n  disks: two\n'), ['5 invalid-type ']);
  });
});
