/**
 * Publishing diagnostics, pushed (`textDocument/publishDiagnostics`).
 *
 * Open documents: debounced by a few milliseconds, re-run when any file changes, first in line.
 *
 * Files of the workspace that are not open (`kubeStorage.diagnostics.scope: workspace`, the
 * default): the index already holds them, so their problems are pushed too, the way project-aware
 * servers (gopls, Roslyn) report a whole workspace. Push rather than pull diagnostics: one code
 * path serves VS Code and push-only clients (Neovim 0.7), and the server decides what changed:
 *
 * - incremental: after a change on disk only that file is checked again, unless the storage
 *   signature moved (a volume, claim, class, Service or claim template changed somewhere), which
 *   is when cross-file findings of other files may change; then every file is checked again.
 *   What was sent is remembered per file, so a file is re-published only when its problems
 *   actually changed;
 * - in the background: the workspace pass waits for a pause in typing, works in slices of a few
 *   milliseconds and lets open documents go first after each slice;
 * - bounded: at most `kubeStorage.diagnostics.maxUnopenedFiles` unopened files get problems
 *   reported (in URI order); the others wait for a free slot.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticSettings } from '../settings';
import { toLspDiagnostic } from './convert';
import { safely, type ServerContext } from './context';

/**
 * Short enough to feel instant, long enough to merge the events of one keystroke. Bursts merge
 * anyway: changes that arrive while diagnostics are computed join the next run.
 */
export const DIAGNOSTICS_DELAY_MS = 5;
/** The workspace pass starts after this long without a change (typing goes first). */
export const WORKSPACE_DELAY_MS = 250;
/** The workspace pass gives the event loop back after this much work. */
const SLICE_MS = 10;

/** Stands for "the editor had it open": whatever is computed next differs and is sent. */
const WAS_OPEN = '\u0000open';

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /**
   * Every publish waits for this: the settings that decide how a file is checked (the file-size
   * limit, the cluster snapshots) are applied to the service before its first diagnostics.
   */
  private settingsApplied: Promise<unknown> = Promise.resolve();
  /** The workspace pass waits for this (the first workspace scan). */
  private gate: Promise<unknown> = Promise.resolve();
  /**
   * False until the whole workspace has been read: open documents then get only what they say
   * about themselves (syntax, schema, local rules), since a link to a file not read yet would be
   * reported missing. Stays false after a cancelled scan (the index is partial).
   */
  private indexComplete = true;

  /** Unopened files to check in the workspace pass, in the order they are checked. */
  private readonly queue = new Set<string>();
  /** Unopened files whose problems were pushed, with what was sent (JSON); `[]` never stays. */
  private readonly reported = new Map<string, string>();
  /** Unopened files with problems the cap left out: checked again when a slot frees up. */
  private readonly leftOut = new Set<string>();
  /** Every unopened file is checked in the next pass (start, settings changed). */
  private checkAll = true;
  private signature: number | undefined;
  private workspaceTimer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(private readonly ctx: ServerContext) {}

  /**
   * The initial workspace scan: until `scan` resolves to true (read to the end), open documents
   * get their local diagnostics at once and the workspace pass waits; cross-file findings follow
   * when the index is complete (the scan then schedules every open document).
   */
  holdUntil(scan: Promise<boolean>): void {
    this.indexComplete = false;
    this.gate = scan.then(
      (complete) => (this.indexComplete = complete),
      () => undefined,
    );
  }

  /** Publishing waits until `applied` settles (the initial settings reach the service). */
  waitForSettings(applied: Promise<unknown>): void {
    this.settingsApplied = applied.catch(() => undefined);
  }

  /** False while the first scan runs, and after it was cancelled. */
  get isIndexComplete(): boolean {
    return this.indexComplete;
  }

  schedule(uri: string): void {
    this.pending.add(uri);
    this.arm();
  }

  /** Something changed: open documents now, the rest of the workspace after a pause. */
  scheduleAllOpen(): void {
    for (const doc of this.ctx.documents.all()) this.pending.add(doc.uri);
    this.arm();
    this.armWorkspace();
  }

  /** A file changed on disk, appeared or was deleted: its own problems are checked again. */
  fileChanged(uri: string): void {
    this.queue.add(uri);
    this.armWorkspace();
  }

  /** Settings changed (scope, cap, language, severities): every file is checked again. */
  settingsChanged(): void {
    this.checkAll = true;
    this.scheduleAllOpen();
  }

  /** The editor closed `uri`: its problems are those of the file on disk again (or none). */
  closed(uri: string): void {
    this.pending.delete(uri);
    this.reported.set(uri, WAS_OPEN);
    this.fileChanged(uri);
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, DIAGNOSTICS_DELAY_MS);
  }

  private armWorkspace(): void {
    clearTimeout(this.workspaceTimer);
    this.workspaceTimer = setTimeout(() => {
      this.workspaceTimer = undefined;
      void this.sweep();
    }, WORKSPACE_DELAY_MS);
  }

  private async flush(): Promise<void> {
    await this.settingsApplied;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      const document = this.ctx.documents.get(uri);
      if (!document) continue;
      if (this.reported.delete(uri)) this.leftOut.delete(uri);
      await safely(this.ctx, `diagnostics for ${uri}`, undefined, async () => {
        const local = !this.indexComplete;
        const diagnostics = await this.compute(uri, uri, local);
        // A newer version may have arrived while settings were read; it has its own run scheduled.
        if (this.ctx.documents.get(uri)?.version !== document.version) return;
        // The index became complete meanwhile: the full run scheduled then must not be overtaken.
        if (local && this.indexComplete) return;
        await this.ctx.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      });
    }
  }

  private async compute(
    uri: string,
    settingsUri: string | undefined,
    localOnly = false,
  ): Promise<Diagnostic[]> {
    const settings = diagnosticSettings(await this.ctx.settings(settingsUri));
    const lang = await this.ctx.lang(settingsUri);
    const service = this.ctx.service;
    return (
      localOnly ? service.getLocalDiagnostics(uri, settings) : service.getDiagnostics(uri, settings)
    ).map((d) => toLspDiagnostic(d, lang));
  }

  /** The workspace pass: checks the queued unopened files in slices, open documents first. */
  private async sweep(): Promise<void> {
    await this.gate;
    // A cancelled scan left the index partial: unopened files would get false "not found" findings.
    if (this.sweeping || !this.indexComplete) return;
    this.sweeping = true;
    try {
      await safely(this.ctx, 'workspace diagnostics', undefined, () => this.sweepQueued());
    } finally {
      this.sweeping = false;
    }
  }

  private async sweepQueued(): Promise<void> {
    const { scope, maxUnopenedFiles } = (await this.ctx.settings()).diagnostics;
    if (scope !== 'workspace') return this.withdrawAll();
    this.enqueueChanged();
    let sliceStart = performance.now();
    for (const uri of this.queue) {
      this.queue.delete(uri);
      await this.check(uri, maxUnopenedFiles);
      if (performance.now() - sliceStart < SLICE_MS) continue;
      await new Promise((resolve) => setImmediate(resolve));
      // Typing arrived meanwhile: its documents go first, and a moved signature re-queues files.
      if (this.pending.size) await this.flush();
      this.enqueueChanged();
      sliceStart = performance.now();
    }
    if (this.reported.size < maxUnopenedFiles && this.leftOut.size) {
      for (const uri of [...this.leftOut].sort()) this.queue.add(uri);
      this.leftOut.clear();
      // Files come back to leftOut only when they still do not fit: no endless re-queueing.
      await this.sweepQueued();
    }
  }

  /** Queues every unopened file when the settings changed or cross-file findings may have. */
  private enqueueChanged(): void {
    const signature = this.ctx.service.crossFileVersion();
    if (!this.checkAll && signature === this.signature) return;
    this.checkAll = false;
    this.signature = signature;
    const uris = new Set([...this.ctx.service.unopenedFiles(), ...this.reported.keys()]);
    for (const uri of [...uris].sort()) this.queue.add(uri);
  }

  private async check(uri: string, cap: number): Promise<void> {
    if (this.ctx.documents.get(uri)) return; // open: the editor's text is reported by flush
    const known = this.ctx.service.objectCount(uri) !== undefined;
    const folder = this.ctx.folderOf(uri);
    const diagnostics = known ? await this.compute(uri, folder) : [];
    if (this.ctx.documents.get(uri)) return; // opened while settings were read
    const sent = this.reported.get(uri);
    if (!diagnostics.length) {
      this.leftOut.delete(uri);
      if (sent === undefined) return;
      this.reported.delete(uri);
      await this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    if (sent === undefined && this.reported.size >= cap) {
      this.leftOut.add(uri);
      return;
    }
    const json = JSON.stringify(diagnostics);
    if (json === sent) return;
    this.reported.set(uri, json);
    await this.ctx.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Scope `openFiles`: the problems of unopened files leave the Problems panel. */
  private async withdrawAll(): Promise<void> {
    this.queue.clear();
    this.leftOut.clear();
    this.checkAll = true;
    for (const uri of [...this.reported.keys()]) {
      this.reported.delete(uri);
      if (!this.ctx.documents.get(uri))
        await this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
