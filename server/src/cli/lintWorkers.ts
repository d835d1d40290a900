/**
 * `lint --jobs <n>`: the files' checks shared out to worker threads (`node:worker_threads`).
 *
 * A check may read every other file (links, the binding), so each worker indexes the whole
 * workspace from the texts the main thread read once, then checks its own share: file i goes to
 * worker i mod n. The main thread puts the answers back in the order of the paths, so the output
 * is the same, byte for byte, as one thread's (test/unit/cli/lintWorkers.test.ts).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { getLanguageService, type DiagnosticSettings, type KubeDiagnostic } from '../service';
import { loadPrecompiledValidators } from '../node/precompiled';

interface Job {
  kubeStorageLintWorker: true;
  uris: string[];
  texts: string[];
  settings: DiagnosticSettings;
  worker: number;
  workers: number;
}

const YOUNG_GENERATION_MB = 192;

/** Below this many files one thread is faster than starting workers that each index them all. */
export const MIN_FILES_FOR_WORKERS = 200;

/** The diagnostics of the files `owned` by this worker, with the whole workspace indexed. */
export function checkShare(job: Omit<Job, 'kubeStorageLintWorker'>): KubeDiagnostic[][] {
  const service = getLanguageService();
  job.uris.forEach((uri, i) => service.setFile(uri, job.texts[i]!, 'disk'));
  const out: KubeDiagnostic[][] = [];
  for (let i = job.worker; i < job.uris.length; i += job.workers)
    out.push(service.getDiagnostics(job.uris[i]!, job.settings));
  return out;
}

/** Every file's diagnostics, in the order of `uris`, checked by `workers` threads. */
export async function lintInWorkers(
  uris: string[],
  texts: string[],
  settings: DiagnosticSettings,
  workers: number,
): Promise<KubeDiagnostic[][]> {
  const shares = await Promise.all(
    Array.from({ length: workers }, (_, worker) =>
      runWorker({ kubeStorageLintWorker: true, uris, texts, settings, worker, workers }),
    ),
  );
  return uris.map((_, i) => shares[i % workers]![Math.floor(i / workers)]!);
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

if (!isMainThread && (workerData as Partial<Job> | null)?.kubeStorageLintWorker) {
  loadPrecompiledValidators();
  parentPort!.postMessage(checkShare(workerData as Job));
}
