import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildChartModel } from '../../../../server/src/service/helm';
import {
  actionAt,
  templateCompletion,
  templateDefinition,
  type TemplateSite,
} from '../../../../server/src/service/helm/templateAssist';
import { builtinAt } from '../../../../server/src/service/helm/builtins';
import {
  chartDefines,
  namedTemplateCalls,
} from '../../../../server/src/service/helm/templateNames';

const files = new Map([
  ['Chart.yaml', 'apiVersion: v2\nname: vault\nversion: 1.0.0\n'],
  ['values.yaml', 'storage:\n  # -- Size of the data claim.\n  size: 10Gi\n  class: ""\n'],
  [
    'templates/_helpers.tpl',
    '{{- define "vault.name" -}}\nvault\n{{- end }}\n{{ define "vault.labels" }}app: x{{ end }}\n',
  ],
  ['templates/pvc.yaml', 'name: {{ include "vault.name" . }}\nsize: {{ .Values.storage.size }}\n'],
]);

function site(text: string): TemplateSite {
  return {
    model: buildChartModel(files),
    files,
    chartUri: 'file:///charts/vault/',
    file: 'templates/pvc.yaml',
    text,
    tied: [],
  };
}

describe('help inside templates', () => {
  it('an action is from after {{ to before }}; after }} is YAML again', () => {
    const text = 'a: {{ .Values.x }} b';
    assert.deepEqual(actionAt(text, 5), { start: 5, end: 16 });
    assert.equal(actionAt(text, 19), undefined);
    assert.equal(actionAt('a: b', 2), undefined);
    assert.deepEqual(actionAt('a: {{ .Val', 10), { start: 5, end: 10 }, 'an action being typed');
  });

  it('defines and calls are found with the position of the name', () => {
    assert.deepEqual(
      chartDefines(files).map((d) => `${d.name}@${d.line}:${d.character}`),
      ['vault.name@0:12', 'vault.labels@3:11'],
    );
    assert.deepEqual(
      namedTemplateCalls('t', '{{ template "a.b" . }}\n  {{ include "c" $ }}').map(
        (c) => `${c.name}@${c.line}:${c.character}`,
      ),
      ['a.b@0:13', 'c@1:14'],
    );
  });

  it('outside actions there is no template completion (the YAML help applies)', () => {
    assert.equal(
      templateCompletion(site('size: 10Gi\n'), { line: 0, character: 3 }, 'en'),
      undefined,
    );
  });

  it('a variable chain or a field of a function result is not completed as .Values', () => {
    const text = 'a: {{ $x.Values. }}\nb: {{ (include "vault.name" .).Values. }}\n';
    assert.deepEqual(templateCompletion(site(text), { line: 0, character: 16 }, 'en'), []);
    assert.deepEqual(templateCompletion(site(text), { line: 1, character: 38 }, 'ru'), []);
  });

  it('value keys in Russian keep their defaults and comments', () => {
    const text = 'a: {{ .Values.storage. }}\n';
    const items = templateCompletion(site(text), { line: 0, character: 22 }, 'ru')!;
    const size = items.find((i) => i.label === 'size');
    assert.match(size?.detail ?? '', /строка = "10Gi"|= "10Gi"/);
    assert.match(size?.documentation ?? '', /Size of the data claim/);
  });

  it('a built-in is not taken for a value; its definition is nowhere', () => {
    const text = 'a: {{ .Release.Name }}\n';
    assert.deepEqual(templateDefinition(site(text), { line: 0, character: 16 }), []);
    assert.match(builtinAt(['Release', 'Name'])!.text.ru, /Имя релиза/);
  });
});
