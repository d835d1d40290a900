/**
 * The registry of storage rules: every rule with its id, family, default severity and docs. A
 * family's rules live in the files named for what they check (hostPath.ts, references.ts…); the
 * order of the lists below is the order of docs/rules.md and of the rules in SARIF.
 */
import type { LocalizedText } from '../types';
import { readWriteOncePodCombined } from './accessModes';
import { selectorWithDynamicProvisioning } from './claimSelectors';
import { dataSourceRules } from './dataSources';
import { multipleDefaultClasses } from './defaultClasses';
import { ephemeralRules } from './ephemeral';
import { governingServiceRules } from './governingService';
import { invalidName } from './names';
import { templateNamespaceIgnored } from './podTemplates';
import { hostPathRules } from './hostPath';
import {
  localClassImmediateBinding,
  localVolumeWithoutNodeAffinity,
  sharedModeOnNodeLocalVolume,
} from './localVolumes';
import {
  accessModesNotOffered,
  claimLargerThanVolume,
  volumeModeMismatch,
  volumeReservedForOtherClaim,
} from './namedVolumes';
import { volumeClassMismatch } from './volumeClassMismatch';
import { ignoredClassAnnotation } from './classAnnotations';
import { permissionRules } from './permissions';
import { claimWillStayPending } from './pending';
import {
  claimNotFound,
  claimRefNotFound,
  storageClassNotFound,
  volumeNameNotFound,
} from './references';
import { policyRules } from './policy';
import { deleteReclaimOnStaticVolume, recycleReclaimPolicy } from './reclaimPolicy';
import { removedVolumePlugin } from './removedVolumePlugins';
import { restoreRules } from './restores';
import { securityRules } from './security';
import { selectorTemplateMismatch } from './selectors';
import { snapshotClassRules } from './snapshotClasses';
import { snapshotReferenceRules } from './snapshotReferences';
import { storageSizeRules } from './storageSizes';
import {
  claimRetentionDeletesData,
  claimTemplateWithoutAccessModes,
  claimTemplateWithoutStorage,
  partitionBlocksUpdate,
  rollingUpdateWithOnDelete,
  volumeReplacedByClaimTemplate,
} from './statefulSets';
import type { Rule, RuleFamily, RuleMeta } from './types';
import { volumeMountRules } from './volumeMounts';
import { emptyDirForDatabase, sharedSingleNodeClaim, unsafeSubPath } from './workloadVolumes';
import { databaseDataNotOnVolume } from './databaseVolumes';
import { rabbitmqNodeNameChanges } from './rabbitmqNodeName';
import { claimUsedByNoPod } from './unusedClaims';
import { csiDriverRules } from './csiDrivers';

export type {
  Rule,
  RuleFamily,
  RuleMeta,
  RuleSettings,
  KnownObjects,
  Finding,
  QuickFix,
} from './types';
export { defaultRuleSettings } from './types';

/** The links family, from several files, in the order the rules reference lists it. */
const linkRules: readonly Rule[] = [
  claimNotFound,
  storageClassNotFound,
  ...volumeMountRules,
  ...governingServiceRules,
  volumeNameNotFound,
  claimRefNotFound,
  ...csiDriverRules,
  invalidName,
];

/** The binding family, from several files, in the order the rules reference lists it. */
const bindingRules: readonly Rule[] = [
  claimLargerThanVolume,
  accessModesNotOffered,
  volumeModeMismatch,
  volumeClassMismatch,
  volumeReservedForOtherClaim,
  selectorWithDynamicProvisioning,
  claimWillStayPending,
  ignoredClassAnnotation,
];

/** The workloads family, from several files, in the order the rules reference lists it. */
const workloadRules: readonly Rule[] = [
  sharedSingleNodeClaim,
  ...hostPathRules,
  emptyDirForDatabase,
  databaseDataNotOnVolume,
  rabbitmqNodeNameChanges,
  claimUsedByNoPod,
  unsafeSubPath,
  claimTemplateWithoutStorage,
  claimTemplateWithoutAccessModes,
  volumeReplacedByClaimTemplate,
  selectorTemplateMismatch,
  rollingUpdateWithOnDelete,
  partitionBlocksUpdate,
  claimRetentionDeletesData,
  templateNamespaceIgnored,
];

/** The volumes family, from several files, in the order the rules reference lists it. */
const volumeRules: readonly Rule[] = [
  recycleReclaimPolicy,
  readWriteOncePodCombined,
  sharedModeOnNodeLocalVolume,
  localVolumeWithoutNodeAffinity,
  localClassImmediateBinding,
  multipleDefaultClasses,
  deleteReclaimOnStaticVolume,
  removedVolumePlugin,
  ...storageSizeRules,
];

/** The snapshots family, from several files, in the order the rules reference lists it. */
const snapshotRules: readonly Rule[] = [
  ...snapshotReferenceRules,
  ...restoreRules,
  ...dataSourceRules,
  ...snapshotClassRules,
];

export const allRules: readonly Rule[] = [
  ...linkRules,
  ...bindingRules,
  ...workloadRules,
  ...volumeRules,
  ...permissionRules,
  ...ephemeralRules,
  ...securityRules,
  ...snapshotRules,
  ...policyRules,
];

export const families: Record<RuleFamily, LocalizedText> = {
  links: { en: 'Links between objects', ru: 'Связи между объектами' },
  binding: { en: 'Binding of claims to volumes', ru: 'Привязка заявок к томам' },
  workloads: { en: 'Workloads and their volumes', ru: 'Рабочие нагрузки и их тома' },
  volumes: { en: 'Volumes and StorageClasses', ru: 'Тома и классы хранилища' },
  permissions: { en: 'Init containers and permissions', ru: 'Init-контейнеры и права доступа' },
  ephemeral: {
    en: 'Ephemeral storage and node disks',
    ru: 'Эфемерное хранилище и диски узлов',
  },
  security: {
    en: 'Read-only root filesystem and file ownership',
    ru: 'Корневая файловая система только для чтения и владельцы файлов',
  },
  snapshots: {
    en: 'Volume snapshots, restores and clones',
    ru: 'Снимки томов, восстановление и клоны',
  },
  policy: {
    en: 'Storage policy (opt-in settings)',
    ru: 'Политика хранилища (включается настройками)',
  },
};

/** Rule metadata only (no code), in registry order: for docs, SARIF and settings. */
export const ruleRegistry: readonly RuleMeta[] = allRules.map(
  ({ id, family, severity, title, docs, fixable, offByDefault }) => ({
    id,
    family,
    severity,
    title,
    docs,
    fixable,
    ...(offByDefault ? { offByDefault } : {}),
  }),
);

const byId = new Map(allRules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

const byKind = new Map<string, Rule[]>();
for (const rule of allRules) {
  for (const kind of rule.kinds) {
    const list = byKind.get(kind);
    if (list) list.push(rule);
    else byKind.set(kind, [rule]);
  }
}

export function rulesForKind(kind: string): readonly Rule[] {
  return byKind.get(kind) ?? [];
}
