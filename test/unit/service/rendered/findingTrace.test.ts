import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { perturbation } from '../../../../server/src/service/rendered/attribution';
import { valuePathInTemplate } from '../../../../server/src/service/rendered/entry';
import { RenderedCharts } from '../../../../server/src/service/rendered';
import {
  fieldLines,
  templateKeyLines,
  writesKey,
} from '../../../../server/src/service/rendered/templateLines';
import { MergedValues } from '../../../../server/src/service/rendered/values';
import type { KubeDiagnostic } from '../../../../server/src/service/types';

const template = [
  'apiVersion: apps/v1', // 0
  'kind: Deployment', // 1
  'metadata:', // 2
  '  name: {{ .Release.Name }}-{{ .Values.name }}', // 3
  '  labels:', // 4
  '    app: {{ .Values.name }}', // 5
  '  selector:', // 6: a key of spec written under metadata
  '    matchLabels:', // 7
  '      app: {{ .Values.name }}', // 8
  '  annotations:', // 9
  '    {{- toYaml .Values.annotations | nindent 4 }}', // 10
  'spec:', // 11
  '  template:', // 12
  '    spec:', // 13
  '      volumes:', // 14
  '        - name: shared', // 15
  '          nfs:', // 16
  '            server: {{ .Values.nfs.server }}', // 17
  '            path: {{ .Values.nfs.path }}', // 18
  '        - name: cache', // 19
  '          nfs:', // 20
  '            path: /cache', // 21
].join('\n');

/** helm's output for the template, with `name` and `path` as given (markers in the second render). */
const rendered = (name: string, path: string, annotation: string) =>
  [
    '---',
    '# Source: attr/templates/deploy.yaml',
    'apiVersion: apps/v1', // 2
    'kind: Deployment',
    'metadata:',
    `  name: release-name-${name}`, // 5
    '  labels:',
    `    app: ${name}`,
    '  selector:', // 8
    '    matchLabels:',
    `      app: ${name}`,
    '  annotations:', // 11
    `    team-${annotation}: x`, // 12
    'spec:',
    '  template:',
    '    spec:',
    '      volumes:',
    '        - name: shared',
    '          nfs:', // 18
    '            server: ',
    `            path: ${path}`,
    '        - name: cache',
    '          nfs:', // 22
    '            path: /cache',
    '',
  ].join('\n');

function finding(code: string, line: number, character: number, field: string): KubeDiagnostic {
  return {
    range: { start: { line, character }, end: { line, character: character + field.length } },
    severity: 'error',
    code,
    message: { en: code, ru: code },
    data: { field },
  };
}

function traced(valuesText: string, findings: KubeDiagnostic[]) {
  return tracedFindings(valuesText, findings).map((f) => ({
    code: f.original.code,
    line: f.trace.templateLine,
    values: f.trace.values.map(
      (v) => `${v.path.join('.')}@${v.range.start.line}:${v.range.start.character}`,
    ),
  }));
}

function tracedFindings(valuesText: string, findings: KubeDiagnostic[]) {
  const merged = new MergedValues([
    { kind: 'chart', label: 'values.yaml', uri: 'file:///c/values.yaml', text: valuesText },
  ]);
  const subject = {
    key: 'k',
    chartName: 'attr',
    templates: new Map([['templates/deploy.yaml', template]]),
    merged,
  };
  const c = new RenderedCharts({ setFile: () => undefined, removeFile: () => undefined });
  c.setRendered(subject, rendered('web', '/exports/data', 'a'));
  // The render with markers, as helm gives it: every value that could explain a finding marked.
  const ranges = findings.map((f) => f.range);
  const leaves = c.valuesToMark('k', ranges);
  const marks = perturbation(merged, leaves, []);
  const mark = (id: string, text: string) => {
    const i = leaves.findIndex((l) => l.path.join('.') === id);
    return i >= 0 ? `ksv${i}v` : text;
  };
  c.addMarked('k', leaves, {
    output: rendered(
      mark('name', 'web'),
      mark('nfs.path', '/exports/data'),
      mark('annotations.team-a', 'a'),
    ),
    perturbation: marks,
  });
  return c.traced('k', { stamp: '1', findings: () => findings });
}

describe('findings on a key or on a missing field, traced', () => {
  const values = 'name: web\nnfs:\n  server:\n  path: /exports/data\nannotations: {}\n';

  it('the template writes a key as text, or by an action', () => {
    const keyLines = templateKeyLines(template);
    assert.ok(writesKey(keyLines, ['metadata', 'selector']));
    assert.ok(!writesKey(keyLines, ['metadata', 'annotations', 'team-a']));
    assert.deepEqual(fieldLines(keyLines, 16, 'server', template), [
      { line: 17, reads: ['nfs.server'] },
    ]);
    assert.deepEqual(fieldLines(keyLines, 20, 'server', template), [], 'the other item');
  });

  it('an unknown key written in the template is on its template line, not on a value under it', () => {
    // couchbase-operator: `selector:` under metadata; only the label under it is a value.
    assert.deepEqual(traced(values, [finding('unknown-field', 8, 2, 'selector')]), [
      { code: 'unknown-field', line: 6, values: [] },
    ]);
  });

  it('the message after the prefix goes on in lower case in Russian, names as written', () => {
    const message = (ru: string) => {
      const found = finding('some-rule', 8, 2, 'selector');
      found.message = { en: 'In Kubernetes 1.36 this is so.', ru };
      return tracedFindings(values, [found])[0]!.diagnostic.message;
    };
    const joined = message('В Kubernetes 1.36 это так.');
    assert.match(joined.ru, /^В отрендеренном чарте \(.*\): в Kubernetes 1\.36 это так\.$/);
    assert.match(joined.en, /^In the rendered chart \(.*\): In Kubernetes 1\.36 this is so\.$/);
    assert.match(
      message('StatefulSet `db` без сервиса.').ru,
      /\): StatefulSet `db` без сервиса\.$/,
    );
    assert.match(message('API-сервер не примет.').ru, /\): API-сервер не примет\.$/);
  });

  it('a field the value printed under a key still goes to the value', () => {
    // Not a key finding: the small block under `selector` is explained by the value in it.
    assert.deepEqual(traced(values, [finding('some-rule', 8, 2, 'selector')]), [
      { code: 'some-rule', line: 6, values: ['name@0:6'] },
    ]);
  });

  it('a missing field goes to the empty value the template line would print it from', () => {
    // nfs-client-provisioner: `server:` empty in values; `path` is a sibling, not the cause.
    assert.deepEqual(traced(values, [finding('missing-required', 18, 10, 'server')]), [
      { code: 'missing-required', line: 17, values: ['nfs.server@2:2'] },
    ]);
    assert.deepEqual(
      traced(values.replace('  server:\n', '  server: ""\n'), [
        finding('missing-required', 18, 10, 'server'),
      ]),
      [{ code: 'missing-required', line: 17, values: ['nfs.server@2:10'] }],
    );
  });

  it('a missing field no value leaves out is on the template line, with no sibling value', () => {
    // The value is not written anywhere: the line that would print it.
    assert.deepEqual(
      traced('name: web\nnfs:\n  path: /exports/data\n', [
        finding('missing-required', 18, 10, 'server'),
      ]),
      [{ code: 'missing-required', line: 17, values: [] }],
    );
    // The template has no line for the field: the object's line.
    assert.deepEqual(traced(values, [finding('missing-required', 22, 10, 'server')]), [
      { code: 'missing-required', line: 20, values: [] },
    ]);
  });
});

describe('a template that prints several documents', () => {
  const twoDocs = [
    'apiVersion: apps/v1', // 0
    'kind: Deployment', // 1
    'metadata:', // 2
    '  name: web', // 3
    'spec:', // 4
    '  template: {{- include "x.pod" . | nindent 4 }}', // 5
    '---', // 6
    'apiVersion: apps/v1', // 7
    'kind: Deployment', // 8
    'metadata:', // 9
    '  name: worker', // 10
    'spec:', // 11
    '  template:', // 12
    '    spec:', // 13
    '      securityContext: {{- toYaml .Values.pod | nindent 8 }}', // 14
  ].join('\n');
  const output = (names: string[]) =>
    names
      .map((name) =>
        [
          '---',
          '# Source: attr/templates/deploy.yaml',
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          `  name: ${name}`,
          'spec:',
          '  template:',
          '    spec:',
          '      securityContext:', // 8 within each document
          '        fsGroup: 0',
        ].join('\n'),
      )
      .join('\n') + '\n';

  function lines(names: string[]): (number | undefined)[] {
    const merged = new MergedValues([
      { kind: 'chart', label: 'values.yaml', uri: 'file:///c/values.yaml', text: 'pod: {}\n' },
    ]);
    const subject = {
      key: 'k',
      chartName: 'attr',
      templates: new Map([['templates/deploy.yaml', twoDocs]]),
      merged,
    };
    const c = new RenderedCharts({ setFile: () => undefined, removeFile: () => undefined });
    c.setRendered(subject, output(names));
    // `fsGroup` of each rendered Deployment: line 10 of the first document, 21 of the second.
    const findings = names.map((_, i) =>
      finding('root-group-on-volumes', 10 + 11 * i, 8, 'fsGroup'),
    );
    return c.traced('k', { stamp: '1', findings: () => findings }).map((f) => f.trace.templateLine);
  }

  it('pairs each rendered document with its own: the include line, then the toYaml line', () => {
    assert.deepEqual(lines(['web', 'worker']), [5, 14]);
  });

  it('one document left out by a condition: no pairing, the lines of both are candidates', () => {
    assert.deepEqual(lines(['worker']), [14]);
  });

  it("helm prints a file's documents by kind: a claim before the Deployment written above it", () => {
    const deployThenClaim = [
      'apiVersion: apps/v1', // 0
      'kind: Deployment', // 1
      'metadata:', // 2
      '  name: web', // 3
      'spec:', // 4
      '  template:', // 5
      '    spec:', // 6
      '      securityContext: {{- toYaml .Values.pod | nindent 8 }}', // 7
      '---', // 8
      'apiVersion: v1', // 9
      'kind: PersistentVolumeClaim', // 10
      'metadata:', // 11
      '  name: web', // 12
      'spec:', // 13
      '  template:', // 14: a key path like the Deployment's, to tell them apart
      '    spec:', // 15
      '      securityContext: {{- toYaml .Values.pvc | nindent 8 }}', // 16
    ].join('\n');
    const claim = [
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  name: web',
      'spec: {}',
    ];
    const deployment = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  template:',
      '    spec:',
      '      securityContext:',
      '        fsGroup: 0',
    ];
    const out = [
      '---',
      '# Source: attr/templates/deploy.yaml',
      ...claim,
      '---',
      '# Source: attr/templates/deploy.yaml',
      ...deployment,
      '',
    ].join('\n');
    const merged = new MergedValues([
      { kind: 'chart', label: 'values.yaml', uri: 'file:///c/values.yaml', text: 'pod: {}\n' },
    ]);
    const subject = {
      key: 'k',
      chartName: 'attr',
      templates: new Map([['templates/deploy.yaml', deployThenClaim]]),
      merged,
    };
    const c = new RenderedCharts({ setFile: () => undefined, removeFile: () => undefined });
    c.setRendered(subject, out);
    // `fsGroup` of the Deployment, printed second: line 16 of the output.
    const findings = [finding('root-group-on-volumes', 16, 8, 'fsGroup')];
    const traced = c.traced('k', { stamp: '1', findings: () => findings });
    assert.deepEqual(
      traced.map((f) => f.trace.templateLine),
      [7],
    );
  });
});

describe('a value path as a subchart template reads it', () => {
  it('drops the keys of the subcharts the template is in; globals and the parent stay', () => {
    const path = ['db', 'persistence', 'storageClass'];
    assert.equal(
      valuePathInTemplate('charts/db/templates/sts.yaml', path),
      'persistence.storageClass',
    );
    assert.equal(
      valuePathInTemplate('charts/app/charts/db/templates/sts.yaml', ['app', 'db', 'size']),
      'size',
    );
    assert.equal(
      valuePathInTemplate('charts/db/templates/sts.yaml', ['global', 'storageClass']),
      'global.storageClass',
    );
    assert.equal(valuePathInTemplate('templates/sts.yaml', path), 'db.persistence.storageClass');
  });
});
