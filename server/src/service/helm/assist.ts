/** Completion and hover in a values file tied to a chart. Markdown out, in one language. */
import { stringify } from 'yaml';
import { fill } from '../i18n/format';
import { pathAtOffset } from '../parse/nodes';
import type { Lang, Position, Range } from '../types';
import { helmLabels, storageExplanations, valueTypeNames } from './valuesMessages';
import { pathId } from './paths';
import { isStorageValue } from './storage';
import type { ChartModel, TemplateUse, ValueType } from './types';
import { knownChildKeys, parseValues, spanRange } from './valuesFile';
import { documentAt } from './valuesDocuments';

/** Builds a link to a chart file line for markdown (undefined: plain text). `line` is 0-based. */
export type ChartLink = (file: string, line: number) => string | undefined;

export interface HelmHover {
  contents: string;
  range: Range;
}

export interface ValueCompletion {
  label: string;
  kind: 'key' | 'value';
  detail: string;
  /** Markdown. */
  documentation: string;
  insertText: string;
  /** Storage values sort first. */
  sortText: string;
}

const MAX_USES_SHOWN = 8;

function shortYaml(value: unknown): string {
  if (value === undefined) return '';
  const text = stringify(value, { lineWidth: 0 }).trimEnd();
  return text.length > 600 ? text.slice(0, 600) + '\n…' : text;
}

function usesOf(model: ChartModel, id: string): TemplateUse[] {
  return model.uses.filter((u) => u.id === id);
}

/** The card of one value: comment, type, default, storage meaning, template uses. */
export function valueCard(
  model: ChartModel,
  path: readonly string[],
  lang: Lang,
  link: ChartLink = () => undefined,
): string | undefined {
  const id = pathId(path);
  const node = model.byId.get(id);
  const uses = usesOf(model, id);
  if (!node && !uses.length) return undefined;
  const parts: string[] = [];
  const type: ValueType | undefined = node?.type;
  parts.push(`**\`${id}\`**` + (type && !node?.unset ? ` — ${valueTypeNames[type][lang]}` : ''));
  const doc = [node?.doc, node?.trailing].filter(Boolean).join('\n\n');
  if (doc) parts.push(doc.replace(/\n(?!\n)/g, '  \n'));
  if (node?.unset) {
    parts.push(`${helmLabels.unsetDocumented[lang]}\n\n\`\`\`yaml\n${node.unset.example}\n\`\`\``);
  } else if (node && node.type !== 'object') {
    parts.push(
      `${helmLabels.default[lang]}:\n\n\`\`\`yaml\n${shortYaml(node.defaultValue)}\n\`\`\``,
    );
  }
  if (node?.storage)
    parts.push(`**${helmLabels.storage[lang]}.** ${storageExplanations[node.storage][lang]}`);
  if (uses.length) {
    const lines = uses.slice(0, MAX_USES_SHOWN).map((u) => {
      const where = `${u.file}:${u.line + 1}`;
      const target = link(u.file, u.line);
      return `- ${target ? `[${where}](${target})` : `\`${where}\``} \`${u.text.replace(/`/g, "'")}\``;
    });
    if (uses.length > MAX_USES_SHOWN)
      lines.push(`- ${fill(helmLabels.more[lang], { count: uses.length - MAX_USES_SHOWN })}`);
    parts.push(`${helmLabels.usedIn[lang]}:\n\n${lines.join('\n')}`);
  } else if (node && !node.children.length) {
    parts.push(`_${helmLabels.notUsed[lang]}_`);
  }
  return parts.join('\n\n');
}

export function valuesHover(
  model: ChartModel,
  text: string,
  position: Position,
  lang: Lang,
  link?: ChartLink,
): HelmHover | undefined {
  const { docs, lineCounter } = parseValues(text);
  const lineStart = lineCounter.lineStarts[position.line];
  if (lineStart === undefined) return undefined;
  const offset = lineStart + position.character;
  const doc = documentAt(docs, offset);
  if (!doc) return undefined;
  const at = pathAtOffset(doc, offset);
  const path: string[] = [];
  for (const seg of at.path) {
    if (typeof seg !== 'string') break;
    path.push(seg);
  }
  // On a value inside a list, describe the list's key.
  while (
    path.length &&
    !model.byId.has(pathId(path)) &&
    !model.uses.some((u) => u.id === pathId(path))
  )
    path.pop();
  if (!path.length) return undefined;
  const contents = valueCard(model, path, lang, link);
  const node = at.node;
  if (!contents || !node?.range) return undefined;
  return { contents, range: spanRange(lineCounter, [node.range[0], node.range[1]]) };
}

const KEY_LINE = /^(\s*)([^\s#:'"][^:#]*?|"[^"]*"|'[^']*'):\s*(?:#.*)?$/;

/** The keys enclosing a line, found by indentation (works while the file is half-typed). */
function enclosingPath(
  lines: readonly string[],
  line: number,
  indent: number,
): string[] | undefined {
  const path: string[] = [];
  let limit = indent;
  for (let i = line - 1; i >= 0 && limit > 0; i--) {
    const text = lines[i]!;
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const ownIndent = text.length - text.trimStart().length;
    if (ownIndent >= limit) continue;
    if (text.trimStart().startsWith('-')) return undefined;
    const m = KEY_LINE.exec(text);
    if (!m) return undefined;
    path.unshift(m[2]!.replace(/^["']|["']$/g, ''));
    limit = ownIndent;
  }
  return path;
}

export function valuesCompletion(
  model: ChartModel,
  text: string,
  position: Position,
  lang: Lang,
): ValueCompletion[] {
  const lines = text.split(/\r?\n/);
  const current = lines[position.line] ?? '';
  const before = current.slice(0, position.character);
  const keyTyping = /^(\s*)([\w.-]*)$/.exec(before);
  const valueTyping = /^(\s*)([\w.-]+):\s*(\S*)$/.exec(before);
  if (keyTyping) {
    const indent = keyTyping[1]!.length;
    const parent = enclosingPath(lines, position.line, indent);
    if (!parent) return [];
    // Keys already written under the same parent.
    const present = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      if (i === position.line) continue;
      const m = KEY_LINE.exec(lines[i]!) ?? /^(\s*)([\w.-]+):/.exec(lines[i]!);
      if (
        m &&
        m[1]!.length === indent &&
        enclosingPath(lines, i, indent)?.join('\u0000') === parent.join('\u0000')
      ) {
        present.add(m[2]!);
      }
    }
    const out: ValueCompletion[] = [];
    for (const key of knownChildKeys(model, parent)) {
      if (present.has(key)) continue;
      const path = [...parent, key];
      const node = model.byId.get(pathId(path));
      const storage = node ? isStorageValue(node, model.byId) : false;
      const nested = node?.type === 'object' || (node?.children.length ?? 0) > 0;
      out.push({
        label: key,
        kind: 'key',
        detail: node
          ? node.unset
            ? `${node.type} (${helmLabels.unsetDocumented[lang].split(';')[0]})`
            : valueTypeNames[node.type][lang]
          : '',
        documentation: valueCard(model, path, lang) ?? '',
        // Relative indentation: the editor adds the line's own indentation to following lines.
        insertText: nested ? `${key}:\n  ` : `${key}: `,
        sortText: `${storage ? '0' : '1'}${String(node?.line ?? 99999).padStart(6, '0')}${key}`,
      });
    }
    return out;
  }
  if (valueTyping) {
    const indent = valueTyping[1]!.length;
    const parent = enclosingPath(lines, position.line, indent);
    if (!parent) return [];
    const path = [...parent, valueTyping[2]!];
    const node = model.byId.get(pathId(path));
    if (!node) return [];
    const values: string[] = [];
    if (
      !node.unset &&
      node.type !== 'object' &&
      node.type !== 'array' &&
      node.defaultValue !== undefined
    ) {
      values.push(shortYaml(node.defaultValue));
    }
    if (node.type === 'boolean') values.push('true', 'false');
    if (node.storage === 'storageClass') values.push('"-"');
    if (node.storage === 'accessMode')
      values.push('ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod');
    if (node.storage === 'accessModes')
      values.push('[ReadWriteOnce]', '[ReadWriteMany]', '[ReadOnlyMany]', '[ReadWriteOncePod]');
    const doc = valueCard(model, path, lang) ?? '';
    return [...new Set(values)]
      .filter((v) => v && !v.includes('\n'))
      .map((v, i) => ({
        label: v,
        kind: 'value' as const,
        detail: i === 0 && values[0] === v ? helmLabels.default[lang] : '',
        documentation: doc,
        insertText: v,
        sortText: String(i).padStart(3, '0'),
      }));
  }
  return [];
}
