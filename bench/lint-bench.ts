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
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { bundledParse, parseFloor, timedLint } from './floor';
import { fmtMs, median, node24OrRerun } from './lsp-driver';

const root = resolve(__dirname, '..');
const workspaceDir = join(__dirname, 'out', 'gitops');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
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
  const bundled = await bundledParse();
  console.log(`${texts.length} files; load ${loadavg()[0]!.toFixed(2)}`);

  const floors: number[] = [];
  const bundledFloors: number[] = [];
  const times = new Map<string, number[]>();
  let reference: string | undefined;
  let identical = true;
  for (let round = 0; round < rounds; round++) {
    floors.push(parseFloor(texts));
    bundledFloors.push(parseFloor(texts, bundled));
    for (const cli of clis) {
      for (const jobs of jobsList) {
        const run = timedLint(node, cli, workspaceDir, jobs);
        const out = `${run.status}\n${run.stdout}`;
        reference ??= out;
        if (out !== reference) identical = false;
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
