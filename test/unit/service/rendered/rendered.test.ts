import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eligibleLeaves, valueUses } from '../../../../server/src/service/rendered/attribution';
import { helmMessageText, renderProblem } from '../../../../server/src/service/rendered/errors';
import { withNamespace } from '../../../../server/src/service/rendered/namespace';
import { renderedDocuments } from '../../../../server/src/service/rendered/output';
import {
  templateKeyLines,
  templateLineOf,
} from '../../../../server/src/service/rendered/templateLines';
import { MergedValues, parseSetPair } from '../../../../server/src/service/rendered/values';

describe('values as Helm merges them', () => {
  const merged = new MergedValues([
    {
      kind: 'chart',
      label: 'values.yaml',
      text: 'persistence:\n  size: 8Gi\n  accessModes: [ReadWriteOnce, ReadOnlyMany]\nmetrics:\n  port: 9187\n',
    },
    {
      kind: 'file',
      label: 'prod.yaml',
      uri: 'file:///prod.yaml',
      text: 'persistence:\n  accessModes:\n    - ReadWriteMany\nmetrics: null\n',
    },
    { kind: 'set', label: '--set', pairs: ['persistence.size=20Gi', 'tags={a,b}'] },
  ]);

  it('maps merge, lists replace, null removes, --set wins', () => {
    assert.deepEqual(merged.data, {
      persistence: { size: '20Gi', accessModes: ['ReadWriteMany'] },
    });
  });

  it('each leaf knows its layer and line', () => {
    const where = (id: string) => {
      const leaf = merged.leaves.get(id);
      return leaf && `${leaf.layer}:${leaf.range.start.line}`;
    };
    assert.equal(where('.persistence.size'), '2:0');
    assert.equal(where('.persistence.accessModes[0]'), '1:2');
    assert.equal(where('.persistence.accessModes[1]'), undefined, 'replaced with the list');
    assert.equal(where('.metrics.port'), undefined, 'removed by null');
  });

  it('a path is found in the last layer that writes it, else at its nearest ancestor', () => {
    assert.equal(merged.siteOf(['persistence', 'accessModes'])?.layer, 1);
    const site = merged.siteOf(['persistence', 'size', 'gibibytes']);
    assert.deepEqual(site?.found, ['persistence', 'size']);
  });

  it('--set pairs in the simple form are typed like strvals; others are left to helm', () => {
    assert.deepEqual(parseSetPair('replicas=3'), { path: ['replicas'], value: 3 });
    assert.deepEqual(parseSetPair('a.b=true'), { path: ['a', 'b'], value: true });
    assert.deepEqual(parseSetPair('a.b=10Gi'), { path: ['a', 'b'], value: '10Gi' });
    assert.equal(parseSetPair('tags={a,b}'), undefined);
    assert.equal(parseSetPair('list[0]=x'), undefined);
  });
});

describe('which values may be changed for the second render', () => {
  const templates = new Map([
    [
      'templates/sts.yaml',
      [
        'replicas: {{ .Values.replicaCount }}',
        '{{- range $i := until (int .Values.shards) }}',
        '{{- if eq .Values.architecture "replication" }}',
        'resources: {{- toYaml .Values.resources | nindent 2 }}',
        '{{- $size := .Values.persistence.size }}',
        'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      ].join('\n'),
    ],
  ]);
  const merged = new MergedValues([
    {
      kind: 'chart',
      label: 'values.yaml',
      text: 'replicaCount: 3\nshards: 4\narchitecture: standalone\nresources:\n  requests:\n    cpu: 100m\npersistence:\n  size: 8Gi\nimage:\n  repository: example/db\n  tag: ""\nunused: x\n',
    },
  ]);
  const ids = eligibleLeaves(merged, valueUses(templates)).map((l) => l.path.join('.'));

  it('plain outputs and toYaml blocks are changed', () => {
    assert.ok(ids.includes('replicaCount'));
    assert.ok(ids.includes('resources.requests.cpu'));
    assert.ok(ids.includes('image.repository'));
  });

  it('loop bounds, comparisons, variables, empty strings and unused values are not', () => {
    for (const id of ['shards', 'architecture', 'persistence.size', 'image.tag', 'unused'])
      assert.ok(!ids.includes(id), id);
  });
});

describe('template lines of rendered fields', () => {
  const template = [
    'apiVersion: apps/v1', // 0
    'kind: StatefulSet', // 1
    'metadata:', // 2
    '  labels:', // 3
    '    {{- include "x.labels" . | nindent 4 }}', // 4
    'spec:', // 5
    '  volumeClaimTemplates:', // 6
    '    - metadata:', // 7
    '        name: data', // 8
    '      spec:', // 9
    '        resources:', // 10
    '          requests:', // 11
    '            storage: {{ .Values.persistence.size }}', // 12
    '    - metadata:', // 13
    '        name: logs', // 14
    '      spec:', // 15
    '        resources:', // 16
    '          requests:', // 17
    '            storage: 1Gi', // 18
  ].join('\n');
  const lines = templateKeyLines(template);
  const path = ['spec', 'volumeClaimTemplates', 1, 'spec', 'resources', 'requests', 'storage'];

  it('one line fits: that line', () => {
    assert.equal(templateLineOf(lines, { path: ['spec', 'volumeClaimTemplates'] }, template), 6);
  });

  it('two lines fit: the one that reads the traced value, or the one written as rendered', () => {
    assert.equal(templateLineOf(lines, { path }, template), undefined);
    assert.equal(templateLineOf(lines, { path, valuePaths: ['persistence.size'] }, template), 12);
    assert.equal(templateLineOf(lines, { path, renderedLine: 'storage: 1Gi' }, template), 18);
  });

  it('a key printed by include under a key line: that key line', () => {
    assert.equal(
      templateLineOf(lines, { path: ['metadata', 'labels', 'app.kubernetes.io/name'] }, template),
      3,
    );
  });
});

describe('helm failures', () => {
  it('helm 3 and helm 4 template errors give the template and line', () => {
    const helm3 =
      'Error: template: shop/templates/pvc.yaml:12:20: executing "shop/templates/pvc.yaml" at <.Values.storage.size.x>: nil pointer evaluating interface {}.x\n';
    const helm4 =
      'Error: shop/templates/pvc.yaml:12:20\n  executing "shop/templates/pvc.yaml" at <.Values.storage.size.x>:\n    nil pointer evaluating interface {}.x\n\nUse --debug flag to render out invalid YAML\n';
    for (const stderr of [helm3, helm4]) {
      const problem = renderProblem({ reason: 'failed', detail: stderr }, undefined, new Map());
      assert.deepEqual(problem.template, { path: 'templates/pvc.yaml', line: 11 });
      assert.match(problem.message.en, /value `storage\.size\.x`/);
    }
    assert.doesNotMatch(helmMessageText(helm4), /--debug/);
  });

  it('a parse error without a value is reported with the template line', () => {
    const problem = renderProblem(
      {
        reason: 'failed',
        detail: 'Error: parse error at (shop/templates/cm.yaml:4): function "nosuch" not defined',
      },
      undefined,
      new Map(),
    );
    assert.deepEqual(problem.template, { path: 'templates/cm.yaml', line: 3 });
    assert.match(problem.message.ru, /`templates\/cm\.yaml`, строка 4/);
  });
});

describe('the namespace of the install', () => {
  it('goes into namespaced objects that have none, not into cluster-scoped ones', () => {
    const out = withNamespace(
      '---\n# Source: x/templates/pv.yaml\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: a\n---\n# Source: x/templates/pvc.yaml\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: b\n  labels:\n    app: b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: other\n',
      'shop',
    );
    const docs = renderedDocuments(out);
    assert.deepEqual(
      docs.map((d) => /namespace: (\S+)/.exec(d.text)?.[1] ?? null),
      [null, 'shop', 'other'],
    );
    assert.deepEqual(
      docs.map((d) => `${d.source ?? '-'}#${d.index}`),
      ['x/templates/pv.yaml#0', 'x/templates/pvc.yaml#0', '-#0'],
    );
  });
});
