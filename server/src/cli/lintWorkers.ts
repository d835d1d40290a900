/**
 * `lint --jobs <n>`: the files shared out to worker threads (`node:worker_threads`).
 *
 * A check may read every other file (links, the binding), so every worker needs the whole index,
 * but each parses only its own share (shares balanced by the files' sizes, in path order, decided
 * by the main thread: `shareOut`). The workers start as soon as the paths are known and read the
 * files themselves. A worker parses its files and sends what the index keeps of each (its summary,
 * parse/summary.ts) straight to the other workers; each then indexes every file in the order of
 * the paths — its own with their trees, the others' from their summaries — and checks its own
 * share. The main thread puts the answers back in the order of the paths, so the output is the
 * same, byte for byte, as one thread's (test/unit/cli/lintWorkers.test.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import {
  MessageChannel,
  Worker,
  isMainThread,
  parentPort,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import { getLanguageService, type DiagnosticSettings, type KubeDiagnostic } from '../service';
import { loadPrecompiledValidators } from '../node/precompiled';
import { chartRootsAmong, isTemplateFile } from '../service/parse/helm';
import { setResidentTextLimit } from '../service/parse/chunk';
import type { FileSummary } from '../service/parse/summary';
import { WorkspaceFile } from '../service/workspace/file';

interface Job {
  kubeStorageLintWorker: true;
  /** The files to read, in path order, and their uris. */
  paths: string[];
  uris: string[];
  settings: DiagnosticSettings;
  worker: number;
  workers: number;
  /** The worker that parses and checks each file (decided once, by the main thread). */
  owners: number[];
  /** A port to each other worker (`undefined` at this worker's own index). */
  peers: (MessagePort | undefined)[];
}

type Summaries = [index: number, summary: FileSummary][];

const YOUNG_GENERATION_MB = 192;
/**
 * The young generation a worker starts with (V8 starts at 1 MB and grows it slowly): a worker keeps
 * every tree of its share, so each survivor is copied by every scavenge it lives through.
 */
const START_SEMI_SPACE_MB = 32;

/** Below this many files one thread is faster than starting workers. */
export const MIN_FILES_FOR_WORKERS = 200;

interface Share {
  uris: string[];
  texts: string[];
  worker: number;
  /** The worker that parses and checks each file. */
  owners: number[];
}

/**
 * The diagnostics of the files owned by this worker, in path order, with the whole workspace
 * indexed: the owned files parsed here, the others from `summaries` (or parsed here too when a
 * summary is missing, as with one worker).
 */
export function checkShare(
  job: Share & { settings: DiagnosticSettings },
  owned = parseShare(job),
  summaries = new Map<number, FileSummary>(),
): KubeDiagnostic[][] {
  const service = getLanguageService();
  job.uris.forEach((uri, i) =>
    service.setFile(uri, job.texts[i]!, 'disk', 0, owned.get(i) ?? summaries.get(i)),
  );
  return [...owned.keys()].map((i) => service.getDiagnostics(job.uris[i]!, job.settings));
}

/**
 * Which worker parses and checks each file, from the files' sizes: the one with the least so far,
 * in path order (files of one kind often alternate, so i mod n would give one worker all the large
 * ones).
 */
export function shareOut(sizes: readonly number[], workers: number): number[] {
  const load = new Array<number>(workers).fill(0);
  return sizes.map((size) => {
    const least = load.indexOf(Math.min(...load));
    load[least]! += size;
    return least;
  });
}

/** The size of each file on disk (0 when it cannot be read: its worker reports the error). */
function fileSizes(paths: readonly string[]): number[] {
  return paths.map((path) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  });
}

/** This worker's files, parsed as the index parses them (the template flag of the whole set). */
function parseShare(job: Share): Map<number, WorkspaceFile> {
  const chartRoots = chartRootsAmong(job.uris);
  const owned = new Map<number, WorkspaceFile>();
  for (let i = 0; i < job.uris.length; i++) {
    if (job.owners[i] !== job.worker) continue;
    const uri = job.uris[i]!;
    const text = job.texts[i]!;
    const template = isTemplateFile(uri, text, chartRoots);
    owned.set(i, new WorkspaceFile(uri, text, 0, template));
  }
  return owned;
}

/** Every file's diagnostics, in the order of `paths`, read and checked by `workers` threads. */
export async function lintInWorkers(
  paths: string[],
  uris: string[],
  settings: DiagnosticSettings,
  workers: number,
): Promise<KubeDiagnostic[][]> {
  // V8 reads it when a thread's heap is made: it applies to the workers started below.
  setFlagsFromString(`--min-semi-space-size=${START_SEMI_SPACE_MB}`);
  const peers = Array.from({ length: workers }, () =>
    new Array<MessagePort | undefined>(workers).fill(undefined),
  );
  for (let a = 0; a < workers; a++) {
    for (let b = a + 1; b < workers; b++) {
      const { port1, port2 } = new MessageChannel();
      peers[a]![b] = port1;
      peers[b]![a] = port2;
    }
  }
  // Decided here, from the sizes on disk: every worker parses exactly its files, even if one
  // changes while they read.
  const owners = shareOut(fileSizes(paths), workers);
  const shares = await Promise.all(
    Array.from({ length: workers }, (_, worker) =>
      runWorker({
        kubeStorageLintWorker: true,
        paths,
        uris,
        settings,
        worker,
        workers,
        owners,
        peers: peers[worker]!,
      }),
    ),
  );
  // Each worker answers for its files in path order.
  const next = new Array<number>(workers).fill(0);
  return owners.map((worker) => shares[worker]![next[worker]!++]!);
}

function runWorker(job: Job): Promise<KubeDiagnostic[][]> {
  return new Promise((resolve, reject) => {
    // This module's file: the bundle (dist/cli.js), or this source file under tsx (tests).
    const source = __filename.endsWith('.ts');
    const entry = source
      ? `require('tsx/cjs'); require(${JSON.stringify(__filename)});`
      : __filename;
    const worker = new Worker(entry, {
      eval: source,
      workerData: job,
      transferList: job.peers.filter((p): p is MessagePort => p !== undefined),
      // Parsing allocates many short-lived nodes: a larger young generation spends less time in
      // scavenges (about a quarter of the CPU time on 5,000 files; bench/workspace-bench.ts).
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once('message', (share: KubeDiagnostic[][]) => resolve(share));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker ${job.worker} exited with code ${code}`));
    });
  });
}

/** In a worker: read the files, parse the share, swap summaries with the others, check the share. */
async function workerMain(job: Job): Promise<KubeDiagnostic[][]> {
  // The trees of this worker's files are read again by its checks: keep them all.
  setResidentTextLimit(Infinity);
  const texts = job.paths.map((path) => readFileSync(path, 'utf8'));
  const share: Share = { ...job, texts };
  const owned = parseShare(share);
  const mine: Summaries = [...owned].map(([i, file]) => [i, file.summary()]);
  const peers = job.peers.filter((p): p is MessagePort => p !== undefined);
  const received = peers.map(
    (port) =>
      new Promise<Summaries>((resolve) =>
        port.once('message', (theirs: Summaries) => {
          port.close();
          resolve(theirs);
        }),
      ),
  );
  for (const port of peers) port.postMessage(mine);
  const summaries = new Map<number, FileSummary>((await Promise.all(received)).flat());
  return checkShare({ ...share, settings: job.settings }, owned, summaries);
}

if (!isMainThread && (workerData as Partial<Job> | null)?.kubeStorageLintWorker) {
  loadPrecompiledValidators();
  void workerMain(workerData as Job).then((share) => parentPort!.postMessage(share));
}
