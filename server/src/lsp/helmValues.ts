/**
 * Helm values files in the language server: ties each values file to its chart (the chart's own
 * values*.yaml, a file next to a chart folder, a `kubeStorage.helm.valuesFiles` glob, or the link
 * command), keeps the chart models fresh, and answers the inspector's requests. Diagnostics,
 * hover and completion then come through the service facade for linked files.
 */
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import {
  HelmInspectRequest,
  HelmLinkRequest,
  type HelmInspectData,
  type HelmInspectParams,
  type HelmInspectResult,
  type HelmLinkParams,
  type HelmLinkResult,
  type LocalizedText,
} from '../protocol';
import {
  ChartSourceError,
  findChartForValues,
  isChartArchiveName,
  isChartFolder,
  readChart,
  readValuesFile,
} from '../node/charts';
import { helmInspect, type ChartInspection } from '../service';
import { safely, type ServerContext } from './context';
import type { Feature } from './features';
import { onRequest } from './runner';

/** Chart models older than this are re-read from disk the next time a values file needs them. */
const CHART_MAX_AGE_MS = 20_000;
const VALUES_NAME = /(^|[-_.])values([-_.][\w.-]*)?\.ya?ml$/i;
const MANIFEST = /^(apiVersion|kind):\s*\S/m;

interface LoadedChart {
  key: string;
  dir?: string;
  loadedAt: number;
  name?: string;
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function chartKey(chartPath: string, isArchive: boolean): string {
  const href = pathToFileURL(chartPath).href;
  return isArchive ? `archive:${href}` : href.endsWith('/') ? href : `${href}/`;
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
    if (!VALUES_NAME.test(basename(path)) || path.split(/[\\/]/).includes('templates'))
      return undefined;
    const text = this.ctx.documents.get(uri)?.getText() ?? '';
    if (MANIFEST.test(text)) return undefined;
    const dir = await findChartForValues(path);
    return dir ? { path: dir, archive: false } : undefined;
  }

  private async link(uri: string): Promise<void> {
    const helm = this.ctx.service.helm;
    const target = await this.chartPathFor(uri);
    const before = helm.chartKeyOf(uri);
    if (!target) {
      if (before !== undefined) {
        helm.link(uri, undefined);
        this.ctx.revalidateOpenDocuments();
      }
      return;
    }
    const key = chartKey(target.path, target.archive);
    const loaded = this.charts.get(key);
    let changed = before !== key;
    if (!loaded || !helm.hasChart(key) || Date.now() - loaded.loadedAt > CHART_MAX_AGE_MS) {
      changed = (await this.load(key, target.path, target.archive)) || changed;
    }
    if (!helm.hasChart(key)) {
      if (before !== undefined) helm.link(uri, undefined);
      if (before !== undefined) this.ctx.revalidateOpenDocuments();
      return;
    }
    helm.link(uri, key);
    if (changed) this.ctx.revalidateOpenDocuments();
  }

  /** Reads a chart (open editor texts win over disk). True when the model changed. */
  private async load(key: string, path: string, archive: boolean): Promise<boolean> {
    try {
      const source = await readChart(path);
      if (!archive) {
        for (const doc of this.ctx.documents.all()) {
          const file = uriToPath(doc.uri);
          if (!file || !file.startsWith(source.path + sep)) continue;
          const rel = file
            .slice(source.path.length + 1)
            .split(sep)
            .join('/');
          if (source.files.has(rel)) source.files.set(rel, doc.getText());
        }
      }
      const previous = this.ctx.service.helm.getChart(key);
      const model = this.ctx.service.helm.setChart(key, source.files);
      this.charts.set(key, {
        key,
        dir: archive ? undefined : source.path,
        loadedAt: Date.now(),
        name: model.meta.name,
      });
      return (
        !previous ||
        previous.valuesText !== model.valuesText ||
        previous.uses.length !== model.uses.length
      );
    } catch (e) {
      this.ctx.log(
        `kube-storage: cannot read chart ${path}: ${e instanceof Error ? e.message : String(e)}`,
      );
      this.ctx.service.helm.removeChart(key);
      this.charts.delete(key);
      return true;
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
    const loaded = this.charts.get(key);
    const fresh =
      loaded &&
      this.ctx.service.helm.hasChart(key) &&
      Date.now() - loaded.loadedAt <= CHART_MAX_AGE_MS;
    if (fresh || !(await isChartFolder(dir))) return;
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
      await this.ensure(params.uri);
      return { ok: true };
    }
    try {
      const source = await readChart(params.chart);
      const chartPath = source.kind === 'folder' ? source.path : params.chart;
      this.manual.set(params.uri, chartPath);
      const key = chartKey(chartPath, source.kind === 'archive');
      this.charts.delete(key);
      await this.ensure(params.uri);
      return { ok: true, chartName: this.ctx.service.helm.getChart(key)?.meta.name ?? source.name };
    } catch (e) {
      return { ok: false, error: errorText(e) };
    }
  }
}

function errorText(e: unknown): LocalizedText {
  if (e instanceof ChartSourceError) return e.text;
  const detail = e instanceof Error ? e.message : String(e);
  return { en: `Cannot read the chart: ${detail}`, ru: `Не удалось прочитать чарт: ${detail}` };
}

export async function inspect(
  ctx: ServerContext,
  params: HelmInspectParams,
): Promise<HelmInspectResult> {
  try {
    let files: Map<string, string>;
    let name: string;
    let chartDir: string | undefined;
    let sourceLabel: string;
    if (params.chart.kind === 'path') {
      const source = await readChart(params.chart.path);
      files = source.files;
      name = source.name;
      chartDir = source.kind === 'folder' ? source.path : undefined;
      sourceLabel = source.path;
    } else {
      files = new Map(Object.entries(params.chart.files).filter(([, v]) => typeof v === 'string'));
      name = params.chart.name;
      sourceLabel = params.chart.name;
    }
    let overrideText: string | undefined;
    if (params.valuesUri) {
      overrideText = ctx.documents.get(params.valuesUri)?.getText();
      if (overrideText === undefined) {
        const path = uriToPath(params.valuesUri);
        if (path) overrideText = await readValuesFile(path);
      }
    }
    const result: ChartInspection = helmInspect(files, overrideText);
    const data: HelmInspectData = {
      chart: { ...result.chart, name: result.chart.name ?? name },
      ...(chartDir ? { chartDir } : {}),
      sourceLabel,
      hasSchema: result.hasSchema,
      defaultsText: result.defaultsText,
      storageBlock: result.storageBlock,
      rows: result.rows.map((row) => ({
        ...row,
        ...(row.storageKind && result.storageTexts[row.storageKind]
          ? { storageText: result.storageTexts[row.storageKind] }
          : {}),
      })),
      ...(params.valuesUri ? { valuesUri: params.valuesUri } : {}),
      diagnostics: result.diagnostics.map((d) => ({
        line: d.range.start.line,
        severity: d.severity,
        code: d.code,
        message: d.message,
      })),
      problems: result.problems,
    };
    return { ok: true, data };
  } catch (e) {
    ctx.log(`kube-storage: inspect failed: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, error: errorText(e) };
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
          if (ctx.service.helm.chartKeyOf(doc.uri) !== undefined) void links.ensure(doc.uri);
      }
      void links.ensure(document.uri);
      void links.ensureTemplateChart(document.uri);
    });
    const internal = { ok: false, error: errorText('internal error') } as const;
    onRequest(ctx, HelmInspectRequest, internal, (params) => inspect(ctx, params));
    onRequest(ctx, HelmLinkRequest, internal, (params) => links.setManual(params));
  },
};
