/**
 * From a rendered field back to the template line that printed it. Helm's output lines are not
 * the template's lines (includes, `nindent`, conditionals and `range` shift them), so the line is
 * found by the field's key path: the template's own `key:` lines are read by their indentation,
 * with Helm actions left out. A line is given only when exactly one template line fits; a field
 * printed by `toYaml`/`include` under a key (on the lines below it, or after it on its own line:
 * `template: {{- include "x.pod" . | nindent 4 }}`) gets that key's line, and a field of a
 * template that writes no key at all its one printing action's line. Of list items written alike,
 * the one holding the rendered item's lines wins, with the values the item prints filled in when
 * its literal lines do not tell (templatePatterns.ts). Otherwise the answer is the template file
 * without a line.
 */
import { escapeRegExp } from '../text/regExp';
import { byContext } from './templateContext';
import { fitsOuterItems, type OuterItem } from './templateItems';
import {
  linePattern,
  ONLY_ACTION,
  sameKeys,
  withoutDashes,
  type ValueText,
} from './templatePatterns';

export { linePattern } from './templatePatterns';

export interface TemplateKeyLine {
  /** 0-based line in the template file. */
  line: number;
  /** Keys from the document root (list items add no key). */
  keys: string[];
  /** The line's text without Helm actions, trimmed (`storage: ""` for `storage: {{ … }}`). */
  plain: string;
  /** The next deeper line is a Helm action (`{{- toYaml … | nindent }}`, `{{ include … }}`). */
  actionBelow: boolean;
  /** The template's `---` document the line is in. */
  document: number;
}

const KEY_LINE = /^(\s*)((?:-\s+)*)((?:"[^"]*"|'[^']*'|[^\s#{"'][^:#{]*?)):(?:\s|$)/;

export function templateKeyLines(text: string): TemplateKeyLine[] {
  const lines = text.split(/\r?\n/);
  const out: TemplateKeyLine[] = [];
  let stack: { indent: number; key: string }[] = [];
  let document = 0;
  lines.forEach((raw, line) => {
    if (/^---(\s|$)/.test(raw)) {
      stack = [];
      if (out.length || line > 0) document++;
      return;
    }
    if (!raw.trim() || raw.trim().startsWith('#') || ONLY_ACTION.test(raw)) return;
    const m = KEY_LINE.exec(raw);
    if (!m) return;
    const indent = m[1]!.length + m[2]!.length;
    const key = m[3]!.trim().replace(/^["']|["']$/g, '');
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key });
    out.push({
      line,
      keys: stack.map((s) => s.key),
      plain: raw.replace(/\{\{[\s\S]*?\}\}/g, '').trim(),
      actionBelow:
        printsBlockAfterKey(raw.slice(m[0].length)) || actionFollows(lines, line, m[1]!.length),
      document,
    });
  });
  return out;
}

/**
 * What follows a key on its own line is one action that prints a block under it:
 * `template: {{- include "x.pod" . | nindent 4 }}`, `securityContext: {{- toYaml . | nindent 12 }}`,
 * `securityContext: {{- . | nindent 8 }}`.
 */
function printsBlockAfterKey(rest: string): boolean {
  if (!ONLY_ACTION.test(rest)) return false;
  return (
    /\{\{-?\s*(toYaml|toJson|include|tpl|template)\b/.test(rest) || /\|\s*n?indent\s+\d+/.test(rest)
  );
}

/** The first non-blank line after `line` is a Helm action indented deeper than the key. */
function actionFollows(lines: readonly string[], line: number, indent: number): boolean {
  for (let i = line + 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (!text.trim()) continue;
    const lead = text.length - text.trimStart().length;
    return ONLY_ACTION.test(text) && /\{\{-?\s*(toYaml|toJson|include|tpl|template)\b/.test(text)
      ? lead > indent || /nindent|indent/.test(text)
      : false;
  }
  return false;
}

export interface TemplateLineQuery {
  /** The rendered field's path: keys and list indices. */
  path: readonly (string | number)[];
  /** The rendered `key: value` line, trimmed, for telling identical key paths apart. */
  renderedLine?: string;
  /** Values the field was traced to (`persistence.size`): a template line that names one wins. */
  valuePaths?: readonly string[];
  /**
   * The rendered lines around the field, trimmed: the list item it is in (the deepest one), else
   * its document. Of two template lines that fit, the one whose item holds more of these lines
   * as written, or as printed with its values unset (`name: {{ .Values.x | default "data" }}`),
   * wins (`name: data` tells the claim templates `data` and `logs` apart).
   */
  contextLines?: readonly string[];
  /**
   * The named list items the field is in, outside the deepest one (its container, its claim
   * template): a template line in an item whose `name:` cannot print that name is not the one.
   */
  outerItems?: readonly OuterItem[];
  /**
   * The text of a value in the values the chart was rendered with: when the items' literal lines
   * do not tell them apart, the item whose lines print the rendered ones with their values filled
   * in wins (`name: "{{ … }}-{{ .Values.data.name }}"` against `…-{{ .Values.datalog.name }}"`).
   */
  valueText?: ValueText;
}

/** The template line of a rendered field, or undefined when no single line fits. */
export function templateLineOf(
  keyLines: readonly TemplateKeyLine[],
  query: TemplateLineQuery,
  templateText: string,
): number | undefined {
  // A template that writes no key of its own prints all it prints by its one action.
  if (!keyLines.length) return soleAction(templateText);
  const keys = query.path.filter((p): p is string => typeof p === 'string');
  if (!keys.length) return keyLines[0]?.line;
  const lines = templateText.split(/\r?\n/);
  const fits = ({ line }: { line: number }) =>
    fitsOuterItems(line, keyLines, lines, query.outerItems ?? []);
  // A line that cannot print the rendered text did not print it (`subPath: {{ $hook }}.sh` is
  // not where `subPath: data` came from: an include beside it was). Only a rendered line of the
  // field's own key tells: a list item's (`- "ReadWriteOnce"`, printed by a `range` below its
  // key) or another key's (a missing field is reported on the object's name) does not.
  const ownLine = query.renderedLine !== undefined && lineKey(query.renderedLine) === keys.at(-1);
  const prints = (k: TemplateKeyLine) => !ownLine || canPrint(lines[k.line]!, query.renderedLine!);
  const exact = keyLines.filter((k) => sameKeys(k.keys, keys) && fits(k) && prints(k));
  if (exact.length) return pick(exact, keyLines, query, templateText);
  // A key printed by toYaml/include below one of its ancestors' lines.
  let actions: PrintingAction[] | undefined;
  for (let n = keys.length - 1; n > 0; n--) {
    const above = keyLines.filter(
      (k) => k.actionBelow && sameKeys(k.keys, keys.slice(0, n)) && fits(k),
    );
    if (above.length) return byContext(above, query, templateText);
    // Or by one further down in the ancestor's block (after keys of its own).
    actions ??= printingActions(templateText);
    const owned = actions.filter((a) => sameKeys(a.keys, keys.slice(0, n)) && fits(a));
    if (owned.length) return byContext(owned, query, templateText);
  }
  return undefined;
}

/** The template writes the key of this path as text (a `key:` line), not by an action. */
export function writesKey(
  keyLines: readonly TemplateKeyLine[],
  path: readonly (string | number)[],
): boolean {
  const keys = path.filter((p): p is string => typeof p === 'string');
  return keys.length > 0 && keyLines.some((k) => sameKeys(k.keys, keys));
}

const VALUE_READ = /\$?\.Values((?:\.[A-Za-z_][\w-]*)+)/g;

/**
 * The template lines that would write the field `field` of the object whose key is written at
 * `objectLine` (the `field:` lines right under it), each with the values it reads (`nfs.server`
 * for `server: {{ .Values.nfs.server }}`): on the line itself or on the action lines right under
 * it, indented as far as the key.
 */
export function fieldLines(
  keyLines: readonly TemplateKeyLine[],
  objectLine: number,
  field: string,
  templateText: string,
): { line: number; reads: string[] }[] {
  const object = keyLines.find((k) => k.line === objectLine);
  if (!object) return [];
  const keys = [...object.keys, field];
  const lines = templateText.split(/\r?\n/);
  const column = (line: number) => lines[line]!.length - lines[line]!.trimStart().length;
  const out: { line: number; reads: string[] }[] = [];
  for (const k of keyLines) {
    if (k.line <= objectLine) continue;
    // The object's block ends at the first key line indented no deeper than its key.
    if (column(k.line) <= column(objectLine) && k.keys.length <= object.keys.length) break;
    if (!sameKeys(k.keys, keys)) continue;
    const reads = [...keyBlock(keyLines, lines, k).matchAll(VALUE_READ)].map((m) => m[1]!.slice(1));
    out.push({ line: k.line, reads });
  }
  return out;
}

/**
 * A key's line and the action lines after it, as long as they are indented as far as the key
 * (`{{- range .Values.modes }}` under `accessModes:`; not an `if` further out).
 */
function keyBlock(
  keyLines: readonly TemplateKeyLine[],
  lines: readonly string[],
  c: TemplateKeyLine,
): string {
  const next = keyLines.find((k) => k.line > c.line)?.line ?? lines.length;
  const column = lines[c.line]!.length - lines[c.line]!.trimStart().length;
  let end = c.line + 1;
  while (end < next && lines[end]!.length - lines[end]!.trimStart().length >= column) end++;
  return lines.slice(c.line, end).join('\n');
}

/**
 * The one line of a template that prints YAML (`{{- include "x.render" (list "x" .) -}}`, as
 * charts generated from Go write their templates), when there is exactly one.
 */
function soleAction(text: string): number | undefined {
  const found: number[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    if (ONLY_ACTION.test(raw) && PRINTING_ACTION.test(raw)) found.push(line);
  });
  return found.length === 1 ? found[0] : undefined;
}

interface PrintingAction {
  /** 0-based line of the action. */
  line: number;
  /** The keys of the block it prints into. */
  keys: string[];
}

const PRINTING_ACTION = /^\s*\{\{-?\s*(toYaml|toJson|include|tpl|template)\b/;

/**
 * The lines that are only an action printing YAML (`{{- include "x" . | nindent 8 }}`) with the
 * block they print into: the nearest key line above indented less than what they print (the
 * `nindent`/`indent` width when given, else the action's own column).
 */
function printingActions(text: string): PrintingAction[] {
  const out: PrintingAction[] = [];
  let stack: { indent: number; key: string }[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    if (/^---(\s|$)/.test(raw)) {
      stack = [];
      return;
    }
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    if (ONLY_ACTION.test(raw)) {
      if (!PRINTING_ACTION.test(raw)) return;
      const width = /\bn?indent\s+(\d+)/.exec(raw)?.[1];
      const indent = width !== undefined ? Number(width) : raw.length - raw.trimStart().length;
      const keys = stack.filter((s) => s.indent < indent).map((s) => s.key);
      if (keys.length) out.push({ line, keys });
      return;
    }
    const m = KEY_LINE.exec(raw);
    if (!m) return;
    const indent = m[1]!.length + m[2]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: m[3]!.trim().replace(/^["']|["']$/g, '') });
  });
  return out;
}

/**
 * Several template lines have the field's key path (branches of an `if`, containers of a pod):
 * each clue that some of them have narrows them down, and a line is given when one is left.
 * The clues: the line (or the actions under it) reads a value the field was traced to; the line
 * is written as rendered; its actions could have printed the rendered text.
 */
function pick(
  candidates: readonly TemplateKeyLine[],
  keyLines: readonly TemplateKeyLine[],
  query: TemplateLineQuery,
  templateText: string,
): number | undefined {
  if (candidates.length === 1) return candidates[0]!.line;
  const lines = templateText.split(/\r?\n/);
  let left = candidates;
  const narrow = (keep: (c: TemplateKeyLine) => boolean) => {
    const kept = left.filter(keep);
    if (kept.length) left = kept;
  };
  if (query.valuePaths?.length) {
    narrow((c) =>
      query.valuePaths!.some((p) =>
        new RegExp(`\\.Values\\.${escapeRegExp(p)}\\b`).test(keyBlock(keyLines, lines, c)),
      ),
    );
  }
  if (left.length > 1 && query.renderedLine !== undefined) {
    const rendered = withoutDashes(query.renderedLine);
    const literal = (c: TemplateKeyLine) => !/\{\{/.test(lines[c.line]!);
    const same = left.filter((c) => literal(c) && withoutDashes(lines[c.line]!) === rendered);
    if (same.length) left = same;
    // A line whose actions could have printed the rendered text (`storageClassName: "{{ … }}"`).
    else narrow((c) => !literal(c) && linePattern(lines[c.line]!).test(rendered));
  }
  return byContext(left, query, templateText);
}

/** The key a rendered line writes (`name` of `- name: data`), if it writes one. */
function lineKey(line: string): string | undefined {
  const key = /^\s*(?:-\s+)*("[^"]*"|'[^']*'|[^\s:"'#][^:#]*?):(?:\s|$)/.exec(line)?.[1];
  return key?.replace(/^(["'])(.*)\1$/, '$2');
}

/** `{{ if }}`, `{{ else }}`, `{{ with }}`… on the line: text beside them may not be printed. */
const INLINE_CONTROL = /\{\{-?\s*(?:if|else|with|range|end|define|block)\b/;

/**
 * The template line can print the rendered one: as written, or with its actions printing some
 * text. Blanks are left out of both (the rendered line is trimmed: `storageClassName: {{ "" }}`
 * prints `storageClassName:`); a line with inline conditions could print many things.
 */
function canPrint(templateLine: string, renderedLine: string): boolean {
  if (INLINE_CONTROL.test(templateLine)) return true;
  const rendered = withoutDashes(renderedLine).replace(/\s+/g, '');
  const template = withoutDashes(templateLine).replace(/\s+/g, '');
  if (!/\{\{/.test(template)) return template === rendered;
  return linePattern(template).test(rendered);
}
