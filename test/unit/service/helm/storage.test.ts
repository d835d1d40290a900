import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GLOBAL_DEFAULT_STORAGE_CLASS,
  GLOBAL_STORAGE_CLASS,
  isStorageValue,
  readsGlobalClassKey,
} from '../../../../server/src/service/helm/storage';
import { templateUsesOf } from '../../../../server/src/service/helm/templateUses';
import { buildChartModel } from '../../../../server/src/service/helm/chart';

const reads = (template: string) =>
  readsGlobalClassKey(templateUsesOf('templates/t.yaml', template), GLOBAL_STORAGE_CLASS);

void test('global.storageClass is read directly or through the Bitnami common library', () => {
  assert.equal(reads('{{ if eq "-" .Values.global.storageClass }}x{{ end }}'), true);
  assert.equal(
    reads(
      '{{ include "common.storage.class" (dict "persistence" .Values.persistence "global" .Values.global) }}',
    ),
    true,
  );
  assert.equal(
    reads('{{ include "common.storage.class" (dict "persistence" .Values.p "global" $) }}'),
    true,
  );
  assert.equal(
    reads('{{ .Values.global.imageRegistry }} {{ .Values.persistence.storageClass }}'),
    false,
  );
});

void test('global.defaultStorageClass is read directly or through the Bitnami common library', () => {
  const readsDefault = (template: string) =>
    readsGlobalClassKey(templateUsesOf('templates/t.yaml', template), GLOBAL_DEFAULT_STORAGE_CLASS);
  assert.equal(readsDefault('{{ .Values.global.defaultStorageClass | default "x" }}'), true);
  assert.equal(
    readsDefault('{{ include "common.storage.class" (dict "persistence" .Values.p "global" $) }}'),
    true,
  );
  assert.equal(readsDefault('{{ .Values.global.storageClass }}'), false);
});

void test('storage values by their own name and path, not by a component named `volume`', () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        [
          'volume:',
          '  replicas: 1',
          '  podAnnotations: {}',
          '  ingress:',
          '    path: /',
          '  livenessProbe:',
          '    httpGet:',
          '      path: /status',
          '  persistence:',
          '    size: 10Gi',
          '    annotations: {}',
          'engine:',
          '  dataClaim:',
          '    accessModes: [ReadWriteOnce]',
          '    storageClassName: fast',
          '#logVolumeClaimTemplate:',
          '#  resources:',
          '#    requests:',
          '#      storage: 1Gi',
        ].join('\n'),
      ],
    ]),
  );
  const storage = [...model.byId.values()]
    .filter((node) => isStorageValue(node, model.byId))
    .map((node) => node.id)
    .sort();
  assert.deepEqual(storage, [
    'engine.dataClaim',
    'engine.dataClaim.accessModes',
    'engine.dataClaim.storageClassName',
    'logVolumeClaimTemplate',
    'volume.persistence',
    'volume.persistence.annotations',
    'volume.persistence.size',
  ]);
});

void test('emptyDir size limits and claim capacities are storage sizes; session persistence is not storage', () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        [
          'repo:',
          '  emptyDir:',
          '    sizeLimit: 1Gi',
          'web:',
          '  scratch:',
          '    limit: 2Gi',
          'notebook:',
          '  storage:',
          '    capacity: 10Gi',
          'route:',
          '  sessionPersistence:',
          '    sessionName: sticky',
          'logs:',
          '  rotation:',
          '    sizeLimit: 100MB',
        ].join('\n'),
      ],
      ['templates/d.yaml', 'sizeLimit: {{ .Values.web.scratch.limit }}\n'],
    ]),
  );
  const kinds = [...model.byId.values()]
    .filter((node) => node.storage)
    .map((node) => `${node.id}:${node.storage}`)
    .sort();
  assert.deepEqual(kinds, [
    'notebook.storage.capacity:size',
    'repo.emptyDir.sizeLimit:sizeLimit',
    'web.scratch.limit:sizeLimit',
  ]);
});

void test("storage kinds by the field a template line fills, not by a variable or a condition; Bitnami's default class", () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        [
          'registry:',
          '  backend:',
          '    type: filesystem',
          '    filesystem:',
          '      root: /storage',
          'proxy:',
          '  enabled: false',
          'global:',
          '  defaultStorageClass: ""',
          'app:',
          '  objectStore:',
          '    s3:',
          '      storageClass: STANDARD',
          '  persistence:',
          '    storageClass: fast',
        ].join('\n'),
      ],
      [
        'templates/cm.yaml',
        [
          'storage:',
          '  {{- $storage := .Values.registry.backend }}',
          '  {{- $proxy := .Values.proxy.enabled }}',
          '  {{ $storage.type }}: {}',
          '- name: S3_STORAGE_CLASS',
          '  value: {{ .Values.app.objectStore.s3.storageClass | quote }}',
        ].join('\n'),
      ],
      [
        'templates/deploy.yaml',
        [
          '- mountPath: {{ .Values.registry.backend.filesystem.root }}',
          '- mountPath: {{ .Values.proxy.enabled | ternary "/etc/fpm" "/etc/php" }}',
        ].join('\n'),
      ],
    ]),
  );
  const kinds = [...model.byId.values()]
    .filter((node) => node.storage)
    .map((node) => `${node.id}:${node.storage}`)
    .sort();
  assert.deepEqual(kinds, [
    'app.persistence.storageClass:storageClass',
    'app.persistence:persistence',
    'global.defaultStorageClass:storageClass',
    'registry.backend.filesystem.root:mountPath',
  ]);
});

void test('a claim switched on by its own `pvc` block is a persistence switch', () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        [
          'broker:',
          '  store:',
          '    pvc:',
          '      enabled: true',
          '      size: 10Gi',
          '  metrics:',
          '    enabled: true',
        ].join('\n'),
      ],
    ]),
  );
  assert.equal(model.byId.get('broker.store.pvc.enabled')?.storage, 'enabled');
  assert.equal(model.byId.get('broker.metrics.enabled')?.storage, undefined);
});

void test('a persistence block that sets up no volume is an application setting, not storage', () => {
  const model = buildChartModel(
    new Map([
      [
        'values.yaml',
        [
          'server:',
          '  config:',
          '    persistence:',
          '      defaultStore: main',
          '      shards: 512',
          '      datastores:',
          '        main:',
          '          driver: sql',
          'ui:',
          '  persistence:',
          '    data:',
          '      size: 1Gi',
          'cache:',
          '  persistence: false',
          'queue:',
          '  persistence: {}',
        ].join('\n'),
      ],
    ]),
  );
  const storage = [...model.byId.values()]
    .filter((node) => isStorageValue(node, model.byId))
    .map((node) => node.id)
    .sort();
  assert.deepEqual(storage, [
    'cache.persistence',
    'queue.persistence',
    'ui.persistence',
    'ui.persistence.data',
    'ui.persistence.data.size',
  ]);
});
