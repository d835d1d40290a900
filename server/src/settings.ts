/** `kubeStorage.*` settings as the server reads them, with defaults matching package.json. */
import type { DiagnosticSettings, RuleSettings, RuleSeverityOverride } from './service';
import {
  defaultHelmSettings,
  normalizeHelmSettings,
  type HelmSettings,
} from './lsp/helmValuesSettings';
import {
  defaultRuleSettings,
  defaultStoragePolicy,
  type StoragePolicy,
} from './service/rules/types';

export interface KubeStorageSettings {
  language: 'auto' | 'en' | 'ru';
  validate: { enable: boolean; unknownFields: boolean };
  files: { exclude: string[] };
  rules: RuleSettings;
  helm: HelmSettings;
  /** Bytes above which a file gets YAML syntax checks only (0: no limit). */
  maxFileSize: number;
  diagnostics: DiagnosticsScopeSettings;
  cluster: ClusterSettingsText;
}

/** `kubeStorage.cluster.*`: the cluster the manifests go to, as written in the settings. */
export interface ClusterSettingsText {
  /** Files or globs (relative to a workspace folder, or absolute) of cluster snapshots. */
  snapshots: string[];
  /** The cluster's default StorageClass: a name, `none`, or `""` (it has one, name unknown). */
  defaultStorageClass: string;
}

/** `kubeStorage.diagnostics.*`: which files get their problems reported. */
export interface DiagnosticsScopeSettings {
  /** `workspace`: every indexed file, open or not; `openFiles`: open documents only. */
  scope: 'workspace' | 'openFiles';
  /** With scope `workspace`, at most this many files that are not open get problems reported. */
  maxUnopenedFiles: number;
}

export const defaultSettings: KubeStorageSettings = {
  language: 'auto',
  validate: { enable: true, unknownFields: true },
  files: { exclude: ['**/node_modules/**', '**/.git/**'] },
  rules: defaultRuleSettings,
  helm: defaultHelmSettings,
  maxFileSize: 2 * 1024 * 1024,
  diagnostics: { scope: 'workspace', maxUnopenedFiles: 500 },
  cluster: { snapshots: [], defaultStorageClass: '' },
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
    rules: normalizeRuleSettings(r.rules, r.policy),
    helm: normalizeHelmSettings(r.helm),
    maxFileSize:
      typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize >= 0
        ? Math.floor(r.maxFileSize)
        : defaultSettings.maxFileSize,
    diagnostics: normalizeDiagnosticsScope(r.diagnostics),
    cluster: normalizeCluster(r.cluster),
  };
}

function normalizeCluster(raw: unknown): ClusterSettingsText {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, unknown>>;
  const snapshots = Array.isArray(r.snapshots)
    ? r.snapshots.filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    : [];
  const defaultStorageClass =
    typeof r.defaultStorageClass === 'string' ? r.defaultStorageClass.trim() : '';
  return { snapshots, defaultStorageClass };
}

function normalizeDiagnosticsScope(raw: unknown): DiagnosticsScopeSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, unknown>>;
  const max = r.maxUnopenedFiles;
  return {
    scope: r.scope === 'openFiles' ? 'openFiles' : 'workspace',
    maxUnopenedFiles:
      typeof max === 'number' && Number.isFinite(max) && max >= 0
        ? Math.floor(max)
        : defaultSettings.diagnostics.maxUnopenedFiles,
  };
}

export function diagnosticSettings(s: KubeStorageSettings): DiagnosticSettings {
  return { enable: s.validate.enable, unknownFields: s.validate.unknownFields, rules: s.rules };
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * `kubeStorage.rules`: `severity` (rule id -> level or `off`) and `knownObjects` (name lists), with
 * `kubeStorage.policy` (the opt-in storage policy).
 */
export function normalizeRuleSettings(raw: unknown, policy?: unknown): RuleSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, unknown>>;
  const severity: Record<string, RuleSeverityOverride> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [id, level] of Object.entries(r.severity)) {
      if (typeof level === 'string' && SEVERITIES.includes(level)) {
        severity[id] = level as RuleSeverityOverride;
      }
    }
  }
  const known = (
    r.knownObjects && typeof r.knownObjects === 'object' ? r.knownObjects : {}
  ) as Partial<Record<string, unknown>>;
  const names = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
  return {
    severity,
    knownObjects: {
      storageClasses: names(known.storageClasses),
      persistentVolumeClaims: names(known.persistentVolumeClaims),
      persistentVolumes: names(known.persistentVolumes),
      services: names(known.services),
    },
    policy: normalizeStoragePolicy(policy),
  };
}

/** `kubeStorage.policy`: name lists (blank entries dropped) and `requireStorageClass`. */
export function normalizeStoragePolicy(raw: unknown): StoragePolicy {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, unknown>>;
  const names = (v: unknown): string[] =>
    Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
      : [];
  return {
    allowedStorageClasses: names(r.allowedStorageClasses),
    allowedHostPaths: names(r.allowedHostPaths),
    allowedVolumeTypes: names(r.allowedVolumeTypes),
    requireStorageClass:
      typeof r.requireStorageClass === 'boolean'
        ? r.requireStorageClass
        : defaultStoragePolicy.requireStorageClass,
  };
}
