/**
 * Kinds defined by CustomResourceDefinitions of the workspace (manifests, cluster snapshots,
 * charts' `crds/`): each served version's `openAPIV3Schema` becomes definitions of our schema
 * set, so that validation, hover and completion treat a custom resource like a built-in kind.
 *
 * The definitions are content-addressed (`crd-<hash>-<n>.<TypeName>`): a CRD version is converted
 * and compiled once, and an edited CRD gets new names (so new validators) while the old ones stay
 * valid for whoever still holds them. What a structural schema means follows the apiextensions
 * API server: fields unknown to an object with `properties` are refused unless
 * `x-kubernetes-preserve-unknown-fields`; `x-kubernetes-int-or-string` takes both; `nullable`
 * adds null. Patterns, formats and the logical junctors (`anyOf`, `oneOf`, `allOf`, `not`) are
 * left out: their dialect (RE2, CEL-era formats) is not ajv's, and a false error is worse than a
 * missed one. A schema ajv cannot compile is reported on the CRD, never thrown.
 */
import { objectData, type IndexedObject } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import type { YamlPath } from '../parse/nodes';
import { MAX_NESTING_DEPTH } from '../parse/limits';
import { definitions, type JsonSchema } from './registry';
import { validatorFor } from './validate';
import { hash53 } from '../text/hash';
import { isRecord } from '../plainData';

/** One version of a custom kind. */
export interface CustomKindVersion {
  group: string;
  version: string;
  kind: string;
  served: boolean;
  crd: IndexedObject;
  /** Path of the version's `openAPIV3Schema` in the CRD. */
  schemaPath: YamlPath;
  /** The root definition, when the schema converted and compiled. */
  definition?: string;
  /** Why ajv could not compile the schema. */
  error?: string;
}

interface CrdVersionSchema {
  name?: unknown;
  served?: unknown;
  schema?: { openAPIV3Schema?: unknown };
}

interface CrdData {
  spec?: {
    group?: unknown;
    names?: { kind?: unknown };
    versions?: unknown;
    validation?: { openAPIV3Schema?: unknown };
    version?: unknown;
  };
}

const META = '#/definitions/meta.v1.ObjectMeta';

/** The custom kinds of a workspace, by `group/version/kind` and by `group/kind`. */
export class CustomKinds {
  readonly byGvk = new Map<string, CustomKindVersion>();
  readonly byGroupKind = new Map<string, CustomKindVersion[]>();
  readonly groups = new Set<string>();

  add(entry: CustomKindVersion): void {
    const gvk = `${entry.group}/${entry.version}/${entry.kind}`;
    // Two CRDs for one kind: the manifest wins over a cluster snapshot (as for other objects).
    const before = this.byGvk.get(gvk);
    if (before && before.crd.origin !== 'cluster' && entry.crd.origin === 'cluster') return;
    this.byGvk.set(gvk, entry);
    const gk = `${entry.group}/${entry.kind}`;
    const list = (this.byGroupKind.get(gk) ?? []).filter((v) => v.version !== entry.version);
    this.byGroupKind.set(gk, [...list, entry]);
    this.groups.add(entry.group);
  }

  lookup(apiVersion: string, kind: string): CustomKindVersion | undefined {
    const [group, version] = splitApiVersion(apiVersion);
    return this.byGvk.get(`${group}/${version}/${kind}`);
  }

  /** The root definition of a served custom kind at this apiVersion, compiled on first use. */
  definitionFor(kind: string, apiVersion: string): string | undefined {
    const entry = this.lookup(apiVersion, kind);
    return entry?.served && compile(entry) ? entry.definition : undefined;
  }

  /** The served versions of a kind in a group (`group/version` each). */
  servedVersions(group: string, kind: string): string[] {
    return (this.byGroupKind.get(`${group}/${kind}`) ?? [])
      .filter((v) => v.served)
      .map((v) => `${group}/${v.version}`);
  }

  /** The kinds a group defines. */
  kindsOf(group: string): string[] {
    const out: string[] = [];
    for (const [gk, list] of this.byGroupKind) {
      if (gk.startsWith(`${group}/`) && list.length) out.push(list[0]!.kind);
    }
    return out;
  }
}

export function splitApiVersion(apiVersion: string): [string, string] {
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? ['', apiVersion]
    : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

const byWorkspace = new WeakMap<Workspace, { generation: number; kinds: CustomKinds }>();
/** Converted versions per CRD text (JSON of the version's schema): converted once. */
const conversions = new Map<string, { definition?: string; error?: string }>();
const MAX_CONVERTED = 500;
/** Compilation results per root definition (ajv compiles each once; a failure is kept). */
const compilations = new Map<string, string | undefined>();

/** The custom kinds of the workspace, rebuilt only when the workspace changed. */
export function customKindsOf(workspace: Workspace): CustomKinds {
  const hit = byWorkspace.get(workspace);
  if (hit?.generation === workspace.generation) return hit.kinds;
  const kinds = new CustomKinds();
  for (const crd of workspace.objectsOfKind('CustomResourceDefinition')) {
    if (crd.template) continue;
    for (const entry of versionsOf(crd)) kinds.add(entry);
  }
  byWorkspace.set(workspace, { generation: workspace.generation, kinds });
  return kinds;
}

function versionsOf(crd: IndexedObject): CustomKindVersion[] {
  const data = objectData<CrdData>(crd);
  const spec = data?.spec;
  const group = typeof spec?.group === 'string' ? spec.group : undefined;
  const kind = typeof spec?.names?.kind === 'string' ? spec.names.kind : undefined;
  if (!group || !kind) return [];
  const out: CustomKindVersion[] = [];
  const versions = Array.isArray(spec!.versions) ? (spec!.versions as CrdVersionSchema[]) : [];
  versions.forEach((v, i) => {
    if (!v || typeof v.name !== 'string') return;
    // apiextensions.k8s.io/v1beta1 kept one schema for all versions in spec.validation.
    const own = v.schema?.openAPIV3Schema;
    const schema = own ?? spec!.validation?.openAPIV3Schema;
    const schemaPath: YamlPath = own
      ? ['spec', 'versions', i, 'schema', 'openAPIV3Schema']
      : ['spec', 'validation', 'openAPIV3Schema'];
    const entry: CustomKindVersion = {
      group,
      version: v.name,
      kind,
      served: v.served !== false,
      crd,
      schemaPath,
    };
    if (schema && typeof schema === 'object')
      Object.assign(entry, converted(group, v.name, kind, schema));
    out.push(entry);
  });
  return out;
}

function converted(
  group: string,
  version: string,
  kind: string,
  schema: object,
): { definition?: string; error?: string } {
  const key = `${group}/${version}/${kind}\u0000${JSON.stringify(schema)}`;
  const hit = conversions.get(key);
  if (hit) return hit;
  // Content-addressed: the same CRD schema gives the same definition names.
  const prefix = `crd-${hash53(key).toString(36)}`;
  let result: { definition?: string; error?: string };
  try {
    result = { definition: convertRoot(schema as Record<string, unknown>, prefix, kind) };
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  if (conversions.size >= MAX_CONVERTED) conversions.delete(conversions.keys().next().value!);
  conversions.set(key, result);
  return result;
}

/**
 * Compiles the version's validator once (ajv is the slow part: seconds for a large operator's
 * CRDs, so only kinds in use, or a CRD being checked, pay for it). False, with `entry.error`
 * set, when ajv cannot compile the schema.
 */
export function compile(entry: CustomKindVersion): boolean {
  if (entry.error) return false;
  if (!entry.definition) return false;
  if (!compilations.has(entry.definition)) {
    try {
      validatorFor(entry.definition);
      compilations.set(entry.definition, undefined);
    } catch (error) {
      compilations.set(entry.definition, error instanceof Error ? error.message : String(error));
    }
  }
  const error = compilations.get(entry.definition);
  if (error) entry.error = error;
  return !error;
}

/** Converts the root schema; returns the name of its definition. */
function convertRoot(schema: Record<string, unknown>, prefix: string, kind: string): string {
  const counter = { n: 0 };
  const root = convert(schema, prefix, kind, counter, 0);
  const properties = { ...(root.properties ?? {}) };
  properties.apiVersion = { type: 'string', description: properties.apiVersion?.description };
  properties.kind = { type: 'string', description: properties.kind?.description };
  properties.metadata = { $ref: META };
  root.properties = properties;
  root.type = 'object';
  const name = `${prefix}-0.${kind}`;
  definitions[name] = root;
  return name;
}

/**
 * One schema; object schemas with properties become their own definitions (so that hover,
 * completion and messages can name the type), others stay inline.
 */
function convert(
  schema: Record<string, unknown>,
  prefix: string,
  typeName: string,
  counter: { n: number },
  depth: number,
): JsonSchema {
  if (depth > MAX_NESTING_DEPTH) return {};
  const out: JsonSchema & Record<string, unknown> = {};
  if (typeof schema.description === 'string') out.description = schema.description;
  if (schema['x-kubernetes-int-or-string'] === true) out.type = ['integer', 'string'];
  else if (schema.type !== undefined) out.type = schema.type as string;
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (schema.enum !== undefined) out.enum = schema.enum as unknown[];
  for (const limit of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems']) {
    if (schema[limit] !== undefined) out[limit] = schema[limit];
  }
  if (isRecord(schema.items))
    out.items = convert(schema.items, prefix, `${typeName}Item`, counter, depth + 1);
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (isRecord(schema.properties)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(schema.properties)) {
      if (isRecord(value))
        properties[key] = convert(value, prefix, typeName + capital(key), counter, depth + 1);
    }
    out.properties = properties;
    if (schema.required !== undefined) out.required = schema.required as string[];
  } else if (schema.required !== undefined) {
    out.required = schema.required as string[];
  }
  if (isRecord(schema.additionalProperties)) {
    out.additionalProperties = convert(
      schema.additionalProperties,
      prefix,
      `${typeName}Value`,
      counter,
      depth + 1,
    );
  } else if (typeof schema.additionalProperties === 'boolean' && !preserve) {
    out.additionalProperties = schema.additionalProperties;
  } else if (out.properties && !preserve && schema['x-kubernetes-embedded-resource'] !== true) {
    out.additionalProperties = false;
  }
  if (!out.properties || depth === 0) return out;
  counter.n++;
  const name = `${prefix}-${counter.n}.${typeName}`;
  definitions[name] = out;
  return { $ref: `#/definitions/${name}` };
}

function capital(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9]/g, '');
  return clean ? clean[0]!.toUpperCase() + clean.slice(1) : 'Field';
}

/** True for a definition made from a CRD of the workspace. */
export function isCustomDefinition(definition: string): boolean {
  return definition.startsWith('crd-');
}
