/**
 * What the scale benchmarks (workspace-bench.ts, lint-bench.ts) share: the parse floor — one
 * thread running the `yaml` package's `parseAllDocuments` over every file's text in memory — with
 * the package's Node build and with the build the bundles use, and one timed `kube-storage lint`.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = resolve(__dirname, '..');

export type ParseAll = (text: string) => unknown;

/** How long one thread takes to parse every text with `parse` (ms). */
export function parseFloor(texts: readonly string[], parse: ParseAll = parseAllDocuments): number {
  const started = performance.now();
  for (const text of texts) parse(text);
  return performance.now() - started;
}

/**
 * `parseAllDocuments` of the `yaml` build the bundles use (esbuild.mjs): the package's build
 * without Node's `process`, which skips an environment lookup per token. Reported beside the floor
 * so the ratios can be read against either.
 */
export async function bundledParse(): Promise<ParseAll> {
  const url = pathToFileURL(join(root, 'node_modules/yaml/browser/index.js')).href;
  return ((await import(url)) as { parseAllDocuments: ParseAll }).parseAllDocuments;
}

export interface LintRun {
  ms: number;
  stdout: string;
  status: number | null;
}

/** `<cli> lint <dir> --format json --jobs <jobs>` on `node`, timed; throws unless it exits 0 or 1. */
export function timedLint(node: string, cli: string, dir: string, jobs: number): LintRun {
  const started = performance.now();
  const r = spawnSync(node, [cli, 'lint', dir, '--format', 'json', '--jobs', String(jobs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`lint failed: ${r.stderr}`);
  return { ms: performance.now() - started, stdout: r.stdout, status: r.status };
}
