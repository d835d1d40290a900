/**
 * Of several copies of one thing that manifests write more than once (a claim or volume name
 * repeated across folders of examples, a CustomResourceDefinition kept both built and raw), the
 * copy an object means: the nearest one to it in the workspace's folder tree.
 */

/**
 * Of several copies, the one in the same file as `near`, else the one whose folder shares the
 * longest path with it, and of those the one fewest folders below the shared one (a parent
 * folder's copy before a sibling folder's); on a tie, the last that `fits`, else the last.
 * `uriOf` gives a copy's file.
 */
export function nearestCopy<T>(
  copies: readonly T[],
  near: string,
  uriOf: (copy: T) => string,
  fits?: (copy: T) => boolean,
): T {
  const ranks = copies.map((copy) => copyDistance(uriOf(copy), near));
  const best = ranks.reduce((a, b) => (compareDistance(a, b) <= 0 ? a : b));
  const nearest = copies.filter((_, i) => compareDistance(ranks[i]!, best) === 0);
  return nearest.filter((c) => fits?.(c) ?? false).pop() ?? nearest[nearest.length - 1]!;
}

/** The folder of a file's uri, with its trailing slash. */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

interface CopyDistance {
  /** The length of the folder path the copy shares with `near` (longer is nearer). */
  shared: number;
  /** How many folders below that shared one the copy's file is. */
  below: number;
}

function copyDistance(uri: string, near: string): CopyDistance {
  if (uri === near) return { shared: Number.MAX_SAFE_INTEGER, below: 0 };
  const folder = folderOf(uri);
  let i = 0;
  while (i < folder.length && i < near.length && folder[i] === near[i]) i++;
  const shared = folder.slice(0, i).lastIndexOf('/');
  const below = folder.slice(shared + 1).split('/').length - 1;
  return { shared, below };
}

function compareDistance(a: CopyDistance, b: CopyDistance): number {
  return b.shared - a.shared || a.below - b.below;
}
