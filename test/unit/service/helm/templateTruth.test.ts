/** Go template truth and how a chart reads a switch (helm/templateTruth.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChartModel } from '../../../../server/src/service/helm';
import {
  isTemplateTrue,
  printsTrue,
  templateReads,
} from '../../../../server/src/service/helm/templateTruth';

void test('what `if` takes as false: false, 0, nil and empty strings, maps and lists', () => {
  const falsy: unknown[] = [false, 0, '', null, undefined, {}, []];
  const truthy: unknown[] = [true, 1, -1, 'false', '0', 'no', { a: 1 }, [false]];
  assert.deepEqual(
    falsy.map((v) => isTemplateTrue(v)),
    falsy.map(() => false),
  );
  assert.deepEqual(
    truthy.map((v) => isTemplateTrue(v)),
    truthy.map(() => true),
  );
});

void test('a printed value reads as true when it prints `true`', () => {
  assert.deepEqual([true, 'true', false, 'false', 1, 'yes', undefined].map(printsTrue), [
    true,
    true,
    false,
    false,
    false,
    false,
    false,
  ]);
});

function readsOf(template: string, path: string[]) {
  const model = buildChartModel(
    new Map([
      ['values.yaml', 'persistence:\n  enabled: true\ndebug: false\nmetrics:\n  enabled: false\n'],
      ['templates/app.yaml', template],
    ]),
  );
  return templateReads(model, path);
}

void test('tested in `if`, through a variable and in `and`', () => {
  const direct = readsOf('{{- if .Values.persistence.enabled }}\nx: 1\n{{- end }}\n', [
    'persistence',
    'enabled',
  ]);
  assert.deepEqual(direct, { read: true, tested: true, printedOnly: false });
  const variable = readsOf(
    '{{- $p := .Values.persistence }}\n{{- if and $p.enabled (not .Values.debug) }}\nx: 1\n{{- end }}\n',
    ['persistence', 'enabled'],
  );
  assert.equal(variable.tested, true);
});

void test('only printed, as it is or quoted: not a test', () => {
  const template =
    'env:\n  - name: DEBUG\n    value: {{ .Values.debug | quote }}\nflag: {{ .Values.debug }}\n';
  assert.deepEqual(readsOf(template, ['debug']), { read: true, tested: false, printedOnly: true });
});

void test('printed in one place and tested in another: tested, not printed only', () => {
  const template =
    'flag: {{ .Values.debug | quote }}\n{{- if .Values.debug }}\nverbose: true\n{{- end }}\n';
  assert.deepEqual(readsOf(template, ['debug']), { read: true, tested: true, printedOnly: false });
});

void test('handed to a named template or printf: neither tested nor printed only', () => {
  const template =
    '{{ include "app.flags" (dict "on" .Values.metrics.enabled) }}\nx: {{ printf "%t" .Values.debug }}\n';
  assert.deepEqual(readsOf(template, ['metrics', 'enabled']), {
    read: true,
    tested: false,
    printedOnly: false,
  });
  assert.deepEqual(readsOf(template, ['debug']), { read: true, tested: false, printedOnly: false });
});
