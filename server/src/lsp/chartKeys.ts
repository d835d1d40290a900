/**
 * The keys the LSP gives charts in the service: a chart folder's `file:` URI ending in `/`, or
 * `archive:` and the URI of a packaged chart (.tgz). Shared by the values links (helmValues.ts)
 * and the renders (helmRender.ts).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The path of a `file:` URI; undefined for any other scheme. */
export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function chartKey(chartPath: string, isArchive: boolean): string {
  const href = pathToFileURL(chartPath).href;
  return isArchive ? `archive:${href}` : href.endsWith('/') ? href : `${href}/`;
}

/** The chart path of a chart key (`file:///…/chart/` or `archive:file:///…tgz`). */
export function chartPathOfKey(key: string): string | undefined {
  const href = key.startsWith('archive:') ? key.slice('archive:'.length) : key;
  const path = uriToPath(href);
  return path?.replace(/[\\/]$/, '');
}
