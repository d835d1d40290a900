import { test } from 'node:test';
import assert from 'node:assert/strict';
import { templateUsesOf } from '../../../../server/src/service/helm/templateUses';
import { keeper } from './fixture';

const ids = (text: string) =>
  templateUsesOf('templates/t.yaml', text).map((u) => `${u.id}@${u.line}:${u.kind}`);

void test('direct, $.Values and index references, with their line and column', () => {
  const uses = templateUsesOf(
    'templates/t.yaml',
    'a: {{ .Values.a.b }}\nb: {{ $.Values.c }}\nc: {{ index .Values "d" "e.f" }}\n',
  );
  assert.deepEqual(
    uses.map((u) => [u.id, u.line, u.character, u.kind]),
    [
      ['a.b', 0, 6, 'direct'],
      ['c', 1, 6, 'direct'],
      ['d["e.f"]', 2, 12, 'index'],
    ],
  );
});

void test('with binds the dot to a values path, else and end restore it', () => {
  assert.deepEqual(
    ids(
      '{{- with .Values.persistence }}\n{{ .size }}\n{{ $.Values.x }}\n{{- else }}\n{{ .size }}\n{{- end }}\n{{ .size }}\n',
    ),
    ['persistence@0:direct', 'persistence.size@1:with', 'x@2:direct'],
  );
});

void test('a variable bound to the root reads the values like $', () => {
  assert.deepEqual(
    ids(
      [
        '{{- $root := . }}',
        '{{- range .Values.nodes }}',
        '{{ $root.Values.persistence.size }} {{ index $root.Values "image" "tag" }}',
        '{{- end }}',
        '{{- $top := $ }}{{ $top.Values.a }}',
        '{{- range $i, $root := .Values.list }}{{ $root.Values.b }}{{ end }}',
      ].join('\n'),
    ),
    [
      'nodes@1:range',
      'persistence.size@2:direct',
      'image.tag@2:index',
      'a@4:direct',
      'list@5:range',
    ],
  );
  // Bound inside a block, `.` is not the root: the variable is that values path.
  assert.deepEqual(ids('{{- with .Values.p }}{{ $r := . }}{{ $r.Values.x }}{{ end }}'), [
    'p@0:direct',
    'p@0:with',
    'p.Values.x@0:variable',
  ]);
});

void test('a helper reads the values through the root it was handed, whatever it names it', () => {
  assert.deepEqual(
    ids(
      [
        '{{- define "db.claim" -}}',
        '{{- $ctx := index . "context" -}}',
        '{{- $claim := index . "claim" -}}',
        'storage: {{ $ctx.Values.volume.size | quote }} {{ $claim.name }}',
        '{{- range $ctx.Values.volume.accessModes }}- {{ . }}{{ end }}',
        '{{- end -}}',
        '{{- define "db.info" -}}',
        '{{- $top := .root -}}{{- $self := . -}}',
        'class: {{ $top.Values.volume.class }} {{ .root.Values.volume.count }} {{ $self.Values.tier }}',
        '{{- with .root.Values.volume.labels }}{{ .zone }}{{ end }}',
        '{{- end -}}',
      ].join('\n'),
    ),
    [
      'volume.size@3:direct',
      'volume.accessModes@4:range',
      'volume.class@8:direct',
      'volume.count@8:direct',
      'tier@8:direct',
      'volume.labels@9:direct',
      'volume.labels.zone@9:with',
    ],
  );
  // Outside a helper, a field of `.` is no root: `.root.Values` there reads nothing.
  assert.deepEqual(ids('{{ .root.Values.a }}{{ $x := .cfg }}{{ $x.Values.b }}'), []);
});

void test('nested with and if, variables, range over a values path', () => {
  assert.deepEqual(
    ids(
      [
        '{{- with .Values.a }}',
        '{{- if .enabled }}',
        '{{- with .b }}{{ .c }}{{ end }}',
        '{{- end }}',
        '{{ .d }}',
        '{{- end }}',
        '{{- $p := .Values.p }}',
        '{{ $p.size }}',
        '{{- range $i, $v := .Values.list }}{{ $v.name }}{{ end }}',
        '{{- range .Values.items }}{{ .name }}{{ end }}',
      ].join('\n'),
    ),
    [
      'a@0:direct',
      'a.enabled@1:with',
      'a.b@2:direct',
      'a.b.c@2:with',
      'a.d@4:with',
      'p@6:direct',
      'p.size@7:variable',
      'list@8:range',
      'items@9:range',
    ],
  );
});

void test('toYaml of a value and a bare dot mark it as used whole; comments are skipped', () => {
  const uses = templateUsesOf(
    'templates/t.yaml',
    '{{/* .Values.hidden */}}\n{{ toYaml .Values.res }}\n{{ with .Values.ann }}{{ toYaml . }}{{ end }}\n{{ .Values.plain }}',
  );
  assert.deepEqual(
    uses.map((u) => [u.id, u.whole]),
    [
      ['res', true],
      ['ann', false],
      ['ann', true],
      ['plain', false],
    ],
  );
});

void test('unbalanced or odd templates never throw', () => {
  assert.doesNotThrow(() =>
    ids('{{ end }}{{ end }}{{ with }}{{ index }}{{ $x := }}{{ range $a, }}{{ .Values. }}{{'),
  );
});

void test('the test chart: uses through with, range, index, variables and helpers', () => {
  const model = keeper();
  const where = (id: string) =>
    model.uses.filter((u) => u.id === id).map((u) => `${u.file}:${u.line + 1}:${u.kind}`);
  assert.deepEqual(where('persistence.size'), ['templates/statefulset.yaml:60:with']);
  assert.deepEqual(where('persistence.accessModes'), ['templates/statefulset.yaml:55:range']);
  assert.deepEqual(where('image.tag'), ['templates/statefulset.yaml:23:index']);
  assert.deepEqual(where('image.pullPolicy'), ['templates/statefulset.yaml:24:direct']);
  assert.deepEqual(where('service.type'), ['templates/service.yaml:7:variable']);
  assert.equal(
    where('persistence.storageClass').every((w) => w.startsWith('templates/_helpers.tpl')),
    true,
  );
  assert.equal(where('persistence.storageClass').length, 3);
  assert.equal(where('notAUse').length, 0);
});

void test('values read by an action that may hand them on (named template, merge, dict) are marked passed', () => {
  const uses = templateUsesOf(
    'templates/t.yaml',
    [
      '{{ include "x.labels" (dict "labels" .Values.podLabels) }}',
      '{{- $_ := mergeOverwrite $config .Values.extraConfig -}}',
      '{{ template "x.name" .Values.name }}',
      '{{ if .Values.persistence.existingClaim }}{{ .Values.persistence.existingClaim }}{{ end }}',
      '{{ .Values.keys.enabled }}',
      '{{ .Values.dict }} {{ .Values.values }}',
      '{{ mustMergeOverwrite (dict) .Values.extra }}',
    ].join('\n'),
  );
  assert.deepEqual(
    uses.map((u) => [u.id, !!u.passed]),
    [
      ['podLabels', true],
      ['extraConfig', true],
      ['name', true],
      ['persistence.existingClaim', false],
      ['persistence.existingClaim', false],
      ['keys.enabled', false],
      ['dict', false],
      ['values', false],
      ['extra', true],
    ],
  );
});

void test('the condition of else if reads values, with the dot of the block', () => {
  assert.deepEqual(
    ids(
      [
        '{{- if .Values.store.volumeName }}',
        'volumeName: {{ .Values.store.volumeName }}',
        '{{- else if and (.Values.store.lookupName) (lookup "v1" "PersistentVolumeClaim" "ns" "x") }}',
        'volumeName: found',
        '{{- end }}',
        '{{- with .Values.cache }}',
        '{{- else if .Values.cacheFallback }}',
        '{{- end }}',
      ].join('\n'),
    ),
    [
      'store.volumeName@0:direct',
      'store.volumeName@1:direct',
      'store.lookupName@2:direct',
      'cache@5:direct',
      'cacheFallback@6:direct',
    ],
  );
});

void test('`or`, `coalesce` and `default` bind `.` or a variable to the values path they return', () => {
  const whole = (text: string) =>
    templateUsesOf('templates/t.yaml', text)
      .filter((u) => u.whole)
      .map((u) => `${u.id}@${u.line}`);
  assert.deepEqual(
    whole(
      [
        '{{- with or ((.Values.spec).probe) (.Values.probe) }}',
        'probe: {{ toYaml . | nindent 2 }}',
        '{{- end }}',
        '{{- $env := coalesce .Values.env (list) }}',
        'env: {{ toYaml $env }}',
        '{{- with default (dict) .Values.labels }}',
        'labels: {{ toYaml . }}',
        '{{- end }}',
        '{{- with default .Values.fallback "literal" }}',
        'x: {{ toYaml . }}',
        '{{- end }}',
      ].join('\n'),
    ),
    ['probe@1', 'env@4', 'labels@6'],
  );
  // The operands are still read where they are written, once.
  assert.deepEqual(ids('{{- with or ((.Values.spec).probe) (.Values.probe) }}{{ end }}'), [
    'spec@0:direct',
    'probe@0:direct',
  ]);
});

void test('`dig` reads the map given last, under its string keys', () => {
  assert.deepEqual(
    ids(
      [
        '{{- $bucket := required "set it" (dig "store" "buckets" "data" "" .Values.logs) }}',
        '{{ dig "region" "eu-1" .Values.cloud }}',
        '{{ dig "archive" "enabled" false .Values }}',
        '{{- with dig "retention" "days" 7 .Values.policy }}{{ . }}{{ end }}',
      ].join('\n'),
    ),
    [
      'logs.store.buckets.data@0:index',
      'logs@0:direct',
      'cloud.region@1:index',
      'cloud@1:direct',
      'archive.enabled@2:index',
      'policy.retention.days@3:direct',
      'policy.retention.days@3:with',
    ],
  );
  // A piped map, or a key known only at render time: nothing is made up.
  assert.deepEqual(ids('{{ .Values.cloud | dig "region" "" }} {{ dig .Values.k "" .Values.m }}'), [
    'cloud@0:direct',
    'k@0:direct',
    'm@0:direct',
  ]);
});
