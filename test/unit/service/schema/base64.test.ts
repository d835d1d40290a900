/** `format: byte` (a Secret's `data`, a ConfigMap's `binaryData`): base64, or a variable for it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

function base64Problems(value: string): string[] {
  const s = getLanguageService();
  const uri = 'file:///w/secret.yaml';
  s.setFile(
    uri,
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: console\ntype: Opaque\ndata:\n  accesskey: ${value}\n`,
  );
  return s
    .getDiagnostics(uri)
    .filter((d) => d.code === 'invalid-base64')
    .map((d) => `${d.range.start.line}`);
}

void describe('base64 values', () => {
  void test('base64, with or without padding and line breaks, is accepted', () => {
    assert.deepEqual(base64Problems('bWluaW8='), []);
    assert.deepEqual(base64Problems('|\n    bWlu\n    aW8='), []);
  });

  void test('text that is not base64 is an error', () => {
    assert.deepEqual(base64Problems('"minio admin"'), ['6']);
    assert.deepEqual(base64Problems('"bWluaW8=$"'), ['6']);
  });

  void test('a whole $NAME is a variable envsubst replaces ($ is never base64)', () => {
    assert.deepEqual(base64Problems('"$CONSOLE_ACCESS_KEY_B64"'), []);
    assert.deepEqual(base64Problems('${CONSOLE_ACCESS_KEY_B64}'), []);
  });
});
