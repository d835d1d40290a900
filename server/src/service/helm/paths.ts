/** Value paths: `['persistence', 'size']` <-> `persistence.size`; keys with dots go in brackets. */

const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

export function pathId(path: readonly string[]): string {
  let out = '';
  for (const key of path) {
    if (PLAIN_KEY.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

export function parentId(path: readonly string[]): string {
  return pathId(path.slice(0, -1));
}

/** True when `prefix` is `path` or an ancestor of it. */
export function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((key, i) => path[i] === key);
}

/**
 * A key of a template use that stands for any key: `(index .Values.server .mode).config` reads
 * `server.<any>.config`.
 */
export const ANY_KEY = '*';

/** A template use's path (which may hold ANY_KEY) reads exactly `path`. */
export function usePathMatches(usePath: readonly string[], path: readonly string[]): boolean {
  return usePath.length === path.length && usePath.every((k, i) => k === ANY_KEY || k === path[i]);
}
