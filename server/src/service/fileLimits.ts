/**
 * The two reasons a file is held but not read in depth: it is above `kubeStorage.maxFileSize`
 * (largeFile.ts), or a `---` document nests too deeply (parse/limits.ts).
 */
import { DEFAULT_MAX_FILE_SIZE, isLargeFile, isLargeText } from './largeFile';
import type { Position } from './types';
import type { WorkspaceFile } from './workspace/file';

/** The settings that decide how a file is read (`kubeStorage.maxFileSize`). */
export interface FileSettings {
  /** Above this many bytes a file gets YAML syntax checks only; 0: no limit. */
  maxFileSize: number;
}

export class FileLimits {
  private maxFileSize = DEFAULT_MAX_FILE_SIZE;
  private readonly largeCache = new WeakMap<WorkspaceFile, { max: number; large: boolean }>();

  get max(): number {
    return this.maxFileSize;
  }

  /** Applies the settings; true when they changed (the problems of large files may differ). */
  set(settings: FileSettings): boolean {
    if (settings.maxFileSize === this.maxFileSize) return false;
    this.maxFileSize = settings.maxFileSize;
    return true;
  }

  /** A text above the limit (a file read from disk is then not indexed). */
  isLargeText(text: string): boolean {
    return isLargeText(text, this.maxFileSize);
  }

  /** True when the file is above the limit (cached per file version). */
  isLarge(file: WorkspaceFile | undefined): boolean {
    if (!file) return false;
    const cached = this.largeCache.get(file);
    if (cached && cached.max === this.maxFileSize) return cached.large;
    const large = isLargeFile(file, this.maxFileSize);
    this.largeCache.set(file, { max: this.maxFileSize, large });
    return large;
  }
}

/** Some `---` document of the file nests too deeply to be read (parse/limits.ts). */
export function hasTooDeep(file: WorkspaceFile | undefined): boolean {
  return !!file?.chunks.some((c) => c.chunk.tooDeepAt !== undefined);
}

/** The cursor's `---` document nests too deeply to be read (parse/limits.ts). */
export function tooDeepAt(file: WorkspaceFile | undefined, position: Position): boolean {
  return file?.chunkAt(position)?.placed.chunk.tooDeepAt !== undefined;
}
