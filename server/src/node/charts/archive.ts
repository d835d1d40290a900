/**
 * A packaged chart (`helm package` output, `<name>-<version>.tgz`) read in memory: gzip via zlib
 * with an output cap, tar via tar-stream. Nothing is written to disk. Entries that could reach
 * outside the chart (absolute paths, `..`, links) or exhaust memory reject the whole archive.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { extract as tarExtract } from 'tar-stream';
import { localize, type LocalizedParams } from '../../service/i18n/format';
import { ChartSourceError, chartSourceMessages as m, formatBytes } from './chartSourceMessages';

const gunzipAsync = promisify(gunzip);

export interface ArchiveLimits {
  /** Size of the .tgz itself. */
  maxArchiveBytes: number;
  /** One entry, unpacked. */
  maxEntryBytes: number;
  /** All entries together, unpacked. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxArchiveBytes: 20 * 1024 * 1024,
  maxEntryBytes: 4 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxEntries: 5000,
};

export interface ArchiveChart {
  /** The top folder of the archive (the chart name in `helm package` output). */
  root: string;
  /** Chart-relative path -> text; subcharts (`charts/`) are left out. */
  files: Map<string, string>;
  /**
   * The entries under `charts/` as bytes (chart-relative: `charts/db/values.yaml`,
   * `charts/db-1.0.0.tgz`), for the subchart reader; within the same limits as the rest.
   */
  charts: Map<string, Uint8Array>;
}

function fail(code: keyof typeof m, params: LocalizedParams = {}): never {
  throw new ChartSourceError(code, localize(m[code], params));
}

/** Splits and checks an entry name; throws on anything that could leave the chart folder. */
export function safeEntryPath(name: string): string[] {
  if (
    name.startsWith('/') ||
    name.startsWith('\\') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('\\') ||
    name.includes('\0')
  ) {
    fail('unsafePath', { name });
  }
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) fail('unsafePath', { name });
  return parts;
}

export async function readChartArchive(
  data: Uint8Array,
  limits: ArchiveLimits = defaultArchiveLimits,
): Promise<ArchiveChart> {
  if (data.length > limits.maxArchiveBytes)
    fail('archiveTooLarge', { limit: formatBytes(limits.maxArchiveBytes) });
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) fail('notGzip');
  let tarData: Buffer;
  try {
    // Tar headers add 512 bytes per entry (plus padding) on top of the content.
    tarData = await gunzipAsync(data, {
      maxOutputLength: limits.maxTotalBytes + (limits.maxEntries + 2) * 1024,
    });
  } catch (e) {
    if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      fail('unpackedTooLarge', { limit: formatBytes(limits.maxTotalBytes) });
    }
    fail('badArchive', { detail: e instanceof Error ? e.message : String(e) });
  }

  const entries = new Map<string, Buffer>();
  const extract = tarExtract();
  let count = 0;
  let total = 0;
  const done = (async () => {
    for await (const entry of extract) {
      const { name, type, size } = entry.header;
      if (++count > limits.maxEntries) fail('tooManyEntries', { limit: limits.maxEntries });
      const parts = safeEntryPath(name);
      if (type === 'symlink' || type === 'link') fail('link', { name, type });
      if (type === 'directory') {
        entry.resume();
        continue;
      }
      if (type !== 'file' && type !== 'contiguous-file')
        fail('unsupportedEntry', { name, type: String(type) });
      if ((size ?? 0) > limits.maxEntryBytes)
        fail('entryTooLarge', { name, limit: formatBytes(limits.maxEntryBytes) });
      const chunks: Buffer[] = [];
      let read = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        read += chunk.length;
        total += chunk.length;
        if (read > limits.maxEntryBytes)
          fail('entryTooLarge', { name, limit: formatBytes(limits.maxEntryBytes) });
        if (total > limits.maxTotalBytes)
          fail('unpackedTooLarge', { limit: formatBytes(limits.maxTotalBytes) });
        chunks.push(chunk);
      }
      if (parts.length) entries.set(parts.join('/'), Buffer.concat(chunks));
    }
  })();
  extract.end(tarData);
  try {
    await done;
  } catch (e) {
    extract.destroy();
    if (e instanceof ChartSourceError) throw e;
    fail('badArchive', { detail: e instanceof Error ? e.message : String(e) });
  }

  const chartYaml = [...entries.keys()].filter((p) => /^[^/]+\/Chart\.ya?ml$/.test(p)).sort()[0];
  if (!chartYaml) fail('archiveNoChart');
  const root = chartYaml.slice(0, chartYaml.indexOf('/'));
  const files = new Map<string, string>();
  const charts = new Map<string, Uint8Array>();
  for (const [path, data] of entries) {
    if (!path.startsWith(root + '/')) continue;
    const rel = path.slice(root.length + 1);
    if (rel.startsWith('charts/')) charts.set(rel, data);
    else files.set(rel, data.toString('utf8'));
  }
  return { root, files, charts };
}
