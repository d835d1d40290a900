/**
 * Helm values files in the language server: ties each values file to its chart (the chart's own
 * values*.yaml, a file next to a chart folder, a `kubeStorage.helm.valuesFiles` glob, or the link
 * command), reads the charts from disk into the service and keeps them fresh, and answers the
 * inspector's requests. Diagnostics, hover and completion then come through the service facade.
 */
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import {
  HelmInspectRequest,
  HelmLinkRequest,
  type HelmLinkParams,
  type HelmLinkResult,
} from '../protocol';
import { findChartForValues, isChartArchiveName, isChartFolder, readChart } from '../node/charts';
import { withSubcharts } from '../node/helm/subcharts';
import { mayBeValuesFile } from '../service';
import { chartKey, uriToPath } from './chartKeys';
import { safely, type ServerContext } from './context';
import type { Feature } from './feature';
import { chartErrorText, inspect } from './helmInspect';
import { onRequest } from './runner';

/** Chart models older than this are re-read from disk the next time a values file needs them. */
const CHART_MAX_AGE_MS = 20_000;

interface LoadedChart {
  /** The chart folder (none for a .tgz): its files changing in the editor make the model old. */
  dir?: string;
  loadedAt: number;
}

/** A glob of `kubeStorage.helm.valuesFiles` against a path: tried on every suffix, so it works relative to any folder. */
export function matchValuesGlob(
  path: string,
  globs: Record<string, string>,
): { chart: string; base: string } | undefined {
  const parts = path.split(/[\\/]/);
  for (const [glob, chart] of Object.entries(globs)) {
    const isMatch = picomatch(glob, { dot: true });
    if (isMatch(parts.join('/'))) return { chart, base: dirname(path) };
    for (let i = 1; i < parts.length; i++) {
      if (isMatch(parts.slice(i).join('/')))
        return { chart, base: parts.slice(0, i).join(sep) || sep };
    }
  }
  return undefined;
}

export class HelmValuesLinks {
  private readonly charts = new Map<string, LoadedChart>();
  private readonly manual = new Map<string, string>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly ctx: ServerContext) {}

  /** Works out the chart of a document and loads it; revalidates when the link changed. */
  ensure(uri: string): Promise<void> {
    const running = this.pending.get(uri);
    if (running) return running;
    const job = safely(this.ctx, `helm values link for ${uri}`, undefined, () =>
      this.link(uri),
    ).finally(() => this.pending.delete(uri));
    this.pending.set(uri, job);
    return job;
  }

  /** Links again after a change of the manual links (a job already running read them before). */
  private async relink(uri: string): Promise<void> {
    await this.pending.get(uri);
    await this.ensure(uri);
  }

  private async chartPathFor(uri: string): Promise<{ path: string; archive: boolean } | undefined> {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const manual = this.manual.get(uri);
    if (manual) return { path: manual, archive: isChartArchiveName(manual) };
    const settings = await this.ctx.settings(uri);
    const match = matchValuesGlob(path, settings.helm.valuesFiles);
    if (match) {
      let chart = isAbsolute(match.chart) ? match.chart : resolve(match.base, match.chart);
      if (/Chart\.ya?ml$/.test(chart)) chart = dirname(chart);
      return { path: chart, archive: isChartArchiveName(chart) };
    }
    if (!mayBeValuesFile(path, this.ctx.documents.get(uri)?.getText() ?? '')) return undefined;
    const dir = await findChartForValues(path);
    return dir ? { path: dir, archive: false } : undefined;
  }

  private async link(uri: string): Promise<void> {
    const service = this.ctx.service;
    const target = await this.chartPathFor(uri);
    const before = service.chartKeyOf(uri);
    const key = target && chartKey(target.path, target.archive);
    let changed = before !== key;
    if (target && key && this.isOld(key))
      changed = (await this.load(key, target.path, target.archive)) || changed;
    if (!key || !service.hasChart(key)) {
      if (before === undefined) return;
      service.linkValuesFile(uri, undefined);
      this.ctx.revalidateOpenDocuments();
      return;
    }
    service.linkValuesFile(uri, key);
    if (changed) this.ctx.revalidateOpenDocuments();
  }

  /** The chart is not loaded, or was loaded too long ago or before its files changed. */
  private isOld(key: string): boolean {
    const loaded = this.charts.get(key);
    return (
      !loaded || !this.ctx.service.hasChart(key) || Date.now() - loaded.loadedAt > CHART_MAX_AGE_MS
    );
  }

  /** Reads a chart into the service (open editor texts win over disk). True when the model changed. */
  private async load(key: string, path: string, archive: boolean): Promise<boolean> {
    try {
      const source = await withSubcharts(await readChart(path));
      if (!archive) this.useEditorTexts(source.path, source.files);
      const changed = this.ctx.service.setChartFiles(key, source.files);
      this.charts.set(key, { dir: archive ? undefined : source.path, loadedAt: Date.now() });
      return changed;
    } catch (e) {
      this.ctx.log(
        `kube-storage: cannot read chart ${path}: ${e instanceof Error ? e.message : String(e)}`,
      );
      this.ctx.service.removeChart(key);
      this.charts.delete(key);
      return true;
    }
  }

  /** The texts of the chart's files open in the editor replace those read from disk. */
  private useEditorTexts(dir: string, files: Map<string, string>): void {
    for (const doc of this.ctx.documents.all()) {
      const file = uriToPath(doc.uri);
      if (!file || !file.startsWith(dir + sep)) continue;
      const rel = file
        .slice(dir.length + 1)
        .split(sep)
        .join('/');
      if (files.has(rel)) files.set(rel, doc.getText());
    }
  }

  /**
   * A template of a chart folder (`<chart>/templates/…`) opened or edited: the chart is loaded
   * (when it is not yet, or is old) so that completion, hover and navigation in the template know
   * its values and named templates.
   */
  async ensureTemplateChart(uri: string): Promise<void> {
    const path = uriToPath(uri);
    const at = path?.lastIndexOf(`${sep}templates${sep}`) ?? -1;
    if (!path || at <= 0) return;
    const dir = path.slice(0, at);
    const key = chartKey(dir, false);
    if (!this.isOld(key) || !(await isChartFolder(dir))) return;
    await safely(this.ctx, `helm chart of ${uri}`, undefined, () => this.load(key, dir, false));
  }

  /** A chart file changed in the editor: its model is re-read soon. */
  chartFileChanged(uri: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    for (const chart of this.charts.values()) {
      if (chart.dir && path.startsWith(chart.dir + sep)) chart.loadedAt = 0;
    }
  }

  isChartFile(uri: string): boolean {
    const path = uriToPath(uri);
    return !!path && [...this.charts.values()].some((c) => c.dir && path.startsWith(c.dir + sep));
  }

  async setManual(params: HelmLinkParams): Promise<HelmLinkResult> {
    if (params.chart === null) {
      this.manual.delete(params.uri);
      await this.relink(params.uri);
      return { ok: true };
    }
    try {
      const source = await readChart(params.chart);
      const chartPath = source.kind === 'folder' ? source.path : params.chart;
      this.manual.set(params.uri, chartPath);
      const key = chartKey(chartPath, source.kind === 'archive');
      this.charts.delete(key);
      await this.relink(params.uri);
      return { ok: true, chartName: this.ctx.service.chartName(key) ?? source.name };
    } catch (e) {
      return { ok: false, error: chartErrorText(e) };
    }
  }
}

export const helmValuesFeature: Feature = {
  capabilities: {},
  register(ctx) {
    const links = new HelmValuesLinks(ctx);
    ctx.documents.onDidOpen(({ document }) => {
      void links.ensure(document.uri);
      void links.ensureTemplateChart(document.uri);
    });
    // `kubeStorage.helm.valuesFiles` may now tie open files to other charts (or to none).
    ctx.onSettingsChanged(() => {
      for (const doc of ctx.documents.all()) void links.ensure(doc.uri);
    });
    ctx.documents.onDidChangeContent(({ document }) => {
      if (links.isChartFile(document.uri)) {
        links.chartFileChanged(document.uri);
        for (const doc of ctx.documents.all())
          if (ctx.service.chartKeyOf(doc.uri) !== undefined) void links.ensure(doc.uri);
      }
      void links.ensure(document.uri);
      void links.ensureTemplateChart(document.uri);
    });
    const internal = { ok: false, error: chartErrorText('internal error') } as const;
    onRequest(ctx, HelmInspectRequest, internal, (params) => inspect(ctx, params));
    onRequest(ctx, HelmLinkRequest, internal, (params) => links.setManual(params));
  },
};
