/**
 * Open values files tied to a local chart are rendered with the user's helm (`helm template`,
 * node/helm/render.ts), debounced after each edit; the rendered objects join the index and their
 * findings come back on the values file and the templates (service/rendered). helm runs only in
 * a trusted workspace: VS Code tells the server in `initializationOptions.workspaceTrusted` and
 * with the `kubeStorage/workspaceTrust` notification when the user grants trust; other editors
 * send the same (without either, helm is not run and the values file says so).
 */
import { resolve } from 'node:path';
import { ChartWatchers } from '../node/helm/chartWatch';
import { HelmRenderer, type RenderOutcome, type RenderRequest } from '../node/helm/render';
import { traceFields, traceFindings } from '../node/helm/trace';
import type { RenderedStorage } from '../service';
import { diagnosticSettings } from '../settings';
import {
  HelmRenderedNotification,
  HelmRenderedRequest,
  WorkspaceTrustNotification,
} from '../protocol';
import { chartPathOfKey, uriToPath } from './chartKeys';
import { safely, type ServerContext } from './context';
import type { Feature } from './feature';
import { onNotification, onRequest } from './runner';

/** Typing pauses this long before helm runs again. */
export const RENDER_DELAY_MS = 400;

const trustByContext = new WeakMap<object, boolean>();

/** Called from `initialize` with the client's `initializationOptions.workspaceTrusted`. */
export function setWorkspaceTrust(ctx: ServerContext, trusted: boolean): void {
  trustByContext.set(ctx.connection, trusted);
}

function isTrusted(ctx: ServerContext): boolean {
  return trustByContext.get(ctx.connection) === true;
}

type RenderedOutcome = Extract<RenderOutcome, { ok: true }>;

export class HelmRenders {
  private readonly renderer = new HelmRenderer();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The render running per values file, and whether another was asked for meanwhile. */
  private readonly running = new Map<string, { again: boolean }>();
  /** Tries left to wait for a just-opened values file to be tied to its chart (helmValues.ts). */
  private readonly linkTries = new Map<string, number>();
  /** The last successful render per values file (to trace more of its fields on request). */
  private readonly outcomes = new Map<string, RenderedOutcome>();
  /** The chart each rendered values file is rendered with; those charts are watched on disk. */
  private readonly charts = new Map<string, string>();
  /** A chart changed on disk (a template saved, a git checkout): its values files render again. */
  private readonly watchers = new ChartWatchers((chart) => {
    for (const [uri, path] of this.charts) if (path === chart) this.schedule(uri);
  });

  constructor(private readonly ctx: ServerContext) {}

  /** A values file changed, opened, or its link or the settings changed: render soon. */
  schedule(uri: string, delay = RENDER_DELAY_MS): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delay),
    );
  }

  /** Remembers the chart a values file renders with (undefined: none) and watches those charts. */
  private tieChart(uri: string, chartPath: string | undefined): void {
    if (chartPath) this.charts.set(uri, resolve(chartPath));
    else this.charts.delete(uri);
    this.watchers.watchOnly(this.charts.values());
  }

  closed(uri: string): void {
    this.tieChart(uri, undefined);
    this.linkTries.delete(uri);
    this.outcomes.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.ctx.service.removeRender(uri)) this.ctx.revalidateOpenDocuments();
  }

  /** The chart link is worked out asynchronously: look again a few times before giving up. */
  private retryLink(uri: string): boolean {
    const tries = this.linkTries.get(uri) ?? 3;
    if (tries <= 0) return false;
    this.linkTries.set(uri, tries - 1);
    this.schedule(uri, 500);
    return true;
  }

  private async run(uri: string): Promise<void> {
    const busy = this.running.get(uri);
    if (busy) {
      busy.again = true;
      return;
    }
    const state = { again: false };
    this.running.set(uri, state);
    try {
      await safely(this.ctx, `helm render for ${uri}`, undefined, () => this.render(uri));
    } finally {
      this.running.delete(uri);
      if (state.again) this.schedule(uri, 0);
    }
  }

  private async render(uri: string): Promise<void> {
    const service = this.ctx.service;
    const document = this.ctx.documents.get(uri);
    const chartKey = service.chartKeyOf(uri);
    const valuesPath = uriToPath(uri);
    const chartPath = chartKey ? chartPathOfKey(chartKey) : undefined;
    const settings = await this.ctx.settings(uri);
    const maybeValues =
      !!valuesPath &&
      (/values/i.test(valuesPath) || Object.keys(settings.helm.valuesFiles).length > 0);
    if (document && maybeValues && !chartKey && this.retryLink(uri)) return;
    if (!document || !chartPath || !valuesPath || !settings.helm.render) {
      this.tieChart(uri, undefined);
      if (service.removeRender(uri)) this.ctx.revalidateOpenDocuments();
      return;
    }
    this.tieChart(uri, chartPath);
    const request: RenderRequest = {
      helmPath: settings.helm.path,
      trusted: isTrusted(this.ctx),
      chart: chartPath,
      // The editor's text, saved or not (for the chart's own values.yaml too: it then wins over
      // the copy on disk).
      values: [{ path: valuesPath, text: document.getText() }],
      set: settings.helm.set,
      release: settings.helm.release,
      namespace: settings.helm.namespace,
      primaryUri: uri,
      key: uri,
    };
    const outcome = await this.renderer.render(request);
    const stale = () => this.ctx.documents.get(uri)?.version !== document.version;
    if (stale()) return this.schedule(uri, 0);
    if (outcome.cached && service.hasRender(uri)) return;
    if (!outcome.ok) {
      this.outcomes.delete(uri);
      service.setRenderFailed(outcome.subject, outcome.problem);
      this.ctx.revalidateOpenDocuments();
      this.changed(uri);
      return;
    }
    this.outcomes.set(uri, outcome);
    service.setRendered(outcome.subject, outcome.output, outcome.note);
    // Findings that a value could explain are traced to it before they are shown (one more helm
    // run, with markers on those values only); most renders have none.
    await traceFindings(service, uri, outcome, diagnosticSettings(settings));
    if (stale()) return this.schedule(uri, 0);
    this.ctx.revalidateOpenDocuments();
    this.changed(uri);
  }

  /** Tells the client (the inspector) that what the values file creates may have changed. */
  private changed(uri: string): void {
    void this.ctx.connection.sendNotification(HelmRenderedNotification.method, {
      valuesUri: uri,
    });
  }

  /**
   * The claims and workloads the values file's render creates, bound with the workspace, their
   * fields traced to values (a render with markers when some value could explain them).
   */
  async renderedStorage(uri: string): Promise<RenderedStorage> {
    const service = this.ctx.service;
    if (!service.hasRender(uri))
      return { state: 'none', message: notRendered, claims: [], workloads: [] };
    const outcome = this.outcomes.get(uri);
    const fields = service.renderedStorageFields(uri);
    if (outcome && fields.length) await traceFields(service, uri, outcome, fields);
    return service.renderedStorage(uri);
  }
}

const notRendered = {
  en: 'This values file is not rendered: it is not tied to a local chart, or `kubeStorage.helm.render` is off.',
  ru: 'Этот файл значений не рендерится: он не привязан к локальному чарту или `kubeStorage.helm.render` выключен.',
};

export const helmRenderFeature: Feature = {
  capabilities: {},
  register(ctx) {
    const renders = new HelmRenders(ctx);
    const scheduleLinked = () => {
      for (const doc of ctx.documents.all())
        if (ctx.service.chartKeyOf(doc.uri) !== undefined) renders.schedule(doc.uri);
    };
    onNotification(ctx, WorkspaceTrustNotification, (params) => {
      setWorkspaceTrust(ctx, params?.trusted === true);
      scheduleLinked();
    });
    ctx.documents.onDidOpen(({ document }) => renders.schedule(document.uri));
    ctx.documents.onDidChangeContent(({ document }) => {
      // A template or Chart.yaml of a chart changed: every values file of that chart renders again.
      const path = uriToPath(document.uri);
      for (const doc of ctx.documents.all()) {
        const key = ctx.service.chartKeyOf(doc.uri);
        const chart = key ? chartPathOfKey(key) : undefined;
        if (doc.uri === document.uri || (chart && path?.startsWith(chart)))
          renders.schedule(doc.uri);
      }
    });
    ctx.documents.onDidClose(({ document }) => renders.closed(document.uri));
    ctx.onSettingsChanged(scheduleLinked);
    onRequest(ctx, HelmRenderedRequest, { state: 'none', claims: [], workloads: [] }, (params) =>
      renders.renderedStorage(String(params?.valuesUri ?? '')),
    );
  },
};
