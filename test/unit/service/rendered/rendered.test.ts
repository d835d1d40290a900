import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actionUses,
  couldHold,
  eligibleLeaves,
  goFloat,
  perturbation,
  valueUses,
} from '../../../../server/src/service/rendered/attribution';
import { RenderedCharts } from '../../../../server/src/service/rendered';
import {
  helmMessageText,
  remoteSchemaNote,
  renderProblem,
} from '../../../../server/src/service/rendered/errors';
import {
  templateKeyLines,
  templateLineOf,
} from '../../../../server/src/service/rendered/templateLines';
import { linePattern } from '../../../../server/src/service/rendered/templatePatterns';
import {
  fileLayerData,
  MergedValues,
  parseSetPair,
  type ValuesLayer,
} from '../../../../server/src/service/rendered/values';

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

  it('the documents of a values file merge in order, as Helm 4 reads them', () => {
    const layers: ValuesLayer[] = [
      { kind: 'chart', label: 'values.yaml', text: 'persistence:\n  enabled: false\n' },
      {
        kind: 'file',
        label: 'split.yaml',
        text: [
          '# storage of the ledger', // 0
          'persistence:', // 1
          '  enabled: true', // 2
          '  size: 5Gi', // 3
          '---', // 4
          'persistence:', // 5
          '  size: 12Gi', // 6
          '  storageClass: ssd', // 7
          '---', // 8
        ].join('\n'),
      },
    ];
    const split = new MergedValues(layers);
    assert.deepEqual(split.data, {
      persistence: { enabled: true, size: '12Gi', storageClass: 'ssd' },
    });
    assert.equal(split.leaves.get('.persistence.size')?.range.start.line, 6);
    assert.equal(split.leaves.get('.persistence.enabled')?.range.start.line, 2);
    assert.deepEqual(fileLayerData(layers), {
      data: [{ persistence: { enabled: true, size: '12Gi', storageClass: 'ssd' } }],
    });
    const broken = { kind: 'file' as const, label: 'b.yaml', text: 'a: 1\n---\nb: [\n' };
    assert.equal((fileLayerData([broken]) as { layer: number }).layer, 0);
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
        '{{- if eq .Values.architecture "standalone" }}',
        '{{- if .Values.storageClass }}{{- if (eq "-" .Values.storageClass) }}',
        'storageClassName: "{{ .Values.storageClass }}"',
        '{{- if ne "-" .Values.backupClass }}{{ .Values.backupClass }}{{ end }}',
        '{{- if eq .Values.port 80.0 }}{{ .Values.port }}{{ end }}',
        '{{- if eq .Values.mode "a" }}{{ .Values.mode | quote }}{{ end }}',
        '{{- if eq .Values.other $x }}{{ .Values.other }}{{ end }}',
        '{{- $perms := and .Values.perms.enabled (not .Values.existingClaim) }}',
        'claimName: {{ .Values.existingClaim }}',
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
      text: 'replicaCount: 3\nshards: 4\narchitecture: standalone\nresources:\n  requests:\n    cpu: 100m\npersistence:\n  size: 8Gi\nimage:\n  repository: example/db\n  tag: ""\nunused: x\nstorageClass: fast-ssd\nbackupClass: "-"\nport: 80\nmode: b\nother: y\nperms:\n  enabled: true\nexistingClaim: data-0\n',
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

  it('a value compared only with constants it differs from is changed; one it equals is not', () => {
    // The stable charts' storageClass idiom: a marker is no more "-" than fast-ssd is.
    assert.ok(ids.includes('storageClass'));
    assert.ok(ids.includes('mode'), 'compared with "a", printed quoted');
    // Equal to a constant it is compared with ("-", 80 as 80.0), or compared with a variable.
    for (const id of ['backupClass', 'port', 'other']) assert.ok(!ids.includes(id), id);
  });

  it('a value a variable only tests for truth (`not`) is changed', () => {
    // stable/redis: `$needsVolumePermissions := and … (not .Values.persistence.existingClaim)`.
    assert.ok(ids.includes('existingClaim'));
  });

  it('a comparison makes unsafe only the values it compares, not those of a sibling group', () => {
    const uses = (body: string) =>
      Object.fromEntries(
        actionUses(body).map((u) => [
          u.path.slice(1),
          u.comparedTo
            ? `unless ${u.comparedTo.join(' ')}`
            : u.safe
              ? u.whole
                ? 'whole'
                : 'safe'
              : 'unsafe',
        ]),
      );
    // bitnami/redis templates/master/pvc.yaml: existingClaim is only tested for truth.
    assert.deepEqual(
      uses(
        ' if and (eq .Values.architecture "standalone") (.Values.master.persistence.enabled) (not .Values.master.persistence.existingClaim) ',
      ),
      {
        architecture: 'unless standalone',
        'master.persistence.enabled': 'safe',
        'master.persistence.existingClaim': 'safe',
      },
    );
    assert.deepEqual(uses(' printf "%s" (tpl .Values.claim .) '), { claim: 'safe' });
    // What a value's function prints flows into the functions around it.
    assert.deepEqual(uses(' if eq (lower .Values.mode) "x" '), { mode: 'unsafe' });
    assert.deepEqual(uses(' .Values.mode | quote | eq "x" '), { mode: 'unsafe' });
    assert.deepEqual(uses(' toYaml (default .Values.a .Values.b) '), { a: 'whole', b: 'whole' });
    assert.deepEqual(uses(' $x := (quote .Values.a) '), { a: 'unsafe' });
    assert.deepEqual(uses(' $x := and .Values.a (not .Values.b) '), { a: 'unsafe', b: 'safe' });
    assert.deepEqual(uses(' if (eq "-" .Values.sc) '), { sc: 'unless -' });
    assert.deepEqual(uses(' if ne .Values.t "a" `b` 3 '), { t: 'unless a b 3' });
    assert.deepEqual(uses(' if eq .Values.a .Values.b '), { a: 'unsafe', b: 'unsafe' });
    assert.deepEqual(uses(' include "x" (dict "v" $.Values.a "s" "eq .Values.b") '), { a: 'safe' });
  });
});

describe('the render with value markers, only for what needs it', () => {
  const templates = new Map([
    [
      'templates/pvc.yaml',
      [
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata:',
        '  name: {{ .Release.Name }}-data',
        '  annotations:',
        '    backup/keep: {{ .Values.backup.keep | quote }}',
        'spec:',
        '  accessModes: [ReadWriteOnce]',
        '  storageClassName: {{ .Values.storageClass | quote }}',
        '  resources:',
        '    requests:',
        '      storage: {{ .Values.size }}',
      ].join('\n'),
    ],
  ]);
  const layers: ValuesLayer[] = [
    {
      kind: 'chart',
      label: 'values.yaml',
      text: 'size: 8Gi\nstorageClass: fast\nbackup:\n  keep: 30\nunused: fast\n',
    },
    { kind: 'file', label: 'my.yaml', uri: 'file:///my.yaml', text: 'size: 20GB\n' },
  ];
  const subject = {
    key: 'file:///my.yaml',
    chartName: 'vault',
    templates,
    merged: new MergedValues(layers),
  };
  const rendered = (size: string, cls: string, keep: string) =>
    [
      '---',
      '# Source: vault/templates/pvc.yaml',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  name: r-data',
      '  annotations:',
      `    backup/keep: ${keep}`,
      'spec:',
      '  accessModes: [ReadWriteOnce]',
      `  storageClassName: ${cls}`,
      '  resources:',
      '    requests:',
      `      storage: ${size}`,
      '',
    ].join('\n');
  const output = rendered('20GB', '"fast"', '"30"');
  const at = (line: number, character: number) => ({
    start: { line, character },
    end: { line, character: character + 1 },
  });

  function charts() {
    const files = new Map<string, string>();
    const charts = new RenderedCharts({
      setFile: (uri, text) => files.set(uri, text),
      removeFile: (uri) => files.delete(uri),
    });
    charts.setRendered(subject, output);
    return charts;
  }

  it('marks only the values whose text could be in the fields asked about', () => {
    const c = charts();
    assert.deepEqual(
      c.valuesToMark(subject.key, [at(13, 15)]).map((l) => l.path.join('.')),
      ['size'],
    );
    // "fast" is also the text of `unused`, which no template prints.
    assert.deepEqual(
      c.valuesToMark(subject.key, [at(10, 20)]).map((l) => l.path.join('.')),
      ['storageClass'],
      'unused is never printed: not eligible',
    );
    assert.deepEqual(c.valuesToMark(subject.key, [at(9, 16)]), [], 'a hard-coded field');
  });

  it('traces the fields holding a marker, quoted floats included, and marks a value once', () => {
    const c = charts();
    const uri = c.uriOf(subject.key)!;
    const leaves = c.valuesToMark(subject.key, [at(13, 15), at(7, 18)]);
    assert.deepEqual(
      leaves.map((l) => l.path.join('.')),
      ['size', 'backup.keep'],
    );
    const marks = perturbation(subject.merged, leaves, []);
    // helm prints a number of a values file as a float64 (7.7700001e+07), here inside quotes.
    const markedOutput = rendered(String(marks.overlay.size), '"fast"', '"7.7700001e+07"');
    c.addMarked(subject.key, leaves, { output: markedOutput, perturbation: marks });
    const values = (line: number, character: number) =>
      c.traceRange(uri, at(line, character))!.trace.values.map((v) => v.path.join('.'));
    assert.deepEqual(values(13, 15), ['size']);
    assert.deepEqual(values(7, 18), ['backup.keep']);
    assert.deepEqual(c.valuesToMark(subject.key, [at(13, 15)]), [], 'already marked');
  });

  it('a number prints as Go prints a float64; rendered text holds a value case-blind or cut', () => {
    assert.equal(goFloat(5), '5');
    assert.equal(goFloat(999999), '999999');
    assert.equal(goFloat(1000000), '1e+06');
    assert.equal(goFloat(77700012), '7.7700012e+07');
    assert.ok(couldHold('1e+06', 1000000));
    assert.ok(couldHold('FAST-SSD', 'fast-ssd'));
    assert.ok(couldHold('release-with-a-very-long-na', 'release-with-a-very-long-name'));
    assert.ok(!couldHold('8Gi', '20GB'));
    assert.ok(!couldHold('anything', true), 'booleans are never marked');
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

  it('a key printed by an include further down its parent key’s block: the include’s line', () => {
    const sts = [
      'spec:', // 0
      '  volumeClaimTemplates:', // 1
      '    - metadata:', // 2
      '        name: data', // 3
      '      spec:', // 4
      '        accessModes:', // 5
      '        {{- range .Values.accessModes }}', // 6
      '          - {{ . | quote }}', // 7
      '        {{- end }}', // 8
      '        selector: {{- include "x.render" .Values.selector | nindent 10 }}', // 9
      '        {{- if .Values.storageClass }}', // 10
      '{{ include "x.storage.class" . | indent 8 }}', // 11
      '        {{- end }}', // 12
      '  template:', // 13
      '    spec:', // 14
      '      hostNetwork: false', // 15
      '      {{- include "x.pod" . | nindent 6 }}', // 16
      '      {{- include "x.more" . | nindent 6 }}', // 17
    ].join('\n');
    const keyLines = templateKeyLines(sts);
    const line = (path: (string | number)[]) => templateLineOf(keyLines, { path }, sts);
    assert.equal(line(['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName']), 11);
    // Two includes print into spec.template.spec: neither is known to be the one.
    assert.equal(line(['spec', 'template', 'spec', 'volumes', 0, 'name']), undefined);
  });

  it('a line whose action prints the rendered text, not a literal line with the same keys', () => {
    const sts = [
      'spec:', // 0
      '  volumeClaimTemplates:', // 1
      '    - spec:', // 2
      '      {{- if (eq "-" .Values.storageClass) }}', // 3
      '        storageClassName: ""', // 4
      '      {{- else }}', // 5
      '        storageClassName: "{{ .Values.storageClass }}"', // 6
      '      {{- end }}', // 7
    ].join('\n');
    const path = ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'];
    const keyLines = templateKeyLines(sts);
    const line = (renderedLine: string) => templateLineOf(keyLines, { path, renderedLine }, sts);
    assert.equal(line('storageClassName: "gp3"'), 6);
    assert.equal(line('storageClassName: ""'), 4);
    assert.equal(
      linePattern('  - name: {{ .Chart.Name }}-{{ .Values.x }}').source,
      '^name: .*-.*$',
    );
    assert.ok(linePattern('selector: {{- include "x" . | nindent 4 }}').test('selector:'));
  });

  it('several clues together: the value read, then the text the actions could print', () => {
    const deploy = [
      'spec:', // 0
      '  template:', // 1
      '    spec:', // 2
      '      containers:', // 3
      '        - name: {{ template "p.name" . }}-{{ .Values.server.name }}-{{ .Values.reload.name }}', // 4
      '          image: reload', // 5
      '        - name: {{ template "p.name" . }}-{{ .Values.server.name }}', // 6
      '          image: server', // 7
      '        {{- range $name, $spec := .Values.sidecars }}', // 8
      '        - name: {{ $name }}', // 9
      '        {{- end }}', // 10
    ].join('\n');
    const path = ['spec', 'template', 'spec', 'containers', 1, 'name'];
    const query = { path, renderedLine: '- name: prometheus-server', valuePaths: ['server.name'] };
    assert.equal(templateLineOf(templateKeyLines(deploy), query, deploy), 6);
  });

  it('a block printed after its key on the same line: the key line', () => {
    const sts = [
      'apiVersion: apps/v1', // 0
      'kind: StatefulSet', // 1
      'spec:', // 2
      '  serviceName: {{ template "s.fullname" . }}', // 3
      '  template: {{- include "s.pod" . | nindent 4 }}', // 4
    ].join('\n');
    const deploy = [
      'spec:', // 0
      '  template:', // 1
      '    spec:', // 2
      '      initContainers:', // 3
      '        - name: init', // 4
      '          securityContext: {{- toYaml .Values.init.securityContext | nindent 12 }}', // 5
      '      containers:', // 6
      '        - name: main', // 7
      '          securityContext: {{- . | nindent 12 }}', // 8
      '          image: {{ .Values.image }}', // 9
    ].join('\n');
    const fsGroup = ['spec', 'template', 'spec', 'securityContext', 'fsGroup'];
    assert.equal(templateLineOf(templateKeyLines(sts), { path: fsGroup }, sts), 4);
    const runAsGroup = (group: string) => [
      'spec',
      'template',
      'spec',
      group,
      0,
      'securityContext',
      'runAsGroup',
    ];
    assert.equal(
      templateLineOf(templateKeyLines(deploy), { path: runAsGroup('containers') }, deploy),
      8,
    );
    assert.equal(
      templateLineOf(templateKeyLines(deploy), { path: runAsGroup('initContainers') }, deploy),
      5,
    );
    // A scalar printed after its key is that key's own value, not a block under it.
    assert.equal(
      templateLineOf(
        templateKeyLines(deploy),
        { path: ['spec', 'template', 'spec', 'containers', 0, 'image', 'x'] },
        deploy,
      ),
      undefined,
    );
  });

  it('a value read by an `if` further out does not name the key line above it', () => {
    const sts = [
      'spec:', // 0
      '  template:', // 1
      '    spec:', // 2
      '      volumes:', // 3
      '        {{- if .Values.data.existingClaim }}', // 4
      '        - name: data', // 5
      '          persistentVolumeClaim:', // 6
      '            claimName: {{ tpl .Values.data.existingClaim . }}', // 7
      '        {{- end }}', // 8
      '        {{- if .Values.logs.existingClaim }}', // 9
      '        - name: logs', // 10
      '          persistentVolumeClaim:', // 11
      '            claimName: {{ tpl .Values.logs.existingClaim . }}', // 12
      '        {{- end }}', // 13
      '  {{- if not .Values.data.existingClaim }}', // 14
      '  volumeClaimTemplates: []', // 15
      '  {{- end }}', // 16
    ].join('\n');
    const path = ['spec', 'template', 'spec', 'volumes', 0, 'persistentVolumeClaim', 'claimName'];
    const query = { path, renderedLine: 'claimName: d', valuePaths: ['data.existingClaim'] };
    assert.equal(templateLineOf(templateKeyLines(sts), query, sts), 7);
  });

  it('the same include in two list items: the one whose item is written like the rendered one', () => {
    const sts = [
      'spec:', // 0
      '  volumeClaimTemplates:', // 1
      '    {{- if .Values.data.enabled }}', // 2
      '    - apiVersion: v1', // 3
      '      metadata:', // 4
      '        name: data', // 5
      '      spec:', // 6
      '        accessModes: [ReadWriteOnce]', // 7
      '        {{- include "x.storage.class" .Values.data | nindent 8 }}', // 8
      '    {{- end }}', // 9
      '    - apiVersion: v1', // 10
      '      metadata:', // 11
      '        name: logs', // 12
      '      spec:', // 13
      '        accessModes: [ReadWriteOnce]', // 14
      '        {{- include "x.storage.class" .Values.logs | nindent 8 }}', // 15
    ].join('\n');
    const keyLines = templateKeyLines(sts);
    const path = ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'];
    const item = (name: string) => [
      '- apiVersion: v1',
      'metadata:',
      `name: ${name}`,
      'spec:',
      'storageClassName: fast',
    ];
    assert.equal(templateLineOf(keyLines, { path }, sts), undefined);
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('data') }, sts), 8);
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('logs') }, sts), 15);
  });

  it('two claim templates named by values with defaults: the one whose default was printed', () => {
    const sts = [
      'spec:', // 0
      '  volumeClaimTemplates:', // 1
      '    - apiVersion: v1', // 2
      '      metadata:', // 3
      '        name: {{ .Values.index.volumeName | default "index" }}', // 4
      '      spec:', // 5
      '        storageClassName: {{ .Values.index.className }}', // 6
      '    {{- if .Values.backups.enabled }}', // 7
      '    - apiVersion: v1', // 8
      '      metadata:', // 9
      '        name: {{ default "backups" .Values.backups.volumeName | quote }}', // 10
      '      spec:', // 11
      '        storageClassName: {{ .Values.backups.className }}', // 12
      '    {{- end }}', // 13
    ].join('\n');
    const keyLines = templateKeyLines(sts);
    const path = ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'];
    const item = (name: string) => ['- apiVersion: v1', 'metadata:', `name: ${name}`, 'spec:'];
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('index') }, sts), 6);
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('"backups"') }, sts), 12);
    // A name set in the values matches neither default: no line rather than a guess.
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('search') }, sts), undefined);
  });

  it('items alike but for the values they print: the one that prints the rendered item', () => {
    const sts = [
      'spec:', // 0
      '  volumeClaimTemplates:', // 1
      '  - metadata:', // 2
      '      name: "{{ .Release.Name }}-{{ .Values.store.data.name }}"', // 3
      '    spec:', // 4
      '      storageClassName: "local"', // 5
      '  {{- if .Values.store.split }}', // 6
      '  - metadata:', // 7
      '      name: "{{ .Release.Name }}-{{ .Values.store.datalog.name }}"', // 8
      '    spec:', // 9
      '      storageClassName: "local"', // 10
      '  {{- end }}', // 11
    ].join('\n');
    const keyLines = templateKeyLines(sts);
    const item = (name: string) => ['- metadata:', `name: "rel-${name}"`, 'spec:'];
    const values: Record<string, string> = {
      'store.data.name': 'data',
      'store.datalog.name': 'datalog',
    };
    const valueText = (path: string) => values[path];
    const query = (index: number, name: string) => ({
      path: ['spec', 'volumeClaimTemplates', index, 'spec', 'storageClassName'],
      renderedLine: 'storageClassName: "local"',
      contextLines: [...item(name), 'storageClassName: "local"'],
    });
    // The literal lines are the same in both items: without the values no line is given.
    assert.equal(templateLineOf(keyLines, query(0, 'data'), sts), undefined);
    assert.equal(templateLineOf(keyLines, { ...query(0, 'data'), valueText }, sts), 5);
    assert.equal(templateLineOf(keyLines, { ...query(1, 'datalog'), valueText }, sts), 10);
    // A rendered item that neither prints: still no line.
    assert.equal(templateLineOf(keyLines, { ...query(0, 'wal'), valueText }, sts), undefined);
  });

  it('a template that writes no key: its one printing action, or none of several', () => {
    const generated = [
      '{{- /*', // 0
      'Licensed under the terms in LICENSE.', // 1
      '*/}}', // 2
      '', // 3
      '{{- include "app.render-manifests" (list "app.render" .) -}}', // 4
    ].join('\n');
    const path = ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'];
    assert.equal(templateLineOf(templateKeyLines(generated), { path }, generated), 4);
    const two = ['{{- include "app.defaults" . }}', '{{- include "app.statefulSet" . }}'].join(
      '\n',
    );
    assert.equal(templateLineOf(templateKeyLines(two), { path }, two), undefined);
  });

  it("a finding reported on another key's line (a missing field on the name) keeps its line", () => {
    const sts = [
      'apiVersion: apps/v1', // 0
      'kind: StatefulSet', // 1
      'metadata:', // 2
      '  name: {{ include "x.fullname" . }}', // 3
      'spec:', // 4
      '  serviceName: {{ include "x.fullname" . }}-headless', // 5
    ].join('\n');
    const keyLines = templateKeyLines(sts);
    const renderedLine = 'name: rel-x';
    assert.equal(templateLineOf(keyLines, { path: ['spec'], renderedLine }, sts), 4);
    assert.equal(templateLineOf(keyLines, { path: ['metadata', 'name'], renderedLine }, sts), 3);
  });

  it('an include inside a volume item, beside a toYaml of more volumes: the include', () => {
    const deploy = [
      'spec:', // 0
      '  template:', // 1
      '    spec:', // 2
      '      volumes:', // 3
      '        - name: "cache"', // 4
      '          {{ include "app.cacheVolume" . }}', // 5
      '        {{- with .Values.moreVolumes }}', // 6
      '          {{- toYaml . | nindent 8 }}', // 7
      '        {{- end }}', // 8
    ].join('\n');
    const path = ['spec', 'template', 'spec', 'volumes', 0, 'emptyDir'];
    const contextLines = ['- name: "cache"', 'emptyDir: {}'];
    assert.equal(templateLineOf(templateKeyLines(deploy), { path, contextLines }, deploy), 5);
    // An item the toYaml printed whole: no literal line of the template is in it.
    const other = ['- name: scratch', 'emptyDir: {}'];
    const line = templateLineOf(templateKeyLines(deploy), { path, contextLines: other }, deploy);
    assert.equal(line, undefined);
  });

  it('two volumes told apart by a templated name: the one whose name fits the rendered one', () => {
    const sts = [
      'spec:', // 0
      '  template:', // 1
      '    spec:', // 2
      '      volumes:', // 3
      '      - name: {{ include "db.fullname" . }}-data', // 4
      '      {{- if .Values.data.persistent }}', // 5
      '        persistentVolumeClaim:', // 6
      '          claimName: {{ include "db.fullname" . }}-data', // 7
      '      {{- else }}', // 8
      '        emptyDir: {}', // 9
      '      {{- end }}', // 10
      '      - name: {{ include "db.fullname" . }}-logs', // 11
      '      {{- if .Values.logs.persistent }}', // 12
      '        persistentVolumeClaim:', // 13
      '          claimName: {{ include "db.fullname" . }}-logs', // 14
      '      {{- else }}', // 15
      '        emptyDir: {}', // 16
      '      {{- end }}', // 17
    ].join('\n');
    const keyLines = templateKeyLines(sts);
    const path = ['spec', 'template', 'spec', 'volumes', 1, 'emptyDir'];
    const item = (name: string) => [`- name: shop-db-${name}`, 'emptyDir: {}'];
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('logs') }, sts), 16);
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('data') }, sts), 9);
    // A name neither template line can print: no line.
    assert.equal(templateLineOf(keyLines, { path, contextLines: item('tmp') }, sts), undefined);
  });

  it('a field of one container is not given a line of another container or one that cannot print it', () => {
    const deploy = [
      'spec:', // 0
      '  template:', // 1
      '    spec:', // 2
      '      containers:', // 3
      '        - name: {{ .Chart.Name }}', // 4
      '          volumeMounts:', // 5
      '            {{- include "app.mounts" . | nindent 12 }}', // 6
      '            {{- range .Values.hooks }}', // 7
      '            - name: hooks', // 8
      '              subPath: {{ . }}.sh', // 9
      '            {{- end }}', // 10
      '        {{- if .Values.proxy.enabled }}', // 11
      '        - name: {{ .Chart.Name }}-proxy', // 12
      '          volumeMounts:', // 13
      '            - name: data', // 14
      '              subPath: {{ .Values.sub }}/root', // 15
      '        {{- end }}', // 16
    ].join('\n');
    const keyLines = templateKeyLines(deploy);
    const path = ['spec', 'template', 'spec', 'containers', 0, 'volumeMounts', 0, 'subPath'];
    const outerItems = [{ listKeys: ['spec', 'template', 'spec', 'containers'], name: 'shop' }];
    const query = { path, renderedLine: 'subPath: /x/root', contextLines: ['- name: data'] };
    // Without the container's name the proxy's line is the only one that fits the text.
    assert.equal(templateLineOf(keyLines, query, deploy), 15);
    // The container is `shop`, not `shop-proxy`; the hooks' line cannot print `/x/root`: the
    // include under `volumeMounts:` printed it.
    assert.equal(templateLineOf(keyLines, { ...query, outerItems }, deploy), 5);
    // A hook's own mount keeps its line.
    const hook = { path, renderedLine: 'subPath: pre.sh', outerItems };
    assert.equal(templateLineOf(keyLines, hook, deploy), 9);
  });

  it('a blank the template printed before an empty action is not asked of the trimmed line', () => {
    const pvc = [
      'spec:', // 0
      '  {{- with .Values.storageClass }}', // 1
      '  storageClassName: {{ ternary "" . (eq "-" .) }}', // 2
      '  {{- end }}', // 3
    ].join('\n');
    const path = ['spec', 'storageClassName'];
    const line = templateLineOf(
      templateKeyLines(pvc),
      { path, renderedLine: 'storageClassName:' },
      pvc,
    );
    assert.equal(line, 2);
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

describe('a note on a successful render', () => {
  const subject = {
    key: 'file:///gallery-values.yaml',
    chartName: 'gallery',
    templates: new Map([['templates/cache.yaml', 'kind: ConfigMap\n']]),
    merged: new MergedValues([
      {
        kind: 'file',
        label: 'gallery-values.yaml',
        uri: 'file:///gallery-values.yaml',
        text: 'a: 1\n',
      },
    ]),
    primaryUri: 'file:///gallery-values.yaml',
  };
  const output =
    '---\n# Source: gallery/templates/cache.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  const none = { stamp: '1', findings: () => [] };

  it('goes on the values file beside the findings, and only while the render has it', () => {
    const charts = new RenderedCharts({ setFile: () => undefined, removeFile: () => undefined });
    charts.setRendered(subject, output, remoteSchemaNote('https://schemas.example.test/x.json'));
    const [note, ...rest] = charts.diagnosticsFor(subject.primaryUri, none);
    assert.equal(rest.length, 0);
    assert.equal(note?.code, 'helm-schema-not-validated');
    assert.equal(note?.severity, 'information');
    assert.equal(note?.range.start.line, 0);
    assert.equal(charts.noteOf(subject.key)?.code, 'helm-schema-not-validated');
    charts.setRendered(subject, output);
    assert.deepEqual(charts.diagnosticsFor(subject.primaryUri, none), []);
  });
});
