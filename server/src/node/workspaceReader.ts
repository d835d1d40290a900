/**
 * Reads the workspace into the index at start. With enough files, the main thread and a worker
 * thread (node/scanWorker.ts; none on a single core) take the files one at a time from a counter
 * they share, and each reads a file and makes its summary (parse/summary.ts) the same way. The main
 * thread reads for a few milliseconds at a time, and not at all while the caller says it is busy
 * (a user's requests: they are answered at once, and the worker reads on), and hands each
 * file's text and summary to the index in the order of the list: the index is the same as a single
 * thread reading the files one by one. A worker that fails leaves the files it had taken to the
 * main thread.
 *
 * Two threads, not three: two workers with the main thread only receiving were slower on two
 * cores (complete diagnostics of the 5,000-file bench 0.80–1.04× the parse floor against
 * 0.65–0.87×), and each worker holds its own heap while it parses (issue 19's peak memory).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartRootsAmong } from '../service/parse/helm';
import { shareStrings, type FileSummary } from '../service/parse/summary';
import { NodeFileSystem, type ServerFileSystem } from './fileSystem';
import { holdYoungGeneration, startWorkersWithFullYoungGeneration } from './heapFlags';
import { claimedSoFar, claimsFrom, sharedCounter } from './claims';
import { scanFile, type ScanJob, type ScannedFile } from './scanWorker';

/** Below this many files the threads cost more to start than they save. */
export const MIN_FILES_FOR_SCAN_WORKERS = 100;
/** The main thread and one worker: each more thread costs its own heap (issue 19: memory). */
const MAX_SCAN_THREADS = 2;
/** The main thread reads files this long at a time, then answers the requests that came. */
const MAIN_THREAD_SLICE_MS = 2;
/** While requests are answered, the main thread looks again this often before it reads on. */
const BUSY_RETRY_MS = 1;

export interface ReadHandlers {
  /** A file read (text undefined: unreadable or too large), in the order of the list. */
  onFile(uri: string, text: string | undefined, summary?: FileSummary): void;
  /** Checked between files: true stops the reading (the index stays partial). */
  isCancelled(): boolean;
  /**
   * Checked before the main thread reads more files: true while something more urgent is under
   * way (requests being answered); the main thread's reading then waits for it.
   */
  isBusy?(): boolean;
}

/** Reads `uris` in order into `handlers`; resolves to how many were read before a cancel. */
export async function readWorkspace(
  fileSystem: ServerFileSystem,
  uris: readonly string[],
  handlers: ReadHandlers,
  threads = Math.min(MAX_SCAN_THREADS, availableParallelism()),
): Promise<number> {
  if (!(fileSystem instanceof NodeFileSystem) || uris.length < MIN_FILES_FOR_SCAN_WORKERS) {
    return readInline(fileSystem, uris, handlers);
  }
  return readInThreads(uris, handlers, Math.max(1, threads));
}

async function readInline(
  fileSystem: ServerFileSystem,
  uris: readonly string[],
  handlers: ReadHandlers,
): Promise<number> {
  let done = 0;
  for (; done < uris.length; done++) {
    if (handlers.isCancelled()) break;
    handlers.onFile(uris[done]!, await fileSystem.readFile(uris[done]!));
  }
  return done;
}

function readInThreads(
  uris: readonly string[],
  handlers: ReadHandlers,
  threads: number,
): Promise<number> {
  const chartRoots = chartRootsAmong(uris);
  // What arrives is kept: V8 would grow the young generation for it (node/heapFlags.ts).
  holdYoungGeneration();
  const next = sharedCounter();
  const claim = claimsFrom(next, uris.length);
  const received = new Map<number, ScannedFile>();
  /** The summaries' strings, shared across files while they arrive (parse/summary.ts). */
  const strings = new Map<string, string>();
  /** Files a worker took and never sent (it failed): this thread reads them. */
  const orphans: number[] = [];
  let delivered = 0;
  return new Promise<number>((resolve) => {
    let workers: Worker[] = [];
    let running = 0;
    let finished = false;
    let scanning = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const worker of workers) void worker.terminate();
      resolve(delivered);
    };
    /** A file read by any thread; one read twice (taken over from a failed worker) counts once. */
    const accept = (file: ScannedFile): void => {
      if (file.index < delivered || received.has(file.index)) return;
      if (file.summary) shareStrings(file.summary, strings);
      received.set(file.index, file);
    };
    /** Hands over the files received in order; stops everything on a cancel. */
    const drain = (): void => {
      for (let file = received.get(delivered); file && !finished; file = received.get(delivered)) {
        if (handlers.isCancelled()) return finish();
        received.delete(delivered++);
        handlers.onFile(file.uri, file.text, file.summary);
      }
      if (delivered === uris.length) finish();
    };
    /** This thread's share: files for a slice of time, then what arrived meanwhile (requests). */
    const scanHere = (): void => {
      if (finished) return;
      // A request takes a few turns of the event loop (a tick first, then its work), and a slice
      // of reading in each turn made it wait: hover p50 45 ms with 8 ms slices (lsp/workspaceScan.ts).
      // Without a worker running, this thread reads anyway, or nothing would.
      if (running > 0 && handlers.isBusy?.()) {
        setTimeout(scanHere, BUSY_RETRY_MS);
        return;
      }
      const until = performance.now() + MAIN_THREAD_SLICE_MS;
      let index: number | undefined;
      do {
        index = orphans.shift() ?? claim();
        if (index !== undefined) accept(scanFile(index, uris[index]!, chartRoots));
      } while (index !== undefined && performance.now() < until);
      drain();
      if (index !== undefined) setImmediate(scanHere);
      else scanning = false;
    };
    const scanHereSoon = (): void => {
      if (scanning || finished) return;
      scanning = true;
      setImmediate(scanHere);
    };
    const job: ScanJob = {
      kubeStorageScanWorker: true,
      uris,
      next,
      chartRoots,
      batch: 16,
    };
    workers = startScanWorkers(job, threads - 1, {
      onBatch: (batch) => {
        for (const file of batch) accept(file);
        drain();
      },
      onExit: () => {
        running--;
        if (finished) return;
        for (let index = delivered; index < claimedSoFar(next, uris.length); index++) {
          if (!received.has(index)) orphans.push(index);
        }
        scanHereSoon();
      },
    });
    running = workers.length;
    scanHereSoon();
  });
}

/**
 * Starts up to `count` scan workers on `job` (fewer if a thread cannot start: the main thread then
 * takes the files it would have). A worker that fails (its heap was too small for a file) exits
 * after its error; all its messages arrive before its exit, so what it had taken and not sent is
 * known then.
 */
function startScanWorkers(
  job: ScanJob,
  count: number,
  on: { onBatch(batch: ScannedFile[]): void; onExit(): void },
): Worker[] {
  const workers: Worker[] = [];
  for (let started = 0; started < count; started++) {
    let worker: Worker;
    try {
      worker = startWorker(job);
    } catch {
      break;
    }
    workers.push(worker);
    worker.on('message', on.onBatch);
    worker.on('error', () => undefined);
    worker.once('exit', on.onExit);
  }
  return workers;
}

function startWorker(job: ScanJob): Worker {
  // A thread keeps nothing between files but the batch it sends, yet with V8's default limits
  // each grew to some 100 MB of young and old generations while it parsed (most of the server's
  // peak during the scan). With these it collects sooner: 5,000 files, the process at the scan's
  // end 364 MB instead of 411-431 MB, the scan as fast. A file whose trees do not fit (a single
  // document of megabytes) ends the thread, and the main thread reads the files it had taken.
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
