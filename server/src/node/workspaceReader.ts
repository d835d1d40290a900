/**
 * Reads the workspace into the index at start. With enough files the reading and parsing go to
 * worker threads (node/scanWorker.ts), one per core up to two: the main thread only takes each
 * file's text and summary (parse/summary.ts) in the order of the list, so the index is the same
 * as a single thread reading the files one by one, and requests are answered meanwhile. A worker
 * that fails leaves its remaining files to the main thread.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartRootsAmong } from '../service/parse/helm';
import { shareStrings, type FileSummary } from '../service/parse/summary';
import { NodeFileSystem, type ServerFileSystem } from './fileSystem';
import { holdYoungGeneration, startWorkersWithFullYoungGeneration } from './heapFlags';
import type { ScanJob, ScannedFile } from './scanWorker';

/** Below this many files the threads cost more to start than they save. */
export const MIN_FILES_FOR_SCAN_WORKERS = 100;
const MAX_SCAN_WORKERS = 2;
const FILES_PER_BLOCK = 16;

export interface ReadHandlers {
  /** A file read (text undefined: unreadable or too large), in the order of the list. */
  onFile(uri: string, text: string | undefined, summary?: FileSummary): void;
  /** Checked between files: true stops the reading (the index stays partial). */
  isCancelled(): boolean;
}

/** Reads `uris` in order into `handlers`; resolves to how many were read before a cancel. */
export async function readWorkspace(
  fileSystem: ServerFileSystem,
  uris: readonly string[],
  handlers: ReadHandlers,
  workers = Math.min(MAX_SCAN_WORKERS, availableParallelism()),
): Promise<number> {
  if (!(fileSystem instanceof NodeFileSystem) || uris.length < MIN_FILES_FOR_SCAN_WORKERS) {
    return readInline(fileSystem, uris, 0, handlers);
  }
  return readInWorkers(fileSystem, uris, handlers, Math.max(1, workers));
}

async function readInline(
  fileSystem: ServerFileSystem,
  uris: readonly string[],
  from: number,
  handlers: ReadHandlers,
): Promise<number> {
  let done = from;
  for (; done < uris.length; done++) {
    if (handlers.isCancelled()) break;
    handlers.onFile(uris[done]!, await fileSystem.readFile(uris[done]!));
  }
  return done;
}

function readInWorkers(
  fileSystem: ServerFileSystem,
  uris: readonly string[],
  handlers: ReadHandlers,
  count: number,
): Promise<number> {
  const chartRoots = chartRootsAmong(uris);
  // What arrives is kept: V8 would grow the young generation for it (node/heapFlags.ts).
  holdYoungGeneration();
  const shares: ScanJob['files'][] = Array.from({ length: count }, () => []);
  uris.forEach((uri, index) =>
    shares[Math.floor(index / FILES_PER_BLOCK) % count]!.push({ index, uri }),
  );
  const received = new Map<number, ScannedFile>();
  /** The summaries' strings, shared across files while they arrive (parse/summary.ts). */
  const strings = new Map<string, string>();
  let next = 0;
  return new Promise<number>((resolve) => {
    const workers: Worker[] = [];
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const worker of workers) void worker.terminate();
      resolve(next);
    };
    /** Hands over the files received in order; stops everything on a cancel. */
    const drain = (): void => {
      for (let file = received.get(next); file && !finished; file = received.get(next)) {
        if (handlers.isCancelled()) return finish();
        received.delete(next++);
        handlers.onFile(file.uri, file.text, file.summary);
      }
      if (next === uris.length) finish();
    };
    /** A worker failed: the main thread reads what it had not sent yet. */
    const takeOver = async (share: ScanJob['files']): Promise<void> => {
      for (const { index, uri } of share) {
        if (finished) return;
        if (received.has(index) || index < next) continue;
        received.set(index, { index, uri, text: await fileSystem.readFile(uri) });
        drain();
      }
    };
    for (const share of shares) {
      const job: ScanJob = { kubeStorageScanWorker: true, files: share, chartRoots, batch: 16 };
      let worker: Worker;
      try {
        worker = startWorker(job);
      } catch {
        void takeOver(share);
        continue;
      }
      workers.push(worker);
      let sent = 0;
      worker.on('message', (batch: ScannedFile[]) => {
        for (const file of batch) {
          if (file.summary) shareStrings(file.summary, strings);
          received.set(file.index, file);
        }
        sent += batch.length;
        drain();
      });
      const failed = (): void => {
        if (sent < share.length) void takeOver(share);
      };
      worker.once('error', failed);
      worker.once('exit', failed);
    }
  });
}

function startWorker(job: ScanJob): Worker {
  // A thread keeps nothing between files but the batch it sends, yet with V8's default limits
  // each grew to some 100 MB of young and old generations while it parsed (most of the server's
  // peak during the scan). With these it collects sooner: 5,000 files, the process at the scan's
  // end 364 MB instead of 411-431 MB, the scan as fast. A file whose trees do not fit (a single
  // document of megabytes) ends the thread, and the main thread reads the rest of its share.
  const resourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 32 };
  startWorkersWithFullYoungGeneration(resourceLimits.maxYoungGenerationSizeMb);
  const options = { workerData: job, resourceLimits };
  // Bundled, the worker is dist/scanWorker.js next to this bundle; from source (tests), tsx.
  if (__filename.endsWith('.ts')) {
    const source = join(__dirname, 'scanWorker.ts');
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, {
      ...options,
      eval: true,
    });
  }
  return new Worker(join(__dirname, 'scanWorker.js'), options);
}
