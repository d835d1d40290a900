/** Which values the marker render may change, for reads the use scanner resolves. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eligibleLeaves, valueUses } from '../../../../server/src/service/rendered/attribution';
import { constantIndex, dynamicIndex } from '../../../../server/src/service/rendered/valueUses';
import { MergedValues } from '../../../../server/src/service/rendered/values';

function eligible(templates: Record<string, string>, values: string): string[] {
  const merged = new MergedValues([{ kind: 'chart', label: 'values.yaml', text: values }]);
  return eligibleLeaves(merged, valueUses(new Map(Object.entries(templates)))).map((l) =>
    l.path.join('.'),
  );
}

void test('values read inside `with` are marked; a $variable still keeps its value unchanged', () => {
  const ids = eligible(
    {
      'templates/sts.yaml':
        '{{- with .Values.storage }}\nname: {{ .volumeName }}\n{{- if .className }}\nstorageClassName: {{ .className | quote }}\n{{- end }}\n{{- end }}\n{{- $p := .Values.persistence }}\nsize: {{ $p.size }}\n',
    },
    'storage:\n  volumeName: data\n  className: fast\npersistence:\n  size: 8Gi\n',
  );
  assert.deepEqual(ids, ['storage.volumeName', 'storage.className']);
});

void test('`(index .Values.server .mode).config` keeps only `server.<any>.config` unmarked', () => {
  assert.equal(
    dynamicIndex(' $config := (index .Values.server .mode).config '),
    ' $config := .Values.server.__any__.config (index .mode) ',
  );
  const ids = eligible(
    {
      'templates/_helpers.tpl':
        '{{- define "c" -}}{{- $config := (index .Values.server .mode).config -}}{{ tpl $config . }}{{- end -}}',
      'templates/sts.yaml': 'size: {{ .Values.server.persistence.size }}\n',
    },
    'server:\n  persistence:\n    size: 10Gi\n  standalone:\n    config: x\n',
  );
  assert.deepEqual(ids, ['server.persistence.size']);
});

void test('files/ rendered with `tpl (.Files.Get …)` count as templates', () => {
  const templates = {
    'templates/sts.yaml': '{{ tpl (.Files.Get "files/pvc.yaml") . }}\n',
    'files/pvc.yaml': 'storage: {{ .Values.pvc.size }}\n',
  };
  assert.deepEqual(eligible(templates, 'pvc:\n  size: 10Gi\n'), ['pvc.size']);
});

void test('a subchart’s reads are the parent’s values under its key; its globals are the parent’s', () => {
  const templates = {
    'templates/cm.yaml': 'a: {{ .Values.replicas | quote }}\n',
    'charts/etcd/templates/sts.yaml':
      'c: {{ .Values.persistence.storageClass | quote }}\nr: {{ .Values.global.region | quote }}\n{{- $s := .Values.persistence.size }}\n',
    'charts/etcd/charts/proxy/templates/d.yaml': 'p: {{ .Values.port }}\n',
    'charts/db-1.0.0.tgz/templates/d.yaml': 'n: {{ .Values.name }}\n',
  };
  const values =
    'replicas: 2\nglobal:\n  region: eu\netcd:\n  persistence:\n    storageClass: fast\n    size: 1Gi\n  proxy:\n    port: 80\ndb:\n  name: x\n';
  assert.deepEqual(eligible(templates, values).sort(), [
    'etcd.persistence.storageClass',
    'etcd.proxy.port',
    'global.region',
    'replicas',
  ]);
});

void test('`index .Values.conf "a-b"` reads `conf.a-b` alone: the rest of `conf` is still marked', () => {
  assert.equal(
    constantIndex(' not (index .Values.conf `single-node` "x") '),
    ' not (.Values.conf.single-node.x) ',
  );
  // A key known only at render time is left to dynamicIndex; `index` of a variable is left as is.
  assert.equal(constantIndex(' index .Values.conf "a" $k '), ' index .Values.conf "a" $k ');
  const templates = {
    'templates/job.yaml':
      '{{ $init := not (index .Values.conf `single-node`) }}\nport: {{ index .Values.conf "http-port" | int64 }}\n',
    'templates/sts.yaml':
      '{{- with index .Values.conf `wal-failover` }}\nc: {{ .persistentVolume.storageClass | quote }}\n{{- end }}\nl: {{ .Values.conf.log.persistentVolume.storageClass | quote }}\n',
  };
  const values = [
    'conf:',
    '  single-node: true',
    '  http-port: 8080',
    '  wal-failover:',
    '    persistentVolume:',
    '      storageClass: tape',
    '  log:',
    '    persistentVolume:',
    '      storageClass: fast',
    '',
  ].join('\n');
  assert.deepEqual(eligible(templates, values), [
    'conf.http-port',
    'conf.wal-failover.persistentVolume.storageClass',
    'conf.log.persistentVolume.storageClass',
  ]);
});
