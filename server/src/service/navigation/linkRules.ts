/**
 * Names that link Kubernetes objects: where in which kind a value names another object (a claim,
 * a volume, a class, a Service, a ConfigMap, a Secret), and where objects (or a pod's own volumes)
 * are defined. Completion, go-to-definition, references and rename all read these rules.
 */
import { podSpecPath } from '../kubernetes/podSpec';
import type { YamlPath } from '../parse/nodes';

export type LinkKind =
  | 'pvc'
  | 'pv'
  | 'storageclass'
  | 'attributesclass'
  | 'service'
  | 'configmap'
  | 'secret'
  | 'volume'
  | 'snapshot'
  | 'snapshotclass'
  | 'snapshotcontent';

/** Kubernetes kinds that a link names; `volume` is pod-local and has no kind. */
export const linkTargetKind: Record<Exclude<LinkKind, 'volume'>, string> = {
  pvc: 'PersistentVolumeClaim',
  pv: 'PersistentVolume',
  storageclass: 'StorageClass',
  attributesclass: 'VolumeAttributesClass',
  service: 'Service',
  configmap: 'ConfigMap',
  secret: 'Secret',
  snapshot: 'VolumeSnapshot',
  snapshotclass: 'VolumeSnapshotClass',
  snapshotcontent: 'VolumeSnapshotContent',
};

const kindToLink = new Map<string, LinkKind>(
  Object.entries(linkTargetKind).map(([link, kind]) => [kind, link as LinkKind]),
);

export function linkOfKind(kind: string): LinkKind | undefined {
  return kindToLink.get(kind);
}

/** Links whose target lives in a namespace (the others are cluster-wide or pod-local). */
export function isNamespaced(link: LinkKind): boolean {
  return (
    link === 'pvc' ||
    link === 'service' ||
    link === 'configmap' ||
    link === 'secret' ||
    link === 'snapshot'
  );
}

export interface LinkRule {
  /** Path from the object root; `*` stands for any sequence index. */
  pattern: string[];
  link: LinkKind;
  role: 'reference' | 'definition';
  /** For pod-local volumes: the pod spec path (joined) that scopes the name. */
  scope?: string;
  /** Where the namespace of the target is written, when not the object's own (a PV's claimRef). */
  namespaceFrom?: string[];
  /**
   * The rule holds only when a field beside the name has this value: a claim's data source names
   * a claim or a snapshot by its `kind`. Such rules need the document (see `linkRuleAt`).
   */
  when?: { sibling: string; equals: string };
  /** A field beside the name that may give the target's namespace (else the object's own). */
  namespaceSibling?: string;
}

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

function podRules(pod: readonly string[]): LinkRule[] {
  const scope = pod.join('.');
  const v = [...pod, 'volumes', '*'];
  const rules: LinkRule[] = [
    { pattern: [...v, 'name'], link: 'volume', role: 'definition', scope },
    { pattern: [...v, 'persistentVolumeClaim', 'claimName'], link: 'pvc', role: 'reference' },
    { pattern: [...v, 'configMap', 'name'], link: 'configmap', role: 'reference' },
    { pattern: [...v, 'secret', 'secretName'], link: 'secret', role: 'reference' },
    {
      pattern: [...v, 'projected', 'sources', '*', 'configMap', 'name'],
      link: 'configmap',
      role: 'reference',
    },
    {
      pattern: [...v, 'projected', 'sources', '*', 'secret', 'name'],
      link: 'secret',
      role: 'reference',
    },
    {
      pattern: [...v, 'ephemeral', 'volumeClaimTemplate', 'spec', 'storageClassName'],
      link: 'storageclass',
      role: 'reference',
    },
  ];
  for (const list of CONTAINER_LISTS) {
    const c = [...pod, list, '*'];
    rules.push(
      { pattern: [...c, 'volumeMounts', '*', 'name'], link: 'volume', role: 'reference', scope },
      { pattern: [...c, 'volumeDevices', '*', 'name'], link: 'volume', role: 'reference', scope },
      {
        pattern: [...c, 'env', '*', 'valueFrom', 'configMapKeyRef', 'name'],
        link: 'configmap',
        role: 'reference',
      },
      {
        pattern: [...c, 'env', '*', 'valueFrom', 'secretKeyRef', 'name'],
        link: 'secret',
        role: 'reference',
      },
      {
        pattern: [...c, 'envFrom', '*', 'configMapRef', 'name'],
        link: 'configmap',
        role: 'reference',
      },
      { pattern: [...c, 'envFrom', '*', 'secretRef', 'name'], link: 'secret', role: 'reference' },
    );
  }
  return rules;
}

function claimSpecRules(spec: string[]): LinkRule[] {
  return [
    { pattern: [...spec, 'storageClassName'], link: 'storageclass', role: 'reference' },
    { pattern: [...spec, 'volumeName'], link: 'pv', role: 'reference' },
    { pattern: [...spec, 'volumeAttributesClassName'], link: 'attributesclass', role: 'reference' },
    ...dataSourceRules(spec),
  ];
}

/** A restore (`kind: VolumeSnapshot`) or a clone (`kind: PersistentVolumeClaim`) names its source. */
function dataSourceRules(spec: string[]): LinkRule[] {
  const rules: LinkRule[] = [];
  for (const field of ['dataSource', 'dataSourceRef']) {
    for (const [kind, link] of [
      ['PersistentVolumeClaim', 'pvc'],
      ['VolumeSnapshot', 'snapshot'],
    ] as const) {
      rules.push({
        pattern: [...spec, field, 'name'],
        link,
        role: 'reference',
        when: { sibling: 'kind', equals: kind },
        ...(field === 'dataSourceRef' ? { namespaceSibling: 'namespace' } : {}),
      });
    }
  }
  return rules;
}

/** A snapshot names its claim, class or content; a content names its snapshot and class. */
function snapshotRules(kind: string): LinkRule[] {
  if (kind === 'VolumeSnapshot') {
    return [
      {
        pattern: ['spec', 'source', 'persistentVolumeClaimName'],
        link: 'pvc',
        role: 'reference',
      },
      {
        pattern: ['spec', 'source', 'volumeSnapshotContentName'],
        link: 'snapshotcontent',
        role: 'reference',
      },
      { pattern: ['spec', 'volumeSnapshotClassName'], link: 'snapshotclass', role: 'reference' },
    ];
  }
  if (kind === 'VolumeSnapshotContent') {
    return [
      {
        pattern: ['spec', 'volumeSnapshotRef', 'name'],
        link: 'snapshot',
        role: 'reference',
        namespaceFrom: ['spec', 'volumeSnapshotRef', 'namespace'],
      },
      { pattern: ['spec', 'volumeSnapshotClassName'], link: 'snapshotclass', role: 'reference' },
    ];
  }
  return [];
}

const rulesCache = new Map<string, LinkRule[]>();

/** Every link rule that applies inside an object of `kind`. */
export function linkRules(kind: string): LinkRule[] {
  let rules = rulesCache.get(kind);
  if (rules) return rules;
  rules = [];
  const own = linkOfKind(kind);
  if (own) rules.push({ pattern: ['metadata', 'name'], link: own, role: 'definition' });
  const pod = podSpecPath(kind);
  if (pod) rules.push(...podRules(pod));
  if (kind === 'StatefulSet') {
    rules.push(
      { pattern: ['spec', 'serviceName'], link: 'service', role: 'reference' },
      {
        pattern: ['spec', 'volumeClaimTemplates', '*', 'metadata', 'name'],
        link: 'volume',
        role: 'definition',
        scope: pod!.join('.'),
      },
      ...claimSpecRules(['spec', 'volumeClaimTemplates', '*', 'spec']),
    );
  }
  if (kind === 'PersistentVolumeClaim') rules.push(...claimSpecRules(['spec']));
  rules.push(...snapshotRules(kind));
  if (kind === 'PersistentVolume') {
    rules.push(
      { pattern: ['spec', 'storageClassName'], link: 'storageclass', role: 'reference' },
      {
        pattern: ['spec', 'volumeAttributesClassName'],
        link: 'attributesclass',
        role: 'reference',
      },
      {
        pattern: ['spec', 'claimRef', 'name'],
        link: 'pvc',
        role: 'reference',
        namespaceFrom: ['spec', 'claimRef', 'namespace'],
      },
    );
  }
  rulesCache.set(kind, rules);
  return rules;
}

export function matchesPattern(pattern: readonly string[], path: YamlPath): boolean {
  if (pattern.length !== path.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = path[i]!;
    if (p === '*') {
      if (typeof s !== 'number' && !/^\d+$/.test(s)) return false;
    } else if (p !== String(s)) {
      return false;
    }
  }
  return true;
}

/**
 * The link rule for a value at `path` in an object of `kind`, if that value names something.
 * Rules that hold only with a sibling's value (`when`) are left to callers that read the document.
 */
export function linkRuleAt(kind: string, path: YamlPath): LinkRule | undefined {
  return linkRules(kind).find((r) => !r.when && matchesPattern(r.pattern, path));
}
