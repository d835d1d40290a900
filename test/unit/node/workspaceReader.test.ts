/**
 * Reading the workspace at start (node/workspaceReader.ts): from 100 files the main thread and a
 * worker read and parse; the files come back in the order of the list, with the summaries the index
 * would make of them, and a cancel stops the reading where it is.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { NodeFileSystem } from '../../../server/src/node/fileSystem';
import { summarizeFile } from '../../../server/src/node/scanWorker';
import {
  MIN_FILES_FOR_SCAN_WORKERS,
  readWorkspace,
} from '../../../server/src/node/workspaceReader';
import type { FileSummary } from '../../../server/src/service/parse/summary';
import { makeTempDir } from '../../support/tempDir';

const claim = (name: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n  accessModes: [ReadWriteOnce]\n`;

/** A folder of `count` files of different lengths, a chart template and a folder named .yaml. */
function workspace(count: number): string[] {
  const root = makeTempDir('kube-storage-reader-');
  const uris: string[] = [];
  mkdirSync(join(root, 'chart', 'templates'), { recursive: true });
  writeFileSync(join(root, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: chart\nversion: 1.0.0\n');
  writeFileSync(join(root, 'chart', 'templates', 'pvc.yaml'), claim('{{ .Release.Name }}-data'));
  uris.push(pathToFileURL(join(root, 'chart', 'templates', 'pvc.yaml')).href);
  uris.push(pathToFileURL(join(root, 'chart', 'Chart.yaml')).href);
  mkdirSync(join(root, 'not-a-file.yaml'));
  uris.push(pathToFileURL(join(root, 'not-a-file.yaml')).href);
  for (let i = 0; i < count; i++) {
    const path = join(root, `file-${i}.yaml`);
    writeFileSync(
      path,
      Array.from({ length: 1 + (i % 4) }, (_, d) => claim(`c-${i}-${d}`)).join('---\n'),
    );
    uris.push(pathToFileURL(path).href);
  }
  return uris;
}

interface Read {
  uri: string;
  text?: string;
  summary?: FileSummary;
}

/**
 * Every file of `uris` read from disk to the end, as the index receives them; by `threads` (the
 * default: one per core up to two), with a caller `isBusy` says it is busy.
 */
async function readAll(
  uris: string[],
  options: { threads?: number; isBusy?: () => boolean } = {},
): Promise<{ done: number; read: Read[] }> {
  const read: Read[] = [];
  const handlers = {
    onFile: (uri: string, text?: string, summary?: FileSummary) =>
      read.push({ uri, text, summary }),
    isCancelled: () => false,
    isBusy: options.isBusy,
  };
  const done = await readWorkspace(new NodeFileSystem(), uris, handlers, options.threads);
  return { done, read };
}

describe('readWorkspace', () => {
  it('gives every file in order, with the summaries the index makes, read by two threads', async () => {
    const uris = workspace(MIN_FILES_FOR_SCAN_WORKERS + 50);
    const { done, read } = await readAll(uris);
    assert.equal(done, uris.length);
    assert.deepEqual(
      read.map((r) => r.uri),
      uris,
    );
    const fileSystem = new NodeFileSystem();
    const chartRoots = [uris[1]!.slice(0, uris[1]!.lastIndexOf('/') + 1)];
    for (const r of read) {
      const text = await fileSystem.readFile(r.uri);
      assert.equal(r.text, text, r.uri);
      assert.deepEqual(r.summary, text && summarizeFile(r.uri, text, chartRoots), r.uri);
    }
    assert.equal(read[0]!.summary?.template, true, 'a chart template is parsed as one');
    assert.equal(read[2]!.text, undefined, 'a folder is not read');
  });

  it('gives a file too large for a worker heap, whichever thread took it, and every other', async () => {
    const uris = workspace(MIN_FILES_FOR_SCAN_WORKERS + 50);
    // Documents of 3 MB: their trees take far more than the scan worker may hold. The main thread
    // reads whatever the worker had taken when it ended, this file first.
    const items = Array.from(
      { length: 40000 },
      (_, i) => `      - name: item-${i}\n        value: ${i}\n`,
    );
    const big = [40, 80, 120].map((i) => uris[i]!);
    for (const uri of big)
      writeFileSync(new URL(uri), `${claim('big')}  extra:\n    list:\n${items.join('')}`);
    const { done, read } = await readAll(uris);
    assert.equal(done, uris.length);
    assert.deepEqual(
      read.map((r) => r.uri),
      uris,
    );
    const fileSystem = new NodeFileSystem();
    const chartRoots = [uris[1]!.slice(0, uris[1]!.lastIndexOf('/') + 1)];
    for (const r of read) {
      const text = await fileSystem.readFile(r.uri);
      assert.equal(r.text, text, r.uri);
      if (big.includes(r.uri)) assert.deepEqual(r.summary, summarizeFile(r.uri, text!, chartRoots));
    }
  });

  it('reads every file on this thread alone when there is one core', async () => {
    const uris = workspace(MIN_FILES_FOR_SCAN_WORKERS + 10);
    const { done, read } = await readAll(uris, { threads: 1 });
    assert.equal(done, uris.length);
    assert.deepEqual(
      read.map((r) => r.uri),
      uris,
    );
    assert.ok(read.filter((r) => r.text !== undefined).every((r) => r.summary !== undefined));
  });

  it('reads every file while told it is busy: the worker reads on', async () => {
    const uris = workspace(MIN_FILES_FOR_SCAN_WORKERS + 10);
    let asked = 0;
    const { done, read } = await readAll(uris, { isBusy: () => ++asked > 0 });
    assert.equal(done, uris.length);
    assert.deepEqual(
      read.map((r) => r.uri),
      uris,
    );
    assert.ok(asked > 0, 'this thread asked before it read');
  });

  it('reads on a single core even while told it is busy: no other thread would', async () => {
    const uris = workspace(MIN_FILES_FOR_SCAN_WORKERS + 10);
    const { done, read } = await readAll(uris, { threads: 1, isBusy: () => true });
    assert.equal(done, uris.length);
    assert.deepEqual(
      read.map((r) => r.uri),
      uris,
    );
  });

  it('stops where it is when cancelled', async () => {
    const uris = workspace(MIN_FILES_FOR_SCAN_WORKERS + 50);
    const read: string[] = [];
    const done = await readWorkspace(new NodeFileSystem(), uris, {
      onFile: (uri) => read.push(uri),
      isCancelled: () => read.length >= 20,
    });
    assert.equal(done, 20);
    assert.deepEqual(read, uris.slice(0, 20));
  });

  it('reads a few files, or another file system, on this thread', async () => {
    const uris = workspace(5);
    const { done, read } = await readAll(uris);
    assert.equal(done, uris.length);
    assert.ok(read.every((r) => r.summary === undefined));
    const memory = {
      findManifestFiles: () => Promise.resolve([]),
      readFile: (uri: string) => Promise.resolve(`# ${uri}\n`),
    };
    const many = Array.from({ length: MIN_FILES_FOR_SCAN_WORKERS }, (_, i) => `mem:///f-${i}.yaml`);
    const texts: (string | undefined)[] = [];
    await readWorkspace(memory, many, {
      onFile: (_, text) => texts.push(text),
      isCancelled: () => false,
    });
    assert.deepEqual(
      texts,
      many.map((uri) => `# ${uri}\n`),
    );
  });
});
