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
 * missed one; the exception is the quantity patterns operators' generators write
 * (schema/quantityPatterns.ts), which JavaScript evaluates exactly as RE2 does. A v1beta1 CRD that
 * keeps unknown fields (`preserveUnknownFields` not false) refuses none. Of several CRDs for one
 * kind, an object is checked against the one `chooseDefinition` picks (schema/crdChoice.ts); a
 * CRD's own problems are reported whether or not it is picked. A schema ajv cannot compile is
 * reported on the CRD, never thrown.
 */
import { objectData, type IndexedObject } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import type { YamlPath } from '../parse/nodes';
import { MAX_NESTING_DEPTH } from '../parse/limits';
import { definitions, type JsonSchema } from './registry';
import { validatorFor } from './validate';
import { hash53 } from '../text/hash';
import { isRecord } from '../plainData';
import { crdPatchesOf, patchedCrd } from './crdPatches';
import { chooseDefinition, rivalDefinitions } from './crdChoice';
import { quantityPattern } from './quantityPatterns';
import { wellFormed } from './schemaShape';

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
    preserveUnknownFields?: unknown;
    validation?: { openAPIV3Schema?: unknown };
    version?: unknown;
  };
}

const META = '#/definitions/meta.v1.ObjectMeta';

/**
 * The custom kinds of a workspace: every definition of each `group/version/kind`, and the one an
 * object is checked against (`lookup`).
 */
export class CustomKinds {
  /** Every definition of a `group/version/kind`, in the workspace's order. */
  private readonly byGvk = new Map<string, CustomKindVersion[]>();
  /** The kind and the versions defined for each `group/kind`. */
  private readonly byGroupKind = new Map<string, { kind: string; versions: Set<string> }>();
  private readonly byCrd = new Map<IndexedObject, CustomKindVersion[]>();
  readonly groups = new Set<string>();

  add(entry: CustomKindVersion): void {
    const gvk = `${entry.group}/${entry.version}/${entry.kind}`;
    pushTo(this.byGvk, gvk, entry);
    pushTo(this.byCrd, entry.crd, entry);
    const gk = `${entry.group}/${entry.kind}`;
    const versions = this.byGroupKind.get(gk)?.versions ?? new Set<string>();
    versions.add(entry.version);
    this.byGroupKind.set(gk, { kind: entry.kind, versions });
    this.groups.add(entry.group);
  }

  /**
   * The definition an object at `near` (its uri) is checked against, of every CRD that defines
   * its kind at this apiVersion (`chooseDefinition`).
   */
  lookup(apiVersion: string, kind: string, near?: string): CustomKindVersion | undefined {
    const [group, version] = splitApiVersion(apiVersion);
    const list = this.byGvk.get(`${group}/${version}/${kind}`);
    return list && chooseDefinition(list, near);
  }

  /**
   * The definitions of other CRDs of the kind that the cluster may hold instead of the chosen
   * one, when the choice is a guess (`rivalDefinitions`).
   */
  rivals(apiVersion: string, kind: string, near: string): CustomKindVersion[] {
    const [group, version] = splitApiVersion(apiVersion);
    const list = this.byGvk.get(`${group}/${version}/${kind}`);
    if (!list || list.length < 2) return [];
    return rivalDefinitions(list, near, chooseDefinition(list, near));
  }

  /** Every version a CRD defines, whether or not another CRD's definition is the one chosen. */
  versionsOfCrd(crd: IndexedObject): readonly CustomKindVersion[] {
    return this.byCrd.get(crd) ?? [];
  }

  /** The root definition of a served custom kind at this apiVersion, compiled on first use. */
  definitionFor(kind: string, apiVersion: string, near?: string): string | undefined {
    const entry = this.lookup(apiVersion, kind, near);
    return entry?.served && compile(entry) ? entry.definition : undefined;
  }

  /** The served versions of a kind in a group (`group/version` each). */
  servedVersions(group: string, kind: string, near?: string): string[] {
    const versions = this.byGroupKind.get(`${group}/${kind}`)?.versions ?? [];
    return [...versions]
      .filter((v) => this.lookup(`${group}/${v}`, kind, near)?.served)
      .map((v) => `${group}/${v}`);
  }

  /** The kinds a group defines. */
  kindsOf(group: string): string[] {
    const out: string[] = [];
    for (const [gk, { kind }] of this.byGroupKind) {
      if (gk.startsWith(`${group}/`)) out.push(kind);
    }
    return out;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
/** The definitions each root definition's conversion made (schema/schemaShape.ts checks them). */
const partsOf = new Map<string, string[]>();
/** Compilation results per root definition (ajv compiles each once; a failure is kept). */
const compilations = new Map<string, string | undefined>();

/** The custom kinds of the workspace, rebuilt only when the workspace changed. */
export function customKindsOf(workspace: Workspace): CustomKinds {
  const hit = byWorkspace.get(workspace);
  if (hit?.generation === workspace.generation) return hit.kinds;
  const kinds = new CustomKinds();
  const patches = crdPatchesOf(workspace);
  for (const crd of workspace.objectsOfKind('CustomResourceDefinition')) {
    if (crd.template) continue;
    const data = objectData<CrdData>(crd);
    const own = crd.name === undefined ? undefined : patches.get(crd.name);
    for (const entry of versionsOf(crd, own && data ? patchedCrd(data, own) : data))
      kinds.add(entry);
  }
  byWorkspace.set(workspace, { generation: workspace.generation, kinds });
  return kinds;
}

/** The versions a CRD defines, from its data (as a kustomization patches it, if one does). */
function versionsOf(crd: IndexedObject, data: CrdData | undefined): CustomKindVersion[] {
  const spec = data?.spec;
  const group = typeof spec?.group === 'string' ? spec.group : undefined;
  const kind = typeof spec?.names?.kind === 'string' ? spec.names.kind : undefined;
  if (!group || !kind) return [];
  const out: CustomKindVersion[] = [];
  // apiextensions.k8s.io/v1beta1 defaulted `versions` from `version`, and `preserveUnknownFields`
  // to true: then nothing is pruned, so an unknown field is kept, never refused
  // (apiextensions-apiserver apis/apiextensions/v1beta1/defaults.go).
  const versions = Array.isArray(spec!.versions)
    ? (spec!.versions as CrdVersionSchema[])
    : typeof spec!.version === 'string'
      ? [{ name: spec!.version }]
      : [];
  const prunes =
    crd.apiVersion !== 'apiextensions.k8s.io/v1beta1' || spec!.preserveUnknownFields === false;
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
      Object.assign(entry, converted(`${group}/${v.name}/${kind}`, schema, prunes));
    out.push(entry);
  });
  return out;
}

function converted(
  gvk: string,
  schema: object,
  prunes: boolean,
): { definition?: string; error?: string } {
  const key = `${gvk}\u0000${prunes ? '' : 'keep\u0000'}${JSON.stringify(schema)}`;
  const hit = conversions.get(key);
  if (hit) return hit;
  // Content-addressed: the same CRD schema gives the same definition names.
  const at: Conversion = {
    prefix: `crd-${hash53(key).toString(36)}`,
    counter: 0,
    prunes,
    names: [],
  };
  const kind = gvk.slice(gvk.lastIndexOf('/') + 1);
  let result: { definition?: string; error?: string };
  try {
    result = { definition: convertRoot(schema as Record<string, unknown>, at, kind) };
    partsOf.set(result.definition!, at.names);
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  if (conversions.size >= MAX_CONVERTED) conversions.delete(conversions.keys().next().value!);
  conversions.set(key, result);
  return result;
}

/** One version's conversion: its names' prefix, the definitions made, whether it prunes. */
interface Conversion {
  prefix: string;
  counter: number;
  /** False for a v1beta1 CRD that keeps unknown fields (`preserveUnknownFields` not false). */
  prunes: boolean;
  /** The definitions made, the root's last. */
  names: string[];
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

/**
 * Whether the version's schema compiles, as `compile` tells, without compiling a schema that is
 * well-formed JSON Schema (schema/schemaShape.ts): what a CRD is checked for in itself. ajv
 * compiles the converted definitions only when a custom resource of the kind is checked (or hover
 * and completion need it): the CRDs of kubeflow/manifests, mostly without resources there, took
 * 12 of its 22 s of CPU to compile. The answer is kept per definition (content-addressed).
 */
export function compiles(entry: CustomKindVersion): boolean {
  if (entry.error || !entry.definition) return false;
  const parts = partsOf.get(entry.definition);
  if (compilations.has(entry.definition) || !parts || !wellFormed(entry.definition, parts))
    return compile(entry);
  return true;
}

/** Converts the root schema; returns the name of its definition. */
function convertRoot(schema: Record<string, unknown>, at: Conversion, kind: string): string {
  const root = convert(schema, at, kind, 0);
  const properties = { ...(root.properties ?? {}) };
  properties.apiVersion = { type: 'string', description: properties.apiVersion?.description };
  properties.kind = { type: 'string', description: properties.kind?.description };
  properties.metadata = { $ref: META };
  root.properties = properties;
  root.type = 'object';
  const name = `${at.prefix}-0.${kind}`;
  definitions[name] = root;
  at.names.push(name);
  return name;
}

/**
 * One schema; object schemas with properties become their own definitions (so that hover and
 * completion can name the type), others stay inline.
 */
function convert(
  schema: Record<string, unknown>,
  at: Conversion,
  typeName: string,
  depth: number,
): JsonSchema {
  if (depth > MAX_NESTING_DEPTH) return {};
  const out: JsonSchema & Record<string, unknown> = {};
  if (typeof schema.description === 'string') out.description = schema.description;
  if (schema['x-kubernetes-int-or-string'] === true) out.type = ['integer', 'string'];
  else if (schema.type !== undefined) out.type = schema.type as string;
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (schema.enum !== undefined) out.enum = schema.enum as unknown[];
  // Not a check: what the API server sets before validating (schema/defaults.ts).
  if (schema.default !== undefined) out.default = schema.default;
  for (const limit of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems']) {
    if (schema[limit] !== undefined) out[limit] = schema[limit];
  }
  // The one kind of pattern checked: a quantity's, which we evaluate exactly as RE2 does.
  if (typeof schema.pattern === 'string' && quantityPattern(schema.pattern))
    out.pattern = schema.pattern;
  if (isRecord(schema.items)) out.items = convert(schema.items, at, `${typeName}Item`, depth + 1);
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (isRecord(schema.properties)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(schema.properties)) {
      if (isRecord(value)) properties[key] = convert(value, at, typeName + capital(key), depth + 1);
    }
    out.properties = properties;
    if (schema.required !== undefined) out.required = schema.required as string[];
  } else if (schema.required !== undefined) {
    out.required = schema.required as string[];
  }
  if (isRecord(schema.additionalProperties)) {
    out.additionalProperties = convert(
      schema.additionalProperties,
      at,
      `${typeName}Value`,
      depth + 1,
    );
  } else if (typeof schema.additionalProperties === 'boolean' && !preserve) {
    out.additionalProperties = schema.additionalProperties;
  } else if (
    out.properties &&
    at.prunes &&
    !preserve &&
    schema['x-kubernetes-embedded-resource'] !== true
  ) {
    out.additionalProperties = false;
  }
  if (!out.properties || depth === 0) return out;
  at.counter++;
  const name = `${at.prefix}-${at.counter}.${typeName}`;
  definitions[name] = out;
  at.names.push(name);
  return { $ref: `#/definitions/${name}` };
}

function capital(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9]/g, '');
  return clean ? clean[0]!.toUpperCase() + clean.slice(1) : 'Field';
}
