/**
 * The subcharts of a chart, a folder or a packaged .tgz (read from the archive's entries in memory:
 * `<chart>/charts/<name>/…` and nested `<chart>/charts/<name>-<ver>.tgz`), for two uses:
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
 * limits keep a vendored tree from being read whole; packaged subcharts unpack within one budget
 * of the archive limits.
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

/** A chart's files with its subcharts' files, from a folder or from inside an archive. */
export async function withSubcharts(source: ChartSource): Promise<ChartSource> {
  const { archiveCharts, ...rest } = source;
  let sub: Map<string, string>;
  if (source.kind === 'folder') sub = await readSubchartTemplates(source.path);
  else if (archiveCharts?.size)
    sub = await readSubcharts(memoryCharts(archiveCharts), chartYamlIn(source.files));
  else return rest;
  return { ...rest, files: new Map([...source.files, ...sub]) };
}

/** A chart's `charts/` folder: on disk, or the entries of an archive (nothing unpacked to disk). */
interface ChartsDir {
  /** Its packaged subcharts (`x-1.0.0.tgz`) and subchart folders, sorted by name. */
  list(): Promise<{ name: string; packaged: boolean }[]>;
  /** A packaged subchart's bytes, or undefined when it cannot be read. */
  packaged(name: string): Promise<Uint8Array | undefined>;
  /** A subchart folder's files (its own `charts/` left out) and its `charts/`. */
  folder(name: string): Promise<{ files: Map<string, string>; charts: ChartsDir } | undefined>;
}

function diskCharts(chartDir: string): ChartsDir {
  const dir = join(chartDir, 'charts');
  return {
    async list() {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return [];
      }
      const out: { name: string; packaged: boolean }[] = [];
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.isFile() && /\.tgz$/i.test(entry.name))
          out.push({ name: entry.name, packaged: true });
        // A Dirent of readdir is not followed: a link is no directory here.
        else if (entry.isDirectory() && (await isChartFolder(join(dir, entry.name))))
          out.push({ name: entry.name, packaged: false });
      }
      return out;
    },
    async packaged(name) {
      try {
        const stat = await fs.lstat(join(dir, name));
        if (!stat.isFile() || stat.size > defaultArchiveLimits.maxArchiveBytes) return undefined;
        return await fs.readFile(join(dir, name));
      } catch {
        return undefined;
      }
    },
    async folder(name) {
      try {
        const files = await readChartFolder(join(dir, name));
        return { files, charts: diskCharts(join(dir, name)) };
      } catch {
        return undefined;
      }
    },
  };
}

/** The `charts/` of a chart inside an archive: chart-relative entry path -> bytes. */
function memoryCharts(entries: ReadonlyMap<string, Uint8Array>): ChartsDir {
  const decoder = new TextDecoder();
  return {
    list() {
      const names = new Map<string, boolean>();
      for (const path of entries.keys()) {
        const m = /^charts\/([^/]+)(\/(Chart\.ya?ml)?)?/.exec(path);
        if (!m) continue;
        const name = m[1]!;
        if (!m[2] && /\.tgz$/i.test(name)) names.set(name, true);
        else if (m[3]) names.set(name, false);
      }
      const sorted = [...names].sort(([a], [b]) => a.localeCompare(b));
      return Promise.resolve(sorted.map(([name, packaged]) => ({ name, packaged })));
    },
    packaged(name) {
      return Promise.resolve(entries.get(`charts/${name}`));
    },
    folder(name) {
      const base = `charts/${name}/`;
      const files = new Map<string, string>();
      const inner = new Map<string, Uint8Array>();
      for (const [path, data] of entries) {
        if (!path.startsWith(base)) continue;
        const rel = path.slice(base.length);
        if (rel.startsWith('charts/')) inner.set(rel, data);
        else files.set(rel, decoder.decode(data));
      }
      return Promise.resolve({ files, charts: memoryCharts(inner) });
    },
  };
}

function chartYamlIn(files: ReadonlyMap<string, string>): string | undefined {
  return files.get('Chart.yaml') ?? files.get('Chart.yml');
}

/** Chart-relative path (`charts/alertmanager/templates/x.yaml`, `charts/minio/values.yaml`) -> text. */
export async function readSubchartTemplates(chartDir: string): Promise<Map<string, string>> {
  let top: string | undefined;
  for (const name of ['Chart.yaml', 'Chart.yml']) {
    try {
      top = await fs.readFile(join(chartDir, name), 'utf8');
      break;
    } catch {
      // try the next name
    }
  }
  return readSubcharts(diskCharts(chartDir), top);
}

async function readSubcharts(
  root: ChartsDir,
  rootChartYaml: string | undefined,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let charts = 0;
  // Packaged subcharts unpack (in memory) within one budget of the archive limits.
  let budget = defaultArchiveLimits.maxTotalBytes;
  const keep = (path: string): boolean =>
    out.size < MAX_FILES && (SUBCHART_TOP.test(path) || path.startsWith('templates/'));
  const unpack = async (data: Uint8Array): Promise<Map<string, string>> => {
    try {
      const limits = { ...defaultArchiveLimits, maxTotalBytes: budget };
      const files = (await readChartArchive(data, limits)).files;
      for (const text of files.values()) budget -= text.length;
      return files;
    } catch {
      return new Map();
    }
  };
  const walk = async (
    dir: ChartsDir,
    prefix: string,
    chartYaml: string | undefined,
    depth: number,
  ) => {
    if (depth > MAX_DEPTH) return;
    const aliases = dependencyAliases(chartYaml);
    for (const entry of await dir.list()) {
      if (charts >= MAX_SUBCHARTS) break;
      if (entry.packaged) {
        const data = await dir.packaged(entry.name);
        const files = data && budget > 0 ? await unpack(data) : new Map<string, string>();
        if (files.size) charts++;
        for (const [path, text] of files)
          if (keep(path)) out.set(`${prefix}charts/${entry.name}/${path}`, text);
        continue;
      }
      const folder = await dir.folder(entry.name);
      if (!folder) continue;
      charts++;
      const own = chartYamlIn(folder.files);
      const name = chartNameIn(folder.files) ?? entry.name;
      for (const shown of aliases.get(name) ?? [name]) {
        const base = `${prefix}charts/${shown}/`;
        for (const [path, text] of folder.files) if (keep(path)) out.set(base + path, text);
        await walk(folder.charts, base, own, depth + 1);
      }
    }
  };
  await walk(root, '', rootChartYaml, 1);
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
