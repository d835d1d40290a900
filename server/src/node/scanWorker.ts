/**
 * A thread that reads and parses files of the workspace for the index (node/workspaceReader.ts),
 * taking them one at a time from a counter it shares with the main thread, which reads files too.
 * Each file is read from disk, split and parsed here, and only what the index keeps of it (its
 * text and summary, parse/summary.ts) goes back to the main thread, a batch at a time. The parsed
 * trees never leave this thread.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { isTemplateFile } from '../service/parse/helm';
import { ParsedChunk } from '../service/parse/chunk';
import { splitDocuments } from '../service/parse/split';
import { packSites } from '../service/navigation/packedSites';
import { relativeSites } from '../service/navigation/sites';
import { summarizeChunk, type FileSummary } from '../service/parse/summary';
import { addStorageHashes } from '../service/rules/signature';
import { claimsFrom } from './claims';
import { MAX_INDEXED_FILE_BYTES } from './fileSystem';

export interface ScanJob {
  kubeStorageScanWorker: true;
  /** Every file of the workspace, in the order the index takes them. */
  uris: readonly string[];
  /** The index of the next file to read, shared with the main thread (node/claims.ts). */
  next: Int32Array;
  /** Chart folders (URIs ending with `/`) of the whole workspace: their templates are templates. */
  chartRoots: string[];
  /** Files per message back. */
  batch: number;
}

export interface ScannedFile {
  index: number;
  uri: string;
  /** Undefined when the file cannot be read or is above the size read from disk. */
  text?: string;
  summary?: FileSummary;
}

/** What the index would keep of a file read from disk: its summary, parsed as the index would. */
export function summarizeFile(uri: string, text: string, chartRoots: string[]): FileSummary {
  const template = isTemplateFile(uri, text, chartRoots);
  // The chunks as WorkspaceFile makes them (splitDocuments), without its copy of each chunk's
  // text: only summaries leave this thread, and the trees go as soon as each is summarized.
  const chunks = splitDocuments(text).map((piece) => {
    const chunk = new ParsedChunk(piece.text, template);
    const summary = summarizeChunk(chunk);
    summary?.docs.forEach((d, i) => {
      if (d.recognition.type !== 'object') return;
      const { kind, namespace } = d.recognition.facts;
      d.sites = packSites(relativeSites(chunk, chunk.docs[i]!, kind, namespace));
    });
    chunk.release();
    return summary;
  });
  const summary = { template, chunks };
  addStorageHashes(summary);
  return summary;
}

/**
 * NodeFileSystem.readFile, blocking: an awaited read costs a trip through the event loop per call
 * (on 5,000 files, longer than parsing them). On the main thread too, the read is short next to the
 * parse that follows it: a file of at most 4 MB, most often from the page cache.
 */
function readFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_INDEXED_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A file of the workspace read from disk and summarized, on whichever thread took it. */
export function scanFile(index: number, uri: string, chartRoots: string[]): ScannedFile {
  const text = readFile(uri);
  return text === undefined
    ? { index, uri }
    : { index, uri, text, summary: summarizeFile(uri, text, chartRoots) };
}

function run(job: ScanJob): void {
  const claim = claimsFrom(job.next, job.uris.length);
  let batch: ScannedFile[] = [];
  for (let index = claim(); index !== undefined; index = claim()) {
    batch.push(scanFile(index, job.uris[index]!, job.chartRoots));
    if (batch.length >= job.batch) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  parentPort!.postMessage(batch);
}

if ((workerData as Partial<ScanJob> | null)?.kubeStorageScanWorker && parentPort) {
  run(workerData as ScanJob);
}
