/**
 * The object as the API server reads it, before validation: what decoding and defaulting do to
 * the values a manifest may carry, so that only what the API server rejects is reported.
 *
 * YAML nulls. `kubectl` and Helm send YAML as JSON, and the API server decodes JSON into Go types
 * with encoding/json (sigs.k8s.io/json): a `null` leaves the Go value as it was, so
 * - a field set to null (`affinity:`, `nodePort: null`, `annotations: ~`) is absent;
 * - a null item of a list, or a null value in a map, is the zero value of its type (`""`, `0`,
 *   `false`, an empty object), which validation then checks like any other value.
 *
 * Empty strings. Where the schema marks an enum field `x-empty-means-unset` (a `SetDefaults_*`
 * function sets the field when it is `""`, see scripts/schema-enums.ts), `""` is dropped as
 * defaulting would replace it; the required and enum checks decide about what is left.
 */
import { MAX_NESTING_DEPTH } from '../parse/limits';
import type { YamlPath } from '../parse/nodes';
import { resolve, type JsonSchema, type ResolvedSchema } from './registry';

/** A field written with a null value, which the API server reads as absent. */
export interface AbsentField {
  /** Path of the field, from the object root. */
  path: YamlPath;
  field: string;
  /** The definition that declares the field, e.g. `core.v1.Volume`. */
  owner?: string;
}

export interface DecodedObject {
  data: unknown;
  absent: AbsentField[];
}

/** The object as the API server reads it (see above), and the fields that were null. */
export function decodeObject(data: unknown, definition: string): DecodedObject {
  // Decoding changes only nulls and empty strings: most objects have neither.
  if (!holdsNullOrEmpty(data, 0, { left: SCAN_BUDGET })) return { data, absent: [] };
  const absent: AbsentField[] = [];
  const root = resolve({ $ref: `#/definitions/${definition}` });
  return { data: decode(data, root, [], absent), absent };
}

/** Objects and lists `holdsNullOrEmpty` looks at before it gives up and says maybe. */
const SCAN_BUDGET = 100_000;

/**
 * Whether a null or an empty string is anywhere in `value`: true also when the walk goes deeper
 * than the nesting limit or runs out of budget, which aliases can make it do (`data: &a {x: *a}`
 * is cyclic, `[*a, *a]` doubles at each level).
 */
function holdsNullOrEmpty(value: unknown, depth: number, budget: { left: number }): boolean {
  if (value === null || value === '') return true;
  if (typeof value !== 'object') return false;
  if (depth > MAX_NESTING_DEPTH || --budget.left < 0) return true;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (holdsNullOrEmpty(item, depth + 1, budget)) return true;
  }
  return false;
}

/**
 * Returns `value` itself when nothing changes, so most objects are not copied. Only what the
 * schema describes is visited: aliases can make the data cyclic (`data: &a {x: *a}`), and a cycle
 * under a recursive schema (JSONSchemaProps) stops at the nesting limit of parse/limits.ts.
 * `path` is where `value` is, one array for the whole walk (each step pushes its key and pops it
 * after): it is copied only for a null field, the rare case that keeps it.
 */
function decode(
  value: unknown,
  schema: ResolvedSchema | undefined,
  path: YamlPath,
  absent: AbsentField[],
): unknown {
  if (!schema || path.length > MAX_NESTING_DEPTH) return value;
  if (Array.isArray(value)) return decodeList(value, schema, path, absent);
  if (value && typeof value === 'object') {
    return decodeMapping(value as Record<string, unknown>, schema, path, absent);
  }
  return value;
}

function decodeList(
  list: unknown[],
  schema: ResolvedSchema | undefined,
  path: YamlPath,
  absent: AbsentField[],
): unknown[] {
  const items = resolve(schema?.schema.items);
  let out: unknown[] | undefined;
  list.forEach((item, index) => {
    path.push(index);
    const decoded = item === null ? zeroValue(items) : decode(item, items, path, absent);
    path.pop();
    if (decoded !== item) (out ??= [...list])[index] = decoded;
  });
  return out ?? list;
}

function decodeMapping(
  mapping: Record<string, unknown>,
  schema: ResolvedSchema | undefined,
  path: YamlPath,
  absent: AbsentField[],
): Record<string, unknown> {
  const properties = schema?.schema.properties;
  const additional = schema?.schema.additionalProperties;
  const values = typeof additional === 'object' ? resolve(additional) : undefined;
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(mapping)) {
    const field = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (item === null) {
      if (field) {
        absent.push({ path: [...path, key], field: key, owner: schema?.definition });
        out ??= { ...mapping };
        delete out[key];
      } else if (values) {
        const zero = zeroValue(values);
        if (zero !== null) (out ??= { ...mapping })[key] = zero;
      }
      // An unknown field stays null: strict validation reports the field itself.
      continue;
    }
    if (item === '' && field?.['x-empty-means-unset']) {
      out ??= { ...mapping };
      delete out[key]; // defaulting replaces it
      continue;
    }
    const next = field ? resolve(field) : values;
    path.push(key);
    const decoded = decode(item, next, path, absent);
    path.pop();
    if (decoded !== item) (out ??= { ...mapping })[key] = decoded;
  }
  return out ?? mapping;
}

/**
 * The Go zero value of a schema's type, as JSON: what a null list item or map value becomes.
 * `null` for free-form values (no type), which the schema does not check anyway.
 */
function zeroValue(schema: ResolvedSchema | undefined): unknown {
  const s: JsonSchema | undefined = schema?.schema;
  if (!s) return null;
  // resource.Quantity reads null as the zero quantity.
  if (s.format === 'quantity') return '0';
  if (s.properties) return {};
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return {};
    case 'array':
      return [];
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}
