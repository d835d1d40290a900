/**
 * The generated Kubernetes schemas (structure only) and lookups over them: which definition
 * serves a kind at an apiVersion, and which schema applies at a path inside an object.
 */
import definitionsFile from '../../../../schemas/k8s/definitions.json';
import kindsFile from '../../../../schemas/k8s/kinds.json';
import type { YamlPath } from '../parse/nodes';
import { isSnapshotApiVersion } from '../kubernetes/snapshots';
import { editDistance } from '../text/similarity';

export interface JsonSchema {
  /** Only in definitions made from a CRD of the workspace (schema/customResources.ts). */
  description?: string;
  type?: string | string[];
  format?: string;
  $ref?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  /** Only in definitions made from a CRD: the value structural defaulting sets (schema/defaults.ts). */
  default?: unknown;
  /** The API server takes `""` as not set (defaulting replaces it): scripts/schema-enums.ts. */
  'x-empty-means-unset'?: boolean;
}

export const definitions = definitionsFile.definitions as Record<string, JsonSchema>;
export const kubernetesVersion: string = definitionsFile.kubernetesVersion;
const kinds = kindsFile.kinds as Record<string, Record<string, string>>;

export function allKinds(): string[] {
  return Object.keys(kinds);
}

/** apiVersions that serve a kind, or undefined for a kind Kubernetes does not have. */
export function apiVersionsOf(kind: string): string[] | undefined {
  const versions = kinds[kind];
  return versions ? Object.keys(versions) : undefined;
}

/** The preferred apiVersion: the stable one when there is one. */
export function preferredApiVersion(kind: string): string | undefined {
  const versions = apiVersionsOf(kind);
  if (!versions) return undefined;
  return versions.find((v) => /\/v\d+$|^v\d+$/.test(v)) ?? versions[0];
}

export function definitionFor(kind: string, apiVersion: string): string | undefined {
  return kinds[kind]?.[apiVersion];
}

/**
 * Every `group/version/Kind` a cluster of `kubernetesVersion` serves, as Helm lists them in
 * `.Capabilities.APIVersions` from the API server's discovery (helm `GetVersionSet`:
 * `path.Join(GroupVersion, Kind)`), so `Has "batch/v1/CronJob"` is true. The CSI snapshot kinds
 * come from CRDs a cluster may not have installed, and are left out.
 */
export function servedKindIds(): string[] {
  const ids: string[] = [];
  for (const [kind, versions] of Object.entries(kinds)) {
    for (const apiVersion of Object.keys(versions)) {
      if (!isSnapshotApiVersion(apiVersion)) ids.push(`${apiVersion}/${kind}`);
    }
  }
  return ids.sort();
}

/** The API groups that Kubernetes itself serves (`""` for core), to tell built-ins from CRDs. */
const builtinGroups = new Set(
  Object.values(kinds).flatMap((versions) =>
    Object.keys(versions).map((v) => (v.includes('/') ? v.split('/')[0]! : '')),
  ),
);

/** The answers per apiVersion: a file of thousands of objects asks this for each after every edit. */
const builtinByApiVersion = new Map<string, boolean>();

export function isBuiltinApiVersion(apiVersion: string): boolean {
  let builtin = builtinByApiVersion.get(apiVersion);
  if (builtin === undefined) {
    builtin = builtinGroups.has(apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
    // Bounded: apiVersions are few, but a file may be full of typos.
    if (builtinByApiVersion.size < 1000) builtinByApiVersion.set(apiVersion, builtin);
  }
  return builtin;
}

/**
 * The apiVersion names a group that only a CustomResourceDefinition can serve: a domain name
 * (CRD groups need a dot) that Kubernetes does not serve and that is not one of its reserved
 * domains (`*.k8s.io`, `*.kubernetes.io`, where a typo of a built-in group is likelier). Such a
 * group may define kinds named like built-in ones (Talos's `talos.dev` ServiceAccount, OpenKruise's
 * `apps.kruise.io` StatefulSet). A group that reads as a misspelt built-in one is no such group:
 * within two edits of a dotted built-in group (`storage.k8s.oi`), or a built-in group of `kind`
 * followed by a `k8s`/`kubernetes` label (`apps.k8s`, `policy.kubernetes.com`).
 */
export function isCustomGroupApiVersion(apiVersion: string, kind?: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return false;
  const group = apiVersion.slice(0, slash).toLowerCase();
  if (!group.includes('.') || builtinGroups.has(group)) return false;
  if (/(^|\.)(k8s|kubernetes)\.io$/.test(group)) return false;
  return !looksLikeBuiltinGroupTypo(group, kind);
}

const dottedBuiltinGroups = [...builtinGroups].filter((g) => g.includes('.'));

function looksLikeBuiltinGroupTypo(group: string, kind: string | undefined): boolean {
  // `*.x-k8s.io` is where Kubernetes' own projects put their CRDs (Cluster API): custom.
  if (group.endsWith('.x-k8s.io')) return false;
  if (dottedBuiltinGroups.some((g) => editDistance(group, g) <= 2)) return true;
  const labels = group.split('.');
  if (!labels.slice(1).some((l) => l === 'k8s' || l === 'kubernetes')) return false;
  const kindGroups = (kind ? apiVersionsOf(kind) : undefined) ?? [];
  return kindGroups.some((v) => v.includes('/') && v.split(/[./]/)[0] === labels[0]);
}

export function refName(schema: JsonSchema): string | undefined {
  return schema.$ref?.slice('#/definitions/'.length);
}

export interface ResolvedSchema {
  schema: JsonSchema;
  /** The definition this schema is (after following a $ref), if any. */
  definition?: string;
}

export function resolve(
  schema: JsonSchema | undefined,
  definition?: string,
): ResolvedSchema | undefined {
  if (!schema) return undefined;
  const ref = refName(schema);
  if (ref) {
    const target = definitions[ref];
    return target ? { schema: target, definition: ref } : undefined;
  }
  return { schema, definition };
}

export interface SchemaStep extends ResolvedSchema {
  /** Definition and field that declare this step, e.g. `core.v1.PersistentVolumeClaimSpec` + `accessModes`. */
  parentDefinition?: string;
  field?: string;
}

/**
 * The schemas along a path from a definition: one entry per path segment (index 0 is the root).
 * Stops early (shorter result) where the path leaves the schema.
 */
export function schemaPath(rootDefinition: string, path: YamlPath): SchemaStep[] {
  const root = resolve({ $ref: `#/definitions/${rootDefinition}` });
  if (!root) return [];
  const steps: SchemaStep[] = [root];
  let current: ResolvedSchema = root;
  let owner = root.definition;
  for (const segment of path) {
    let next: ResolvedSchema | undefined;
    let field: string | undefined;
    let parentDefinition: string | undefined;
    if (typeof segment === 'number' || (current.schema.type === 'array' && /^\d+$/.test(segment))) {
      next = resolve(current.schema.items);
      field = undefined;
      parentDefinition = undefined;
    } else if (current.schema.properties && segment in current.schema.properties) {
      next = resolve(current.schema.properties[segment]);
      field = segment;
      parentDefinition = current.definition ?? owner;
    } else if (typeof current.schema.additionalProperties === 'object') {
      next = resolve(current.schema.additionalProperties);
    }
    if (!next) break;
    if (next.definition) owner = next.definition;
    const step: SchemaStep = { ...next, field, parentDefinition };
    // Items of an array keep the field that declared the array (for docs of `accessModes[0]`).
    if (field === undefined && steps.length) {
      const prev = steps[steps.length - 1]!;
      step.field = prev.field;
      step.parentDefinition = prev.parentDefinition;
    }
    steps.push(step);
    current = next;
  }
  return steps;
}

/** A short, readable name for a definition: `core.v1.PersistentVolumeClaimSpec` -> `PersistentVolumeClaimSpec`. */
export function displayName(definition: string): string {
  return definition.split('.').pop() ?? definition;
}

/** True for a definition made from a CRD of the workspace (schema/customResources.ts). */
export function isCustomDefinition(definition: string): boolean {
  return definition.startsWith('crd-');
}
