/** `kubeStorage.*` settings as the server reads them, with defaults matching package.json. */
import type { DiagnosticSettings } from './service';

export interface KubeStorageSettings {
  language: 'auto' | 'en' | 'ru';
  validate: { enable: boolean; unknownFields: boolean };
  files: { exclude: string[] };
}

export const defaultSettings: KubeStorageSettings = {
  language: 'auto',
  validate: { enable: true, unknownFields: true },
  files: { exclude: ['**/node_modules/**', '**/.git/**'] },
};

/** Merges what the client sent over the defaults, ignoring values of the wrong type. */
export function normalizeSettings(raw: unknown): KubeStorageSettings {
  const r = (raw ?? {}) as Partial<Record<string, unknown>>;
  const validate = (r.validate ?? {}) as Partial<Record<string, unknown>>;
  const files = (r.files ?? {}) as Partial<Record<string, unknown>>;
  const language = r.language === 'en' || r.language === 'ru' ? r.language : 'auto';
  return {
    language,
    validate: {
      enable:
        typeof validate.enable === 'boolean' ? validate.enable : defaultSettings.validate.enable,
      unknownFields:
        typeof validate.unknownFields === 'boolean'
          ? validate.unknownFields
          : defaultSettings.validate.unknownFields,
    },
    files: {
      exclude: Array.isArray(files.exclude)
        ? files.exclude.filter((x): x is string => typeof x === 'string')
        : defaultSettings.files.exclude,
    },
  };
}

export function diagnosticSettings(s: KubeStorageSettings): DiagnosticSettings {
  return { enable: s.validate.enable, unknownFields: s.validate.unknownFields };
}
