/** argocd-vault-plugin's placeholders are filled in before Argo CD applies the object. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

function secretProblems(annotations: string, data: string): string[] {
  const s = getLanguageService();
  const uri = 'file:///w/credentials.yaml';
  s.setFile(
    uri,
    [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: billing-db',
      ...(annotations ? ['  annotations:', `    ${annotations}`] : []),
      'type: Opaque',
      'data:',
      `  DB_PASSWORD: ${data}`,
      '',
    ].join('\n'),
  );
  return s
    .getDiagnostics(uri)
    .filter((d) => d.code === 'invalid-base64')
    .map((d) => String(d.code));
}

void describe('argocd-vault-plugin placeholders', () => {
  void test('a <key> in an object that names its store path is not checked', () => {
    const path = 'avp.kubernetes.io/path: "kv/data/billing"';
    assert.deepEqual(secretProblems(path, '<db-password | base64encode>'), []);
    assert.deepEqual(secretProblems(path, '<db-password>'), []);
    assert.deepEqual(secretProblems('avp.kubernetes.io/path: ""', '<db-password>'), []);
  });

  void test('an inline <path:…#key> is a placeholder in any object', () => {
    assert.deepEqual(secretProblems('', '<path:kv/data/billing#password | base64encode>'), []);
    assert.deepEqual(secretProblems('', '<path:kv/data/billing#password#3>'), []);
  });

  void test('without the annotation a <key> is text, and still not base64', () => {
    assert.deepEqual(secretProblems('', '<db-password>'), ['invalid-base64']);
    assert.deepEqual(secretProblems('team: billing', '<db-password>'), ['invalid-base64']);
    const path = 'avp.kubernetes.io/path: "kv/data/billing"';
    assert.deepEqual(secretProblems(path, 'plain password'), ['invalid-base64']);
  });
});
