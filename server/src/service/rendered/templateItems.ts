/**
 * Whether a template line can lie in the rendered list items around a field, told by their
 * names: a field of container `nextcloud` was not printed by a line of the container the
 * template names `{{ .Chart.Name }}-nginx` (a branch that may not even be rendered), though both
 * write the same `volumeMounts[].subPath` key path.
 */
import type { TemplateKeyLine } from './templateLines';
import { linePattern, sameKeys } from './templatePatterns';

/** A rendered list item around the field: the keys of its list and its `name`. */
export interface OuterItem {
  /** Keys from the document root to the list (`spec.template.spec.containers`). */
  listKeys: readonly string[];
  name: string;
}

/**
 * The template line at `line` lies in items that may carry the rendered names: for each outer
 * item, the template's item around the line has no `name:` line, or one that can print the name.
 */
export function fitsOuterItems(
  line: number,
  keyLines: readonly TemplateKeyLine[],
  lines: readonly string[],
  outer: readonly OuterItem[],
): boolean {
  return outer.every((item) => {
    const nameLine = itemNameLine(line, keyLines, lines, item.listKeys);
    return nameLine === undefined || namePrints(lines[nameLine]!, item.name);
  });
}

/** A key line that starts an item of the list (`- name: x`, `- image: y`). */
function startsItem(k: TemplateKeyLine, lines: readonly string[], listKeys: readonly string[]) {
  return (
    k.keys.length === listKeys.length + 1 &&
    sameKeys(k.keys.slice(0, -1), listKeys) &&
    /^\s*-\s/.test(lines[k.line]!)
  );
}

/** The `name:` line of the list item (of the list at `listKeys`) that `line` is in. */
function itemNameLine(
  line: number,
  keyLines: readonly TemplateKeyLine[],
  lines: readonly string[],
  listKeys: readonly string[],
): number | undefined {
  let at = -1;
  keyLines.forEach((k, i) => {
    if (k.line <= line && startsItem(k, lines, listKeys)) at = i;
  });
  if (at < 0) return undefined;
  const start = keyLines[at]!;
  const column = lines[start.line]!.length - lines[start.line]!.trimStart().length;
  for (const k of keyLines.slice(at)) {
    if (k !== start && startsItem(k, lines, listKeys)) return undefined;
    if (k.document !== start.document) return undefined;
    // The item ends at the first key line indented no deeper than its dash.
    const lead = lines[k.line]!.length - lines[k.line]!.trimStart().length;
    if (k !== start && lead <= column) return undefined;
    if (k.keys.length === listKeys.length + 1 && k.keys.at(-1) === 'name') return k.line;
  }
  return undefined;
}

/** The template's `name:` line can print the rendered name (quotes around either side aside). */
function namePrints(templateLine: string, name: string): boolean {
  const value = templateLine.replace(/^[\s-]*name:\s*/, '').trim();
  const unquoted = /^(["'])(.*)\1$/.exec(value)?.[2] ?? value;
  return linePattern(unquoted).test(name);
}
