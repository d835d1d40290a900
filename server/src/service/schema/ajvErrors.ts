/**
 * Which of ajv's errors on an object are told, and a detail of their message: an error that only
 * restates another is dropped, an unknown key holding a substitution is not judged, a bare word
 * given to a string field gets its quoted form.
 */
import type { ErrorObject } from 'ajv';
import { isScalar, type Document } from 'yaml';
import { nodesAtPath, type YamlPath } from '../parse/nodes';
import { hasPlaceholder } from '../text/placeholders';

/**
 * Drops errors that only restate a more precise one at the same place: the same error twice, and
 * of a wrong type and an `enum` error at one place, the one whose advice is wrong. When the enum
 * lists the value as a string (`exclude: true` for a string field whose enum lists `"true"`), the
 * type error stays, whose fix is the quotes; when it does not (`restartPolicy: yes`), quotes would
 * not help, and the enum error with its allowed values stays.
 */
export function collapse(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const unquotable = new Set(
    errors
      .filter((e) => e.keyword === 'enum' && wrongType.has(e.instancePath) && !listsQuoted(e))
      .map((e) => e.instancePath),
  );
  for (const e of errors) {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    if (e.keyword === 'enum' && wrongType.has(e.instancePath) && !unquotable.has(e.instancePath))
      continue;
    if (e.keyword === 'type' && unquotable.has(e.instancePath)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** The enum lists the scalar's value as a string: quoting it makes it valid. */
function listsQuoted(error: ErrorObject): boolean {
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
  const data: unknown = error.data;
  if (data === null || typeof data === 'object') return false;
  return allowed.includes(String(data as string | number | boolean));
}

/**
 * An unknown field whose name holds a substitution (`${COMMENT}namespace:` of an envsubst template,
 * which becomes `namespace:` or a comment): what the key becomes is not known here.
 */
export function placeholderKey(error: ErrorObject): boolean {
  if (error.keyword !== 'additionalProperties') return false;
  return hasPlaceholder(
    String((error.params as { additionalProperty: string }).additionalProperty),
  );
}

/**
 * For a string field given an unquoted `true`, `yes`, `10` or `1.0`: the value as written, in
 * quotes (YAML reads the bare word as a boolean or a number, kubectl sends it so).
 */
export function quotedForm(doc: Document, path: YamlPath, error: ErrorObject): string | undefined {
  if (String((error.params as { type: string | string[] }).type) !== 'string') return undefined;
  if (!['boolean', 'number'].includes(typeof error.data)) return undefined;
  const node = nodesAtPath(doc, path)?.value;
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.source !== 'string') return undefined;
  return JSON.stringify(node.source);
}
