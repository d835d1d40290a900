/**
 * Completion inside a template action: `include`/`template` names, `.Values` paths (the chart's
 * values.yaml and the tied values files) and Helm's built-in objects.
 */
import type { KubeCompletionItem } from '../completion/types';
import type { Lang, Position, Range } from '../types';
import { valueCard } from './assist';
import { builtinChildren, type BuiltinField } from './builtins';
import { pathId } from './paths';
import type { TemplateSite } from './templateSites';
import { defineNames } from './templateAssistNamed';
import { actionAt, offsetOf, positionOf } from './templateAssistText';
import { isObject, objectAt, shortValue, tiedData, tiedText } from './templateAssistValues';
import { dotAt } from './templateUses';
import { valueTypeNames } from './valuesMessages';
import { valueAt } from './valuesTree';
import { typeOf } from './valuesTree';

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
  // `.` inside `with .Values.a` is a, inside `range .Values.list` each item of it.
  const dot = base === '' ? dotAt(site.text, action.start) : undefined;
  if (dot?.kind === 'values') return valueKeyItems(site, [...dot.path, ...fields], range, lang);
  if (dot?.kind === 'each') return itemKeyItems(site, dot.path, fields, range, lang);
  return builtinChildren(fields).map((b, i) => builtinItem(b, fields, range, lang, i));
}

/**
 * The keys of the items a `range` walks (a list's items, a map's values), from the chart's
 * defaults and the tied values files, then down `fields`.
 */
function itemKeyItems(
  site: TemplateSite,
  path: readonly string[],
  fields: readonly string[],
  range: Range,
  lang: Lang,
): KubeCompletionItem[] {
  const sources: { label: string; data: unknown }[] = [
    { label: 'values.yaml', data: site.model.byId.get(pathId(path))?.defaultValue },
    ...site.tied.map((t) => ({ label: t.label, data: valueAt(tiedData(t.text), path)?.value })),
  ];
  const items: KubeCompletionItem[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const list = Array.isArray(source.data)
      ? source.data
      : isObject(source.data)
        ? Object.values(source.data)
        : [];
    for (const item of list) {
      const at = objectAt(item, fields);
      if (!at) continue;
      for (const [key, value] of Object.entries(at)) {
        if (seen.has(key) || !/^[A-Za-z_]\w*$/.test(key)) continue;
        seen.add(key);
        const type = valueTypeNames[typeOf(value)][lang];
        items.push({
          label: key,
          kind: 'field',
          detail: `${type}${isObject(value) ? '' : ` = ${shortValue(value)}`} (${source.label})`,
          insertText: key,
          snippet: false,
          range,
          sortText: String(items.length).padStart(4, '0'),
        });
      }
    }
  }
  return items;
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
