/**
 * Large files degrade gracefully: above `maxFileSize` bytes a file keeps its YAML syntax checks
 * (parsing is incremental per `---` document, so edits stay cheap) but loses the heavy work —
 * schema validation, storage rules, hover and completion — and says so once, with one
 * information diagnostic on its first line. Files read from disk above the limit are not indexed.
 */
import { syntaxDiagnostics } from './diagnostics/chunkDiagnostics';
import { byPosition } from './diagnostics/fileDiagnostics';
import { limitsMessages } from './i18n/limitsMessages';
import { fill } from './i18n/format';
import { formatSize } from './i18n/numbers';
import type { KubeDiagnostic } from './types';
import type { ParsedChunk } from './parse/chunk';
import { shiftRange, type WorkspaceFile } from './workspace/file';

/** The default of `kubeStorage.maxFileSize`: 2 MiB, far above any hand-written manifest. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export const LARGE_FILE_CODE = 'file-too-large';

/** The UTF-8 size of a text, counting no further than `stopAbove` (enough to compare with a limit). */
export function utf8Size(text: string, stopAbove = Infinity): number {
  if (text.length > stopAbove) return text.length; // at least one byte per code unit
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

/** A UTF-16 code unit takes at most three bytes in UTF-8 (a surrogate pair, four for two). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/** True when even all-CJK text of this length stays within the limit: nothing to count. */
function surelyWithin(length: number, maxFileSize: number): boolean {
  return length * MAX_UTF8_BYTES_PER_UNIT <= maxFileSize;
}

export function isLargeText(text: string, maxFileSize: number): boolean {
  if (maxFileSize <= 0 || surelyWithin(text.length, maxFileSize)) return false;
  return utf8Size(text, maxFileSize) > maxFileSize;
}

const chunkSizes = new WeakMap<ParsedChunk, number>();

/**
 * The UTF-8 size of a file, summed over its `---` chunks (which partition the text). Each chunk's
 * size is counted once, so after an edit only the changed chunks are walked again.
 */
export function fileUtf8Size(file: WorkspaceFile): number {
  let bytes = 0;
  for (const { chunk } of file.chunks) {
    let size = chunkSizes.get(chunk);
    if (size === undefined) {
      size = utf8Size(chunk.text);
      chunkSizes.set(chunk, size);
    }
    bytes += size;
  }
  return bytes;
}

export function isLargeFile(file: WorkspaceFile, maxFileSize: number): boolean {
  if (maxFileSize <= 0 || surelyWithin(file.text.length, maxFileSize)) return false;
  return file.text.length > maxFileSize || fileUtf8Size(file) > maxFileSize;
}

/** What a large file gets instead of the full check: the notice, then syntax problems only. */
const syntaxByChunk = new WeakMap<ParsedChunk, KubeDiagnostic[]>();

/** A chunk's syntax diagnostics, computed once: an edit of a large file re-reads only its own. */
function chunkSyntax(chunk: ParsedChunk): KubeDiagnostic[] {
  let found = syntaxByChunk.get(chunk);
  if (!found) {
    found = syntaxDiagnostics(chunk);
    syntaxByChunk.set(chunk, found);
  }
  return found;
}

export function largeFileDiagnostics(file: WorkspaceFile, maxFileSize: number): KubeDiagnostic[] {
  const out: KubeDiagnostic[] = [];
  for (const placed of file.chunks) {
    for (const d of chunkSyntax(placed.chunk)) {
      out.push(placed.startLine === 0 ? d : { ...d, range: shiftRange(d.range, placed.startLine) });
    }
  }
  out.sort(byPosition);
  const size = fileUtf8Size(file);
  const notice: KubeDiagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'information',
    code: LARGE_FILE_CODE,
    message: {
      en: fill(limitsMessages.largeFile.en, {
        size: formatSize(size, 'en'),
        max: formatSize(maxFileSize, 'en'),
      }),
      ru: fill(limitsMessages.largeFile.ru, {
        size: formatSize(size, 'ru'),
        max: formatSize(maxFileSize, 'ru'),
      }),
    },
    data: { size, maxFileSize },
  };
  return [notice, ...out];
}

export { formatSize };
