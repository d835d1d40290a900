/**
 * The GitOps benchmark (issue 19): a generated workspace of 5,000 files (bench/workspace.ts, four
 * documents each), measured in ONE run against the parse floor of the same run — the time one
 * thread needs to `parseAllDocuments` (the `yaml` package) every file, texts already in memory.
 *
 * The language server is started on the folder and one file is opened right after `initialized`,
 * while the server starts reading the workspace. That file is an app's workload.yaml plus a probe:
 * a claim with `accessModes: 5` (a local finding: schema) and a Deployment mounting a claim no file
 * defines (a cross-file finding, true once the whole workspace is read). Measured:
 *
 * - first diagnostics: didOpen → the first publish for the file;
 * - false findings before the scan: publishes before the complete one that hold a `*-not-found`
 *   code (a claim, class or volume defined in a file not read yet reported missing);
 * - complete diagnostics: didOpen → the first publish holding the cross-file finding;
 * - the scan: `initialized` → the end of the work-done progress, and how many reports it sent;
 * - complete diagnostics and the scan twice: while hover and completion are asked back to back
 *   (a client that never waits takes a core's worth of CPU from the scan), and with the editor idle;
 * - hover and completion during the scan: asked one at a time at key positions of the file from
 *   didOpen until the scan ends (p95);
 * - peak memory: VmHWM of the server after the scan, against the workspace's YAML text (bytes);
 * - `kube-storage lint <folder> --format json` with `--jobs 1` and `--jobs 2` (worker threads), wall
 *   time, and whether both print the same bytes.
 *
 * `--runs` rounds each measure the floors, the idle server and lint in turn, and each ratio is the
 * median of the rounds' ratios to their own floor; the busy server runs once.
 *
 * It reports and never asserts. Usage: node --import tsx bench/workspace-bench.ts [--files 5000]
 * [--runs 3] [--idle-only] [--write] (--idle-only: the floors and the idle server only; --write
 * puts the section into bench/RESULTS.md; `npm run bench` keeps it). KUBE_STORAGE_BENCH_NODE_ARGS
 * adds Node or V8 flags to the server's (lsp-driver.ts `benchNodeArgs`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LspClient,
  benchNodeArgs,
  fmtMs,
  keyPositions,
  keyStarts,
  median,
  node24OrRerun,
  quantile,
} from './lsp-driver';
import { generateWorkspace, writeWorkspace } from './workspace';
import { SERVER_ENVIRONMENT, SERVER_HEAP_FLAGS } from '../server/src/node/heapFlags';
import { bundledParse, parseFloor, timedLint, type LintRun } from './floor';

const here = __dirname;
const root = resolve(here, '..');
const workspaceDir = join(here, 'out', 'gitops');

const PROBE = `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: probe-claim
  namespace: billing-prod
spec:
  accessModes: 5
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: probe-reader
  namespace: billing-prod
spec:
  selector:
    matchLabels:
      app: probe-reader
  template:
    metadata:
      labels:
        app: probe-reader
    spec:
      containers:
        - name: reader
          image: busybox:1.37
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: claim-nobody-defines
`;
const CROSS_FILE_CODE = 'claim-not-found';

interface ServerRun {
  firstMs: number;
  firstCodes: string[];
  completeMs: number;
  falseFindings: number;
  scanMs: number;
  progressReports: number;
  lastProgress: string;
  hoverP95Ms: number;
  hovers: number;
  completionP95Ms: number;
  completions: number;
  /** didOpen → the end of the workspace pass (every unopened file checked). */
  passEndMs: number;
  peakMb: number;
}

/**
 * Waits for the workspace pass that follows the scan (every unopened file parsed and checked, its
 * problems published) to end: no publish for 1.5 s and the server's CPU time still. Peak memory is
 * read after it, so it covers the whole start. Resolves to when the last publish arrived.
 */
async function backgroundPassEnd(client: LspClient): Promise<number> {
  const lastPublish = (): number =>
    Math.max(0, ...[...client.publishes.values()].map((list) => list.at(-1)?.t ?? 0));
  for (let started = performance.now(); performance.now() - started < 600000;) {
    const cpu = client.cpuMs();
    await new Promise((r) => setTimeout(r, 500));
    const idle = client.cpuMs() - cpu < 50;
    if (idle && performance.now() - lastPublish() > 1500) return lastPublish();
  }
  throw new Error('the workspace pass did not end');
}

/**
 * One server on the workspace, one file opened right after `initialized`. `ask`: hover and
 * completion requests back to back for as long as the scan runs (a client that never waits);
 * without it the editor is idle while the workspace is read.
 */
async function serverRun(
  node: string,
  openedPath: string,
  openedText: string,
  ask: boolean,
): Promise<ServerRun> {
  // Started as the extension starts it (client/src/languageClient.ts): with its heap flags and
  // environment.
  const client = new LspClient(
    node,
    [...SERVER_HEAP_FLAGS, ...benchNodeArgs(), join(root, 'dist/server.js'), '--stdio'],
    root,
    SERVER_ENVIRONMENT,
  );
  const settings = { kubeStorage: { language: 'en' } };
  client.onRequest('workspace/configuration', (params) =>
    (params as { items: { section?: string }[] }).items.map((item) =>
      item.section ? ((settings as Record<string, unknown>)[item.section] ?? null) : settings,
    ),
  );
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  let scanEnd: number | undefined;
  let progressReports = 0;
  let lastProgress = '';
  client.onNotification('$/progress', (params) => {
    const value = (params as { value: { kind: string; message?: string; title?: string } }).value;
    if (value.kind === 'report') progressReports++;
    if (value.message) lastProgress = `${value.title ?? ''} ${value.message}`.trim();
    if (value.kind === 'end') scanEnd = performance.now();
  });
  const folderUri = pathToFileURL(workspaceDir).href;
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'gitops' }],
      locale: 'en',
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    const initializedAt = performance.now();
    client.notify('initialized', {});
    const uri = pathToFileURL(openedPath).href;
    const openAt = performance.now();
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: openedText },
    });

    // Hover and completion, one at a time, for as long as the scan runs.
    const lines = openedText.split('\n');
    const hovers = keyPositions(lines, 50, lines.length);
    const starts = keyStarts(lines, 50, lines.length);
    const hoverTimes: number[] = [];
    const completionTimes: number[] = [];
    for (let i = 0; ask && scanEnd === undefined && performance.now() - openAt < 600000; i++) {
      let at = performance.now();
      await client.request('textDocument/hover', {
        textDocument: { uri },
        position: hovers[i % hovers.length],
      });
      if (scanEnd !== undefined) break;
      hoverTimes.push(performance.now() - at);
      at = performance.now();
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: starts[i % starts.length],
      });
      if (scanEnd !== undefined) break;
      completionTimes.push(performance.now() - at);
    }
    for (;;) {
      const list = client.publishes.get(uri) ?? [];
      if (list.some((p) => p.codes.includes(CROSS_FILE_CODE))) break;
      if (performance.now() - openAt > 600000) throw new Error('no complete diagnostics');
      await client.nextPublish(1000);
    }
    const list = client.publishes.get(uri)!;
    const completeIndex = list.findIndex((p) => p.codes.includes(CROSS_FILE_CODE));
    const falseFindings = list
      .slice(0, completeIndex)
      .reduce((n, p) => n + p.codes.filter((c) => c.endsWith('-not-found')).length, 0);
    const passEndMs = await backgroundPassEnd(client);
    return {
      firstMs: list[0]!.t - openAt,
      firstCodes: list[0]!.codes,
      completeMs: list[completeIndex]!.t - openAt,
      falseFindings,
      scanMs: (scanEnd ?? NaN) - initializedAt,
      progressReports,
      lastProgress,
      hoverP95Ms: quantile(hoverTimes, 0.95),
      hovers: hoverTimes.length,
      completionP95Ms: quantile(completionTimes, 0.95),
      completions: completionTimes.length,
      peakMb: client.peakRssMb() ?? NaN,
      passEndMs: passEndMs - openAt,
    };
  } catch (e) {
    console.error(`server stderr:\n${client.stderr}`);
    throw e;
  } finally {
    await client.stop();
  }
}

const x = (value: number, floor: number) => ratio(value / floor);
const ratio = (value: number) => `${value.toFixed(3)}×`;

interface Round {
  floor: number;
  bundledFloor: number;
  idle: ServerRun;
  lint?: { single: LintRun; workers: LintRun };
}

async function main(): Promise<void> {
  const node = node24OrRerun(__filename);
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) =>
    args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
  const fileCount = option('--files', 5000);
  const runs = option('--runs', 3);
  const loadStart = loadavg()[0]!;

  const files = generateWorkspace(fileCount, 19);
  const opened = files.filter((f) => f.path.endsWith('/workload.yaml'))[Math.floor(fileCount / 4)]!;
  opened.text += PROBE;
  writeWorkspace(workspaceDir, files);
  const texts = files.map((f) => f.text);
  const textMb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 2 ** 20;
  const documents = texts.reduce((n, t) => n + t.split(/^---$/m).length, 0);
  console.log(
    `workspace: ${files.length} files, ${documents} documents, ${textMb.toFixed(1)} MB of YAML; opened ${opened.path}`,
  );

  const bundled = await bundledParse();
  const openedPath = join(workspaceDir, opened.path);
  const cli = join(root, 'dist/cli.js');
  // Rounds of the floors, the idle server and lint in turn: the machine's speed drifts (by a
  // quarter between minutes on a shared host), so each is compared with the floors of its round.
  const rounds: Round[] = [];
  for (let r = 0; r < runs; r++) {
    const floor = parseFloor(texts);
    const bundledFloor = parseFloor(texts, bundled);
    const idle = await serverRun(node, openedPath, opened.text, false);
    const lint = args.includes('--idle-only')
      ? undefined
      : {
          single: timedLint(node, cli, workspaceDir, 1),
          workers: timedLint(node, cli, workspaceDir, 2),
        };
    rounds.push({ floor, bundledFloor, idle, lint });
    console.log(
      `round ${r + 1}: floor ${fmtMs(floor)}, bundled ${fmtMs(bundledFloor)}, complete ${fmtMs(idle.completeMs)} (${x(idle.completeMs, floor)}), scan ${fmtMs(idle.scanMs)}, peak ${idle.peakMb.toFixed(0)} MB` +
        (lint
          ? `, lint --jobs 1 ${fmtMs(lint.single.ms)}, --jobs 2 ${fmtMs(lint.workers.ms)} (${x(lint.workers.ms, floor)})`
          : ''),
    );
  }
  if (args.includes('--idle-only')) return;
  const floor = median(rounds.map((r) => r.floor));
  const bundledFloor = median(rounds.map((r) => r.bundledFloor));
  /** The median of a measure, and the median of its ratio to the floor of its own round. */
  const measured = (pick: (r: Round) => number): { ms: number; ratio: number } => ({
    ms: median(rounds.map(pick)),
    ratio: median(rounds.map((r) => pick(r) / r.floor)),
  });
  const complete = measured((r) => r.idle.completeMs);
  const scan = measured((r) => r.idle.scanMs);
  const single = measured((r) => r.lint!.single.ms);
  const workers = measured((r) => r.lint!.workers.ms);
  const idle = rounds[0]!.idle;
  const server = await serverRun(node, openedPath, opened.text, true);
  console.log(JSON.stringify(server));
  const outputs = rounds.flatMap((r) => [r.lint!.single, r.lint!.workers]);
  const identical = outputs.every(
    (o) => o.stdout === outputs[0]!.stdout && o.status === outputs[0]!.status,
  );
  const loadEnd = loadavg()[0]!;

  const peakMb = Math.max(server.peakMb, ...rounds.map((r) => r.idle.peakMb));
  const peakRatio = peakMb / textMb;
  const rows: [string, string, string, string, string][] = [
    [
      'Parse floor (one thread, `yaml` parseAllDocuments of every file)',
      fmtMs(floor),
      '1×',
      '',
      '',
    ],
    [
      'The same with the `yaml` build the bundles use (esbuild.mjs: no `process` lookup per token)',
      fmtMs(bundledFloor),
      ratio(median(rounds.map((r) => r.bundledFloor / r.floor))),
      '',
      '',
    ],
    [
      'Open → first diagnostics of the opened file (syntax, schema, local rules)',
      fmtMs(server.firstMs),
      x(server.firstMs, floor),
      '≤ 0.05×',
      pass(server.firstMs <= 0.05 * floor),
    ],
    [
      '"Not found" findings published before the scan completed',
      String(server.falseFindings),
      '',
      '0',
      pass(server.falseFindings === 0),
    ],
    [
      'Open → complete cross-file diagnostics of the opened file, editor idle',
      fmtMs(complete.ms),
      ratio(complete.ratio),
      '≤ 1.0×',
      pass(complete.ratio <= 1),
    ],
    [
      'Open → complete cross-file diagnostics, hover and completion asked back to back meanwhile',
      fmtMs(server.completeMs),
      x(server.completeMs, floor),
      '',
      '',
    ],
    [
      `Workspace scan, editor idle (initialized → progress end, ${idle.progressReports} reports)`,
      fmtMs(scan.ms),
      ratio(scan.ratio),
      '',
      '',
    ],
    [
      `Hover p95 during the scan (${server.hovers} requests)`,
      fmtMs(server.hoverP95Ms),
      x(server.hoverP95Ms, floor),
      '≤ 0.01×',
      pass(server.hoverP95Ms <= 0.01 * floor),
    ],
    [
      `Completion p95 during the scan (${server.completions} requests)`,
      fmtMs(server.completionP95Ms),
      x(server.completionP95Ms, floor),
      '≤ 0.01×',
      pass(server.completionP95Ms <= 0.01 * floor),
    ],
    [
      `Server peak memory (VmHWM, scan and workspace pass) vs ${textMb.toFixed(1)} MB of YAML`,
      `${peakMb.toFixed(0)} MB`,
      `${peakRatio.toFixed(1)}× the text`,
      '≤ 10×',
      pass(peakRatio <= 10),
    ],
    ['`kube-storage lint`, one thread (`--jobs 1`)', fmtMs(single.ms), ratio(single.ratio), '', ''],
    [
      '`kube-storage lint`, 2 threads (`--jobs 2`)',
      fmtMs(workers.ms),
      ratio(workers.ratio),
      '≤ 1.0×',
      pass(workers.ratio <= 1),
    ],
    [
      `Same output, \`--jobs 2\` vs \`--jobs 1\` (${outputs.length} runs)`,
      identical ? 'identical' : 'DIFFERENT',
      '',
      'identical',
      pass(identical),
    ],
  ];
  const section = `<!-- workspace:start -->
### A GitOps workspace of ${files.length.toLocaleString('en')} files (issue 19)

Measured on ${new Date().toISOString().slice(0, 10)} with \`bench/workspace-bench.ts --files ${fileCount} --runs ${runs} --write\`
on Node ${process.version}, ${cpus().length} cores shared with other work: load average (1 min)
${loadStart.toFixed(1)} → ${loadEnd.toFixed(1)}. The workspace is generated by \`bench/workspace.ts\`:
${files.length.toLocaleString('en')} files, ${documents.toLocaleString('en')} documents, ${textMb.toFixed(1)} MB of YAML, one folder per app and environment,
claims, volumes, classes and Services linked across files. The floor is the time one thread takes to
\`parseAllDocuments\` every file, texts in memory. ${runs} rounds each measure the floors, the idle
server and lint in turn; the table gives medians, and each ratio is the median of the rounds' ratios
to the floor of their own round (the machine's speed drifts between minutes).
The opened file (${opened.path} plus a probe: a claim with \`accessModes: 5\` and a
Deployment mounting a claim no file defines) is opened right after \`initialized\`, in two runs of
the server: one asks hover and completion back to back while the workspace is read (a client that
never waits: ${server.hovers + server.completions} requests, taking CPU from the scan on 2 cores, once),
one leaves the editor idle (every round). Peak memory is the highest of them, read when the workspace
pass that follows the scan has ended (every unopened file checked: ${fmtMs(idle.passEndMs)} after didOpen, editor idle). Last progress message:
"${idle.lastProgress}".

| Metric | Measured | ÷ floor | Goal | Result |
|---|---:|---:|---|---|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}
<!-- workspace:end -->`;
  console.log('\n' + section);
  if (args.includes('--write')) {
    const file = join(here, 'RESULTS.md');
    const text = readFileSync(file, 'utf8');
    const block = /<!-- workspace:start -->[\s\S]*?<!-- workspace:end -->/;
    writeFileSync(
      file,
      block.test(text)
        ? text.replace(block, section)
        : text.replace('\n## Goals', `\n${section}\n\n## Goals`),
    );
    console.log('bench: wrote bench/RESULTS.md');
  }
}

function pass(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
