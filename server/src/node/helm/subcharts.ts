/**
 * The templates of a chart folder's unpacked subcharts (`charts/<name>/templates/…`), so that a
 * finding on an object a subchart printed can be traced to its template line: helm names such a
 * template `<chart>/charts/<subchart>/templates/x.yaml` in its `# Source:` comments, with the
 * subchart's name from its Chart.yaml, or the alias the parent's dependencies give it.
 *
 * Packaged subcharts (`charts/x-1.0.0.tgz`) are left out: their templates are no file the user
 * could open. Links are not followed, and a few limits keep a vendored tree from being read whole.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chartNameIn, isChartFolder, readChartFolder, type ChartSource } from '../charts';

const MAX_DEPTH = 3;
const MAX_SUBCHARTS = 64;
const MAX_FILES = 4000;

/** A chart folder's files with its subcharts' templates; an archive as it is. */
export async function withSubchartTemplates(source: ChartSource): Promise<ChartSource> {
  if (source.kind !== 'folder') return source;
  const files = new Map([...source.files, ...(await readSubchartTemplates(source.path))]);
  return { ...source, files };
}

/** Chart-relative path (`charts/alertmanager/templates/x.yaml`) -> text. */
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
      // A Dirent of readdir is not followed: a link is no directory here.
      if (!entry.isDirectory() || charts >= MAX_SUBCHARTS) continue;
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
          if (!path.startsWith('templates/') || out.size >= MAX_FILES) continue;
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
