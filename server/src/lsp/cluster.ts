/**
 * `kubeStorage.cluster.*` into the service: which indexed files are cluster snapshots (paths or
 * globs relative to each workspace folder, or absolute) and the cluster's default class.
 */
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { parseDefaultClass, type ClusterSettings } from '../service';
import { isClusterReadUri } from './clusterRead';
import type { ServerContext } from './context';

/** The cluster settings of the workspace; the default class is read from the window scope. */
export async function clusterSettings(
  ctx: Pick<ServerContext, 'settings'>,
  folders: readonly WorkspaceFolder[],
): Promise<{ settings: ClusterSettings; key: string }> {
  const matchers: ((uri: string) => boolean)[] = [];
  const patterns: string[] = [];
  for (const folder of folders) {
    const globs = (await ctx.settings(folder.uri)).cluster.snapshots;
    if (!globs.length) continue;
    patterns.push(`${folder.uri}\u0000${globs.join('\u0000')}`);
    matchers.push(snapshotMatcher(folder.uri, globs));
  }
  const global = (await ctx.settings()).cluster;
  const defaultStorageClass = parseDefaultClass(global.defaultStorageClass);
  return {
    settings: {
      // A snapshot read with kubectl ("Read Storage From Cluster", lsp/clusterRead.ts) too.
      isSnapshot: (uri) => isClusterReadUri(uri) || matchers.some((m) => m(uri)),
      defaultStorageClass,
    },
    key: patterns.join('\u0001'),
  };
}

/** A matcher of file URIs under `folderUri` against relative globs, or absolute paths. */
export function snapshotMatcher(
  folderUri: string,
  globs: readonly string[],
): (uri: string) => boolean {
  const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  const relative = globs.filter((g) => !isAbsolute(g)).map((g) => g.replace(/^\.\//, ''));
  const absolute = globs.filter(isAbsolute);
  const matchRelative = relative.length ? picomatch(relative, { dot: true }) : () => false;
  const matchAbsolute = absolute.length ? picomatch(absolute, { dot: true }) : () => false;
  return (uri) => {
    if (uri.startsWith(prefix) && matchRelative(decodeURIComponent(uri.slice(prefix.length))))
      return true;
    if (!absolute.length || !uri.startsWith('file:')) return false;
    try {
      return matchAbsolute(fileURLToPath(uri).replace(/\\/g, '/'));
    } catch {
      return false;
    }
  };
}

function isAbsolute(glob: string): boolean {
  return glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob);
}
