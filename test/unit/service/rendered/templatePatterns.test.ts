import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  linePattern,
  valueLinePattern,
} from '../../../../server/src/service/rendered/templatePatterns';

describe('template line patterns', () => {
  const values: Record<string, string> = { 'zk.component': 'zookeeper', 'zk.data.name': 'data' };
  const valueText = (path: string) => values[path];
  const line =
    '- name: "{{ template "x.fullname" . }}-{{ .Values.zk.component }}-{{ .Values.zk.data.name }}"';

  it('fills in the values an action prints as they are', () => {
    const pattern = valueLinePattern(line, valueText);
    assert.ok(pattern?.test('name: "rel-x-zookeeper-data"'));
    assert.equal(pattern?.test('name: "rel-x-zookeeper-datalog"'), false);
    // Without the values both names fit.
    assert.ok(linePattern(line).test('name: "rel-x-zookeeper-datalog"'));
  });

  it('gives no pattern for a line that prints no known value', () => {
    assert.equal(valueLinePattern('name: {{ .Values.zk.other }}', valueText), undefined);
    assert.equal(
      valueLinePattern('name: {{ .Values.zk.data.name | upper }}', valueText),
      undefined,
    );
    assert.equal(valueLinePattern('emptyDir: {}', valueText), undefined);
  });

  it('reads `$.Values` and trimming actions', () => {
    const pattern = valueLinePattern('claim: {{- $.Values.zk.data.name -}} -x', valueText);
    assert.ok(pattern?.test('claim:data-x'));
  });
});
