/**
 * Inline suppression comments:
 *   # kube-storage-disable-next-line <id>[, <id>...]   the next line
 *   # kube-storage-disable <id>[, <id>...]             the whole `---` document holding the comment
 *   # kube-storage-disable-file <id>[, <id>...]        the whole file, wherever the comment is
 * Without ids every rule is silenced. Text after ` -- ` is a free-form reason.
 * YAML that cannot be read (syntax errors, duplicate keys, nesting) is never silenced: kubectl
 * refuses such a file whatever the comments say.
 */
import type { ParsedChunk } from '../parse/chunk';
import type { WorkspaceFile } from '../workspace/file';

const COMMENT = /#\s*kube-storage-disable(-next-line|-file)?(?=\s|$)([^\n]*)/g;

/** Codes no comment silences: the file is not YAML Kubernetes can read. */
const UNSUPPRESSIBLE = new Set([
  'yaml-syntax',
  'yaml-nesting-limit',
  'duplicate-key',
  'file-too-large',
  'helm-values-not-map',
]);

/** Can a suppression comment silence diagnostics with this code? */
export function isSuppressible(code: string): boolean {
  return !UNSUPPRESSIBLE.has(code);
}

export interface Suppressions {
  /** Does a suppression cover `code` on `line` (0-based, absolute)? */
  covers(code: string, line: number): boolean;
}

type Ids = Set<string> | 'all';

function parseIds(rest: string): Ids {
  const ids = rest
    .split(' -- ')[0]!
    .split(/[\s,]+/)
    .filter(Boolean);
  return ids.length ? new Set(ids) : 'all';
}

function matches(ids: Ids | undefined, code: string): boolean {
  return ids === 'all' || (ids !== undefined && ids.has(code));
}

const cache = new WeakMap<WorkspaceFile, Suppressions>();

const none: Suppressions = { covers: () => false };

/**
 * Whether a chunk's text names a suppression comment at all, kept per chunk: chunks are reused
 * across edits, so a keystroke in a large file does not search its whole text again. The chunks
 * cover the text, and the word holds no line break, so no occurrence spans two chunks.
 */
const mentions = new WeakMap<ParsedChunk, boolean>();

function mentionsDisable(chunk: ParsedChunk): boolean {
  let hit = mentions.get(chunk);
  if (hit === undefined) mentions.set(chunk, (hit = chunk.text.includes('kube-storage-disable')));
  return hit;
}

export function suppressionsOf(file: WorkspaceFile): Suppressions {
  const hit = cache.get(file);
  if (hit) return hit;
  if (!file.chunks.some((placed) => mentionsDisable(placed.chunk))) {
    cache.set(file, none);
    return none;
  }
  const nextLine = new Map<number, Ids[]>();
  const ranges: { from: number; to: number; ids: Ids }[] = [];
  file.chunks.forEach((placed, i) => {
    const text = placed.chunk.text;
    const to = file.chunks[i + 1]?.startLine ?? Number.MAX_SAFE_INTEGER;
    for (const m of text.matchAll(COMMENT)) {
      const ids = parseIds(m[2] ?? '');
      const line = placed.startLine + countLines(text, m.index ?? 0);
      if (m[1] === '-file') {
        ranges.push({ from: 0, to: Number.MAX_SAFE_INTEGER, ids });
      } else if (m[1]) {
        const list = nextLine.get(line + 1);
        if (list) list.push(ids);
        else nextLine.set(line + 1, [ids]);
      } else {
        ranges.push({ from: placed.startLine, to, ids });
      }
    }
  });
  const result: Suppressions = {
    covers(code, line) {
      if (!isSuppressible(code)) return false;
      if (nextLine.get(line)?.some((ids) => matches(ids, code))) return true;
      return ranges.some((r) => line >= r.from && line < r.to && matches(r.ids, code));
    },
  };
  cache.set(file, result);
  return result;
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
