/**
 * The hover texts we write (`schemas/docs/{en,ru}/<topic>.yaml`), merged per language into one
 * catalog: definition -> key -> markdown. Keys of a definition entry:
 * `$type` (the definition itself), `$link` (official page for all its fields), `<field>`,
 * `<field>$link`, `<field>=<value>` (one enum value). `'*'` is the fallback for any definition.
 */
import claimsClassesEn from '../../../../schemas/docs/en/claims-classes.yaml';
import podVolumesEn from '../../../../schemas/docs/en/pod-volumes.yaml';
import pvEn from '../../../../schemas/docs/en/pv.yaml';
import securityServiceMetaEn from '../../../../schemas/docs/en/security-service-meta.yaml';
import snapshotsEn from '../../../../schemas/docs/en/snapshots.yaml';
import statefulsetEn from '../../../../schemas/docs/en/statefulset.yaml';
import claimsClassesRu from '../../../../schemas/docs/ru/claims-classes.yaml';
import podVolumesRu from '../../../../schemas/docs/ru/pod-volumes.yaml';
import pvRu from '../../../../schemas/docs/ru/pv.yaml';
import securityServiceMetaRu from '../../../../schemas/docs/ru/security-service-meta.yaml';
import snapshotsRu from '../../../../schemas/docs/ru/snapshots.yaml';
import statefulsetRu from '../../../../schemas/docs/ru/statefulset.yaml';
import type { Lang } from '../types';

export type DocEntry = Record<string, string>;
export type DocCatalog = Record<string, DocEntry>;

/** The topic files in load order, per language (same order in both). */
export const topicFiles: Record<Lang, Record<string, unknown>> = {
  en: {
    pv: pvEn,
    'pod-volumes': podVolumesEn,
    'security-service-meta': securityServiceMetaEn,
    'claims-classes': claimsClassesEn,
    statefulset: statefulsetEn,
    snapshots: snapshotsEn,
  },
  ru: {
    pv: pvRu,
    'pod-volumes': podVolumesRu,
    'security-service-meta': securityServiceMetaRu,
    'claims-classes': claimsClassesRu,
    statefulset: statefulsetRu,
    snapshots: snapshotsRu,
  },
};

/** Merges topic files; a definition may be spread over several topics (keys are merged). */
export function buildCatalog(files: Record<string, unknown>): DocCatalog {
  const catalog: DocCatalog = {};
  for (const data of Object.values(files)) {
    if (!data || typeof data !== 'object') continue; // an empty file parses to null
    for (const [definition, entry] of Object.entries(data as Record<string, unknown>)) {
      if (!entry || typeof entry !== 'object') continue;
      const target = (catalog[definition] ??= {});
      for (const [key, text] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof text === 'string')
          target[key] = key.endsWith('$link') ? text.trim() : paragraphs(text);
      }
    }
  }
  return catalog;
}

const catalogs: Partial<Record<Lang, DocCatalog>> = {};

export function catalog(lang: Lang): DocCatalog {
  return (catalogs[lang] ??= buildCatalog(topicFiles[lang]));
}

const LIST_ITEM = /^\s*(?:[-*]|\d+\.)\s/;

/**
 * The texts put one paragraph per line (YAML block scalars); Markdown would join such lines into
 * one paragraph, so each line becomes its own paragraph. List items stay together.
 */
export function paragraphs(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const inList = LIST_ITEM.test(line) || (LIST_ITEM.test(lines[i - 1]!) && /^\s/.test(line));
    out += (inList ? '\n' : '\n\n') + line;
  }
  return out;
}
