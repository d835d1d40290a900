/**
 * Generates schemas/k8s/ from the Kubernetes OpenAPI v2 document and the CSI snapshot CRDs.
 *
 *   npm run schemas -- ../shared/kubernetes-api/swagger-v1.36.json \
 *     --crd <external-snapshotter>/client/config/crd/snapshot.storage.k8s.io_volumesnapshots.yaml \
 *     --crd …_volumesnapshotclasses.yaml --crd …_volumesnapshotcontents.yaml
 *
 * The CRDs' served versions become definitions of the same set (`snapshot.v1.VolumeSnapshot`…),
 * named and checked as scripts/snapshot-crds.ts says (structure only, CEL rules as our keywords).
 *
 * Only structure is kept (types, properties, required, items, maps, formats, curated enums, and
 * `x-empty-means-unset` where the API server takes `""` as not set); the upstream description
 * prose is dropped. `required` leaves out the fields that the API server accepts missing
 * (`notRequiredInPractice` in server/src/service/schema/requiredInPractice.ts). Output:
 *   schemas/k8s/definitions.json  every definition reachable from a served kind, short names
 *   schemas/k8s/kinds.json        kind -> apiVersion -> definition name
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { notRequiredInPractice } from '../server/src/service/schema/requiredInPractice';
import { curatedEnums, emptyMeansUnset } from './schema-enums';
import {
  SNAPSHOT_PREFIX,
  expressedCelRules,
  snapshotCelChecks,
  snapshotSchemaNames,
} from './snapshot-crds';

interface SwaggerSchema {
  type?: string;
  format?: string;
  $ref?: string;
  items?: SwaggerSchema;
  properties?: Record<string, SwaggerSchema>;
  additionalProperties?: SwaggerSchema | boolean;
  required?: string[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

type OutSchema = Record<string, unknown>;

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

function main(): void {
  const args = process.argv.slice(2);
  const input = args[0];
  const crdFiles = args.flatMap((a, i) => (args[i - 1] === '--crd' ? [a] : []));
  if (!input || input.startsWith('--')) {
    console.error('usage: npm run schemas -- <path to swagger.json> [--crd <crd.yaml>]...');
    process.exit(2);
  }
  const swagger = JSON.parse(readFileSync(input, 'utf8')) as {
    definitions: Record<string, SwaggerSchema>;
    info?: { version?: string };
  };
  const defs = swagger.definitions;
  const shortNames = makeShortNames(Object.keys(defs));

  const kinds: Record<string, Record<string, string>> = {};
  const roots: string[] = [];
  for (const [name, def] of Object.entries(defs)) {
    const gvks = def['x-kubernetes-group-version-kind'];
    if (!gvks || def.properties?.metadata?.$ref !== `#/definitions/${OBJECT_META}`) continue;
    for (const gvk of gvks) {
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      (kinds[gvk.kind] ??= {})[apiVersion] = shortNames.get(name)!;
    }
    roots.push(name);
  }

  const reachable = new Set<string>();
  const visit = (name: string): void => {
    if (reachable.has(name)) return;
    const def = defs[name];
    if (!def) throw new Error(`missing definition ${name}`);
    reachable.add(name);
    forEachRef(def, visit);
  };
  roots.forEach(visit);

  const out: Record<string, OutSchema> = {};
  for (const name of [...reachable].sort()) {
    out[shortNames.get(name)!] = convertDefinition(name, defs[name]!, shortNames);
  }
  applyCuratedEnums(out);
  markEmptyMeansUnset(out);
  dropRequiredOnlyInOpenApi(out);
  for (const file of crdFiles) addCrdKinds(readFileSync(file, 'utf8'), out, kinds);

  const sortedKinds = Object.fromEntries(
    Object.keys(kinds)
      .sort()
      .map((k) => [k, sortObject(kinds[k]!)]),
  );
  const dir = join(__dirname, '..', 'schemas', 'k8s');
  mkdirSync(dir, { recursive: true });
  const fromName = /v(\d+\.\d+)/.exec(input)?.[1];
  const version = fromName ?? swagger.info?.version ?? 'unknown';
  writeFileSync(
    join(dir, 'definitions.json'),
    JSON.stringify({ kubernetesVersion: version, definitions: out }, null, 1) + '\n',
  );
  writeFileSync(
    join(dir, 'kinds.json'),
    JSON.stringify({ kubernetesVersion: version, kinds: sortedKinds }, null, 1) + '\n',
  );
  console.log(
    `schemas: ${Object.keys(out).length} definitions, ${Object.keys(kinds).length} kinds (${version})`,
  );
}

/** `io.k8s.api.core.v1.Pod` -> `core.v1.Pod`; full name kept where the short one would collide. */
function makeShortNames(names: string[]): Map<string, string> {
  const short = (n: string): string => n.split('.').slice(-3).join('.');
  const counts = new Map<string, number>();
  for (const n of names) counts.set(short(n), (counts.get(short(n)) ?? 0) + 1);
  return new Map(names.map((n) => [n, counts.get(short(n)) === 1 ? short(n) : n]));
}

function forEachRef(schema: SwaggerSchema, fn: (name: string) => void): void {
  if (schema.$ref) fn(schema.$ref.replace('#/definitions/', ''));
  if (schema.items) forEachRef(schema.items, fn);
  if (schema.properties) Object.values(schema.properties).forEach((p) => forEachRef(p, fn));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    forEachRef(schema.additionalProperties, fn);
  }
}

function convertDefinition(
  name: string,
  def: SwaggerSchema,
  shortNames: Map<string, string>,
): OutSchema {
  if (name === QUANTITY) return { type: ['string', 'number'], format: 'quantity' };
  if (name === INT_OR_STRING) return { type: ['integer', 'string'] };
  return convert(def, shortNames);
}

function convert(schema: SwaggerSchema, shortNames: Map<string, string>): OutSchema {
  if (schema.$ref) {
    return { $ref: `#/definitions/${shortNames.get(schema.$ref.replace('#/definitions/', ''))}` };
  }
  const out: OutSchema = {};
  if (schema.type) out.type = schema.type === 'number' ? 'number' : schema.type;
  if (schema.format === 'byte') out.format = 'byte';
  if (schema.type === 'integer') out.type = 'integer';
  if (schema.items) out.items = convert(schema.items, shortNames);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.keys(schema.properties)
        .sort()
        .map((k) => [k, convert(schema.properties![k]!, shortNames)]),
    );
    if (schema.required?.length) out.required = [...schema.required];
    // Strict like kubeconform: a typed object accepts only its own fields.
    if (!schema['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  } else if (schema.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof schema.additionalProperties === 'boolean'
        ? schema.additionalProperties
        : convert(schema.additionalProperties, shortNames);
  }
  return out;
}

/** An `openAPIV3Schema` of a CRD (the parts the generator reads). */
interface CrdSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  items?: CrdSchema;
  properties?: Record<string, CrdSchema>;
  additionalProperties?: CrdSchema | boolean;
  required?: string[];
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-validations'?: { rule: string }[];
}

interface CrdDocument {
  kind?: string;
  spec?: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema?: { openAPIV3Schema?: CrdSchema } }[];
  };
}

/** The served versions of the snapshot CRDs in `text`, as named definitions (snapshot-crds.ts). */
function addCrdKinds(
  text: string,
  out: Record<string, OutSchema>,
  kinds: Record<string, Record<string, string>>,
): void {
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as CrdDocument | null;
    if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
    const kind = crd.spec.names.kind;
    const names = snapshotSchemaNames[kind];
    if (!names) throw new Error(`CRD kind ${kind}: not in scripts/snapshot-crds.ts`);
    for (const version of crd.spec.versions) {
      const schema = version.schema?.openAPIV3Schema;
      if (!version.served || !schema) continue;
      if (version.name !== 'v1') throw new Error(`${kind} ${version.name}: only v1 is named`);
      const root = convertCrd(kind, '', schema, out);
      (kinds[kind] ??= {})[`${crd.spec.group}/${version.name}`] = refTarget(root);
    }
  }
}

function refTarget(schema: OutSchema): string {
  return String(schema.$ref).replace('#/definitions/', '');
}

/** One schema of a CRD at `path` (dotted), named objects stored in `out` and referenced. */
function convertCrd(
  kind: string,
  path: string,
  schema: CrdSchema,
  out: Record<string, OutSchema>,
): OutSchema {
  const where = `${kind}${path ? '.' + path : ''}`;
  const named = snapshotSchemaNames[kind]![path];
  const checks = snapshotCelChecks[kind]?.[path] ?? {};
  for (const { rule } of schema['x-kubernetes-validations'] ?? []) {
    const normal = rule.replace(/\s+/g, ' ').trim();
    if (!normal.includes('oldSelf') && !expressedCelRules.has(normal))
      throw new Error(`${where}: CEL rule not expressed in snapshot-crds.ts: ${normal}`);
  }
  if (named?.startsWith('ref:')) {
    return { $ref: `#/definitions/${named.slice(4)}`, ...checks };
  }
  const result: OutSchema = {};
  if (schema.type) result.type = schema.type;
  if (schema.enum) result.enum = [...schema.enum];
  if (schema.minimum !== undefined) result.minimum = schema.minimum;
  if (schema.items) result.items = convertCrd(kind, `${path}[]`, schema.items, out);
  if (schema.properties) {
    if (named === undefined)
      throw new Error(`${where}: an object without a name in snapshot-crds.ts`);
    result.properties = Object.fromEntries(
      Object.keys(schema.properties)
        .sort()
        .map((k) => [k, convertCrd(kind, path ? `${path}.${k}` : k, schema.properties![k]!, out)]),
    );
    if (schema.required?.length) result.required = [...schema.required];
    if (!schema['x-kubernetes-preserve-unknown-fields']) result.additionalProperties = false;
  } else if (typeof schema.additionalProperties === 'object') {
    result.additionalProperties = convertCrd(kind, `${path}{}`, schema.additionalProperties, out);
  } else if (schema.additionalProperties !== undefined) {
    result.additionalProperties = schema.additionalProperties;
  }
  Object.assign(result, checks);
  if (named === undefined) return result;
  const name = SNAPSHOT_PREFIX + named;
  const before = out[name];
  if (before && JSON.stringify(before) !== JSON.stringify(result))
    throw new Error(`${where}: ${name} is named twice with different structures`);
  out[name] = result;
  return { $ref: `#/definitions/${name}` };
}

function applyCuratedEnums(out: Record<string, OutSchema>): void {
  for (const [defName, fields] of Object.entries(curatedEnums)) {
    const def = out[defName] as { properties?: Record<string, OutSchema> } | undefined;
    if (!def?.properties) throw new Error(`curated enum: no definition ${defName}`);
    for (const [field, values] of Object.entries(fields)) {
      const prop = def.properties[field];
      if (!prop) throw new Error(`curated enum: no field ${defName}.${field}`);
      const target = prop.type === 'array' ? (prop.items as OutSchema) : prop;
      target.enum = [...values];
    }
  }
}

/** `x-empty-means-unset` on fields where the API server takes `""` as not set (schema-enums.ts). */
function markEmptyMeansUnset(out: Record<string, OutSchema>): void {
  for (const [defName, fields] of Object.entries(emptyMeansUnset)) {
    const def = out[defName] as { properties?: Record<string, OutSchema> } | undefined;
    for (const field of Object.keys(fields)) {
      const prop = def?.properties?.[field];
      if (!prop || prop.type !== 'string')
        throw new Error(`empty means unset: ${defName}.${field}`);
      prop['x-empty-means-unset'] = true;
    }
  }
}

/**
 * Takes out of `required` the fields that OpenAPI lists only because their Go field has no
 * `omitempty`, while the API server accepts the object without them (requiredInPractice.ts).
 */
function dropRequiredOnlyInOpenApi(out: Record<string, OutSchema>): void {
  for (const [defName, fields] of Object.entries(notRequiredInPractice)) {
    const def = out[defName] as { required?: string[] } | undefined;
    for (const field of Object.keys(fields)) {
      if (!def?.required?.includes(field))
        throw new Error(`not required in practice: ${defName}.${field} is not required upstream`);
      def.required = def.required.filter((f) => f !== field);
    }
    if (def && !def.required?.length) delete def.required;
  }
}

function sortObject<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]!]),
  );
}

main();
