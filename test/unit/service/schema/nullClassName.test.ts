/**
 * `storageClassName:` of a claim written with nothing after it is null: the claim gets the
 * cluster's default class, not "no class" (`""`). Told as information with a quick fix, in a
 * PersistentVolumeClaim, a StatefulSet's claim template and a generic ephemeral volume; a written
 * `null`, `""` or a class name is left alone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const URI = 'file:///ws/claims.yaml';

function check(text: string) {
  const s = getLanguageService();
  s.setFile(URI, text, 'editor', 1);
  const found = s.getDiagnostics(URI).filter((d) => d.code === 'storage-class-null');
  return { s, found };
}

const claim = (classLine: string) =>
  [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    '  name: uploads',
    'spec:',
    '  accessModes: [ReadWriteOnce]',
    '  resources:',
    '    requests:',
    '      storage: 3Gi',
    `  ${classLine}`,
    '',
  ].join('\n');

void describe('a claim whose storageClassName has no value', () => {
  test('is told, with the fix to write ""', () => {
    const { s, found } = check(claim('storageClassName:'));
    assert.deepEqual(
      found.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity}`),
      ['9:2 information'],
    );
    assert.match(found[0]!.message.en, /default StorageClass.*`storageClassName: ""`/);
    assert.match(found[0]!.message.ru, /класс хранилища по умолчанию.*`storageClassName: ""`/);
    const [action] = s.getCodeActions(URI, found[0]!.range);
    assert.equal(action?.edits[0]?.newText, 'storageClassName: ""');
  });

  test('in a claim template and a generic ephemeral volume too', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: cache}',
      'spec:',
      '  serviceName: cache',
      '  selector: {matchLabels: {app: cache}}',
      '  template:',
      '    metadata: {labels: {app: cache}}',
      '    spec:',
      '      containers:',
      '        - name: cache',
      '          image: registry.example.com/cache:2.1',
      '          volumeMounts: [{name: data, mountPath: /data}, {name: scratch, mountPath: /tmp}]',
      '      volumes:',
      '        - name: scratch',
      '          ephemeral:',
      '            volumeClaimTemplate:',
      '              spec:',
      '                accessModes: [ReadWriteOnce]',
      '                resources: {requests: {storage: 1Gi}}',
      '                storageClassName:',
      '  volumeClaimTemplates:',
      '    - metadata: {name: data}',
      '      spec:',
      '        accessModes: [ReadWriteOnce]',
      '        resources: {requests: {storage: 5Gi}}',
      '        storageClassName:',
      '',
    ].join('\n');
    assert.deepEqual(
      check(text).found.map((d) => d.range.start.line),
      [20, 26],
    );
  });

  test('a written null, an empty string or a class name is not told', () => {
    for (const line of [
      'storageClassName: null',
      'storageClassName: ~',
      'storageClassName: ""',
      'storageClassName: fast',
    ])
      assert.deepEqual(check(claim(line)).found, [], line);
  });
});
