/**
 * Kinds Kubernetes served once and removed without a successor of the same name, so a manifest
 * that still has one gets what happened to it rather than the closest kind name (`Pod` for
 * `PodSecurityPolicy`). Kinds that moved to another group or version are not here: the API
 * description knows where they are now (`unknown-api-version` names it).
 */
import type { LocalizedText } from '../types';

export interface RemovedKind {
  kind: string;
  /** The API groups it was served from. */
  groups: readonly string[];
  /** The Kubernetes minor version that stopped serving it. */
  removedIn: string;
  /** What to use instead. */
  instead: LocalizedText;
}

const REMOVED_KINDS: readonly RemovedKind[] = [
  {
    kind: 'PodSecurityPolicy',
    groups: ['policy', 'extensions'],
    removedIn: '1.25',
    instead: {
      en: 'Pod Security Admission replaces it: label the namespace with `pod-security.kubernetes.io/enforce` (`baseline` or `restricted`), or use a policy engine such as Kyverno or Gatekeeper.',
      ru: 'На смену пришёл Pod Security Admission: поставьте на пространство имён метку `pod-security.kubernetes.io/enforce` (`baseline` или `restricted`) или используйте движок политик вроде Kyverno или Gatekeeper.',
    },
  },
  {
    kind: 'PodPreset',
    groups: ['settings.k8s.io'],
    removedIn: '1.20',
    instead: {
      en: 'Put the volumes and variables in the pod templates themselves, or inject them with a mutating admission webhook.',
      ru: 'Впишите тома и переменные прямо в шаблоны подов или добавляйте их мутирующим admission-вебхуком.',
    },
  },
  {
    kind: 'AuditSink',
    groups: ['auditregistration.k8s.io'],
    removedIn: '1.19',
    instead: {
      en: "Configure the audit webhook backend in the API server's flags (`--audit-webhook-config-file`).",
      ru: 'Настройте вебхук аудита во флагах API-сервера (`--audit-webhook-config-file`).',
    },
  },
  {
    kind: 'ClusterCIDR',
    groups: ['networking.k8s.io'],
    removedIn: '1.29',
    instead: {
      en: "Pod CIDRs come from the controller manager's `--cluster-cidr`; extra ranges from your CNI plugin's own resources.",
      ru: 'CIDR подов задаёт флаг `--cluster-cidr` контроллер-менеджера, дополнительные диапазоны — собственные ресурсы CNI-плагина.',
    },
  },
];

/** The removed kind an object names, by its kind and the group of its `apiVersion`. */
export function removedKind(kind: string, apiVersion: string): RemovedKind | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  return REMOVED_KINDS.find((r) => r.kind === kind && r.groups.includes(group));
}
