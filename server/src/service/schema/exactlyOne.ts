/**
 * `x-exactly-one-of`: an object where exactly one of some fields must be set. The CSI snapshot
 * CRDs state it as a CEL rule (a snapshot's `source` is a claim or an existing content, never
 * both, never neither); scripts/snapshot-crds.ts turns the rule into this keyword of our schema,
 * and this module checks it with our own message, as the API server's CEL check would refuse it.
 */
import type { Document } from 'yaml';
import { MAX_NESTING_DEPTH } from '../parse/limits';
import { nodeSpan, nodesAtPath, type Span, type YamlPath } from '../parse/nodes';
import type { LocalizedText } from '../types';
import { definitions, refName, resolve, type JsonSchema, type ResolvedSchema } from './registry';

export interface ExactlyOneProblem {
  path: YamlPath;
  fields: readonly string[];
  /** The fields that are set (none or several). */
  set: string[];
}

const KEYWORD = 'x-exactly-one-of';

function fieldsOf(schema: JsonSchema): readonly string[] | undefined {
  const value = (schema as Record<string, unknown>)[KEYWORD];
  return Array.isArray(value) ? (value as string[]) : undefined;
}

const reaches = new Map<string, boolean>();

/** True when the definition, or one it refers to, carries the keyword (cached per definition). */
function reachesKeyword(definition: string, visiting = new Set<string>()): boolean {
  const known = reaches.get(definition);
  if (known !== undefined) return known;
  if (visiting.has(definition)) return false;
  // The walk that starts here sees every definition reachable from it, so its answer is final;
  // a nested "no" may only mean "already being visited" (a cycle) and is not kept. (The check
  // used to read the set's size after the walk had grown it, so a "no" was never kept and every
  // object of a kind without the keyword walked its whole schema again.)
  const top = visiting.size === 0;
  visiting.add(definition);
  const schema = definitions[definition];
  const found = !!schema && schemaReaches(schema, visiting);
  if (top || found) reaches.set(definition, found);
  return found;
}

function schemaReaches(schema: JsonSchema, visiting: Set<string>): boolean {
  if (fieldsOf(schema)) return true;
  const ref = refName(schema);
  if (ref) return reachesKeyword(ref, visiting);
  const children = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties] : []),
  ];
  return children.some((child) => schemaReaches(child, visiting));
}

/** The objects of `data` (decoded) that set none or several of their exactly-one fields. */
export function exactlyOneProblems(data: unknown, definition: string): ExactlyOneProblem[] {
  if (!reachesKeyword(definition)) return [];
  const out: ExactlyOneProblem[] = [];
  walk(data, resolve({ $ref: `#/definitions/${definition}` }), [], out);
  return out;
}

function walk(
  value: unknown,
  schema: ResolvedSchema | undefined,
  path: YamlPath,
  out: ExactlyOneProblem[],
): void {
  if (!schema || !value || typeof value !== 'object' || path.length > MAX_NESTING_DEPTH) return;
  if (Array.isArray(value)) {
    const items = resolve(schema.schema.items);
    value.forEach((item, i) => walk(item, items, [...path, i], out));
    return;
  }
  const record = value as Record<string, unknown>;
  const fields = fieldsOf(schema.schema);
  if (fields) {
    const set = fields.filter((f) => record[f] !== undefined && record[f] !== null);
    if (set.length !== 1) out.push({ path, fields, set });
  }
  const properties = schema.schema.properties ?? {};
  for (const [key, item] of Object.entries(record)) {
    if (Object.hasOwn(properties, key)) walk(item, resolve(properties[key]), [...path, key], out);
  }
}

const messages = {
  none: {
    en: 'Set exactly one of {fields} in `{field}`; none is set, and the API server rejects the object.',
    ru: 'В `{field}` нужно задать ровно одно из полей {fields}; не задано ни одного, и API-сервер не примет объект.',
  },
  several: {
    en: 'Set exactly one of {fields} in `{field}`, not {count}; the API server rejects the object.',
    ru: 'В `{field}` нужно задать ровно одно из полей {fields}, а не {count}; API-сервер не примет объект.',
  },
} satisfies Record<string, LocalizedText>;

/** The message of a problem, with the fields named in code spans. */
export function exactlyOneMessage(problem: ExactlyOneProblem): LocalizedText {
  const fields = problem.fields.map((f) => `\`${f}\``);
  const field = problem.path.map(String).join('.') || '/';
  const template = problem.set.length ? messages.several : messages.none;
  const fill = (text: string, or: string): string =>
    text
      .replace('{fields}', fields.join(or))
      .replace('{field}', field)
      .replace('{count}', String(problem.set.length));
  return { en: fill(template.en, ' or '), ru: fill(template.ru, ' или ') };
}

/** Where to mark it: the second field set, else the key of the object. */
export function exactlyOneSpan(doc: Document, problem: ExactlyOneProblem, rootSpan: Span): Span {
  const extra = problem.set[1];
  if (extra) {
    const span = nodeSpan(nodesAtPath(doc, [...problem.path, extra])?.key);
    if (span) return span;
  }
  return nodeSpan(nodesAtPath(doc, problem.path)?.key) ?? rootSpan;
}
