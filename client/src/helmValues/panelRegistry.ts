/**
 * One inspector tab per chart: the open panels by chart, so that inspecting a chart again (from
 * its folder, its Chart.yaml, a values file tied to it) reveals the tab it already has. No
 * `vscode` import: unit-tested under Node.
 */
import { resolve } from 'node:path';
import type { InspectorState } from '../../../server/src/webviewProtocol/helmInspector';

/** The chart a tab shows: a folder or archive by its absolute path, a repository chart by name. */
export function chartKey(source: InspectorState['source']): string {
  if (source.kind === 'reference') return `reference:${source.reference.trim()}`;
  const path = resolve(source.path).replace(/[\\/]Chart\.ya?ml$/, '');
  return `path:${process.platform === 'win32' ? path.toLowerCase() : path}`;
}

export class PanelRegistry<P> {
  private readonly panels = new Map<string, P>();

  /** The open tab of this chart, if any. */
  find(source: InspectorState['source']): P | undefined {
    return this.panels.get(chartKey(source));
  }

  /** Registers a tab; returns what to call when it closes. A second tab of a chart replaces none. */
  add(source: InspectorState['source'], panel: P): () => void {
    const key = chartKey(source);
    if (!this.panels.has(key)) this.panels.set(key, panel);
    return () => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    };
  }

  all(): P[] {
    return [...this.panels.values()];
  }
}
