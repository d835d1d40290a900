/**
 * Which JSON files hold Kubernetes manifests: what `kubectl apply -f <folder>` takes besides YAML.
 * One filter for the CLI's folder walk (cli/files.ts) and the language server's index (the
 * workspace walk in node/fileSystem.ts, watched files and open documents in lsp/documentSync.ts):
 * a JSON file is a manifest when it holds an object with `apiVersion` and `kind` (a `List` and
 * the typed lists carry them too). package.json, tsconfig.json and the like are left out without a
 * word, and so is every JSON file under node_modules, .git and .vscode.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Folders the CLI's walk does not enter; the server takes no JSON file under them. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.vscode']);

/** How much of a large file's start `startsLikeKubernetesJson` looks at. */
const HEAD_BYTES = 4096;

/** A file name or URI ending with .json (any case). */
export function isJsonName(name: string): boolean {
  return /\.json$/i.test(name);
}

/** A path or URI with a node_modules, .git or .vscode folder in it (`/` or `\` separated). */
export function isUnderSkippedDir(path: string): boolean {
  return path.split(/[/\\]/).some((segment) => SKIPPED_DIRS.has(segment));
}

/** What a text holds: a Kubernetes object or list, other JSON, or no JSON at all. */
function jsonKind(text: string): 'manifest' | 'other' | 'invalid' {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'invalid';
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'other';
  const { apiVersion, kind } = data as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string' ? 'manifest' : 'other';
}

/**
 * A JSON text `kubectl apply` would take: an object with a string `apiVersion` and `kind`.
 * Other JSON, JSON with comments and text that is not JSON: false.
 */
export function isKubernetesJson(text: string): boolean {
  if (!text.includes('"apiVersion"') || !text.includes('"kind"')) return false;
  return jsonKind(text) === 'manifest';
}

/** A JSON text that starts as a manifest does: `{`, then `apiVersion` or `kind` near the top. */
export function startsLikeKubernetesJson(text: string): boolean {
  return /^\s*\{[\s\S]*"(apiVersion|kind)"\s*:/.test(text.slice(0, HEAD_BYTES));
}

/**
 * A JSON document open in the editor that is checked: a manifest, or a manifest being typed (not
 * JSON at the moment, but starting as one does), so its problems do not vanish with each
 * unfinished line.
 */
export function isKubernetesJsonDraft(text: string): boolean {
  if (!text.includes('"apiVersion"') && !text.includes('"kind"')) return false;
  const kind = jsonKind(text);
  return kind === 'manifest' || (kind === 'invalid' && startsLikeKubernetesJson(text));
}

/** A JSON file on disk that holds a Kubernetes object or list; unreadable: false. */
export function isKubernetesJsonFile(path: string): boolean {
  try {
    return isKubernetesJson(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

/** A JSON file on disk, too large to read whole, that starts as a manifest does. */
export function startsLikeKubernetesJsonFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    return startsLikeKubernetesJson(
      buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)),
    );
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
