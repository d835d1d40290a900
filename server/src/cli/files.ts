/** The CLI's inputs: files and folders expanded into manifest files, read into a workspace. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  isJsonName,
  isKubernetesJsonFile,
  SKIPPED_DIRS,
  startsLikeKubernetesJsonFile,
} from '../node/manifestJson';
import { DEFAULT_MAX_FILE_SIZE } from '../service/largeFile';

/**
 * A file found in a folder above this size is not checked, only reported as skipped: the
 * editor's default `kubeStorage.maxFileSize` (a large file there is a data dump more often than a
 * manifest). A file named on the command line is checked up to `NAMED_FILE_MAX_BYTES`.
 */
export const WALKED_FILE_MAX_BYTES = DEFAULT_MAX_FILE_SIZE;
/** The most a file named on the command line may weigh (`kubectl kustomize` output is some MB). */
export const NAMED_FILE_MAX_BYTES = 64 * 1024 * 1024;

export class UsageError extends Error {}

/** A file not checked because of its size. */
export interface SkippedFile {
  path: string;
  size: number;
  limit: number;
  /** Named on the command line (not found in a folder). */
  named: boolean;
}

export interface CollectedFiles {
  /** The files to check, sorted. */
  paths: string[];
  skipped: SkippedFile[];
}

/** Sizes are not limited: cluster snapshots are read whatever their size. */
const NO_LIMITS = { walked: Infinity, named: Infinity };

/**
 * Files given directly are taken whatever their extension; folders are searched for *.yaml /
 * *.yml, and for *.json files that hold a Kubernetes object or list (what `kubectl apply -f
 * <folder>` reads; package.json and the like are left out without a word). Files above the size
 * limits are returned as skipped. The folders are read synchronously: nothing else runs
 * meanwhile, and one `readdir` promise per folder took five times as long (200 against 37 ms for
 * the 5,000 files of bench/out/gitops).
 */
export function collectFiles(
  inputs: string[],
  limits = { walked: WALKED_FILE_MAX_BYTES, named: NAMED_FILE_MAX_BYTES },
): CollectedFiles {
  const found = new Map<string, SkippedFile | undefined>();
  for (const input of inputs) {
    const path = resolve(input);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${input}`);
    }
    if (stat.isDirectory()) walk(path, limits.walked, found);
    else found.set(path, oversize(path, stat.size, limits.named, true));
  }
  const paths = [...found.keys()].sort();
  return {
    paths: paths.filter((p) => !found.get(p)),
    skipped: paths.flatMap((p) => found.get(p) ?? []),
  };
}

/** The files to read, sizes unlimited (cluster snapshots, `bindings`). */
export async function collectYamlFiles(inputs: string[]): Promise<string[]> {
  return Promise.resolve(collectFiles(inputs, NO_LIMITS).paths);
}

function oversize(path: string, size: number, limit: number, named: boolean) {
  return size > limit ? { path, size, limit, named } : undefined;
}

function walk(dir: string, limit: number, found: Map<string, SkippedFile | undefined>): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, limit, found);
      continue;
    }
    if (!entry.isFile()) continue;
    const yaml = /\.ya?ml$/i.test(entry.name);
    if (!yaml && !isJsonName(entry.name)) continue;
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      continue;
    }
    const skipped = oversize(path, size, limit, false);
    // A large JSON file is reported only if it is a manifest: its start tells.
    if (yaml || (skipped ? startsLikeKubernetesJsonFile(path) : isKubernetesJsonFile(path)))
      found.set(path, skipped);
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
