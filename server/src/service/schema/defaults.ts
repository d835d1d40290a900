/**
 * Structural defaulting of custom resources, as the API server does it before validation: the
 * defaulter is part of the custom resource codec (apiextensions-apiserver
 * customresource_handler.go, `unstructuredDefaulter` → `structuraldefaulting.Default`), so a
 * property the schema gives a `default` is present whenever the object that holds it is
 * (`layout: {}` gets `stripes`; a missing `layout` stays missing, unless it has a default too).
 * Like upstream, defaults apply to the properties of objects, to the items of arrays and to the
 * values of maps (`additionalProperties`), and a default is itself defaulted in turn. Only
 * definitions made from CRDs carry `default` (schema/customResources.ts); built-in kinds are
 * defaulted by Go code we do not model here.
 */
import { MAX_NESTING_DEPTH } from '../parse/limits';
import { isRecord } from '../plainData';
import { definitions, refName, resolve, type JsonSchema, type ResolvedSchema } from './registry';

/** Objects and lists visited before defaulting gives up (aliases can make data huge). */
const VISIT_BUDGET = 100_000;

/** Whether each definition (or anything it refers to) has a default; at most MAX_KEPT kept. */
const withDefaults = new Map<string, boolean>();
const MAX_KEPT = 2000;

/**
 * `data` with the defaults of `definition` set where absent; `data` itself when nothing changes
 * (it is never modified: changed objects and lists are copied).
 */
export function applyDefaults(data: unknown, definition: string): unknown {
  if (!hasDefaults(definition)) return data;
  const root = resolve({ $ref: `#/definitions/${definition}` });
  return fill(data, root, 0, { left: VISIT_BUDGET });
}

function fill(
  value: unknown,
  schema: ResolvedSchema | undefined,
  depth: number,
  budget: { left: number },
): unknown {
  if (!schema || depth > MAX_NESTING_DEPTH || typeof value !== 'object' || value === null)
    return value;
  if (--budget.left < 0) return value;
  if (Array.isArray(value)) {
    const items = resolve(schema.schema.items);
    if (!items) return value;
    let out: unknown[] | undefined;
    value.forEach((item, index) => {
      const next = fill(item, items, depth + 1, budget);
      if (next !== item) (out ??= [...value])[index] = next;
    });
    return out ?? value;
  }
  const mapping = value as Record<string, unknown>;
  const properties = schema.schema.properties;
  const additional = schema.schema.additionalProperties;
  const values = typeof additional === 'object' ? resolve(additional) : undefined;
  let out: Record<string, unknown> | undefined;
  for (const [key, property] of Object.entries(properties ?? {})) {
    const field = resolve(property)?.schema;
    if (field?.default === undefined) continue;
    // Upstream sets it when absent, or null where the schema does not allow null.
    if (Object.hasOwn(mapping, key) && (mapping[key] !== null || nullable(field))) continue;
    (out ??= { ...mapping })[key] = field.default;
  }
  const filled = out ?? mapping;
  for (const [key, item] of Object.entries(filled)) {
    const field = properties && Object.hasOwn(properties, key) ? resolve(properties[key]) : values;
    const next = fill(item, field, depth + 1, budget);
    if (next !== item) (out ??= { ...mapping })[key] = next;
  }
  return out ?? mapping;
}

function nullable(schema: JsonSchema): boolean {
  return Array.isArray(schema.type) && schema.type.includes('null');
}

/** Whether any schema reachable from `definition` has a default (cached per definition). */
function hasDefaults(definition: string): boolean {
  const known = withDefaults.get(definition);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  const found = scan(definitions[definition], seen, 0);
  if (withDefaults.size >= MAX_KEPT) withDefaults.clear();
  withDefaults.set(definition, found);
  return found;
}

function scan(schema: JsonSchema | undefined, seen: Set<string>, depth: number): boolean {
  if (!schema || depth > MAX_NESTING_DEPTH) return false;
  const ref = refName(schema);
  if (ref) {
    if (seen.has(ref)) return false;
    seen.add(ref);
    return scan(definitions[ref], seen, depth + 1);
  }
  if (schema.default !== undefined) return true;
  if (schema.items && scan(schema.items, seen, depth + 1)) return true;
  if (isRecord(schema.additionalProperties) && scan(schema.additionalProperties, seen, depth + 1))
    return true;
  return Object.values(schema.properties ?? {}).some((p) => scan(p, seen, depth + 1));
}
