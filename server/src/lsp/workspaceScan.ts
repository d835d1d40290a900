/**
 * The workspace scan: every YAML file of the workspace folders, and every JSON file that holds a
 * Kubernetes object or list, read into the index at start (and again when the cluster snapshot
 * globs change), after the settings that decide how a file is read — the size limit and the
 * cluster snapshots — are applied to the service.
 */
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { ServerFileSystem } from '../node/fileSystem';
import { collectSoonerAfterScan } from '../node/heapFlags';
import { readWorkspace } from '../node/workspaceReader';
import { clusterSettings } from './cluster';
import type { ServerContext } from './context';
import type { DiagnosticsPublisher } from './diagnostics';
import { IndexProgress } from './indexProgress';
import { msSinceLastRequest } from './runner';

/** The collection after the scan waits this long: the open documents are checked first. */
const COLLECT_AFTER_SCAN_MS = 200;

/**
 * The main thread reads files of the workspace only when no request was answered for this long:
 * a user who hovers or completes meanwhile is answered at once, and the worker reads on. Hovers
 * asked back to back during the scan of the 5,000-file bench: p50 / p95 45 / 65 ms when the main
 * thread read 8 ms slices regardless, 9 / 20 ms with 2 ms slices waiting only while a request was
 * being answered, 0.1 / 0.2 ms with this quiet time (as with no reading on the main thread).
 */
const QUIET_BEFORE_SCANNING_MS = 50;

/** At most this many manifest files (YAML, JSON) are read from disk into the index at start. */
const MAX_WORKSPACE_FILES = 20000;

export class WorkspaceScan {
  private clusterKey = '';

  constructor(
    private readonly ctx: ServerContext,
    private readonly fileSystem: ServerFileSystem,
    private readonly publisher: DiagnosticsPublisher,
    private readonly folders: () => readonly WorkspaceFolder[],
  ) {}

  /**
   * At start: the file settings are applied once (the first diagnostics wait for them), then the
   * workspace is read; the workspace pass waits for the scan.
   */
  start(): void {
    const applied = this.applyFileSettings();
    this.publisher.waitForSettings(applied);
    const indexed = this.index(applied);
    this.publisher.holdUntil(indexed);
    indexed.catch((e: unknown) => this.failed(e));
  }

  /** The configuration changed: the size limit and the cluster settings are applied again. */
  settingsChanged(): void {
    void this.ctx.settings().then(({ maxFileSize }) => {
      if (this.ctx.service.setFileSettings({ maxFileSize })) this.publisher.settingsChanged();
    });
    void this.applyCluster().then((snapshotsMoved) => {
      // A snapshot above maxFileSize was not indexed as a manifest: read the files again.
      if (snapshotsMoved) this.rescan();
      this.publisher.settingsChanged();
    });
  }

  /** The settings that decide how a file is read and checked: the size limit, cluster snapshots. */
  private async applyFileSettings(): Promise<void> {
    const { maxFileSize } = await this.ctx.settings();
    this.ctx.service.setFileSettings({ maxFileSize });
    await this.applyCluster();
  }

  /** Applies `kubeStorage.cluster.*`; true when the snapshot globs changed. */
  private async applyCluster(): Promise<boolean> {
    const { settings, key } = await clusterSettings(this.ctx, this.folders());
    this.ctx.service.setCluster(settings);
    const moved = key !== this.clusterKey;
    this.clusterKey = key;
    return moved;
  }

  /**
   * Reads every YAML file of the workspace into the index, with progress; resolves to true when
   * read to the end (false: the user cancelled). Each read gives the event loop back, so requests
   * and the diagnostics of open documents never wait for the scan. `applied`: the file settings
   * being applied already (at start), so they are not read twice.
   */
  private async index(applied = this.applyFileSettings()): Promise<boolean> {
    const started = Date.now();
    await applied;
    const { files } = await this.ctx.settings();
    const uris: string[] = [];
    for (const folder of this.folders()) {
      const limit = MAX_WORKSPACE_FILES - uris.length;
      uris.push(...(await this.fileSystem.findManifestFiles(folder.uri, files.exclude, limit)));
    }
    const progress = await IndexProgress.begin(this.ctx, uris.length);
    // Read and parsed by worker threads on a large workspace (node/workspaceReader.ts).
    let read = 0;
    const done = await readWorkspace(this.fileSystem, uris, {
      onFile: (uri, text, summary) => {
        if (text !== undefined) this.ctx.service.setFile(uri, text, 'disk', 0, summary);
        progress.report(++read, uris.length);
      },
      isCancelled: () => progress.isCancelled,
      isBusy: () => msSinceLastRequest() < QUIET_BEFORE_SCANNING_MS,
    });
    progress.end(done, uris.length);
    this.ctx.log(
      `kube-storage: indexed ${done} of ${uris.length} manifest files in ${Date.now() - started} ms`,
    );
    this.publisher.scheduleAllOpen();
    // After the open documents' complete diagnostics, before the workspace pass (node/heapFlags.ts).
    setTimeout(collectSoonerAfterScan, COLLECT_AFTER_SCAN_MS);
    return !progress.isCancelled;
  }

  /** Reads the workspace again; a partial index (a cancelled scan) is held as at start. */
  private rescan(): void {
    const scan = this.index();
    if (!this.publisher.isIndexComplete) this.publisher.holdUntil(scan);
    scan.catch((e: unknown) => this.failed(e));
  }

  private failed(e: unknown): void {
    this.ctx.log(`kube-storage: workspace scan failed: ${String(e)}`);
  }
}
