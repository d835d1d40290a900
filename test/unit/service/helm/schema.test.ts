import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemaCompileError, validateValues } from '../../../../server/src/service/helm/schema';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    shards: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          disks: { type: 'integer', format: 'int32' },
          retentionSeconds: { type: 'integer', format: 'int64' },
        },
      },
    },
  },
};

test('formats of Go-generated schemas are ignored without a word on the console', () => {
  const printed: unknown[] = [];
  const original = { warn: console.warn, log: console.log, error: console.error };
  console.warn = console.log = console.error = (...args: unknown[]) => void printed.push(args);
  try {
    assert.equal(schemaCompileError(schema), undefined);
    assert.deepEqual(validateValues(schema, { shards: [{ disks: 4, retentionSeconds: 60 }] }), []);
  } finally {
    Object.assign(console, original);
  }
  assert.deepEqual(printed, []);
});

test('a value of the wrong type is still reported', () => {
  const errors = validateValues(schema, { shards: [{ disks: 'four' }] });
  assert.deepEqual(
    errors.map((e) => [e.path.join('.'), e.keyword]),
    [['shards.0.disks', 'type']],
  );
});
