/**
 * One render as RenderedCharts keeps it (its documents, parsed on demand, and what the renders
 * with markers attributed), and where a range of its rendered file comes from: the document's
 * template, the template line and the values that produced the field.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Range } from '../types';
import type { Attribution } from './attribution';
import type { RenderProblem } from './errors';
import {
  documentAtLine,
  documentKey,
  parseRendered,
  pathAt,
  pathKey,
  scalarsOf,
  type NodePath,
  type ParsedRendered,
  type RenderedDocument,
} from './output';
import {
  fieldLines,
  templateKeyLines,
  templateLineOf,
  writesKey,
  type TemplateKeyLine,
} from './templateLines';
import type { OuterItem } from './templateItems';
import type { ValueText } from './templatePatterns';
import { valueAt } from '../helm/valuesTree';
import type { RenderedTrace, RenderSubject, TracedFinding } from './types';
import { valuePathId, type ValueLeaf } from './values';

export interface Entry {
  subject: RenderSubject;
  uri?: string;
  docs?: RenderedDocument[];
  attribution?: Attribution;
  /** Values that may be traced (attribution.ts eligibleLeaves), worked out when first needed. */
  eligible?: ValueLeaf[];
  /** Values already given a marker in a render (found in a field or not). */
  marked: Set<ValueLeaf>;
  problem?: RenderProblem;
  /** What a successful render could not check (reported beside its findings). */
  note?: RenderProblem;
  parsed: Map<RenderedDocument, ParsedRendered>;
  keyLines: Map<string, TemplateKeyLine[]>;
  cache?: { stamp: string; traced: TracedFinding[] };
}

export function newEntry(subject: RenderSubject, more: Partial<Entry> = {}): Entry {
  return { subject, marked: new Set(), parsed: new Map(), keyLines: new Map(), ...more };
}

export function parsedOf(entry: Entry, doc: RenderedDocument): ParsedRendered {
  let parsed = entry.parsed.get(doc);
  if (!parsed) {
    parsed = parseRendered(doc.text);
    entry.parsed.set(doc, parsed);
  }
  return parsed;
}

function keyLinesOf(entry: Entry, template: string, text: string): TemplateKeyLine[] {
  let keyLines = entry.keyLines.get(template);
  if (!keyLines) {
    keyLines = templateKeyLines(text);
    entry.keyLines.set(template, keyLines);
  }
  return keyLines;
}

/**
 * Of a template that prints several documents, the key lines of the one that printed `doc`. helm
 * prints a file's documents sorted by kind (its install order), keeping the template's order among
 * documents of one kind: so the template's documents of `doc`'s kind (by their `kind:` line) pair
 * in order with the rendered ones of that kind, when they are as many. Otherwise (a kind written by
 * an action, a document left out by a condition) every line is kept.
 */
function ownDocumentLines(
  keyLines: readonly TemplateKeyLine[],
  docs: readonly RenderedDocument[],
  doc: RenderedDocument,
): readonly TemplateKeyLine[] {
  if (!doc.kind) return keyLines;
  const documents = [...new Set(keyLines.map((k) => k.document))].sort((a, b) => a - b);
  if (documents.length < 2) return keyLines;
  const kindOf = (document: number) =>
    keyLines
      .find((k) => k.document === document && k.keys.length === 1 && k.keys[0] === 'kind')
      ?.plain.replace(/^kind:\s*/, '')
      .replace(/^["']|["']$/g, '');
  const sameKind = documents.filter((d) => kindOf(d) === doc.kind);
  const printed = docs.filter((d) => d.source === doc.source && d.kind === doc.kind);
  if (sameKind.length !== printed.length) return keyLines;
  return keyLines.filter((k) => k.document === sameKind[printed.indexOf(doc)]);
}

/** The node at `path` in a parsed document (undefined when there is none). */
function nodeAt(parsed: ParsedRendered, path: NodePath): unknown {
  let node: unknown = parsed.doc.contents;
  for (const key of path) {
    if (isMap(node))
      node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.value;
    else node = isSeq(node) && typeof key === 'number' ? node.items[key] : undefined;
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

/** The range of the node at `path` of a document that starts at `startLine` of the file. */
export function nodeRange(
  parsed: ParsedRendered,
  startLine: number,
  path: NodePath,
): Range | undefined {
  const r = (nodeAt(parsed, path) as { range?: [number, number, number] } | undefined)?.range;
  if (!r) return undefined;
  const a = parsed.lines.linePos(r[0]);
  const b = parsed.lines.linePos(r[1]);
  return {
    start: { line: startLine + a.line - 1, character: a.col - 1 },
    end: { line: startLine + b.line - 1, character: b.col - 1 },
  };
}

/** The texts of the scalars at a range of the rendered file and under it. */
export function fieldTexts(entry: Entry, range: Range): string[] {
  const doc = entry.docs && documentAtLine(entry.docs, range.start.line);
  if (!doc) return [];
  const parsed = parsedOf(entry, doc);
  const node = nodeAt(
    parsed,
    pathAt(parsed, range.start.line - doc.startLine, range.start.character),
  );
  if (node === undefined) return [];
  return [...scalarsOf(node)].map(({ value }) => value);
}

/**
 * What a finding says of the field it is on, when that changes which values explain it: a
 * finding on a key's name (an unknown or repeated key) is not explained by a value printed
 * under the key; a field found missing is not explained by its siblings' values.
 */
export interface FindingAbout {
  /** The finding is about the key itself, not about what is under it. */
  key?: boolean;
  /** The field the finding says is missing in the object it is on. */
  missing?: string;
}

/** Where a range of the render's file comes from. */
export function traceAt(entry: Entry, range: Range, about: FindingAbout = {}): RenderedTrace {
  const doc = entry.docs && documentAtLine(entry.docs, range.start.line);
  if (!doc) return { values: [] };
  const parsed = parsedOf(entry, doc);
  const relative = range.start.line - doc.startLine;
  const path = pathAt(parsed, relative, range.start.character);
  const fields = entry.attribution?.get(documentKey(doc));
  // A missing field is not explained by the values printed beside it (below).
  let values = attributedLeaves(fields, path, about.missing === undefined);
  const object = doc.kind ? `${doc.kind}${doc.name ? ` ${doc.name}` : ''}` : undefined;
  const template = doc.source?.slice(doc.source.indexOf('/') + 1);
  if (!template) return { values, object };
  const text = entry.subject.templates.get(template);
  if (text === undefined) return { template, values, object };
  const keyLines = ownDocumentLines(keyLinesOf(entry, template, text), entry.docs ?? [], doc);
  // The key is the template's own text: no value wrote it.
  if (about.key && writesKey(keyLines, path)) values = [];
  const renderedLine = doc.text.split('\n')[relative]?.trim();
  const templateLine = templateLineOf(
    keyLines,
    {
      path,
      renderedLine,
      valuePaths: values.map((v) =>
        valuePathInTemplate(
          template,
          v.path.filter((p) => typeof p === 'string'),
        ),
      ),
      contextLines: contextLines(parsed, doc.text, path),
      outerItems: outerItems(parsed, path),
      valueText: valueTextFor(entry, template),
    },
    text,
  );
  if (about.missing !== undefined && templateLine !== undefined) {
    const field = missingField(entry, keyLines, templateLine, about.missing, text);
    if (field)
      return { template, templateLine: field.line, values: field.leaf ? [field.leaf] : [], object };
  }
  return { template, templateLine, values, object };
}

/**
 * A value's path as the template reads it: a subchart's template (`charts/db/templates/x.yaml`)
 * reads the parent's `db.persistence.size` as `.Values.persistence.size` (helm hands each subchart
 * the values under its key, the alias or name its folder in the render is named for); `global`
 * keeps its place.
 */
export function valuePathInTemplate(template: string, path: readonly string[]): string {
  const prefix = subchartKeys(template);
  const own = prefix.every((key, i) => path[i] === key) ? path.slice(prefix.length) : path;
  return own.join('.');
}

/**
 * The template line that would write a missing field in the object written at `objectLine`,
 * when it reads a value of the field's name (`server: {{ .Values.nfs.server }}`), and that value
 * when a values file writes it empty (`server:` or `""`): the value made the template print
 * nothing there. Undefined when no line in the object's block writes the field from such a value.
 */
function missingField(
  entry: Entry,
  keyLines: readonly TemplateKeyLine[],
  objectLine: number,
  field: string,
  text: string,
): { line: number; leaf?: ValueLeaf } | undefined {
  const candidates = fieldLines(keyLines, objectLine, field, text).filter((c) =>
    c.reads.some((r) => r.split('.').pop() === field),
  );
  if (candidates.length !== 1) return undefined;
  const { line } = candidates[0]!;
  const read = new Set(candidates[0]!.reads.filter((r) => r.split('.').pop() === field));
  if (read.size !== 1) return { line };
  const valuePath = [...read][0]!.split('.');
  const merged = entry.subject.merged;
  const site = merged.siteOf(valuePath);
  if (!site || site.found.length !== valuePath.length) return { line };
  const value = valuePath.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
    merged.data,
  );
  // A value the template would have printed: something else left the field out.
  if (value !== undefined && value !== null && value !== '') return { line };
  const leaf = merged.leaves.get(valuePathId(valuePath));
  // `server:` with nothing after it: the key, not the empty place after it.
  if (leaf && leaf.value !== null) return { line, leaf };
  return { line, leaf: { path: valuePath, value: null, layer: site.layer, range: site.range } };
}

/**
 * The named list items a path is in, outside the deepest one (`containers[0]` named `app` for a
 * field of `containers[0].volumeMounts[2]`): the template line must lie in items of those names.
 */
function outerItems(parsed: ParsedRendered, path: NodePath): OuterItem[] {
  const items = path.flatMap((p, i) => (typeof p === 'number' ? [i] : []));
  return items.slice(0, -1).flatMap((i) => {
    const name = nodeAt(parsed, [...path.slice(0, i + 1), 'name']);
    const text = isScalar(name) ? name.value : undefined;
    if (typeof text !== 'string') return [];
    const listKeys = path.slice(0, i).filter((p): p is string => typeof p === 'string');
    return [{ listKeys, name: text }];
  });
}

/**
 * The keys under which a subchart's template reads its values: helm hands `charts/db/templates/…`
 * the parent's values under `db` (the alias or name its folder in the render is named for).
 */
function subchartKeys(template: string): string[] {
  return [...template.matchAll(/(?<=^|\/)charts\/([^/]+)\//g)].map((m) => m[1]!);
}

/** The text of a string value as the templates of `template`'s chart read it (subchartKeys). */
function valueTextFor(entry: Entry, template: string): ValueText {
  const scope = subchartKeys(template);
  return (path) => {
    const value = valueAt(entry.subject.merged.data, [...scope, ...path.split('.')])?.value;
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
}

/** The lines of the deepest list item a path is in, else of the whole document, trimmed. */
function contextLines(parsed: ParsedRendered, text: string, path: NodePath): string[] {
  const lines = text.split('\n');
  let last = -1;
  path.forEach((p, i) => {
    if (typeof p === 'number') last = i;
  });
  const range = last >= 0 ? nodeRange(parsed, 0, path.slice(0, last + 1)) : undefined;
  if (!range) return trimmed(lines);
  // A block item ends at column 0 of the line after it (the next item's line): not its own.
  const end = range.end.character === 0 ? range.end.line : range.end.line + 1;
  return trimmed(lines.slice(range.start.line, Math.max(end, range.start.line + 1)));
}

function trimmed(lines: readonly string[]): string[] {
  return lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** Two attributions of one render (from renders with markers on different values) as one. */
export function mergeAttribution(a: Attribution | undefined, b: Attribution): Attribution {
  if (!a) return b;
  for (const [doc, fields] of b) {
    const into = a.get(doc) ?? new Map<string, ValueLeaf[]>();
    for (const [field, leaves] of fields)
      into.set(field, [...new Set([...(into.get(field) ?? []), ...leaves])]);
    a.set(doc, into);
  }
  return a;
}

/**
 * The leaves of a field, or (with `below`) of the fields under it when it is a small block (at
 * most three).
 */
function attributedLeaves(
  fields: Map<string, ValueLeaf[]> | undefined,
  path: NodePath,
  below = true,
): ValueLeaf[] {
  if (!fields) return [];
  const own = fields.get(pathKey(path));
  if (own || !below) return own ?? [];
  const prefix = pathKey(path);
  const under = new Set<ValueLeaf>();
  for (const [key, leaves] of fields)
    if (key.startsWith(prefix + '.') || key.startsWith(prefix + '['))
      for (const leaf of leaves) under.add(leaf);
  return under.size && under.size <= 3 ? [...under] : [];
}
