/**
 * A chart folder read from disk: Chart.yaml, values files, values.schema.json and templates/.
 * Links are not followed (a chart folder must not make us read elsewhere); subcharts are skipped.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { localize } from '../../service/i18n/format';
import { ChartSourceError, chartSourceMessages as m, formatBytes } from './chartSourceMessages';

export interface FolderLimits {
  maxFiles: number;
  maxFileBytes: number;
}

export const defaultFolderLimits: FolderLimits = { maxFiles: 2000, maxFileBytes: 4 * 1024 * 1024 };

const TOP_FILES = /^(Chart\.ya?ml|requirements\.ya?ml|values[\w.-]*\.ya?ml|values\.schema\.json)$/;

export async function isChartFolder(dir: string): Promise<boolean> {
  for (const name of ['Chart.yaml', 'Chart.yml']) {
    try {
      if ((await fs.lstat(join(dir, name))).isFile()) return true;
    } catch {
      // try the next name
    }
  }
  return false;
}

export async function readChartFolder(
  dir: string,
  limits: FolderLimits = defaultFolderLimits,
): Promise<Map<string, string>> {
  if (!(await isChartFolder(dir)))
    throw new ChartSourceError('notAChart', localize(m.notAChart, { path: dir }));
  const files = new Map<string, string>();
  const tooLarge = () =>
    new ChartSourceError(
      'folderTooLarge',
      localize(m.folderTooLarge, {
        limit: limits.maxFiles,
        size: formatBytes(limits.maxFileBytes),
      }),
    );
  const add = async (path: string, rel: string): Promise<void> => {
    const stat = await fs.lstat(path);
    if (!stat.isFile()) return;
    if (stat.size > limits.maxFileBytes || files.size >= limits.maxFiles) throw tooLarge();
    files.set(rel, await fs.readFile(path, 'utf8'));
  };
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && TOP_FILES.test(entry.name)) await add(join(dir, entry.name), entry.name);
  }
  const walk = async (abs: string, rel: string): Promise<void> => {
    let entries;
    try {
      // readdir follows a link, so a `templates` that is a symlink (say, to /etc) is not walked.
      if (!(await fs.lstat(abs)).isDirectory()) return;
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const childAbs = join(abs, entry.name);
      const childRel = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(childAbs, childRel);
      else if (entry.isFile()) await add(childAbs, childRel);
    }
  };
  await walk(join(dir, 'templates'), 'templates');
  return files;
}
