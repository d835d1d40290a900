/**
 * The subcharts of a chart folder, for two uses:
 * - the templates of unpacked subcharts (`charts/<name>/templates/…`), so that a finding on an
 *   object a subchart printed can be traced to its template line: helm names such a template
 *   `<chart>/charts/<subchart>/templates/x.yaml` in its `# Source:` comments, with the
 *   subchart's name from its Chart.yaml, or the alias the parent's dependencies give it;
 * - each subchart's Chart.yaml, values.yaml, schema and templates, so that the parent's values
 *   under the subchart's key are checked against it (helm/chart.ts reads them back).
 *
 * A packaged subchart (`charts/x-1.0.0.tgz`) is kept under `charts/x-1.0.0.tgz/…`: its files
 * count for the values check, but a finding is never traced to them (they are no file the user
 * could open, and helm's `# Source:` never names that folder). Links are not followed, and a few
 * limits keep a vendored tree from being read whole.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  chartNameIn,
  defaultArchiveLimits,
  isChartFolder,
  readChartArchive,
  readChartFolder,
  type ChartSource,
} from '../charts';

const MAX_DEPTH = 3;
const MAX_SUBCHARTS = 64;
const MAX_FILES = 4000;
/** The subchart files the values check reads besides templates/. */
const SUBCHART_TOP = /^(Chart\.ya?ml|values\.ya?ml|values\.schema\.json)$/;

/** A chart folder's files with its subcharts' files; an archive as it is. */
export async function withSubcharts(source: ChartSource): Promise<ChartSource> {
  if (source.kind !== 'folder') return source;
  const files = new Map([...source.files, ...(await readSubchartTemplates(source.path))]);
  return { ...source, files };
}

/** A packaged subchart's files (its own subcharts left out), or none when it cannot be read. */
async function readPackagedSubchart(path: string): Promise<Map<string, string>> {
  try {
    const stat = await fs.lstat(path);
    if (!stat.isFile() || stat.size > defaultArchiveLimits.maxArchiveBytes) return new Map();
    return (await readChartArchive(await fs.readFile(path))).files;
  } catch {
    return new Map();
  }
}

/** Chart-relative path (`charts/alertmanager/templates/x.yaml`, `charts/minio/values.yaml`) -> text. */
export async function readSubchartTemplates(chartDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let charts = 0;
  const walk = async (
    dir: string,
    prefix: string,
    chartYaml: string | undefined,
    depth: number,
  ) => {
    if (depth > MAX_DEPTH) return;
    const aliases = dependencyAliases(chartYaml);
    let entries;
    try {
      entries = await fs.readdir(join(dir, 'charts'), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (charts >= MAX_SUBCHARTS) break;
      if (entry.isFile() && /\.tgz$/i.test(entry.name)) {
        const files = await readPackagedSubchart(join(dir, 'charts', entry.name));
        if (files.size) charts++;
        for (const [path, text] of files) {
          if (out.size >= MAX_FILES) break;
          if (SUBCHART_TOP.test(path) || path.startsWith('templates/'))
            out.set(`${prefix}charts/${entry.name}/${path}`, text);
        }
        continue;
      }
      // A Dirent of readdir is not followed: a link is no directory here.
      if (!entry.isDirectory()) continue;
      const sub = join(dir, 'charts', entry.name);
      if (!(await isChartFolder(sub))) continue;
      charts++;
      let files: Map<string, string>;
      try {
        files = await readChartFolder(sub);
      } catch {
        continue;
      }
      const own = files.get('Chart.yaml') ?? files.get('Chart.yml');
      const name = chartNameIn(files) ?? entry.name;
      for (const shown of aliases.get(name) ?? [name]) {
        const base = `${prefix}charts/${shown}/`;
        for (const [path, text] of files) {
          if (out.size >= MAX_FILES) break;
          if (!path.startsWith('templates/') && !SUBCHART_TOP.test(path)) continue;
          out.set(base + path, text);
        }
        await walk(sub, base, own, depth + 1);
      }
    }
  };
  let top: string | undefined;
  for (const name of ['Chart.yaml', 'Chart.yml']) {
    try {
      top = await fs.readFile(join(chartDir, name), 'utf8');
      break;
    } catch {
      // try the next name
    }
  }
  await walk(chartDir, '', top, 1);
  return out;
}

function readYaml(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return parse(text, { logLevel: 'error' }) as unknown;
  } catch {
    return undefined;
  }
}

/** Chart name -> the names its dependencies give it (the alias, else the name itself). */
export function dependencyAliases(chartYaml: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const data = readYaml(chartYaml) as { dependencies?: unknown } | undefined;
  if (!Array.isArray(data?.dependencies)) return out;
  for (const dep of data.dependencies as unknown[]) {
    const { name, alias } = (dep ?? {}) as { name?: unknown; alias?: unknown };
    if (typeof name !== 'string' || !name) continue;
    const shown = typeof alias === 'string' && alias ? alias : name;
    const list = out.get(name) ?? [];
    if (!list.includes(shown)) out.set(name, [...list, shown]);
  }
  return out;
}
