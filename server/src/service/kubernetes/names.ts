/**
 * Names the API server accepts, as kubernetes/kubernetes validates them. Every built-in kind picks
 * a `ValidateNameFunc` for `metadata.name` (and, with `prefix=true`, for `generateName`):
 * `NameIsDNSSubdomain` for most (PersistentVolume and PersistentVolumeClaim through
 * `ValidatePersistentVolumeName`, Pod, ConfigMap, Secret, ServiceAccount, ReplicationController,
 * StorageClass through `ValidateClassName`, Deployment, ReplicaSet, DaemonSet, Job, CronJob),
 * `NameIsDNSLabel` for Namespace and — since the StatefulSet controller could never create pods
 * for a dotted name — StatefulSet (`ValidateStatefulSetName`), `NameIsDNS1035Label` for Service.
 * A CronJob's name is at most 52 characters as well (`ValidateCronJobCreate`: its Jobs get an
 * 11-character suffix). Custom resources are `NameIsDNSSubdomain` (apiextensions-apiserver); here
 * only the snapshot kinds, whose CRDs this project knows. Inside a pod spec, `volumes[].name` and
 * the containers' names are DNS-1123 labels (`ValidateVolumes`, `validateContainers`).
 * Sources: staging/src/k8s.io/apimachinery/pkg/api/validation/generic.go and objectmeta.go,
 * pkg/util/validation/validation.go, pkg/apis/{core,apps,batch,storage}/validation.
 */
/** RFC 1123 subdomain, RFC 1123 label, RFC 1035 label (starts with a letter). */
export type NameFormat = 'subdomain' | 'label' | 'dns1035';

export interface NameRule {
  format: NameFormat;
  /** The longest name accepted, in bytes. */
  maxLength: number;
}

const FORMAT_MAX: Record<NameFormat, number> = { subdomain: 253, label: 63, dns1035: 63 };

const SUBDOMAIN: NameRule = { format: 'subdomain', maxLength: 253 };
const LABEL: NameRule = { format: 'label', maxLength: 63 };
const DNS1035: NameRule = { format: 'dns1035', maxLength: 63 };
/** `ValidateCronJobCreate`: `DNS1035LabelMaxLength - 11`. */
const CRONJOB: NameRule = { format: 'subdomain', maxLength: 52 };

/** `metadata.name` rules by API group, then kind: only the ones read upstream. */
const OBJECT_NAME_RULES: Readonly<Record<string, Readonly<Record<string, NameRule>>>> = {
  '': {
    Pod: SUBDOMAIN,
    PersistentVolume: SUBDOMAIN,
    PersistentVolumeClaim: SUBDOMAIN,
    ConfigMap: SUBDOMAIN,
    Secret: SUBDOMAIN,
    ServiceAccount: SUBDOMAIN,
    ReplicationController: SUBDOMAIN,
    Service: DNS1035,
    Namespace: LABEL,
  },
  apps: { Deployment: SUBDOMAIN, ReplicaSet: SUBDOMAIN, DaemonSet: SUBDOMAIN, StatefulSet: LABEL },
  batch: { Job: SUBDOMAIN, CronJob: CRONJOB },
  'storage.k8s.io': { StorageClass: SUBDOMAIN },
  'snapshot.storage.k8s.io': {
    VolumeSnapshot: SUBDOMAIN,
    VolumeSnapshotClass: SUBDOMAIN,
    VolumeSnapshotContent: SUBDOMAIN,
  },
};

/** Kinds whose pod spec the API server validates (or, for a StatefulSet, its pods'), by group. */
const POD_SPEC_GROUPS: Readonly<Record<string, string>> = {
  Pod: '',
  ReplicationController: '',
  Deployment: 'apps',
  ReplicaSet: 'apps',
  DaemonSet: 'apps',
  StatefulSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
};

/** The kinds with a confirmed name rule or a checked pod spec. */
export const NAME_CHECKED_KINDS: readonly string[] = [
  ...new Set([
    ...Object.values(OBJECT_NAME_RULES).flatMap((kinds) => Object.keys(kinds)),
    ...Object.keys(POD_SPEC_GROUPS),
  ]),
];

/** `storageClassName` of a claim or a volume (`ValidateClassName`): a DNS-1123 subdomain. */
export const CLASS_NAME_RULE: NameRule = SUBDOMAIN;

/** A volume's or a container's name in a pod spec: a DNS-1123 label. */
export const POD_SPEC_NAME_RULE: NameRule = LABEL;

export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The rule for `metadata.name` of this kind, when it was read upstream. */
export function objectNameRule(apiVersion: string, kind: string): NameRule | undefined {
  const kinds = OBJECT_NAME_RULES[apiGroupOf(apiVersion)];
  return kinds && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
}

/** True when the names inside this object's pod spec are checked by the API server. */
export function podSpecNamesChecked(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(POD_SPEC_GROUPS, kind) && POD_SPEC_GROUPS[kind] === apiGroupOf(apiVersion);
}

const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const PATTERNS: Record<NameFormat, RegExp> = {
  subdomain: SUBDOMAIN_RE,
  label: LABEL_RE,
  dns1035: DNS1035_RE,
};

const encoder = new TextEncoder();

function byteLength(name: string): number {
  return encoder.encode(name).length;
}

/** True when the API server accepts `name` under `rule` (`IsDNS1123Subdomain`…). */
export function isValidName(name: string, rule: NameRule): boolean {
  // The patterns admit ASCII only, so a name that matches has as many bytes as characters: no
  // UTF-8 encoding per name (every object's name and volume is checked).
  return PATTERNS[rule.format].test(name) && name.length <= rule.maxLength;
}

/**
 * `maskTrailingDash` as upstream writes it: a prefix ending in `-` is checked with its last two
 * characters replaced by `a` (the name generated from it goes on after the dash).
 */
function maskTrailingDash(prefix: string): string {
  return prefix.length > 1 && prefix.endsWith('-') ? prefix.slice(0, -2) + 'a' : prefix;
}

/** `names.SimpleNameGenerator`: the prefix cut to 58 characters, then 5 random ones. */
const MAX_GENERATED_PREFIX = 58;
const RANDOM_SUFFIX = 'bbbbb';

/** The name the API server generates from a `generateName` prefix (random part aside). */
export function generatedName(prefix: string): string {
  return prefix.slice(0, MAX_GENERATED_PREFIX) + RANDOM_SUFFIX;
}

/**
 * True when the API server accepts `generateName: prefix`: the prefix passes the kind's name
 * function with `prefix=true`, and the name made from it passes it as a name.
 */
export function isValidPrefix(prefix: string, rule: NameRule): boolean {
  const masked = maskTrailingDash(prefix);
  const asPrefix = { format: rule.format, maxLength: FORMAT_MAX[rule.format] };
  return isValidName(masked, asPrefix) && isValidName(generatedName(prefix), rule);
}

export type NameProblem =
  | { code: 'length'; length: number; max: number }
  | { code: 'uppercase' }
  | { code: 'characters'; chars: string[] }
  | { code: 'start'; char: string }
  | { code: 'startsWithDigit' }
  | { code: 'end'; char: string }
  | { code: 'dotParts' };

/** What makes `name` invalid under `rule`, in the order a reader checks it. */
export function nameProblems(name: string, rule: NameRule): NameProblem[] {
  const out: NameProblem[] = [];
  const length = byteLength(name);
  if (length > rule.maxLength) out.push({ code: 'length', length, max: rule.maxLength });
  if (/[A-Z]/.test(name)) out.push({ code: 'uppercase' });
  const allowed = rule.format === 'subdomain' ? /[-a-zA-Z0-9.]/ : /[-a-zA-Z0-9]/;
  const chars = [...new Set([...name].filter((c) => !allowed.test(c)))];
  if (chars.length) out.push({ code: 'characters', chars });
  const lower = name.toLowerCase();
  const first = lower[0] ?? '';
  const last = lower[lower.length - 1] ?? '';
  if (first === '-' || first === '.') out.push({ code: 'start', char: first });
  else if (rule.format === 'dns1035' && /[0-9]/.test(first)) out.push({ code: 'startsWithDigit' });
  if (lower.length > 1 && (last === '-' || last === '.')) out.push({ code: 'end', char: last });
  if (rule.format === 'subdomain' && hasBadDotPart(lower)) out.push({ code: 'dotParts' });
  return out;
}

/** A part between dots (not at the ends, reported apart) that is empty or has a dash at an end. */
function hasBadDotPart(name: string): boolean {
  const inner = name.replace(/^[-.]+|[-.]+$/g, '');
  if (!inner.includes('.')) return false;
  return inner.split('.').some((p) => p === '' || p.startsWith('-') || p.endsWith('-'));
}

/**
 * What makes a `generateName` prefix invalid: the prefix's own problems (a trailing `-` is
 * fine), else those of the name generated from it.
 */
export function prefixProblems(prefix: string, rule: NameRule): NameProblem[] {
  const own = prefix.endsWith('-') ? prefix.slice(0, -1) + 'a' : prefix;
  const asPrefix = { format: rule.format, maxLength: FORMAT_MAX[rule.format] };
  const problems = nameProblems(own, asPrefix);
  return problems.length ? problems : nameProblems(generatedName(prefix), rule);
}

/**
 * The name a quick fix may offer: lowercase, `_` as `-`, when that is all it takes; undefined
 * when the result is still invalid or unchanged.
 */
export function suggestedName(name: string, rule: NameRule, prefix = false): string | undefined {
  const candidate = name.toLowerCase().replace(/_/g, '-');
  if (candidate === name) return undefined;
  const ok = prefix ? isValidPrefix(candidate, rule) : isValidName(candidate, rule);
  return ok ? candidate : undefined;
}

/**
 * True for a name written to be filled in by hand before the file is applied: `<node-hostname>`
 * (rook's cleanup Job), `PV_NAME` (GKE's samples). Such a file is refused as it is, but the
 * message can say what the name is.
 */
export function looksLikeFillIn(name: string): boolean {
  return /<[^<>]+>/.test(name) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name);
}
