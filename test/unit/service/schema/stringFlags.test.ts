/**
 * A custom resource's string field whose enum lists flag words (`"true"`, `"yes"`, `"1"`), as
 * operators write their on/off switches: an unquoted `true` is a boolean for YAML and kubectl,
 * so the API server rejects it as the wrong type. One error, telling to quote the value (with a
 * quick fix), not a second one listing the enum and suggesting `True`, which is a boolean too.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: archives.example.org
spec:
  group: example.org
  names: {kind: Archive, plural: archives, singular: archive, listKind: ArchiveList}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                compress:
                  type: string
                  enum: ["", "0", "1", "false", "true", "False", "True", "no", "yes"]
                level:
                  type: string
`;

function check(spec: string) {
  const s = getLanguageService();
  s.setFile('file:///ws/crd.yaml', CRD);
  const uri = 'file:///ws/archive.yaml';
  s.setFile(uri, `apiVersion: example.org/v1\nkind: Archive\nmetadata: {name: a}\nspec:\n${spec}`);
  const found = s.getDiagnostics(uri);
  const fixes = found.flatMap((d) =>
    s
      .getCodeActions(uri, d.range)
      .map((a) => a.edits[0]!.newText)
      .filter((t) => !t.includes('kube-storage-disable')),
  );
  return { found, codes: found.map((d) => d.code), fixes };
}

void describe('string flags of custom resources', () => {
  test('an unquoted true for a string enum is one wrong-type error with the quoted fix', () => {
    const { found, codes, fixes } = check('  compress: true\n');
    assert.deepEqual(codes, ['invalid-type']);
    assert.match(found[0]!.message.en, /must be a string, not true or false\. .*`"true"`/);
    assert.match(found[0]!.message.ru, /Возьмите значение в кавычки: `"true"`/);
    assert.deepEqual(fixes, ['"true"']);
  });

  test('the quotes keep the word as written: yes, True, a number', () => {
    assert.deepEqual(check('  compress: yes\n').fixes, ['"yes"']);
    assert.deepEqual(check('  compress: True\n').fixes, ['"True"']);
    assert.deepEqual(check('  level: 9\n').fixes, ['"9"']);
  });

  test('quoted flags pass; a string outside the enum is still an enum error', () => {
    assert.deepEqual(check('  compress: "true"\n  level: "9"\n').codes, []);
    assert.deepEqual(check('  compress: "sometimes"\n').codes, ['invalid-enum']);
  });

  test('no quote advice where quotes would not help', () => {
    const { found, fixes } = check('  level: {value: 9}\n');
    assert.deepEqual(
      found.map((d) => d.code),
      ['invalid-type'],
    );
    assert.doesNotMatch(found[0]!.message.en, /quotes/);
    assert.deepEqual(fixes, []);
  });

  test('a bare word that quotes would not make valid is one enum error, no quote advice', () => {
    const s = getLanguageService();
    const uri = 'file:///ws/pod.yaml';
    s.setFile(
      uri,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: yes\n  containers: [{name: c, image: x, imagePullPolicy: true}]\n',
    );
    const found = s.getDiagnostics(uri);
    assert.deepEqual(
      found.map((d) => d.code),
      ['invalid-enum', 'invalid-enum'],
    );
    assert.match(found[0]!.message.en, /Allowed: Always, OnFailure, Never/);
    assert.doesNotMatch(found[0]!.message.en, /quotes/);
  });
});
