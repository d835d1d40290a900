/** Publishing diagnostics: debounced per document, re-run for open documents when any file changes. */
import { diagnosticSettings } from '../settings';
import { toLspDiagnostic } from './convert';
import { safely, type ServerContext } from './context';

/**
 * Short enough to feel instant, long enough to merge the events of one keystroke. Bursts merge
 * anyway: changes that arrive while diagnostics are computed join the next run.
 */
export const DIAGNOSTICS_DELAY_MS = 5;

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Diagnostics wait for this (the first workspace scan), so links to other files are not reported missing. */
  private gate: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: ServerContext) {}

  /** Holds publishing until `ready` settles (used for the initial workspace scan). */
  holdUntil(ready: Promise<unknown>): void {
    this.gate = ready.catch(() => undefined);
  }

  schedule(uri: string): void {
    this.pending.add(uri);
    this.arm();
  }

  scheduleAllOpen(): void {
    for (const doc of this.ctx.documents.all()) this.pending.add(doc.uri);
    this.arm();
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, DIAGNOSTICS_DELAY_MS);
  }

  private async flush(): Promise<void> {
    await this.gate;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      const document = this.ctx.documents.get(uri);
      if (!document) continue;
      await safely(this.ctx, `diagnostics for ${uri}`, undefined, async () => {
        const settings = await this.ctx.settings(uri);
        const lang = await this.ctx.lang(uri);
        const diagnostics = this.ctx.service
          .getDiagnostics(uri, diagnosticSettings(settings))
          .map((d) => toLspDiagnostic(d, lang));
        // A newer version may have arrived while settings were read; it has its own run scheduled.
        if (this.ctx.documents.get(uri)?.version !== document.version) return;
        await this.ctx.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      });
    }
  }
}
