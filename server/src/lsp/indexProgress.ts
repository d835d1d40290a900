/**
 * What the user sees while the workspace is read: LSP work-done progress ("kube-storage: reading
 * 1,234 / 5,000 files", cancellable) and `kubeStorage/indexState` for the client's status bar.
 */
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { IndexStateNotification, type IndexState } from '../protocol';
import type { Lang, LocalizedText } from '../service';
import type { ServerContext } from './context';

const texts = {
  title: { en: 'kube-storage', ru: 'kube-storage' },
  reading: {
    en: 'indexing {done} / {total} files',
    ru: 'индексация: {done} из {total} файлов',
  },
} satisfies Record<string, LocalizedText>;

/** Reports at most this often (a report per file would flood the client). */
const REPORT_EVERY_MS = 100;

export class IndexProgress {
  private lastReport = 0;
  private cancelled = false;

  private constructor(
    private readonly ctx: ServerContext,
    private readonly reporter: WorkDoneProgressServerReporter | undefined,
    private readonly lang: Lang,
  ) {
    reporter?.token.onCancellationRequested(() => (this.cancelled = true));
  }

  /** Starts the progress (when the client supports it) with the number of files to read. */
  static async begin(ctx: ServerContext, total: number): Promise<IndexProgress> {
    const lang = await ctx.lang();
    let reporter: WorkDoneProgressServerReporter | undefined;
    try {
      reporter = await ctx.connection.window.createWorkDoneProgress();
    } catch {
      reporter = undefined; // the client refused: the status notification still tells the state
    }
    const progress = new IndexProgress(ctx, reporter, lang);
    reporter?.begin(texts.title[lang], 0, progress.message(0, total), true);
    progress.state({ state: 'indexing', files: 0, total });
    return progress;
  }

  /** True once the user cancelled the progress: the scan stops, the index stays partial. */
  get isCancelled(): boolean {
    return this.cancelled;
  }

  report(done: number, total: number): void {
    const now = performance.now();
    if (now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    this.reporter?.report(
      total ? Math.floor((done * 100) / total) : 100,
      this.message(done, total),
    );
    this.state({ state: 'indexing', files: done, total });
  }

  /** The scan ended: read to the end (`ready`) or cancelled (`partial`). */
  end(done: number, total: number): void {
    this.reporter?.done();
    this.state({ state: this.cancelled ? 'partial' : 'ready', files: done, total });
  }

  private message(done: number, total: number): string {
    const format = (n: number) => n.toLocaleString(this.lang === 'ru' ? 'ru-RU' : 'en-US');
    return texts.reading[this.lang]
      .replace('{done}', format(done))
      .replace('{total}', format(total));
  }

  private state(state: IndexState): void {
    void this.ctx.connection.sendNotification(IndexStateNotification.method, state);
  }
}
