/**
 * The values behind help in templates: the values files tied to a chart (parsed once per text,
 * bounded), what they set at a path, and where a path is written (the chart's values.yaml, then
 * the tied files).
 */
import { excessiveNesting } from '../parse/limits';
import type { Lang, Range } from '../types';
import { valuesFileName } from './chart';
import { pathId } from './paths';
import type { Location, TemplateSite } from './templateSites';
import { templateAssistMessages as m } from './templateAssistMessages';
import { parseValues, spanRange } from './valuesFile';
import { winningNodes } from './valuesDocuments';
import { MAX_VALUES_NESTING, valueAt } from './valuesTree';

/** Parsed values texts (the tied files are read for every completion item), guarded. */
const tiedCache = new Map<string, unknown>();

export function tiedData(text: string): unknown {
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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(
  data: unknown,
  path: readonly string[],
): Record<string, unknown> | undefined {
  let at: unknown = data;
  for (const key of path) at = isObject(at) ? at[key] : undefined;
  return isObject(at) ? at : undefined;
}

/** What the tied values files set at a path, as Markdown lines (undefined when none does). */
export function tiedText(
  site: TemplateSite,
  path: readonly string[],
  lang: Lang,
): string | undefined {
  const lines: string[] = [];
  for (const tied of site.tied) {
    const found = valueAt(tiedData(tied.text), path);
    if (!found) continue;
    const value = isObject(found.value) ? '{…}' : shortValue(found.value);
    lines.push(`- \`${tied.label}\`: \`${value.replace(/`/g, "'")}\``);
  }
  return lines.length ? `${m.setInValuesFiles[lang]}\n\n${lines.join('\n')}` : undefined;
}

export function shortValue(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? '');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A key path's range in a values text (the key of the document whose value wins), if written there. */
export function keyRange(text: string, path: readonly string[]): Range | undefined {
  if (text.length > MAX_TIED_TEXT || excessiveNesting(text, MAX_VALUES_NESTING) !== undefined)
    return undefined;
  const { docs, lineCounter } = parseValues(text);
  const r = winningNodes(docs, path)?.key?.range;
  return r ? spanRange(lineCounter, [r[0], r[1]]) : undefined;
}

/** The values files where a path is written: the chart's values.yaml, then the tied files. */
export function valueLocations(site: TemplateSite, path: readonly string[]): Location[] {
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
