/**
 * `lint --jobs <n>`: the files shared out to threads (`node:worker_threads`).
 *
 * The main thread and `--jobs - 1` workers share the files. A check may read every other file
 * (links, the binding), so every thread needs the whole index, but each parses only its share: the
 * threads take the files one at a time, in path order, from a counter they share (`claimsFrom`), so
 * a faster one takes more. The workers start as soon as the paths are known. A thread reads and
 * parses the files it took and sends what the index keeps of each (its summary, parse/summary.ts,
 * and its text) straight to the others; each then indexes every file in the order of the paths —
 * its own parsed, the others' from their summaries — and checks its own. The main
 * thread puts the answers back in the order of the paths, so the output is the same, byte for
 * byte, as one thread's (test/unit/cli/lintWorkers.test.ts).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import {
  MessageChannel,
  Worker,
  isMainThread,
  parentPort,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import {
  getLanguageService,
  type DiagnosticSettings,
  type KubeDiagnostic,
  type LanguageService,
} from '../service';
import { claimsFrom, sharedCounter } from '../node/claims';
import { cliService } from './common';
import { loadPrecompiledValidators } from '../node/precompiled';
import { chartRootsAmong, isTemplateFile } from '../service/parse/helm';
import type { FileSummary } from '../service/parse/summary';
import { addStorageHashes } from '../service/rules/signature';
import { WorkspaceFile } from '../service/workspace/file';

interface Job {
  kubeStorageLintWorker: true;
  /** The files to read, in path order, and their uris. */
  paths: string[];
  uris: string[];
  settings: DiagnosticSettings;
  /** The index of the next file to parse, shared by every thread (`claimsFrom`). */
  next: Int32Array;
  /** A port to each other thread. */
  peers: MessagePort[];
}

/** What a thread sends the others of each file it parsed: its summary and its text. */
type Summaries = [index: number, summary: FileSummary, text: string][];
/** The diagnostics of the files a thread parsed, by their index in the paths, in path order. */
export type CheckedFiles = [index: number, diagnostics: KubeDiagnostic[]][];

const YOUNG_GENERATION_MB = 192;
/** The young generation a worker starts with (V8 starts at 1 MB and grows it slowly). */
const START_SEMI_SPACE_MB = 32;

/** Below this many files one thread is faster than starting workers. */
export const MIN_FILES_FOR_WORKERS = 200;

interface Share {
  uris: string[];
  /** The texts read so far, by index; with `paths`, the others are read when first needed. */
  texts: string[];
  paths?: string[];
  settings: DiagnosticSettings;
  /** The next file this thread parses and checks; undefined once every file has been taken. */
  claim: () => number | undefined;
}

/**
 * Every file indexed in path order: the ones this thread claimed from their trees (`parseShare`),
 * the others from `summaries` (or parsed here when a summary is missing, as with one thread).
 */
export function indexShare(
  job: Share,
  service = getLanguageService(),
  owned = parseShare(job, service),
  summaries = new Map<number, FileSummary>(),
): void {
  job.uris.forEach((uri, i) =>
    service.setFile(uri, textOf(job, i), 'disk', 0, owned.get(i)?.file ?? summaries.get(i)),
  );
}

/** A file's text: as read or received already, else read now. */
function textOf(job: Share, index: number): string {
  return (job.texts[index] ??= readFileSync(job.paths![index]!, 'utf8'));
}

/** The diagnostics of the files this thread claimed, in path order, the whole workspace indexed. */
export function checkShare(
  job: Share,
  service = getLanguageService(),
  owned = parseShare(job, service),
  summaries = new Map<number, FileSummary>(),
): CheckedFiles {
  indexShare(job, service, owned, summaries);
  return [...owned.keys()].map((i) => [i, service.getDiagnostics(job.uris[i]!, job.settings)]);
}

/** A file this thread parsed, prechecked and summarized. */
interface ParsedFile {
  file: WorkspaceFile;
  /** What the other threads index of it (only made when there are other threads). */
  summary?: FileSummary;
}

/**
 * The files this thread claims, parsed as the index parses them (the template flag of the whole
 * set). Each is prechecked (syntax, schema, the rules that read one object) and summarized while its
 * trees are at hand, and its trees go right after: only the findings that depend on other files
 * build a tree again. Holding every tree until the check made a third of a worker's time garbage
 * collection, copying trees that were read once (bench/lint-bench.ts, --trace-gc).
 */
function parseShare(
  job: Share,
  service: LanguageService,
  summarize = false,
): Map<number, ParsedFile | undefined> {
  const chartRoots = chartRootsAmong(job.uris);
  const owned = new Map<number, ParsedFile | undefined>();
  for (let i = job.claim(); i !== undefined; i = job.claim()) {
    const uri = job.uris[i]!;
    const text = textOf(job, i);
    // A file `setFile` would not index (above the size limit) is not parsed either.
    if (!service.indexesFromDisk(uri, text)) {
      owned.set(i, undefined);
      continue;
    }
    const template = isTemplateFile(uri, text, chartRoots);
    const file = new WorkspaceFile(uri, text, 0, template);
    service.precheck(file, job.settings);
    owned.set(i, { file, summary: summarize ? summaryOf(file) : undefined });
    file.releaseTrees();
  }
  return owned;
}

/** What the other threads index of a file, with the storage hashes they would work out again. */
function summaryOf(file: WorkspaceFile): FileSummary {
  const summary = file.summary();
  addStorageHashes(summary, file);
  return summary;
}

/**
 * Every file's diagnostics, in the order of `paths`, read and checked by `threads` threads: this one
 * and `threads - 1` workers. This thread has the code loaded already, so it starts on the files
 * while the workers start up, and takes fewer of them.
 */
export async function lintInWorkers(
  paths: string[],
  uris: string[],
  settings: DiagnosticSettings,
  threads: number,
): Promise<KubeDiagnostic[][]> {
  // V8 reads it when a thread's heap is made: it applies to the workers started below.
  setFlagsFromString(`--min-semi-space-size=${START_SEMI_SPACE_MB}`);
  const peers = Array.from({ length: threads }, () => [] as MessagePort[]);
  for (let a = 0; a < threads; a++) {
    for (let b = a + 1; b < threads; b++) {
      const { port1, port2 } = new MessageChannel();
      peers[a]!.push(port1);
      peers[b]!.push(port2);
    }
  }
  const next = sharedCounter();
  const job = (ports: MessagePort[]): Job => ({
    kubeStorageLintWorker: true,
    paths,
    uris,
    settings,
    next,
    peers: ports,
  });
  // The workers first: this thread's share runs to its first await before it lets them start.
  const workers = peers.slice(1).map((ports) => runWorker(job(ports)));
  const shares = await Promise.all([lintShare(job(peers[0]!)), ...workers]);
  const diagnostics = new Array<KubeDiagnostic[]>(paths.length);
  for (const [index, found] of shares.flat()) diagnostics[index] = found;
  return diagnostics;
}

function runWorker(job: Job): Promise<CheckedFiles> {
  return new Promise((resolve, reject) => {
    // This module's file: the bundle (dist/cli.js), or this source file under tsx (tests).
    const source = __filename.endsWith('.ts');
    const entry = source
      ? `require('tsx/cjs'); require(${JSON.stringify(__filename)});`
      : __filename;
    const worker = new Worker(entry, {
      eval: source,
      workerData: job,
      transferList: job.peers,
      // Parsing allocates many short-lived nodes: a larger young generation spends less time in
      // scavenges (about a quarter of the CPU time on 5,000 files; bench/workspace-bench.ts).
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once('message', (checked: CheckedFiles) => resolve(checked));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker exited with code ${code}`));
    });
  });
}

/**
 * In each thread: read and parse the files it claims, send their summaries and texts to the others
 * (a copy of the text costs less than reading the file again), check its files.
 */
async function lintShare(job: Job): Promise<CheckedFiles> {
  const texts = new Array<string>(job.paths.length);
  const share: Share = { ...job, texts, claim: claimsFrom(job.next, job.paths.length) };
  const service = cliService();
  const owned = parseShare(share, service, true);
  const mine: Summaries = [];
  for (const [i, parsed] of owned) if (parsed) mine.push([i, parsed.summary!, texts[i]!]);
  const received = job.peers.map(
    (port) =>
      new Promise<Summaries>((resolve) =>
        port.once('message', (theirs: Summaries) => {
          port.close();
          resolve(theirs);
        }),
      ),
  );
  for (const port of job.peers) port.postMessage(mine);
  const summaries = new Map<number, FileSummary>();
  for (const [i, summary, text] of (await Promise.all(received)).flat()) {
    summaries.set(i, summary);
    texts[i] = text;
  }
  return checkShare(share, service, owned, summaries);
}

if (!isMainThread && (workerData as Partial<Job> | null)?.kubeStorageLintWorker) {
  loadPrecompiledValidators();
  void lintShare(workerData as Job).then((checked) => parentPort!.postMessage(checked));
}
