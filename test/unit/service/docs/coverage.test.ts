/**
 * Coverage of the hover texts: the covered field set is enumerated from the generated schemas
 * (not from the texts), and every field must have a text with a link in both languages, every
 * enum value a value text, every covered kind a `$type`; the two languages' key sets must match.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { topicFiles } from '../../../../server/src/service/docs/catalog';
import { getFieldDoc, getTypeDoc, getValueDoc } from '../../../../server/src/service/docs/lookup';
import {
  definitions,
  refName,
  type JsonSchema,
} from '../../../../server/src/service/schema/registry';
import type { Lang } from '../../../../server/src/service/types';

const LANGS: Lang[] = ['en', 'ru'];

/** Where the walk starts. */
const ROOTS = [
  'core.v1.PersistentVolume',
  'core.v1.PersistentVolumeClaim',
  'storage.v1.StorageClass',
  'storage.v1.VolumeAttributesClass',
  'apps.v1.StatefulSetSpec',
  'core.v1.PodSpec',
  'core.v1.Service',
  'snapshot.v1.VolumeSnapshot',
  'snapshot.v1.VolumeSnapshotClass',
  'snapshot.v1.VolumeSnapshotContent',
];

/** Definitions of which only some fields are covered (the rest get the generated card). */
const ONLY: Record<string, string[]> = {
  'meta.v1.ObjectMeta': ['name', 'namespace', 'labels', 'annotations'],
  'core.v1.PodSpec': ['volumes', 'initContainers', 'containers', 'securityContext'],
  'core.v1.Volume': [
    'name',
    'persistentVolumeClaim',
    'emptyDir',
    'hostPath',
    'configMap',
    'secret',
    'projected',
    'downwardAPI',
    'nfs',
    'csi',
    'ephemeral',
    'image',
  ],
  'core.v1.Container': ['volumeMounts', 'volumeDevices'],
  'core.v1.PodSecurityContext': [
    'fsGroup',
    'fsGroupChangePolicy',
    'runAsUser',
    'runAsGroup',
    'runAsNonRoot',
  ],
  'core.v1.SecurityContext': ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'readOnlyRootFilesystem'],
  'core.v1.Service': ['apiVersion', 'kind', 'metadata', 'spec'],
  'core.v1.ServiceSpec': [
    'clusterIP',
    'clusterIPs',
    'type',
    'selector',
    'publishNotReadyAddresses',
  ],
};

/** Fields covered themselves, but whose type is not walked into. */
const NO_DESCENT = new Set(['apps.v1.StatefulSetSpec.template']);

/** Kinds whose `$type` (what the object is, who creates it) must exist. */
const KINDS = [
  'core.v1.PersistentVolume',
  'core.v1.PersistentVolumeClaim',
  'storage.v1.StorageClass',
  'storage.v1.VolumeAttributesClass',
  'storage.v1.CSIDriver',
  'apps.v1.StatefulSet',
  'apps.v1.Deployment',
  'apps.v1.DaemonSet',
  'apps.v1.ReplicaSet',
  'batch.v1.Job',
  'batch.v1.CronJob',
  'core.v1.Pod',
  'core.v1.Service',
  'core.v1.ConfigMap',
  'core.v1.Secret',
  'snapshot.v1.VolumeSnapshot',
  'snapshot.v1.VolumeSnapshotClass',
  'snapshot.v1.VolumeSnapshotContent',
];

interface CoveredField {
  definition: string;
  field: string;
  enumValues: string[];
}

function refOf(schema: JsonSchema): string | undefined {
  const direct = refName(schema);
  if (direct) return direct;
  if (schema.items) return refOf(schema.items);
  if (typeof schema.additionalProperties === 'object') return refOf(schema.additionalProperties);
  return undefined;
}

function enumOf(schema: JsonSchema): string[] {
  return (schema.enum ?? schema.items?.enum ?? []).map(String);
}

/** The covered field set, from the schemas. */
function coveredFields(): CoveredField[] {
  const out: CoveredField[] = [];
  const seen = new Set<string>();
  const queue = [...ROOTS];
  while (queue.length) {
    const definition = queue.shift()!;
    if (seen.has(definition)) continue;
    seen.add(definition);
    const schema = definitions[definition];
    assert.ok(schema, `definition ${definition} is in the schemas`);
    const properties = schema.properties ?? {};
    const fields = ONLY[definition] ?? Object.keys(properties);
    for (const field of fields) {
      const property = properties[field];
      assert.ok(property, `${definition}.${field} exists in the schemas`);
      out.push({ definition, field, enumValues: enumOf(property) });
      const ref = refOf(property);
      if (ref && !NO_DESCENT.has(`${definition}.${field}`) && definitions[ref]?.properties) {
        queue.push(ref);
      }
    }
  }
  return out;
}

const covered = coveredFields();

function report(missing: string[], what: string): void {
  assert.equal(missing.length, 0, `${missing.length} ${what}:\n  ${missing.join('\n  ')}`);
}

void test('the covered set is enumerated from the schemas and is not trivially small', () => {
  const names = new Set(covered.map((f) => `${f.definition}.${f.field}`));
  for (const expected of [
    'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy',
    'core.v1.PersistentVolumeClaimSpec.accessModes',
    'storage.v1.StorageClass.volumeBindingMode',
    'apps.v1.StatefulSetSpec.persistentVolumeClaimRetentionPolicy',
    'apps.v1.RollingUpdateStatefulSetStrategy.partition',
    'apps.v1.StatefulSetOrdinals.start',
    'core.v1.HostPathVolumeSource.type',
    'core.v1.VolumeMount.mountPath',
    'core.v1.PodSecurityContext.fsGroupChangePolicy',
    'core.v1.ServiceSpec.clusterIP',
    'meta.v1.ObjectMeta.labels',
    'core.v1.EphemeralVolumeSource.volumeClaimTemplate',
    'snapshot.v1.VolumeSnapshotSource.persistentVolumeClaimName',
    'snapshot.v1.VolumeSnapshotClass.deletionPolicy',
    'snapshot.v1.VolumeSnapshotContentSpec.sourceVolumeMode',
  ]) {
    assert.ok(names.has(expected), `${expected} is covered`);
  }
  assert.ok(covered.length > 200, `covered fields: ${covered.length}`);
});

void test('every covered field has a text in both languages', () => {
  const missing: string[] = [];
  for (const { definition, field } of covered) {
    for (const lang of LANGS) {
      if (!getFieldDoc(definition, field, lang)?.text)
        missing.push(`${lang} ${definition}.${field}`);
    }
  }
  report(missing, 'fields without a text');
});

void test('every covered field text has an official docs link', () => {
  const missing: string[] = [];
  for (const { definition, field } of covered) {
    for (const lang of LANGS) {
      const doc = getFieldDoc(definition, field, lang);
      if (!doc) continue; // reported by the test above
      if (!doc.link || !/^https:\/\/(kubernetes\.io|kubernetes-csi\.github\.io)\//.test(doc.link)) {
        missing.push(`${lang} ${definition}.${field}: ${doc.link ?? 'no link'}`);
      }
    }
  }
  report(missing, 'field texts without an official link');
});

void test('every enum value of a covered field has a value text in both languages', () => {
  const missing: string[] = [];
  for (const { definition, field, enumValues } of covered) {
    for (const value of enumValues) {
      for (const lang of LANGS) {
        if (!getValueDoc(definition, field, value, lang)) {
          missing.push(`${lang} ${definition}.${field}=${value}`);
        }
      }
    }
  }
  report(missing, 'enum values without a text');
});

void test('every covered kind says what it is ($type) in both languages', () => {
  const missing: string[] = [];
  for (const definition of KINDS) {
    for (const lang of LANGS) {
      if (!getTypeDoc(definition, lang)) missing.push(`${lang} ${definition}.$type`);
    }
  }
  report(missing, 'kinds without a $type');
});

void test('the two languages have identical key sets, file by file', () => {
  const differences: string[] = [];
  for (const topic of Object.keys(topicFiles.en)) {
    const keysOf = (lang: Lang): Set<string> => {
      const data = (topicFiles[lang][topic] ?? {}) as Record<string, Record<string, unknown>>;
      const keys = new Set<string>();
      for (const [definition, entry] of Object.entries(data)) {
        keys.add(definition);
        for (const key of Object.keys(entry ?? {})) keys.add(`${definition} ${key}`);
      }
      return keys;
    };
    const en = keysOf('en');
    const ru = keysOf('ru');
    for (const k of en) if (!ru.has(k)) differences.push(`${topic}: only in en: ${k}`);
    for (const k of ru) if (!en.has(k)) differences.push(`${topic}: only in ru: ${k}`);
  }
  assert.deepEqual(Object.keys(topicFiles.en), Object.keys(topicFiles.ru));
  report(differences, 'keys differ between en and ru');
});

void test('every text is a non-empty string, English texts in English, Russian texts in Russian', () => {
  const bad: string[] = [];
  for (const lang of LANGS) {
    for (const [topic, data] of Object.entries(topicFiles[lang])) {
      for (const [definition, entry] of Object.entries((data ?? {}) as Record<string, unknown>)) {
        if (!definitions[definition] && definition !== '*') {
          bad.push(`${lang}/${topic}: ${definition} is not a definition in the schemas`);
        }
        for (const [key, text] of Object.entries((entry ?? {}) as Record<string, unknown>)) {
          const where = `${lang}/${topic}: ${definition} ${key}`;
          if (typeof text !== 'string' || !text.trim()) {
            bad.push(`${where}: empty or not a string`);
            continue;
          }
          if (key.endsWith('$link')) {
            if (!/^https:\/\//.test(text)) bad.push(`${where}: not a URL`);
            continue;
          }
          const cyrillic = /[а-яё]/i.test(text);
          if (lang === 'ru' && !cyrillic) bad.push(`${where}: no Russian text`);
          if (lang === 'en' && cyrillic) bad.push(`${where}: Cyrillic in an English text`);
          const field = key.split('=')[0]!;
          if (!key.startsWith('$') && definition !== '*') {
            const properties = definitions[definition]?.properties ?? {};
            if (!(field in properties))
              bad.push(`${where}: ${field} is not a field of ${definition}`);
          }
        }
      }
    }
  }
  report(bad, 'malformed texts');
});

/** Words the glossary (docs/glossary.md) rules out in Russian texts. */
const OFF_GLOSSARY: [RegExp, string][] = [
  [/персистент/i, '«постоянный том», не «персистентный»'],
  [/провизионир/i, '«выделить», «провижинер», не «провизионировать»'],
  [/неймспейс/i, '«пространство имён»'],
  [/(?<![а-яё])маунт/i, '«монтировать», «точка монтирования»'],
  [/имеет место/i, 'канцелярит'],
  [/является/i, 'канцелярит: «это», «—»'],
  [/в случае если/i, 'канцелярит: «если»'],
  [/(?<![а-яё])нод(а|ы|е|у|ой|ам|ами|ах)?(?![а-яё])/i, '«узел», не «нода»'],
];

void test('Russian texts follow the glossary', () => {
  const bad: string[] = [];
  for (const [topic, data] of Object.entries(topicFiles.ru)) {
    for (const [definition, entry] of Object.entries((data ?? {}) as Record<string, unknown>)) {
      for (const [key, text] of Object.entries((entry ?? {}) as Record<string, unknown>)) {
        if (typeof text !== 'string') continue;
        for (const [pattern, hint] of OFF_GLOSSARY) {
          if (pattern.test(text)) bad.push(`ru/${topic}: ${definition} ${key}: ${hint}`);
        }
      }
    }
  }
  report(bad, 'Russian texts off the glossary');
});

void test('a key defined in several topic files has the same text everywhere (no silent override)', () => {
  const conflicts: string[] = [];
  for (const lang of LANGS) {
    const seen = new Map<string, { topic: string; text: unknown }>();
    for (const [topic, data] of Object.entries(topicFiles[lang])) {
      for (const [definition, entry] of Object.entries((data ?? {}) as Record<string, unknown>)) {
        for (const [key, text] of Object.entries((entry ?? {}) as Record<string, unknown>)) {
          const id = `${definition} ${key}`;
          const before = seen.get(id);
          if (before && before.text !== text) {
            conflicts.push(`${lang}: ${id} differs in ${before.topic} and ${topic}`);
          }
          seen.set(id, { topic, text });
        }
      }
    }
  }
  report(conflicts, 'conflicting duplicate keys');
});
