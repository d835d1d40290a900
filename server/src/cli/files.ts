/** The CLI's inputs: files and folders expanded into manifest files, read into a workspace. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_MAX_FILE_SIZE } from '../service/largeFile';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.vscode']);

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
    if (!yaml && !/\.json$/i.test(entry.name)) continue;
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      continue;
    }
    const skipped = oversize(path, size, limit, false);
    // A large JSON file is reported only if it is a manifest: its start tells.
    if (yaml || (skipped ? startsLikeManifest(path) : isManifestJson(path)))
      found.set(path, skipped);
  }
}

/**
 * A JSON file `kubectl apply` would take: an object with `apiVersion` and `kind` (a `List` and the
 * typed lists carry them too). Unreadable or other JSON (package.json, tsconfig.json): false.
 */
export function isManifestJson(path: string): boolean {
  let data: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    if (!text.includes('"apiVersion"') || !text.includes('"kind"')) return false;
    data = JSON.parse(text);
  } catch {
    return false;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const { apiVersion, kind } = data as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string';
}

/** A large JSON file that starts as a manifest does (its `apiVersion` or `kind` near the top). */
function startsLikeManifest(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(4096);
    const head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    return /^\s*\{[\s\S]*"(apiVersion|kind)"\s*:/.test(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
