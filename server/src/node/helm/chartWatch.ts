/**
 * The charts of open values files, watched on disk: a template, `_helpers.tpl`, `Chart.yaml`,
 * the chart's `values.yaml` or a vendored dependency saved in the editor or changed by git (or a
 * packaged chart replaced) calls `onChange(chartPath)` once the changes settle. The editor's
 * own file watcher only reports YAML files; helm reads every file of the chart, so the server
 * watches the folder itself (recursively; a .tgz as a file).
 */
import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';

/** Changes within this long of each other are one change (a checkout writes many files). */
export const CHART_CHANGE_DELAY_MS = 300;

interface Watched {
  watcher?: FSWatcher;
  timer?: NodeJS.Timeout;
}

export class ChartWatchers {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly onChange: (chartPath: string) => void,
    private readonly delayMs = CHART_CHANGE_DELAY_MS,
  ) {}

  /** Watches exactly these charts (folders or archives): new ones start, others stop. */
  watchOnly(chartPaths: Iterable<string>): void {
    const wanted = new Set([...chartPaths].map((p) => resolve(p)));
    for (const path of [...this.watched.keys()]) if (!wanted.has(path)) this.stop(path);
    for (const path of wanted) if (!this.watched.has(path)) this.start(path);
  }

  /** The charts being watched (for tests and logs). */
  paths(): string[] {
    return [...this.watched.keys()];
  }

  dispose(): void {
    for (const path of [...this.watched.keys()]) this.stop(path);
  }

  private start(path: string): void {
    const entry: Watched = {};
    this.watched.set(path, entry);
    try {
      entry.watcher = watch(path, { recursive: true, persistent: false }, () => this.fire(path));
      // A folder removed or unreadable: no more events, and no crash.
      entry.watcher.on('error', () => this.stop(path));
    } catch {
      // Not watchable (gone, no permission): the chart is read again on the next edit anyway.
    }
  }

  private fire(path: string): void {
    const entry = this.watched.get(path);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (this.watched.get(path) === entry) this.onChange(path);
    }, this.delayMs);
  }

  private stop(path: string): void {
    const entry = this.watched.get(path);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.watcher?.close();
    this.watched.delete(path);
  }
}
