/**
 * "Disable <code> for this line" and "… in this file": the edits that write a suppression comment
 * (rules/suppress.ts), merged into the comment already there when there is one. Work on any YAML
 * file of the workspace: manifests and Helm values files alike.
 */
import { localize } from '../../i18n/format';
import type { LocalizedText, Range } from '../../types';
import type { QuickFix } from '../types';
import type { TextEditLike } from './edits';

const NEXT_LINE = /^(\s*)#\s*kube-storage-disable-next-line\s+([^\s-][^\n]*?)\s*$/;
const FILE = /^\s*#\s*kube-storage-disable-file\s+([^\s-][^\n]*?)\s*$/;

export const disableTitles = {
  line: { en: 'Disable `{code}` for this line', ru: 'Отключить проверку `{code}` для этой строки' },
  file: { en: 'Disable `{code}` in this file', ru: 'Отключить проверку `{code}` во всём файле' },
} satisfies Record<string, LocalizedText>;

interface Lines {
  lines: string[];
  eol: string;
}

function linesOf(text: string): Lines {
  return { lines: text.split(/\r?\n/), eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** The column where the id list of a comment ends (before a ` -- reason`). */
function idsEnd(line: string, idsStart: number): number {
  const reason = line.indexOf(' -- ', idsStart);
  return (reason === -1 ? line : line.slice(0, reason)).trimEnd().length;
}

function mergeInto(
  line: string,
  lineNo: number,
  directive: string,
  ids: string,
  code: string,
): TextEditLike | null {
  const list = ids
    .split(' -- ')[0]!
    .split(/[\s,]+/)
    .filter(Boolean);
  if (list.includes(code)) return null;
  const start = line.indexOf(directive) + directive.length;
  const at = { line: lineNo, character: idsEnd(line, start) };
  return { uri: '', range: { start: at, end: at }, newText: `, ${code}` };
}

/**
 * `# kube-storage-disable-next-line <code>` above the diagnostic's line, at its indentation, or
 * `<code>` added to such a comment right above. Undefined when the line holds no content a
 * comment could precede (a blank line, or a diagnostic of the whole file at its very start).
 */
export function disableLineFix(
  uri: string,
  text: string,
  code: string,
  range: Range,
): QuickFix | undefined {
  const { lines, eol } = linesOf(text);
  const lineNo = range.start.line;
  const line = lines[lineNo];
  if (line === undefined || !line.trim() || line.trimStart().startsWith('#')) return undefined;
  const title = localize(disableTitles.line, { code });
  const above = lineNo > 0 ? lines[lineNo - 1]! : undefined;
  const m = above === undefined ? null : NEXT_LINE.exec(above);
  if (m && above !== undefined) {
    const merged = mergeInto(above, lineNo - 1, 'kube-storage-disable-next-line', m[2]!, code);
    if (merged) return { title, edits: [{ ...merged, uri }] };
    return undefined;
  }
  const indent = /^\s*/.exec(line)![0];
  const at = { line: lineNo, character: 0 };
  return {
    title,
    edits: [
      {
        uri,
        range: { start: at, end: at },
        newText: `${indent}# kube-storage-disable-next-line ${code}${eol}`,
      },
    ],
  };
}

/** `# kube-storage-disable-file <code>` at the top of the file, or `<code>` added to it. */
export function disableFileFix(uri: string, text: string, code: string): QuickFix | undefined {
  const { lines, eol } = linesOf(text);
  const title = localize(disableTitles.file, { code });
  for (let i = 0; i < lines.length; i++) {
    const m = FILE.exec(lines[i]!);
    if (!m) continue;
    const merged = mergeInto(lines[i]!, i, 'kube-storage-disable-file', m[1]!, code);
    return merged ? { title, edits: [{ ...merged, uri }] } : undefined;
  }
  const at = { line: 0, character: 0 };
  return {
    title,
    edits: [
      { uri, range: { start: at, end: at }, newText: `# kube-storage-disable-file ${code}${eol}` },
    ],
  };
}
