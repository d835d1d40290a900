/**
 * From a rendered field back to the template line that printed it. Helm's output lines are not
 * the template's lines (includes, `nindent`, conditionals and `range` shift them), so the line is
 * found by the field's key path: the template's own `key:` lines are read by their indentation,
 * with Helm actions left out. A line is given only when exactly one template line fits; a field
 * printed by `toYaml`/`include` under a key gets that key's line; otherwise the answer is the
 * template file without a line.
 */

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
const ONLY_ACTION = /^\s*\{\{[\s\S]*\}\}\s*$/;

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
      actionBelow: actionFollows(lines, line, m[1]!.length),
      document,
    });
  });
  return out;
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
}

/** The template line of a rendered field, or undefined when no single line fits. */
export function templateLineOf(
  keyLines: readonly TemplateKeyLine[],
  query: TemplateLineQuery,
  templateText: string,
): number | undefined {
  const keys = query.path.filter((p): p is string => typeof p === 'string');
  if (!keys.length) return keyLines[0]?.line;
  const exact = keyLines.filter((k) => sameKeys(k.keys, keys));
  if (exact.length) return pick(exact, keyLines, query, templateText);
  // A key printed by toYaml/include below one of its ancestors' lines.
  let actions: PrintingAction[] | undefined;
  for (let n = keys.length - 1; n > 0; n--) {
    const above = keyLines.filter((k) => k.actionBelow && sameKeys(k.keys, keys.slice(0, n)));
    if (above.length === 1) return above[0]!.line;
    if (above.length > 1) return undefined;
    // Or by one further down in the ancestor's block (after keys of its own).
    actions ??= printingActions(templateText);
    const owned = actions.filter((a) => sameKeys(a.keys, keys.slice(0, n)));
    if (owned.length === 1) return owned[0]!.line;
    if (owned.length > 1) return undefined;
  }
  return undefined;
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

function pick(
  candidates: readonly TemplateKeyLine[],
  keyLines: readonly TemplateKeyLine[],
  query: TemplateLineQuery,
  templateText: string,
): number | undefined {
  if (candidates.length === 1) return candidates[0]!.line;
  const lines = templateText.split(/\r?\n/);
  if (query.valuePaths?.length) {
    // The key's line and the action lines under it, up to the next key.
    const block = (c: TemplateKeyLine): string => {
      const next = keyLines.find((k) => k.line > c.line)?.line ?? lines.length;
      return lines.slice(c.line, next).join('\n');
    };
    const naming = candidates.filter((c) =>
      query.valuePaths!.some((p) => new RegExp(`\\.Values\\.${escape(p)}\\b`).test(block(c))),
    );
    if (naming.length === 1) return naming[0]!.line;
  }
  if (query.renderedLine !== undefined) {
    const same = candidates.filter(
      (c) => !/\{\{/.test(lines[c.line]!) && lines[c.line]!.trim() === query.renderedLine,
    );
    if (same.length === 1) return same[0]!.line;
  }
  return undefined;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
