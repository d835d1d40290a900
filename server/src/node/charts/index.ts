/**
 * Chart sources on the node side, shared by the CLI and the language server: a chart folder, its
 * Chart.yaml, or a packaged .tgz. The pure model takes the resulting path -> text map.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { localize } from '../../service/i18n/format';
import { defaultArchiveLimits, readChartArchive, type ArchiveLimits } from './archive';
import { isChartFolder, readChartFolder } from './folder';
import { ChartSourceError, chartSourceMessages as m, formatBytes } from './chartSourceMessages';

export { ChartSourceError, chartSourceMessages } from './chartSourceMessages';
export {
  readChartArchive,
  safeEntryPath,
  defaultArchiveLimits,
  type ArchiveLimits,
} from './archive';
export { readChartFolder, isChartFolder } from './folder';

export interface ChartSource {
  kind: 'folder' | 'archive';
  /** The chart folder, or the .tgz file. */
  path: string;
  /** Display name: the name in its Chart.yaml, else the folder name or the archive's top folder. */
  name: string;
  files: Map<string, string>;
  /** An archive's entries under `charts/`, as bytes (see ArchiveChart.charts). */
  archiveCharts?: Map<string, Uint8Array>;
}

export function isChartArchiveName(path: string): boolean {
  return /\.(tgz|tar\.gz)$/i.test(path);
}

/** Reads a chart given as a folder, its Chart.yaml, or a .tgz. Throws ChartSourceError. */
export async function readChart(
  path: string,
  archiveLimits: ArchiveLimits = defaultArchiveLimits,
): Promise<ChartSource> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new ChartSourceError('notFound', localize(m.notFound, { path }));
  }
  if (stat.isDirectory() || /^Chart\.ya?ml$/.test(basename(path))) {
    const dir = stat.isDirectory() ? path : dirname(path);
    const files = await readChartFolder(dir);
    return { kind: 'folder', path: dir, name: chartNameIn(files) ?? basename(dir), files };
  }
  if (stat.size > archiveLimits.maxArchiveBytes) {
    throw new ChartSourceError(
      'archiveTooLarge',
      localize(m.archiveTooLarge, { limit: formatBytes(archiveLimits.maxArchiveBytes) }),
    );
  }
  const { root, files, charts } = await readChartArchive(await fs.readFile(path), archiveLimits);
  return {
    kind: 'archive',
    path,
    name: chartNameIn(files) ?? root,
    files,
    ...(charts.size ? { archiveCharts: charts } : {}),
  };
}

/** The `name` of a chart's Chart.yaml (chart-relative paths -> text), if it has one. */
export function chartNameIn(files: ReadonlyMap<string, string>): string | undefined {
  const text = files.get('Chart.yaml') ?? files.get('Chart.yml');
  if (!text) return undefined;
  try {
    const data = parse(text, { logLevel: 'error' }) as { name?: unknown } | null;
    return typeof data?.name === 'string' && data.name ? data.name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The chart folder a values file belongs to: the folder itself when it has a Chart.yaml (the
 * chart's own values*.yaml), else the parent folders up to `maxUp` levels. For a values file
 * next to a chart folder (`./values.yaml` beside `./mychart/Chart.yaml`), a sibling folder with
 * a Chart.yaml counts when it is the only one.
 */
export async function findChartForValues(
  valuesPath: string,
  maxUp = 1,
): Promise<string | undefined> {
  let dir = dirname(valuesPath);
  for (let i = 0; i <= maxUp; i++) {
    if (await isChartFolder(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const here = dirname(valuesPath);
  let siblings: string[] = [];
  try {
    siblings = (await fs.readdir(here, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
      .map((e) => join(here, e.name));
  } catch {
    return undefined;
  }
  const charts: string[] = [];
  for (const sibling of siblings.slice(0, 200))
    if (await isChartFolder(sibling)) charts.push(sibling);
  return charts.length === 1 ? charts[0] : undefined;
}

/** A values file from disk, at most 4 MiB (larger files are not values files anyone edits). */
export async function readValuesFile(path: string): Promise<string> {
  const stat = await fs.stat(path);
  if (!stat.isFile() || stat.size > 4 * 1024 * 1024) {
    throw new ChartSourceError('notFound', localize(m.notFound, { path }));
  }
  return fs.readFile(path, 'utf8');
}
