/** The chart's values.schema.json: compiled with ajv (cached per schema), errors in both languages. */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeRu from 'ajv-i18n/localize/ru';
import type { LocalizedText } from '../types';
import { isPlainObject } from './valuesTree';

export interface ValuesSchemaError {
  /** Path of the value the error is about (for `required` and `additionalProperties`: the key). */
  path: string[];
  keyword: string;
  message: LocalizedText;
}

const compiled = new Map<string, ValidateFunction | Error>();
const MAX_CACHED = 32;

function compile(schema: Record<string, unknown>): ValidateFunction | Error {
  const key = JSON.stringify(schema);
  let entry = compiled.get(key);
  if (!entry) {
    try {
      // Formats ajv does not know (`int32`, `int64`… of schemas generated from Go types) are
      // ignored, as Helm's validator ignores formats it does not know; ajv would also print a
      // warning for each of them on the console.
      const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, logger: false });
      const copy = { ...schema };
      delete copy.$schema;
      entry = ajv.compile(copy);
    } catch (e) {
      entry = e instanceof Error ? e : new Error(String(e));
    }
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, entry);
  }
  return entry;
}

/** An error message when the schema cannot be compiled; undefined when it can. */
export function schemaCompileError(schema: Record<string, unknown>): string | undefined {
  const v = compile(schema);
  return v instanceof Error ? v.message : undefined;
}

export function validateValues(
  schema: Record<string, unknown>,
  values: unknown,
): ValuesSchemaError[] {
  const validate = compile(schema);
  if (validate instanceof Error || validate(values)) return [];
  const errors = validate.errors ?? [];
  const en = errors.map((e) => ({ ...e }));
  const ru = errors.map((e) => ({ ...e }));
  localizeEn(en);
  localizeRu(ru);
  return errors.map((error, i) => ({
    path: errorPath(error),
    keyword: error.keyword,
    message: { en: en[i]!.message ?? error.keyword, ru: ru[i]!.message ?? error.keyword },
  }));
}

function errorPath(error: ErrorObject): string[] {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    path.push(params.additionalProperty);
  }
  return path;
}

/** The schema that applies at a path (following `properties` and `$ref`-free nesting only). */
export function schemaAt(
  schema: Record<string, unknown>,
  path: readonly string[],
): Record<string, unknown> | undefined {
  let current: Record<string, unknown> | undefined = schema;
  for (const key of path) {
    const props: unknown = current?.properties;
    if (!isPlainObject(props) || !isPlainObject(props[key])) return undefined;
    current = props[key] as Record<string, unknown>;
  }
  return current;
}

/** Helm's merge: maps merge deeply, null deletes a default, anything else replaces it. */
export function mergeValues(defaults: unknown, override: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(override))
    return override === undefined ? defaults : override;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else out[key] = mergeValues(defaults[key], value);
  }
  return out;
}
