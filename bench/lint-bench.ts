/**
 * `kube-storage lint` on the generated GitOps workspace (bench/out/gitops, written by
 * `bench/workspace-bench.ts`), against the parse floor of the same run (issue 19): one thread
 * running the `yaml` package's `parseAllDocuments` over every file's text in memory, with the
 * package's Node build and with the build the bundles use (esbuild.mjs, no `process`).
 *
 * Each round measures both floors, then every CLI bundle given with `--jobs 1` and `--jobs 2`,
 * interleaved, so a before/after pair sees the same load. It reports medians, the best runs (on a
 * machine others load, the best run against the best floor is the steadier figure) and whether
 * every run printed the same bytes as the first run; it never asserts.
 *
 * Usage: node --import tsx bench/lint-bench.ts [--rounds 3] [--jobs 1,2] [cli.js ...]
 * (default: dist/cli.js).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { fmtMs, median, node24OrRerun } from './lsp-driver';

const root = resolve(__dirname, '..');
const workspaceDir = join(__dirname, 'out', 'gitops');

type ParseAll = (text: string) => unknown;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function floor(texts: string[], parse: ParseAll): number {
  const started = performance.now();
  for (const text of texts) parse(text);
  return performance.now() - started;
}

function lint(node: string, cli: string, jobs: number): { ms: number; out: string } {
  const started = performance.now();
  const r = spawnSync(node, [cli, 'lint', workspaceDir, '--format', 'json', '--jobs', `${jobs}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`lint failed: ${r.stderr}`);
  return { ms: performance.now() - started, out: `${r.status}\n${r.stdout}` };
}

async function main(): Promise<void> {
  const node = node24OrRerun(__filename);
  const args = process.argv.slice(2);
  const value = (name: string, fallback: string) =>
    args.includes(name) ? args.splice(args.indexOf(name), 2)[1]! : fallback;
  const rounds = Number(value('--rounds', '3'));
  const jobsList = value('--jobs', '1,2').split(',').map(Number);
  const clis = args.length ? args.map((a) => resolve(a)) : [join(root, 'dist/cli.js')];
  const texts = yamlFiles(workspaceDir).map((f) => readFileSync(f, 'utf8'));
  const url = pathToFileURL(join(root, 'node_modules/yaml/browser/index.js')).href;
  const bundled = ((await import(url)) as { parseAllDocuments: ParseAll }).parseAllDocuments;
  console.log(`${texts.length} files; load ${loadavg()[0]!.toFixed(2)}`);

  const floors: number[] = [];
  const bundledFloors: number[] = [];
  const times = new Map<string, number[]>();
  let reference: string | undefined;
  let identical = true;
  for (let round = 0; round < rounds; round++) {
    floors.push(floor(texts, parseAllDocuments));
    bundledFloors.push(floor(texts, bundled));
    for (const cli of clis) {
      for (const jobs of jobsList) {
        const run = lint(node, cli, jobs);
        reference ??= run.out;
        if (run.out !== reference) identical = false;
        const key = `${cli} --jobs ${jobs}`;
        times.set(key, [...(times.get(key) ?? []), run.ms]);
      }
    }
    console.log(`round ${round + 1}: load ${loadavg()[0]!.toFixed(2)}`);
  }
  const f = median(floors);
  const b = median(bundledFloors);
  console.log(`floor ${fmtMs(f)} (${floors.map((t) => fmtMs(t)).join(', ')})`);
  console.log(`bundled-yaml floor ${fmtMs(b)} (${bundledFloors.map((t) => fmtMs(t)).join(', ')})`);
  for (const [key, list] of times) {
    const m = median(list);
    const best = Math.min(...list);
    console.log(
      `${key}: median ${fmtMs(m)} = ${(m / f).toFixed(3)}× floor, ${(m / b).toFixed(3)}× bundled floor; best ${fmtMs(best)} = ${(best / Math.min(...floors)).toFixed(3)}× best floor (${list.map((t) => fmtMs(t)).join(', ')})`,
    );
  }
  console.log(`identical output: ${identical}`);
}

void main();
