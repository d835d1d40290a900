/**
 * Hover cards for Kubernetes YAML: the text of the field under the cursor (on its key or on its
 * value), the text of an enum value, a quantity in bytes and units, what a `kind` is, and a
 * generated card (type, required, allowed values, API reference) for fields without a text.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { apiReferenceLink } from './docs/apiReference';
import { getFieldDoc, getTypeDoc, getTypeLink, getValueDoc } from './docs/lookup';
import { fill } from './i18n/format';
import { hoverMessages as m } from './i18n/hoverMessages';
import type { ParsedChunk, ParsedDocument } from './parse/chunk';
import {
  keyString,
  pathAtOffset,
  type PathAtOffset,
  type Span,
  type YamlPath,
} from './parse/nodes';
import { parseQuantity, isValidQuantity } from './quantity';
import { formatNumber, inUnits, type UnitAmount } from './i18n/numbers';
import {
  apiVersionsOf,
  definitionFor,
  definitions,
  displayName,
  isBuiltinApiVersion,
  preferredApiVersion,
  refName,
  schemaPath,
  type JsonSchema,
  type SchemaStep,
} from './schema/registry';
import { fieldRequirement, type Requirement } from './schema/requiredInPractice';
import type { Lang, LocalizedText, Position, Range } from './types';
import type { WorkspaceFile } from './workspace/file';
import { shiftRange } from './workspace/file';

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  range: Range;
}

const QUANTITY = 'api.resource.Quantity';

/** The definition of a kind that a CRD of the workspace defines (schema/customResources.ts). */
export type CustomKindResolver = (kind: string, apiVersion: string) => string | undefined;

export function hoverAt(
  file: WorkspaceFile,
  position: Position,
  lang: Lang,
  custom?: CustomKindResolver,
): HoverInfo | undefined {
  const at = file.chunkAt(position);
  if (!at) return undefined;
  const chunk = at.placed.chunk;
  const offset = chunk.offsetAt(at.relative);
  const document = chunk.documentAt(offset);
  if (!document) return undefined;
  const root = rootDefinition(document, custom);
  if (!root) return undefined;
  const hit = pathAtOffset(document.doc, offset);
  const slot = templatedSlot(chunk, hit, offset);
  if (slot) {
    const steps = schemaPath(root.definition, slot.path);
    if (steps.length !== slot.path.length + 1) return undefined;
    const step = steps[steps.length - 1]!;
    if (!step.field || !step.parentDefinition) return undefined;
    const context: CardContext = { lang, root, path: slot.path, steps, chunk };
    const contents = [fieldHeader(context, step), fieldBody(context, step)].join('\n\n');
    return { contents, range: shiftRange(chunk.rangeOf(slot.span), at.placed.startLine) };
  }
  const node = hit.node;
  if (!node?.range || hit.path.length === 0) return undefined;
  if (offset < node.range[0] || offset > node.range[1]) return undefined;
  if (!hit.onKey && !isScalar(node)) return undefined;
  const steps = schemaPath(root.definition, hit.path);
  // The path leaves the schema (unknown field): diagnostics speak about it, hover stays silent.
  if (steps.length !== hit.path.length + 1) return undefined;
  const context: CardContext = {
    lang,
    root,
    path: hit.path,
    steps,
    chunk,
  };
  const contents = hit.onKey
    ? keyCard(context)
    : valueCard(context, node as Scalar, isTemplated(chunk, node));
  if (!contents) return undefined;
  const span: [number, number] = [node.range[0], node.range[1]];
  return { contents, range: shiftRange(chunk.rangeOf(span), at.placed.startLine) };
}

/**
 * In a Helm template, a value that is only a template action (`key: {{ .Values.x }}`,
 * `- {{ .Values.mode | quote }}`) parses as empty: the cursor on that action gets the card of
 * the field it fills, with the action as the range.
 */
function templatedSlot(
  chunk: ParsedChunk,
  hit: PathAtOffset,
  offset: number,
): { path: YamlPath; span: Span } | undefined {
  if (!chunk.template || hit.onKey) return undefined;
  const action = actionAround(chunk.text, offset);
  if (!action) return undefined;
  const container = hit.node;
  const line = chunk.positionAt(offset).line;
  const onLine = (n: Node | null | undefined): boolean =>
    !!n?.range && chunk.positionAt(n.range[0]).line === line;
  const empty = (n: unknown): boolean =>
    n === null || n === undefined || (isScalar(n) && (n.value === null || n.value === ''));
  if (isMap(container)) {
    for (const pair of container.items) {
      const key = pair.key as Node | null;
      const name = keyString(pair);
      if (name !== undefined && onLine(key) && key!.range![1] <= action[0] && empty(pair.value)) {
        return { path: [...hit.path, name], span: action };
      }
    }
  }
  if (isSeq(container)) {
    const index = container.items.findIndex((item) => {
      if (!isScalar(item) || !empty(item) || !item.range) return false;
      return chunk.positionAt(item.range[0]).line === line;
    });
    if (index !== -1) return { path: [...hit.path, index], span: action };
  }
  // A value partly made of actions (`{{ .Release.Name }}-data`): the field it fills.
  if (isScalar(container) && hit.path.length) {
    return { path: hit.path, span: action };
  }
  return undefined;
}

/** The `{{ ... }}` action around an offset of the original text. */
function actionAround(text: string, offset: number): Span | undefined {
  const start = text.lastIndexOf('{{', offset + 1);
  if (start === -1) return undefined;
  const end = text.indexOf('}}', start);
  if (end === -1 || offset > end + 2 || text.slice(start, offset).includes('\n')) return undefined;
  return [start, end + 2];
}

interface RootObject {
  definition: string;
  kind: string;
  apiVersion: string;
}

/** The definition of the object; a built-in kind at a wrong version still gets its docs. */
function rootDefinition(
  document: ParsedDocument,
  custom?: CustomKindResolver,
): RootObject | undefined {
  if (document.recognition.type !== 'object') return undefined;
  const { kind, apiVersion } = document.recognition.facts;
  const exact = definitionFor(kind, apiVersion) ?? custom?.(kind, apiVersion);
  if (exact) return { definition: exact, kind, apiVersion };
  if (!isBuiltinApiVersion(apiVersion)) return undefined; // a custom resource no CRD defines
  const preferred = preferredApiVersion(kind);
  const definition = preferred ? definitionFor(kind, preferred) : undefined;
  return definition ? { definition, kind, apiVersion } : undefined;
}

interface CardContext {
  lang: Lang;
  root: RootObject;
  path: YamlPath;
  steps: SchemaStep[];
  chunk: ParsedChunk;
}

function t(text: LocalizedText, lang: Lang, params?: Record<string, string | number>): string {
  return fill(text[lang], params);
}

/** The card for a mapping key: the field's text, or for a key inside a map, the map field's. */
function keyCard(c: CardContext): string | undefined {
  const step = c.steps[c.steps.length - 1]!;
  if (!step.field || !step.parentDefinition) return undefined;
  const last = c.path[c.path.length - 1];
  const header =
    last === step.field
      ? fieldHeader(c, step)
      : `\`${String(last)}\` — ${t(m.entryOf, c.lang, { field: fieldName(step) })}`;
  return [header, fieldBody(c, step)].join('\n\n');
}

function valueCard(c: CardContext, node: Scalar, templated: boolean): string | undefined {
  const step = c.steps[c.steps.length - 1]!;
  if (!step.field || !step.parentDefinition) return undefined;
  const value = node.value === null || node.value === undefined ? '' : String(node.value);
  const atRoot = c.path.length === 1;
  if (!templated && value) {
    if (step.field === 'kind') {
      const card = kindCard(c, value, atRoot);
      if (card) return card;
    }
    if (atRoot && step.field === 'apiVersion') return apiVersionCard(c, value);
    const enumValues = step.schema.enum?.map(String);
    if (enumValues) return enumCard(c, step, value, enumValues);
    if (step.definition === QUANTITY) return quantityCard(c, step, node);
  }
  // Any other value: the field's own card.
  return [fieldHeader(c, step), fieldBody(c, step)].join('\n\n');
}

function kindCard(c: CardContext, value: string, atRoot: boolean): string | undefined {
  const definition = atRoot
    ? c.root.definition
    : (() => {
        const version = preferredApiVersion(value);
        return version ? definitionFor(value, version) : undefined;
      })();
  if (!definition) return undefined;
  const text = getTypeDoc(definition, c.lang);
  const lines = [`**${value}** · \`${atRoot ? c.root.apiVersion : preferredApiVersion(value)}\``];
  if (text) lines.push(text);
  else if (!atRoot) return undefined;
  lines.push(links(c.lang, getTypeLink(definition, c.lang), apiReferenceLink(definition)));
  return lines.filter(Boolean).join('\n\n');
}

function apiVersionCard(c: CardContext, value: string): string {
  const lines: string[] = [`\`${value}\``];
  const [group, version] = value.includes('/') ? value.split('/', 2) : ['', value];
  lines.push(
    group
      ? t(m.apiGroup, c.lang, { group: group!, version: version ?? '' })
      : t(m.coreGroup, c.lang, { version: version ?? '' }),
  );
  const served = apiVersionsOf(c.root.kind);
  if (served?.includes(value)) lines.push(t(m.servesKind, c.lang, { kind: c.root.kind }));
  else if (served) {
    lines.push(
      t(m.notServesKind, c.lang, {
        kind: c.root.kind,
        apiVersion: value,
        expected: served.map((v) => `\`${v}\``).join(', '),
      }),
    );
  }
  const doc = getFieldDoc(c.root.definition, 'apiVersion', c.lang);
  if (doc) lines.push(doc.text, links(c.lang, doc.link, undefined));
  return lines.filter(Boolean).join('\n\n');
}

function enumCard(c: CardContext, step: SchemaStep, value: string, values: string[]): string {
  const lines: string[] = [];
  const field = fieldName(step);
  lines.push(`\`${value}\` — ${t(m.valueOf, c.lang, { field })}`);
  if (!values.includes(value)) {
    lines.push(t(m.notAllowed, c.lang, { value, field }));
  } else {
    const text = getValueDoc(step.parentDefinition!, step.field!, value, c.lang);
    if (text) lines.push(text);
    else {
      const doc = getFieldDoc(step.parentDefinition!, step.field!, c.lang);
      if (doc) lines.push(doc.text);
    }
  }
  lines.push(allowed(c.lang, values, value));
  const doc = getFieldDoc(step.parentDefinition!, step.field!, c.lang);
  lines.push(links(c.lang, doc?.link, apiReferenceLink(step.parentDefinition!)));
  return lines.filter(Boolean).join('\n\n');
}

function quantityCard(c: CardContext, step: SchemaStep, node: Scalar): string {
  const raw = String(node.value);
  const last = c.path[c.path.length - 1];
  const where = `${displayName(step.parentDefinition!)}.${step.field!}${last === step.field ? '' : `.${String(last)}`}`;
  const lines = [`\`${raw}\` — ${t(m.quantity, c.lang)} · \`${where}\``];
  const valid = typeof node.value === 'number' || isValidQuantity(raw);
  const amount = valid ? parseQuantity(node.value) : undefined;
  if (amount === undefined) {
    lines.push(t(m.invalidQuantity, c.lang, { value: raw }));
  } else if (last === 'cpu') {
    lines.push(t(m.cpu, c.lang, { cores: String(Number(amount.toPrecision(12))) }));
  } else {
    // Numbers as the language writes them (`107,37 G` in Russian), `≈` where rounded.
    const sign = (u: UnitAmount) => (u.exact ? '=' : '≈');
    const decimal = inUnits(amount, 1000, c.lang);
    const binary = inUnits(amount, 1024, c.lang);
    lines.push(
      [
        `= ${t(m.bytes, c.lang, { bytes: formatNumber(Math.round(amount), c.lang, 0) })}`,
        `${sign(decimal)} ${t(m.decimal, c.lang, { value: decimal.text })}`,
        `${sign(binary)} ${t(m.binary, c.lang, { value: binary.text })}`,
      ].join('  \n'),
    );
    lines.push(t(m.unitsNote, c.lang));
  }
  const doc = getFieldDoc(step.parentDefinition!, step.field!, c.lang);
  if (doc) lines.push(doc.text);
  lines.push(links(c.lang, doc?.link, apiReferenceLink(step.parentDefinition!)));
  return lines.filter(Boolean).join('\n\n');
}

/** `` `PersistentVolumeClaimSpec.accessModes` · `[]string` · optional `` */
function fieldHeader(c: CardContext, step: SchemaStep): string {
  const parent = definitions[step.parentDefinition!];
  const raw = parent?.properties?.[step.field!];
  const parts = [`**${fieldName(step)}**`];
  if (raw) parts.push(`\`${typeName(raw)}\``);
  parts.push(
    requirementText(
      fieldRequirement(step.parentDefinition!, step.field!, parent?.required),
      c.lang,
    ),
  );
  return parts.join(' · ');
}

/** "required", "optional", or when it is required in practice (schema/requiredInPractice.ts). */
function requirementText(requirement: Requirement, lang: Lang): string {
  switch (requirement.kind) {
    case 'required':
      return t(m.required, lang);
    case 'apiServer':
      return t(m.requiredByApiServer, lang);
    case 'when':
      return t(m.requiredWhen, lang, { when: requirement.when[lang] });
    default:
      return t(m.optional, lang);
  }
}

function fieldBody(c: CardContext, step: SchemaStep): string {
  const doc = getFieldDoc(step.parentDefinition!, step.field!, c.lang);
  const lines: string[] = [];
  const parent = definitions[step.parentDefinition!];
  const raw = parent?.properties?.[step.field!];
  // A field of a custom resource: the CRD's own description, as its authors wrote it.
  const described = raw?.description ?? step.schema.description;
  lines.push(
    doc ? doc.text : described ? `${t(m.fromCrd, c.lang)}\n\n${described}` : t(m.noText, c.lang),
  );
  const values = (raw?.enum ?? raw?.items?.enum)?.map(String);
  if (values) lines.push(allowed(c.lang, values));
  lines.push(links(c.lang, doc?.link, apiReferenceLink(step.parentDefinition!)));
  return lines.filter(Boolean).join('\n\n');
}

function fieldName(step: SchemaStep): string {
  return `\`${displayName(step.parentDefinition!)}.${step.field!}\``;
}

function allowed(lang: Lang, values: string[], current?: string): string {
  const list = values.map((v) => (v === current ? `**\`${v}\`**` : `\`${v}\``)).join(', ');
  return t(m.allowedValues, lang, { values: list });
}

function links(lang: Lang, docs: string | undefined, reference: string | undefined): string {
  const out: string[] = [];
  if (docs) out.push(`[${t(m.docsLink, lang)}](${docs})`);
  if (reference) out.push(`[${t(m.apiReference, lang)}](${reference})`);
  return out.join(' · ');
}

/** A Go-like type name, as the Kubernetes API reference writes them: `[]string`, `map[string]Quantity`. */
export function typeName(schema: JsonSchema): string {
  const ref = refName(schema);
  if (ref) {
    if (ref === QUANTITY) return 'Quantity';
    if (ref === 'util.intstr.IntOrString') return 'IntOrString';
    if (ref === 'meta.v1.Time' || ref === 'meta.v1.MicroTime') return 'Time';
    return displayName(ref);
  }
  if (schema.type === 'array' && schema.items) return `[]${typeName(schema.items)}`;
  if (typeof schema.additionalProperties === 'object') {
    return `map[string]${typeName(schema.additionalProperties)}`;
  }
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return schema.type ?? 'object';
}

/** A value on a line with a Helm action: its real text is only known after rendering. */
function isTemplated(chunk: ParsedChunk, node: Node): boolean {
  if (!chunk.template || !node.range) return false;
  const lineStart = chunk.text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const lineEnd = chunk.text.indexOf('\n', node.range[1]);
  return chunk.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).includes('{{');
}
