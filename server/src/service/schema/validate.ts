/** Schema diagnostics for one Kubernetes object: ajv over the generated schemas, mapped to YAML ranges. */
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeRu from 'ajv-i18n/localize/ru';
import type { Document } from 'yaml';
import { coreMessages, typeNames } from '../i18n/coreMessages';
import { joinTexts, localize } from '../i18n/format';
import { nodeSpan, nodesAtPath, type Span, type YamlPath } from '../parse/nodes';
import { looksLikeFillIn } from '../kubernetes/names';
import { isValidQuantity } from '../quantity';
import { closestMatch } from '../text/similarity';
import type { LocalizedText } from '../types';
import { decodeObject } from './decode';
import { applyDefaults } from './defaults';
import { exactlyOneMessage, exactlyOneProblems, exactlyOneSpan } from './exactlyOne';
import { definitions, displayName, isCustomDefinition, schemaPath } from './registry';
import { quantityPattern, quantityPatternMessage } from './quantityPatterns';
import ajvOptions from './ajvOptions.json';
import { insideSlot, templateSlots } from './templateSlots';
import { nullVolumeSources } from './volumeSources';
import { collapse, placeholderKey, quotedForm } from './ajvErrors';
import type { SchemaProblem } from './problem';

export type { SchemaProblem } from './problem';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/**
 * `$NAME` alone: a variable envsubst replaces before `kubectl apply` (MinIO's operator examples).
 * `$` is not in base64's alphabet, so such a value can only be that (text/placeholders.ts leaves
 * `$NAME` out elsewhere, where it may be the container's own shell variable).
 */
const SHELL_VARIABLE = /^\$[A-Za-z_]\w*$/;

/** Base64, or a variable that becomes it (whitespace, as in PEM blocks, is allowed). */
function isBase64(text: string): boolean {
  const compact = text.replace(/\s/g, '');
  return BASE64.test(compact) || SHELL_VARIABLE.test(compact);
}

/** The custom formats of our schemas (also handed to the validators precompiled at build time). */
export const schemaFormats = {
  quantity: { type: 'string' as const, validate: isValidQuantity },
  byte: { type: 'string' as const, validate: isBase64 },
};

/** An ajv instance with our options (`ajvOptions.json`, shared with the build), formats and definitions. */
export function createAjv(extra: Options = {}): Ajv {
  const instance = new Ajv({ ...ajvOptions, ...extra });
  for (const [name, format] of Object.entries(schemaFormats)) instance.addFormat(name, format);
  instance.addSchema({ $id: 'k8s', definitions }, 'k8s');
  return instance;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** Validators of kind definitions compiled at build time (ajv standalone code), by definition. */
export type PrecompiledValidators = Record<string, ValidateFunction | undefined>;
let precompiledLoader: (() => PrecompiledValidators | undefined) | undefined;
let precompiled: PrecompiledValidators | undefined;

/**
 * Lets the host (the server or the CLI, which may read files) supply validators compiled at build
 * time; loaded on first use. Definitions it lacks are compiled at run time as before.
 */
export function usePrecompiledValidators(load: () => PrecompiledValidators | undefined): void {
  precompiledLoader = load;
  precompiled = undefined;
}

function precompiledValidator(definition: string): ValidateFunction | undefined {
  if (precompiledLoader) {
    try {
      precompiled = precompiledLoader() ?? {};
    } catch {
      precompiled = {};
    }
    precompiledLoader = undefined;
  }
  return precompiled?.[definition];
}

/** Compiled once per definition (or taken from the build) and kept for the life of the process. */
export function validatorFor(definition: string): ValidateFunction {
  let validate = validators.get(definition);
  if (!validate) {
    validate = precompiledValidator(definition);
    if (!validate) {
      ajv ??= createAjv();
      validate = ajv.compile({ $ref: `k8s#/definitions/${definition}` });
    }
    validators.set(definition, validate);
  }
  return validate;
}

/**
 * Problems of one object against the schema of `definition`. The object is checked as the API
 * server decodes it (nulls absent, schema/decode.ts; a custom resource with its schema's
 * defaults set, schema/defaults.ts); values that are only a `{{…}}` placeholder
 * of another template language are not checked (schema/templateSlots.ts). `text` is the text
 * the document was parsed from (for the spans of volume sources left empty).
 */
export function validateObject(
  doc: Document,
  data: unknown,
  definition: string,
  rootSpan: Span,
  text = '',
): SchemaProblem[] {
  const decoded = decodeObject(data, definition);
  const problems = nullVolumeSources(doc, text, decoded.data, decoded.absent);
  // A custom resource is defaulted by its CRD's schema before it is validated.
  const value = isCustomDefinition(definition)
    ? applyDefaults(decoded.data, definition)
    : decoded.data;
  for (const problem of exactlyOneProblems(value, definition)) {
    problems.push({
      code: 'exactly-one-of',
      span: exactlyOneSpan(doc, problem, rootSpan),
      message: exactlyOneMessage(problem),
      data: { fields: [...problem.fields], set: problem.set },
    });
  }
  const validate = validatorFor(definition);
  if (validate(value)) return problems;
  const slots = templateSlots(doc);
  const errors = collapse(validate.errors ?? []).filter(
    (error) =>
      (!slots.length || !insideSlot(parsePointer(error.instancePath), slots)) &&
      !placeholderKey(error),
  );
  return [...problems, ...errors.map((error) => toProblem(doc, error, definition, rootSpan))];
}

function parsePointer(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function fieldLabel(path: YamlPath): string {
  let label = '';
  for (const seg of path) {
    label += /^\d+$/.test(String(seg)) ? `[${seg}]` : label ? `.${seg}` : String(seg);
  }
  return label || '/';
}

/**
 * Where a field is missing or unknown: a built-in kind's type (`PersistentVolumeClaimSpec`); in a
 * custom resource, whose types are only named after their path, the path itself (`spec.volume`),
 * and at its root the kind.
 */
function ownerType(definition: string, path: YamlPath): LocalizedText {
  if (isCustomDefinition(definition) && path.length)
    return { en: `\`${fieldLabel(path)}\``, ru: `\`${fieldLabel(path)}\`` };
  const steps = schemaPath(definition, path);
  const last = steps.length === path.length + 1 ? steps[steps.length - 1] : undefined;
  const name = last?.definition ? displayName(last.definition) : undefined;
  if (name) return { en: `\`${name}\``, ru: `\`${name}\`` };
  return path.length
    ? { en: `\`${fieldLabel(path)}\``, ru: `\`${fieldLabel(path)}\`` }
    : coreMessages.documentRoot;
}

/**
 * Where to mark a problem at `path`: its value (or key, with `preferKey`); when the path does not
 * exist in the text, the key of the nearest ancestor that does; else the whole object.
 */
function spanAt(doc: Document, path: YamlPath, rootSpan: Span, preferKey = false): Span {
  for (let depth = path.length; depth >= 0; depth--) {
    const nodes = nodesAtPath(doc, path.slice(0, depth));
    const keyFirst = preferKey || depth < path.length;
    const span = keyFirst
      ? (nodeSpan(nodes?.key) ?? nodeSpan(nodes?.value))
      : (nodeSpan(nodes?.value) ?? nodeSpan(nodes?.key));
    if (span) return span;
  }
  return rootSpan;
}

function toProblem(
  doc: Document,
  error: ErrorObject,
  definition: string,
  rootSpan: Span,
): SchemaProblem {
  const path = parsePointer(error.instancePath);
  const at: ErrorAt = { doc, error, definition, rootSpan, path, field: fieldLabel(path) };
  const problem = keywordProblems.get(error.keyword)?.(at);
  return problem ?? withAjvDetail(error, at.field, spanAt(doc, path, rootSpan));
}

/** One ajv error with what every keyword's problem is made from. */
interface ErrorAt {
  doc: Document;
  error: ErrorObject;
  definition: string;
  rootSpan: Span;
  path: YamlPath;
  /** The field's label in messages. */
  field: string;
}

/** The problem of each keyword we explain ourselves; undefined: ajv's own message. */
const keywordProblems = new Map<string, (at: ErrorAt) => SchemaProblem | undefined>([
  ['additionalProperties', unknownFieldProblem],
  ['required', missingRequiredProblem],
  ['type', invalidTypeProblem],
  ['enum', invalidEnumProblem],
  ['format', formatProblem],
  ['minLength', emptyStringProblem],
  ['pattern', patternProblem],
]);

function unknownFieldProblem({ doc, error, definition, rootSpan, path }: ErrorAt): SchemaProblem {
  const name = String((error.params as { additionalProperty: string }).additionalProperty);
  const steps = schemaPath(definition, path);
  const owner = steps.length === path.length + 1 ? steps[steps.length - 1] : undefined;
  const known = Object.keys(owner?.schema.properties ?? {});
  const suggestion = closestMatch(name, known);
  const type = ownerType(definition, path);
  const text = localizeTwo(coreMessages.unknownField, { field: name }, { type });
  const full = suggestion
    ? joinTexts(text, localize(coreMessages.didYouMean, { suggestion }))
    : text;
  return {
    code: 'unknown-field',
    span: spanAt(doc, [...path, name], rootSpan, true),
    message: full,
    // `owner`: the type the message names, for the text of a kustomize patch (partialDiagnostics).
    data: suggestion ? { field: name, suggestion, owner: type } : { field: name, owner: type },
  };
}

function missingRequiredProblem({
  doc,
  error,
  definition,
  rootSpan,
  path,
}: ErrorAt): SchemaProblem {
  const missing = String((error.params as { missingProperty: string }).missingProperty);
  const type = ownerType(definition, path);
  return {
    code: 'missing-required',
    span: spanAt(doc, path, rootSpan, true),
    message: localizeTwo(coreMessages.missingRequired, { field: missing }, { type }),
    data: { field: missing, owner: type },
  };
}

function invalidTypeProblem({ doc, error, rootSpan, path, field }: ErrorAt): SchemaProblem {
  const expected = String((error.params as { type: string | string[] }).type)
    .split(',')
    .map((t) => typeNames[t] ?? { en: t, ru: t });
  const actual = typeNames[jsonType(error.data)] ?? {
    en: 'a value of unknown type',
    ru: 'значение неизвестного типа',
  };
  const message = localizeTwo(
    coreMessages.invalidType,
    { field },
    {
      expected: joinOr(expected),
      actual,
    },
  );
  const quoted = quotedForm(doc, path, error);
  const note = quoted ? localize(coreMessages.quoteIt, { quoted }) : fillInNote(error.data);
  return {
    code: 'invalid-type',
    span: spanAt(doc, path, rootSpan),
    message: note ? joinTexts(message, note) : message,
    ...(quoted ? { data: { suggestion: quoted } } : {}),
  };
}

/** A text written to be replaced by hand (`lun: <ADD LUN ID Here>`) is named as such. */
function fillInNote(value: unknown): LocalizedText | undefined {
  if (typeof value !== 'string' || !looksLikeFillIn(value)) return undefined;
  return localize(coreMessages.fillInValue, { value });
}

function invalidEnumProblem({ doc, error, rootSpan, path, field }: ErrorAt): SchemaProblem {
  const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
  const value = String(error.data);
  const suggestion = closestMatch(
    value,
    allowed.filter((a) => a !== ''),
  );
  const base = localize(coreMessages.invalidEnum, {
    value: value === '' ? '""' : value,
    field,
    allowed: allowed.map((a) => (a === '' ? '""' : a)).join(', '),
  });
  return {
    code: 'invalid-enum',
    span: spanAt(doc, path, rootSpan),
    message: suggestion ? joinTexts(base, localize(coreMessages.didYouMean, { suggestion })) : base,
    data: suggestion ? { value, suggestion, allowed } : { value, allowed },
  };
}

/** Our two formats: a Kubernetes quantity, base64 (binaryData). */
function formatProblem({ doc, error, rootSpan, path, field }: ErrorAt): SchemaProblem {
  const format = (error.params as { format: string }).format;
  if (format === 'quantity') {
    return {
      code: 'invalid-quantity',
      span: spanAt(doc, path, rootSpan),
      message: localize(coreMessages.invalidQuantity, { value: String(error.data) }),
      data: { value: String(error.data) },
    };
  }
  return {
    code: 'invalid-base64',
    span: spanAt(doc, path, rootSpan),
    message: localize(coreMessages.invalidBase64, { field }),
  };
}

/** A custom resource's quantity pattern (the only patterns kept, schema/quantityPatterns.ts). */
function patternProblem({ doc, error, rootSpan, path }: ErrorAt): SchemaProblem | undefined {
  const pattern = (error.params as { pattern: string }).pattern;
  if (!quantityPattern(pattern)) return undefined;
  const value = String(error.data);
  return {
    code: 'invalid-quantity',
    span: spanAt(doc, path, rootSpan),
    message: quantityPatternMessage(value, pattern),
    data: { value, pattern },
  };
}

/** `minLength: 1` is "not empty"; another limit gets ajv's message. */
function emptyStringProblem({
  doc,
  error,
  rootSpan,
  path,
  field,
}: ErrorAt): SchemaProblem | undefined {
  if ((error.params as { limit: number }).limit !== 1) return undefined;
  return {
    code: 'empty-string',
    span: spanAt(doc, path, rootSpan),
    message: localize(coreMessages.emptyString, { field }),
  };
}

/** Other keywords (rare with our schemas): ajv's own message, in Russian through ajv-i18n. */
function withAjvDetail(error: ErrorObject, field: string, span: Span): SchemaProblem {
  const en = [{ ...error }];
  const ru = [{ ...error }];
  localizeEn(en);
  localizeRu(ru);
  return {
    code: 'schema',
    span,
    message: {
      en: localize(coreMessages.schemaOther, { field, detail: en[0]!.message ?? '' }).en,
      ru: localize(coreMessages.schemaOther, { field, detail: ru[0]!.message ?? '' }).ru,
    },
  };
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function joinOr(parts: LocalizedText[]): LocalizedText {
  return {
    en: parts.map((p) => p.en).join(' or '),
    ru: parts.map((p) => p.ru).join(' или '),
  };
}

function localizeTwo(
  template: LocalizedText,
  plain: Record<string, string>,
  texts: Record<string, LocalizedText>,
): LocalizedText {
  const en = { ...plain, ...Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.en])) };
  const ru = { ...plain, ...Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, v.ru])) };
  return { en: localize(template, en).en, ru: localize(template, ru).ru };
}
