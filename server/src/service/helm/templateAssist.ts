/**
 * Help inside a chart's templates, in the template actions (`{{ … }}`): completion of `.Values`
 * paths (from the chart's values.yaml and the values files tied to it), of Helm's built-in
 * objects (`.Release`, `.Chart`, `.Capabilities`…) and of `include`/`template` names; hover on
 * a value (its default and comment) and on a built-in; definition and references between a
 * `.Values.x` use and the value's key in values.yaml, and between `include` and `define`.
 * Outside actions the template is YAML and the Kubernetes help applies (service facade).
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { KubeCompletionItem } from '../completion/types';
import { excessiveNesting } from '../parse/limits';
import { pathAtOffset } from '../parse/nodes';
import type { Lang, Position, Range } from '../types';
import { valueCard, type HelmHover } from './assist';
import { builtinAt, builtinChildren, type BuiltinField } from './builtins';
import { valuesFileName } from './chart';
import { valueTypeNames } from './valuesMessages';
import { pathId } from './paths';
import { templateAssistMessages as m } from './templateAssistMessages';
import {
  chartDefines,
  definesOf,
  namedTemplateCalls,
  templateFileNames,
  type NamedTemplatePlace,
} from './templateNames';
import { templateUsesOf } from './templateUses';
import type { ChartFiles, ChartModel } from './types';
import { parseValues, spanRange } from './valuesFile';
import { MAX_VALUES_NESTING } from './valuesTree';

export interface Location {
  uri: string;
  range: Range;
}

/** A template of a chart, as the editor has it, with what the chart knows. */
export interface TemplateSite {
  model: ChartModel;
  files: ChartFiles;
  /** The chart folder's URI, ending with `/`. */
  chartUri: string;
  /** Chart-relative path of the template (`templates/pvc.yaml`). */
  file: string;
  /** The template's text in the editor (may differ from `files`). */
  text: string;
  /** The values files tied to the chart (the chart's own values.yaml excluded). */
  tied: readonly { uri: string; label: string; text: string }[];
}

/** The values file of a chart, as a values site: the key under the cursor's template uses. */
export interface ValuesSite {
  model: ChartModel;
  files: ChartFiles;
  chartUri: string;
  text: string;
}

const MAX_ACTION_BACK = 4000;

/** The action (`{{ … }}`) holding an offset: from after `{{` to before `}}` (or the end). */
export function actionAt(text: string, offset: number): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('{{', offset - 2);
  if (open < 0 || offset - open > MAX_ACTION_BACK) return undefined;
  const close = text.indexOf('}}', open + 2);
  if (close !== -1 && close < offset) return undefined;
  return { start: open + 2, end: close === -1 ? text.length : close };
}

function offsetOf(text: string, position: Position): number {
  let line = 0;
  let i = 0;
  while (line < position.line) {
    const next = text.indexOf('\n', i);
    if (next < 0) return text.length;
    i = next + 1;
    line++;
  }
  const lineEnd = text.indexOf('\n', i);
  return Math.min(i + position.character, lineEnd < 0 ? text.length : lineEnd);
}

function positionOf(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

const CHAIN = /(\$[A-Za-z_]\w*|\$)?((?:\.[A-Za-z_]\w*)+)/g;

interface Chain {
  base: string;
  fields: string[];
  /** Offsets of the chain and of each field's first letter. */
  start: number;
  fieldStarts: number[];
}

/** The field chain (`.Values.a.b`, `$.Release.Name`) under an offset, and which field it is on. */
function chainAt(text: string, offset: number): { chain: Chain; field: number } | undefined {
  const action = actionAt(text, offset);
  if (!action) return undefined;
  const body = text.slice(action.start, action.end);
  CHAIN.lastIndex = 0;
  for (let c = CHAIN.exec(body); c; c = CHAIN.exec(body)) {
    const start = action.start + c.index;
    const end = start + c[0].length;
    if (offset < start || offset > end) continue;
    const before = body[c.index - 1];
    if (before && /[\w)\]"'`]/.test(before)) continue;
    const base = c[1] ?? '';
    const fields = c[2]!.slice(1).split('.');
    const fieldStarts: number[] = [];
    let at = start + base.length;
    for (const field of fields) {
      fieldStarts.push(at + 1);
      at += field.length + 1;
    }
    let field = fields.length - 1;
    while (field > 0 && offset < fieldStarts[field]! - 1) field--;
    return { chain: { base, fields, start, fieldStarts }, field };
  }
  return undefined;
}

/** The value path a chain reads up to field `upTo` (with, range and variables resolved). */
function valuePathOf(site: TemplateSite, chain: Chain, upTo: number): string[] | undefined {
  const fields = chain.fields.slice(0, upTo + 1);
  if ((chain.base === '' || chain.base === '$') && fields[0] === 'Values') return fields.slice(1);
  // `.size` inside `with .Values.persistence`, `$p.size` after `$p := .Values.persistence`.
  const at = positionOf(site.text, chain.start);
  const use = templateUsesOf(site.file, site.text).find(
    (u) => u.line === at.line && u.character === at.character,
  );
  if (!use) return undefined;
  const cut = chain.fields.length - 1 - upTo;
  return cut > 0 ? use.path.slice(0, use.path.length - cut) : use.path;
}

function isBuiltinChain(chain: Chain): boolean {
  return (
    (chain.base === '$' || chain.base === '') &&
    chain.fields[0] !== 'Values' &&
    builtinAt(chain.fields.slice(0, 1)) !== undefined
  );
}

// ---- completion ----

const PARTIAL_CHAIN = /(\$[A-Za-z_]\w*|\$)?((?:\.[A-Za-z_]\w*)*)\.([A-Za-z_]\w*)?$/;
const NAMED_CALL = /\b(?:include|template)\s+"([^"\\\n]*)$/;

/** Completion inside a template action; undefined outside actions (the YAML help applies). */
export function templateCompletion(
  site: TemplateSite,
  position: Position,
  lang: Lang,
): KubeCompletionItem[] | undefined {
  const offset = offsetOf(site.text, position);
  const action = actionAt(site.text, offset);
  if (!action) return undefined;
  const before = site.text.slice(action.start, offset);
  const wordEnd = offset + (/^[\w-]*/.exec(site.text.slice(offset))?.[0].length ?? 0);
  const named = NAMED_CALL.exec(before);
  if (named) {
    const range = {
      start: positionOf(site.text, offset - named[1]!.length),
      end: positionOf(
        site.text,
        offset + (/^[^"\n]*/.exec(site.text.slice(offset))?.[0].length ?? 0),
      ),
    };
    return defineNames(site).map((d, i) => ({
      label: d.name,
      kind: 'reference',
      detail: `${d.file}:${d.line + 1}`,
      insertText: d.name,
      snippet: false,
      range,
      sortText: String(i).padStart(4, '0'),
    }));
  }
  const partial = PARTIAL_CHAIN.exec(before);
  if (!partial) return [];
  const chainStart = action.start + partial.index;
  const prev = site.text[chainStart - 1];
  if (prev && /[\w)\]"'`]/.test(prev)) return [];
  const base = partial[1] ?? '';
  if (base !== '' && base !== '$') return [];
  const fields = partial[2] ? partial[2].slice(1).split('.') : [];
  const word = partial[3] ?? '';
  const range = {
    start: positionOf(site.text, offset - word.length),
    end: positionOf(site.text, wordEnd),
  };
  if (fields[0] === 'Values') return valueKeyItems(site, fields.slice(1), range, lang);
  return builtinChildren(fields).map((b, i) => builtinItem(b, fields, range, lang, i));
}

function builtinItem(
  b: BuiltinField,
  parent: readonly string[],
  range: Range,
  lang: Lang,
  i: number,
): KubeCompletionItem {
  const path = ['', ...parent, b.name].join('.');
  return {
    label: b.name,
    kind: b.method ? 'reference' : 'field',
    detail: path,
    documentation: `**\`${path}\`**\n\n${b.text[lang]}`,
    insertText: b.name,
    snippet: false,
    range,
    sortText: String(i).padStart(4, '0'),
    ...(b.children ? { retrigger: false } : {}),
  };
}

function shortValue(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function valueKeyItems(
  site: TemplateSite,
  parent: readonly string[],
  range: Range,
  lang: Lang,
): KubeCompletionItem[] {
  const { model } = site;
  const node = parent.length ? model.byId.get(pathId(parent)) : undefined;
  const own = parent.length ? (node?.children ?? []) : model.roots;
  const items: KubeCompletionItem[] = [];
  const seen = new Set<string>();
  for (const child of own) {
    if (seen.has(child.key) || !/^[A-Za-z_]\w*$/.test(child.key)) continue;
    seen.add(child.key);
    const path = [...parent, child.key];
    const type = valueTypeNames[child.type][lang];
    const value =
      child.unset || child.type === 'object' ? '' : ` = ${shortValue(child.defaultValue)}`;
    items.push({
      label: child.key,
      kind: 'field',
      detail: `${type}${value}`,
      documentation: [valueCard(model, path, lang), tiedText(site, path, lang)]
        .filter(Boolean)
        .join('\n\n'),
      insertText: child.key,
      snippet: false,
      range,
      sortText: `0${String(child.line).padStart(6, '0')}`,
    });
  }
  // Keys only the tied values files have (values the chart does not document).
  for (const tied of site.tied) {
    const data = objectAt(tiedData(tied.text), parent);
    if (!data) continue;
    for (const [key, value] of Object.entries(data)) {
      if (seen.has(key) || !/^[A-Za-z_]\w*$/.test(key)) continue;
      seen.add(key);
      items.push({
        label: key,
        kind: 'field',
        detail: `${tied.label}${isObject(value) ? '' : ` = ${shortValue(value)}`}`,
        documentation: tiedText(site, [...parent, key], lang) ?? '',
        insertText: key,
        snippet: false,
        range,
        sortText: `1${key}`,
      });
    }
  }
  return items;
}

/** Parsed values texts (the tied files are read for every completion item), guarded. */
const tiedCache = new Map<string, unknown>();

function tiedData(text: string): unknown {
  if (tiedCache.has(text)) return tiedCache.get(text);
  const data =
    text.length > MAX_TIED_TEXT || excessiveNesting(text, MAX_VALUES_NESTING) !== undefined
      ? {}
      : parseValues(text).data;
  tiedCache.set(text, data);
  while (tiedCache.size > 8) tiedCache.delete(tiedCache.keys().next().value!);
  return data;
}

/** A values file larger than this is not read for help inside templates. */
const MAX_TIED_TEXT = 1024 * 1024;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(data: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let at: unknown = data;
  for (const key of path) at = isObject(at) ? at[key] : undefined;
  return isObject(at) ? at : undefined;
}

function valueAt(data: unknown, path: readonly string[]): { value: unknown } | undefined {
  let at: unknown = data;
  for (const key of path) {
    if (!isObject(at) || !(key in at)) return undefined;
    at = at[key];
  }
  return { value: at };
}

/** What the tied values files set at a path, as Markdown lines (undefined when none does). */
function tiedText(site: TemplateSite, path: readonly string[], lang: Lang): string | undefined {
  const lines: string[] = [];
  for (const tied of site.tied) {
    const found = valueAt(tiedData(tied.text), path);
    if (!found) continue;
    const value = isObject(found.value) ? '{…}' : shortValue(found.value);
    lines.push(`- \`${tied.label}\`: \`${value.replace(/`/g, "'")}\``);
  }
  return lines.length ? `${m.setInValuesFiles[lang]}\n\n${lines.join('\n')}` : undefined;
}

// ---- named templates ----

function defineNames(site: TemplateSite): NamedTemplatePlace[] {
  const own = definesOf(site.file, site.text);
  const others = chartDefines(site.files).filter((d) => d.file !== site.file);
  const byName = new Map<string, NamedTemplatePlace>();
  for (const d of [...own, ...others]) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The `include "name"` / `define "name"` name under an offset. */
function namedAt(text: string, offset: number): { name: string; start: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const pattern = /\b(?:include|template|define)\s+"([^"\\\n]*)"/g;
  for (let n = pattern.exec(line); n; n = pattern.exec(line)) {
    const start = lineStart + n.index + n[0].indexOf('"') + 1;
    if (offset >= start - 1 && offset <= start + n[1]!.length + 1) return { name: n[1]!, start };
  }
  return undefined;
}

function templateTexts(site: TemplateSite): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of templateFileNames(site.files)) texts.set(f, site.files.get(f)!);
  texts.set(site.file, site.text);
  return texts;
}

function placeLocation(site: { chartUri: string }, p: NamedTemplatePlace): Location {
  return {
    uri: site.chartUri + p.file,
    range: {
      start: { line: p.line, character: p.character },
      end: { line: p.line, character: p.character + p.name.length },
    },
  };
}

// ---- hover ----

export function templateHover(
  site: TemplateSite,
  position: Position,
  lang: Lang,
): HelmHover | undefined {
  const offset = offsetOf(site.text, position);
  const named = actionAt(site.text, offset) ? namedAt(site.text, offset) : undefined;
  if (named) {
    const defines = defineNames(site).filter((d) => d.name === named.name);
    const where = defines.map((d) => `\`${d.file}:${d.line + 1}\``).join(', ');
    return {
      contents: `**\`${named.name}\`**\n\n${where ? `${m.definedIn[lang]} ${where}` : m.noDefine[lang]}`,
      range: {
        start: positionOf(site.text, named.start),
        end: positionOf(site.text, named.start + named.name.length),
      },
    };
  }
  const found = chainAt(site.text, offset);
  if (!found) return undefined;
  const { chain, field } = found;
  const range = {
    start: positionOf(site.text, chain.fieldStarts[field]!),
    end: positionOf(site.text, chain.fieldStarts[field]! + chain.fields[field]!.length),
  };
  if (isBuiltinChain(chain)) {
    const b = builtinAt(chain.fields.slice(0, field + 1));
    if (!b) return undefined;
    const path = ['', ...chain.fields.slice(0, field + 1)].join('.');
    return { contents: `**\`${path}\`**\n\n${b.text[lang]}`, range };
  }
  const path = valuePathOf(site, chain, field);
  if (!path) return undefined;
  if (!path.length) {
    const values = builtinAt(['Values'])!;
    return { contents: `**\`.Values\`**\n\n${values.text[lang]}`, range };
  }
  const card = valueCard(site.model, path, lang);
  const tied = tiedText(site, path, lang);
  const contents = [card ?? `**\`${pathId(path)}\`**\n\n_${m.notInValues[lang]}_`, tied]
    .filter(Boolean)
    .join('\n\n');
  return { contents, range };
}

// ---- definition and references ----

/** A key path's range in a values text (the key), if written there. */
function keyRange(text: string, path: readonly string[]): Range | undefined {
  if (text.length > MAX_TIED_TEXT || excessiveNesting(text, MAX_VALUES_NESTING) !== undefined)
    return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return undefined;
    keyNode = pair.key as Node;
    node = pair.value;
  }
  const r = keyNode?.range;
  return r ? spanRange(lineCounter, [r[0], r[1]]) : undefined;
}

/** The values files where a path is written: the chart's values.yaml, then the tied files. */
function valueLocations(site: TemplateSite, path: readonly string[]): Location[] {
  const out: Location[] = [];
  const name = valuesFileName(site.files);
  const node = site.model.byId.get(pathId(path));
  if (name && node && !node.unset) out.push({ uri: site.chartUri + name, range: node.range });
  for (const tied of site.tied) {
    const range = keyRange(tied.text, path);
    if (range) out.push({ uri: tied.uri, range });
  }
  return out;
}

export function templateDefinition(site: TemplateSite, position: Position): Location[] {
  const offset = offsetOf(site.text, position);
  if (!actionAt(site.text, offset)) return [];
  const named = namedAt(site.text, offset);
  if (named)
    return defineNames(site)
      .filter((d) => d.name === named.name)
      .map((d) => placeLocation(site, d));
  const found = chainAt(site.text, offset);
  if (!found || isBuiltinChain(found.chain)) return [];
  const path = valuePathOf(site, found.chain, found.field);
  return path?.length ? valueLocations(site, path) : [];
}

/** Every template place that reads a value path (the path itself, not its children). */
function useLocations(
  site: { chartUri: string },
  texts: ReadonlyMap<string, string>,
  path: readonly string[],
): Location[] {
  const id = pathId(path);
  const out: Location[] = [];
  for (const [file, text] of texts) {
    const lines = text.split('\n');
    for (const use of templateUsesOf(file, text)) {
      if (use.id !== id) continue;
      const line = lines[use.line] ?? '';
      const token = /^(\$[A-Za-z_]\w*|\$)?(\.[A-Za-z_]\w*)+/.exec(line.slice(use.character));
      const length = token?.[0].length ?? 0;
      out.push({
        uri: site.chartUri + file,
        range: {
          start: { line: use.line, character: use.character },
          end: { line: use.line, character: use.character + length },
        },
      });
    }
  }
  return out;
}

export function templateReferences(
  site: TemplateSite,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const offset = offsetOf(site.text, position);
  if (!actionAt(site.text, offset)) return [];
  const texts = templateTexts(site);
  const named = namedAt(site.text, offset);
  if (named) {
    const out: Location[] = [];
    if (includeDeclaration)
      for (const d of defineNames(site).filter((d) => d.name === named.name))
        out.push(placeLocation(site, d));
    for (const [file, text] of texts)
      for (const call of namedTemplateCalls(file, text))
        if (call.name === named.name) out.push(placeLocation(site, call));
    return out;
  }
  const found = chainAt(site.text, offset);
  if (!found || isBuiltinChain(found.chain)) return [];
  const path = valuePathOf(site, found.chain, found.field);
  if (!path?.length) return [];
  return [
    ...(includeDeclaration ? valueLocations(site, path) : []),
    ...useLocations(site, texts, path),
  ];
}

/** The key path under the cursor in a values file (keys only; a list item gives its list). */
function valuesPathAt(text: string, position: Position): string[] {
  const { doc, lineCounter } = parseValues(text);
  const lineStart = lineCounter.lineStarts[position.line];
  if (lineStart === undefined) return [];
  const at = pathAtOffset(doc, lineStart + position.character);
  const path: string[] = [];
  for (const seg of at.path) {
    if (typeof seg !== 'string') break;
    path.push(seg);
  }
  return path;
}

/** From a key of a values file tied to a chart: the templates that read it. */
export function valuesReferences(
  site: ValuesSite,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const path = valuesPathAt(site.text, position);
  if (!path.length) return [];
  const texts = new Map(templateFileNames(site.files).map((f) => [f, site.files.get(f)!]));
  const out: Location[] = [];
  if (includeDeclaration) {
    const range = keyRange(site.text, path);
    if (range) out.push({ uri, range });
  }
  return [...out, ...useLocations(site, texts, path)];
}

/** From a key of a user's values file: the chart's default in its values.yaml. */
export function valuesDefinition(site: ValuesSite, uri: string, position: Position): Location[] {
  const name = valuesFileName(site.files);
  if (!name || uri === site.chartUri + name) return [];
  const node = site.model.byId.get(pathId(valuesPathAt(site.text, position)));
  return node && !node.unset ? [{ uri: site.chartUri + name, range: node.range }] : [];
}
