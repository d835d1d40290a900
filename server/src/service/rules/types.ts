/** The shape of a storage rule and of what it reports. Rules are pure: objects in, findings out. */
import type { IndexedObject } from '../workspace/file';
import type { LocalizedText, Range, Severity } from '../types';
import type { YamlPath } from '../parse/nodes';
import type { Lookups } from './lookups';
import type { TextEditLike } from './fixes/edits';

export type RuleFamily =
  | 'links'
  | 'binding'
  | 'workloads'
  | 'volumes'
  | 'permissions'
  | 'ephemeral'
  | 'security'
  | 'snapshots'
  | 'policy';

export type RuleSeverityOverride = Severity | 'off';

/** What the user knows exists in the cluster although it is not in the workspace. */
export interface KnownObjects {
  storageClasses: string[];
  /** `namespace/name`, or `name` for any namespace. */
  persistentVolumeClaims: string[];
  persistentVolumes: string[];
  /** `namespace/name`, or `name` for any namespace. */
  services: string[];
}

/** Opt-in storage policy (`kubeStorage.policy.*`): empty lists and `false` check nothing. */
export interface StoragePolicy {
  /** StorageClass names claims may use. */
  allowedStorageClasses: string[];
  /** Host directories (path prefixes, whole components) hostPath volumes may use. */
  allowedHostPaths: string[];
  /** Volume source fields (`emptyDir`, `nfs`…) pods may use; `restricted` = Pod Security's list. */
  allowedVolumeTypes: string[];
  /** Every claim must name its StorageClass (no silent default class). */
  requireStorageClass: boolean;
}

export interface RuleSettings {
  /** Per-rule severity; `off` disables the rule. Other ids (schema codes) are honoured too. */
  severity: Record<string, RuleSeverityOverride>;
  knownObjects: KnownObjects;
  policy: StoragePolicy;
}

export const defaultStoragePolicy: StoragePolicy = {
  allowedStorageClasses: [],
  allowedHostPaths: [],
  allowedVolumeTypes: [],
  requireStorageClass: false,
};

export const defaultRuleSettings: RuleSettings = {
  severity: {},
  knownObjects: {
    storageClasses: [],
    persistentVolumeClaims: [],
    persistentVolumes: [],
    services: [],
  },
  policy: defaultStoragePolicy,
};

/** A quick fix: a title and the text edits (each names its file: a fix may touch several). */
export interface QuickFix {
  title: LocalizedText;
  edits: TextEditLike[];
}

/** Builds a finding's fix, or several alternatives for the user to pick from. */
export type FixBuilder = () => QuickFix | QuickFix[] | undefined;

export interface Finding {
  ruleId: string;
  range: Range;
  message: LocalizedText;
  data?: Record<string, unknown>;
  /** Built only when the editor asks for code actions. */
  fix?: FixBuilder;
}

export interface RuleContext {
  lookups: Lookups;
  settings: RuleSettings;
  /** Reports a finding at `path` of the object (the key with `onKey`, else the value). */
  report(
    path: YamlPath,
    message: LocalizedText,
    options?: { onKey?: boolean; data?: Record<string, unknown>; fix?: FixBuilder },
  ): void;
}

export interface RuleMeta {
  id: string;
  family: RuleFamily;
  severity: Severity;
  /** One line: what the rule looks for. */
  title: LocalizedText;
  /** The reference text: what is wrong, why it matters, what to do. */
  docs: LocalizedText;
  /** True when the rule offers a quick fix. */
  fixable?: boolean;
  /** Not run until `kubeStorage.rules.severity` gives it a level; `severity` is the suggested one. */
  offByDefault?: boolean;
}

export interface Rule extends RuleMeta {
  /** Kinds the rule looks at. */
  kinds: readonly string[];
  /** Also run on Helm template objects (only for rules that masked values cannot fool). */
  templates?: boolean;
  check(object: IndexedObject, data: Record<string, unknown>, ctx: RuleContext): void;
}
