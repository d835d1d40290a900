/** Navigation between templates and a values file written in several `---` documents. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildChartModel } from '../../../../server/src/service/helm';
import {
  templateDefinition,
  valuesDefinition,
  valuesReferences,
} from '../../../../server/src/service/helm/templateAssistNavigation';
import { tiedText } from '../../../../server/src/service/helm/templateAssistValues';

const files = new Map([
  ['Chart.yaml', 'apiVersion: v2\nname: vault\nversion: 1.0.0\n'],
  ['values.yaml', 'storage:\n  size: 10Gi\n  class: ""\n'],
  ['templates/pvc.yaml', 'size: {{ .Values.storage.size }}\nclass: {{ .Values.storage.class }}\n'],
]);
const chartUri = 'file:///charts/vault/';
const TIED = 'file:///env/prod.yaml';
// The class in the first document, the size set there and again in the second.
const PROD =
  'storage:\n  class: fast\n  size: 20Gi\n---\n# bigger disks in prod\nstorage:\n  size: 50Gi\n';

const template = {
  model: buildChartModel(files),
  files,
  chartUri,
  file: 'templates/pvc.yaml',
  text: files.get('templates/pvc.yaml')!,
  tied: [{ uri: TIED, label: 'env/prod.yaml', text: PROD }],
};

test('from a template, a value leads to the document of the tied file whose value wins', () => {
  const lines = (character: number, line: number) =>
    templateDefinition(template, { line, character })
      .filter((l) => l.uri === TIED)
      .map((l) => l.range.start.line);
  assert.deepEqual(lines(26, 0), [6], 'the size of the second document');
  assert.deepEqual(lines(28, 1), [1], 'the class only the first one sets');
  assert.match(tiedText(template, ['storage', 'size'], 'en')!, /`"50Gi"`/);
  assert.match(tiedText(template, ['storage', 'class'], 'en')!, /`"fast"`/);
});

test('from a key in the second document: the templates that read it, the chart default', () => {
  const site = { model: template.model, files, chartUri, text: PROD };
  const refs = valuesReferences(site, TIED, { line: 6, character: 3 }, true);
  assert.deepEqual(
    refs.map((l) => `${l.uri}:${l.range.start.line}`),
    [`${TIED}:6`, `${chartUri}templates/pvc.yaml:0`],
  );
  const first = valuesReferences(site, TIED, { line: 1, character: 3 }, false);
  assert.deepEqual(
    first.map((l) => `${l.uri}:${l.range.start.line}`),
    [`${chartUri}templates/pvc.yaml:1`],
  );
  assert.deepEqual(
    valuesDefinition(site, TIED, { line: 6, character: 3 }).map(
      (l) => `${l.uri}:${l.range.start.line}`,
    ),
    [`${chartUri}values.yaml:1`],
  );
  assert.deepEqual(valuesReferences(site, TIED, { line: 4, character: 3 }, true), []);
});
