/**
 * Which of several template lines that fit a rendered field printed it: the one whose list item
 * (or document) holds the rendered item's lines — as written, as printed with a literal default,
 * as a pattern of its actions — and, on a tie, the one whose value-printing lines print the
 * rendered lines with the values filled in.
 */
import { printedWithDefaults } from './printedDefaults';
import type { TemplateLineQuery } from './templateLines';
import {
  linePattern,
  ONLY_ACTION,
  valueLinePattern,
  withoutDashes,
  type ValueText,
} from './templatePatterns';

/** The one line left, or the one whose list item (or document) fits the rendered one best. */
export function byContext(
  candidates: readonly { line: number }[],
  query: TemplateLineQuery,
  templateText: string,
): number | undefined {
  if (candidates.length === 1) return candidates[0]!.line;
  if (!candidates.length || !query.contextLines?.length) return undefined;
  const lines = templateText.split(/\r?\n/);
  const wanted = new Set(query.contextLines.map(withoutDashes).filter((l) => l && !/^#/.test(l)));
  const scored = candidates.map((c) => {
    const [from, to] = enclosingItem(lines, c.line);
    const exact = new Set<string>();
    const fits = new Set<string>();
    for (let i = from; i < to; i++) {
      const printed = renderedBy(lines[i]!, wanted);
      for (const line of printed.exact) exact.add(line);
      for (const line of printed.fits) fits.add(line);
    }
    // Lines printed as written (or with a literal default) weigh more than lines a pattern fits.
    return { line: c.line, from, to, score: exact.size * (wanted.size + 1) + fits.size };
  });
  const bestScore = Math.max(...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score === bestScore);
  const found = bestScore ? narrowest(best) : undefined;
  if (found || !query.valueText) return found?.line;
  return byValues(best, lines, wanted, query.valueText)?.line;
}

/**
 * Of candidates whose items hold the same literal lines, the one whose item holds most rendered
 * lines as its value-printing lines print them with the values filled in; none on a tie.
 */
function byValues<T extends { from: number; to: number }>(
  tied: readonly T[],
  lines: readonly string[],
  wanted: ReadonlySet<string>,
  valueText: ValueText,
): T | undefined {
  const scored = tied.map((c) => {
    let score = 0;
    for (let i = c.from; i < c.to; i++) {
      const pattern = /\{\{/.test(lines[i]!) ? valueLinePattern(lines[i]!, valueText) : undefined;
      if (pattern && [...wanted].some((w) => pattern.test(w))) score++;
    }
    return { c, score };
  });
  const top = Math.max(...scored.map((s) => s.score));
  const winners = scored.filter((s) => s.score === top);
  return top > 0 && winners.length === 1 ? winners[0]!.c : undefined;
}

/**
 * The rendered lines (of `wanted`) a template line could have printed. `exact`: itself, written
 * as rendered, or with actions in it, as it prints with its values unset when that is one of
 * them (a literal default, `name: {{ .Values.x | default "data" }}`, tells two items apart).
 * `fits`: with actions, the lines its pattern fits (`- name: {{ include "x.fullname" . }}-logs`
 * printed `name: shop-logs`, not `name: shop-data`); a line that is only an action fits anything
 * and tells nothing.
 */
function renderedBy(
  text: string,
  wanted: ReadonlySet<string>,
): { exact: string[]; fits: string[] } {
  const none: string[] = [];
  if (!/\{\{/.test(text)) {
    const plain = withoutDashes(text);
    return { exact: wanted.has(plain) ? [plain] : none, fits: none };
  }
  const printed = printedWithDefaults(text);
  const plain = printed === undefined ? undefined : withoutDashes(printed);
  if (plain !== undefined && wanted.has(plain)) return { exact: [plain], fits: none };
  if (ONLY_ACTION.test(text) || !text.trim()) return { exact: none, fits: none };
  const pattern = linePattern(text);
  return { exact: none, fits: [...wanted].filter((line) => pattern.test(line)) };
}

/**
 * Of candidates whose regions hold the same rendered lines, the one whose region lies within
 * every other's: a wider region (the whole document around an item) found nothing the narrower
 * one did not (`- name: data` with an include in it, beside a `toYaml` of extra volumes).
 */
function narrowest<T extends { from: number; to: number }>(tied: readonly T[]): T | undefined {
  if (tied.length === 1) return tied[0];
  const within = (a: T, b: T) => b.from <= a.from && a.to <= b.to && b.to - b.from > a.to - a.from;
  return tied.find((a) => tied.every((b) => b === a || within(a, b)));
}

/**
 * The lines [from, to) of the list item a template line is in: from the nearest `- ` above (or
 * on) it that is less indented than its text, to the next line of text indented no deeper than
 * that dash (action-only lines do not count: `{{- end }}`). Outside any item: its `---` document.
 */
function enclosingItem(lines: readonly string[], line: number): [number, number] {
  const own = lines[line]!;
  let indent = own.length - own.trimStart().length;
  const dashes = /^(\s*)((?:-\s+)*)/.exec(own)!;
  if (dashes[2]) indent = dashes[1]!.length + dashes[2].length;
  // `nindent` starts a new line: what it prints starts at its width, wherever the action is.
  const width = ONLY_ACTION.test(own) ? /\b(n?)indent\s+(\d+)/.exec(own) : undefined;
  if (width?.[1]) indent = Number(width[2]);
  else if (width) indent = Math.max(indent, Number(width[2]));
  const text = (i: number) => {
    const raw = lines[i]!;
    return raw.trim() && !raw.trim().startsWith('#') && !ONLY_ACTION.test(raw);
  };
  for (let i = line; i >= 0; i--) {
    const raw = lines[i]!;
    if (/^---(\s|$)/.test(raw)) break;
    if (!text(i)) continue;
    const lead = raw.length - raw.trimStart().length;
    if (raw.trimStart().startsWith('- ') && lead < indent) {
      let end = i + 1;
      for (; end < lines.length; end++) {
        if (/^---(\s|$)/.test(lines[end]!)) break;
        if (text(end) && lines[end]!.length - lines[end]!.trimStart().length <= lead) break;
      }
      return [i, end];
    }
    if (lead < indent) indent = lead;
    if (lead === 0) break;
  }
  let from = line;
  while (from > 0 && !/^---(\s|$)/.test(lines[from - 1]!)) from--;
  let to = line + 1;
  while (to < lines.length && !/^---(\s|$)/.test(lines[to]!)) to++;
  return [from, to];
}
