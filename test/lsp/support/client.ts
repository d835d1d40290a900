/**
 * A small LSP client for protocol tests: spawns the built server (`dist/server.js --stdio`),
 * speaks JSON-RPC over its stdio, answers `workspace/configuration`, and collects diagnostics.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  type RequestType,
} from 'vscode-jsonrpc/node';
import type {
  Diagnostic,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

/** How long `stop` waits for the server to exit before killing it. */
const STOP_TIMEOUT_MS = 5000;
export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface StartOptions {
  /** Workspace folder on disk (indexed at start). */
  rootPath?: string;
  /** VS Code display language sent in initializationOptions. */
  locale?: string;
  /** The `kubeStorage` settings section returned to `workspace/configuration`. */
  settings?: Record<string, unknown>;
}

export class TestClient {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** How many times diagnostics were published per URI. */
  readonly publishCounts = new Map<string, number>();
  private readonly waiters: {
    uri: string;
    test: (d: Diagnostic[]) => boolean;
    resolve: (d: Diagnostic[]) => void;
  }[] = [];
  private versions = new Map<string, number>();
  settings: Record<string, unknown>;
  stderr = '';

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    const reader = new StreamMessageReader(child.stdout);
    // vscode-jsonrpc re-arms a timer for as long as a message is cut short, and disposing the
    // connection does not clear it: a server stopped while it wrote would keep the test process
    // alive for ever. The tests do not use partial-message events.
    reader.partialMessageTimeout = 0;
    this.connection = createMessageConnection(reader, new StreamMessageWriter(child.stdin));
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (p: PublishDiagnosticsParams) => {
        this.diagnostics.set(p.uri, p);
        this.publishCounts.set(p.uri, (this.publishCounts.get(p.uri) ?? 0) + 1);
        for (const w of [...this.waiters]) {
          if (w.uri === p.uri && w.test(p.diagnostics)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(p.diagnostics);
          }
        }
      },
    );
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => (item.section === 'kubeStorage' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const client = new TestClient(child, options);
    const rootUri = options.rootPath ? pathToFileURL(options.rootPath).href : null;
    client.initializeResult = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'fixture' }] : null,
      locale: options.locale ?? 'en',
      initializationOptions: { locale: options.locale ?? 'en' },
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  initializeResult?: InitializeResult;

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  }

  /** Replaces the whole text (a full-range incremental change). */
  async replace(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** An incremental edit of one range. */
  async edit(uri: string, range: { start: Position; end: Position }, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes the settings and tells the server, as VS Code does. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { kubeStorage: settings },
    });
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy `test` (or already published). */
  waitForDiagnostics(
    uri: string,
    test: (d: Diagnostic[]) => boolean = () => true,
    timeoutMs = 15000,
  ): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && test(current.diagnostics)) return Promise.resolve(current.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching diagnostics for ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics ?? null)}\n${this.stderr}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        test,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  /** The last diagnostics published for `uri` (undefined: never published). */
  published(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  /** Tells the server that files changed on disk (1 created, 2 changed, 3 deleted). */
  async filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** A request of protocol.ts (typed by its declaration), or a standard one by method name. */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  request<R>(method: string, params: unknown): Promise<R>;
  request(method: string | RequestType<unknown, unknown, void>, params: unknown): Promise<unknown> {
    return typeof method === 'string'
      ? this.connection.sendRequest(method, params)
      : this.connection.sendRequest(method, params);
  }

  /** Shuts the server down as an editor does, and waits for it to exit (killed after 5 s). */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    const killLater = setTimeout(() => this.child.kill(), STOP_TIMEOUT_MS);
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), exited]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    await exited;
    clearTimeout(killLater);
    this.connection.dispose();
  }
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup). */
export function messageOf(d: Diagnostic | undefined): string {
  if (!d) return '';
  return typeof d.message === 'string' ? d.message : d.message.value;
}
