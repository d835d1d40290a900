/**
 * A thread that reads and parses a share of the workspace for the index (node/workspaceReader.ts):
 * each file is read from disk, split and parsed here, and only what the index keeps of it (its
 * text and summary, parse/summary.ts) goes back to the main thread, a batch at a time. The parsed
 * trees never leave this thread, so the main one neither parses nor collects them.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { isTemplateFile } from '../service/parse/helm';
import { ParsedChunk } from '../service/parse/chunk';
import { splitDocuments } from '../service/parse/split';
import { relativeSites } from '../service/navigation/sites';
import { summarizeChunk, type FileSummary } from '../service/parse/summary';
import { addStorageHashes } from '../service/rules/signature';
import { MAX_INDEXED_FILE_BYTES } from './fileSystem';

export interface ScanJob {
  kubeStorageScanWorker: true;
  /** The files of this share: their index in the whole list and their URI. */
  files: { index: number; uri: string }[];
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
      d.sites = JSON.stringify(relativeSites(chunk, chunk.docs[i]!, kind, namespace));
    });
    chunk.release();
    return summary;
  });
  const summary = { template, chunks };
  addStorageHashes(summary);
  return summary;
}

/**
 * NodeFileSystem.readFile, blocking: this thread has nothing else to do, and an awaited read
 * costs a trip through the event loop per call (on 5,000 files, longer than parsing them).
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

function run(job: ScanJob): void {
  let batch: ScannedFile[] = [];
  for (const { index, uri } of job.files) {
    const text = readFile(uri);
    batch.push(
      text === undefined
        ? { index, uri }
        : { index, uri, text, summary: summarizeFile(uri, text, job.chartRoots) },
    );
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
