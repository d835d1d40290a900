import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GLOBAL_DEFAULT_STORAGE_CLASS,
  GLOBAL_STORAGE_CLASS,
  readsGlobalClassKey,
} from '../../../../server/src/service/helm/storage';
import { templateUsesOf } from '../../../../server/src/service/helm/templateUses';

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
