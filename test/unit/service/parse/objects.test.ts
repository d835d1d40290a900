/** Which YAML documents are Kubernetes objects (parse/objects.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { recognise } from '../../../../server/src/service/parse/objects';

const typeOf = (text: string): string => recognise(parseDocument(text)).type;

void test("a kustomize built-in plugin's configuration is no object, whatever its kind", () => {
  const plugin = (kind: string) =>
    `apiVersion: builtin\nkind: ${kind}\nmetadata:\n  name: add-prefix\nprefix: staging-\n`;
  assert.equal(typeOf(plugin('PrefixSuffixTransformer')), 'other');
  assert.equal(typeOf(plugin('ImageTagTransformer')), 'other');
  assert.equal(typeOf(plugin('SomeFutureTransformer')), 'other');
});

void test('objects of every group stay objects; only one of apiVersion and kind is incomplete', () => {
  assert.equal(typeOf('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'), 'object');
  assert.equal(
    typeOf('apiVersion: builtin.example.com/v1\nkind: X\nmetadata: {name: x}\n'),
    'object',
  );
  assert.equal(typeOf('kind: ConfigMap\nmetadata:\n  name: c\n'), 'incomplete');
});
