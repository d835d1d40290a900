import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { printedWithDefaults } from '../../../../server/src/service/rendered/printedDefaults';

describe('a template line as printed with its values unset', () => {
  it('a read with a literal default prints the default, in either order', () => {
    assert.equal(
      printedWithDefaults('- name: {{ .Values.snapshots.volumeName | default "snapshots" }}'),
      '- name: snapshots',
    );
    assert.equal(
      printedWithDefaults(
        '  name: {{ default "wal" $claim.name }}-{{ .Release.Name | default "x" }}',
      ),
      '  name: wal-x',
    );
  });

  it('quote after the default quotes it; a dash eats the blanks on its side', () => {
    assert.equal(
      printedWithDefaults('mountPath: {{ .Values.dataDir | default "/data" | quote }}'),
      'mountPath: "/data"',
    );
    assert.equal(printedWithDefaults('name: {{- .Values.n | default "a" -}} -b'), 'name:a-b');
  });

  it('nothing for a line without actions, or with one that is not a read and a default', () => {
    assert.equal(printedWithDefaults('name: data'), undefined);
    for (const line of [
      'name: {{ .Values.name }}',
      'name: {{ include "x.fullname" . }}',
      'name: {{ .Values.name | default "a" | upper }}',
      'name: {{ .Values.name | default .Values.other }}',
      'name: {{ (.Values.name | default "a") }}',
      'name: {{ .Values.a | default "a" }}-{{ include "x" . }}',
    ])
      assert.equal(printedWithDefaults(line), undefined, line);
  });
});
