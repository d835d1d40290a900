/**
 * `kubeStorage/bindings`: the binding simulation for the preview webview (and any other client),
 * with the objects of charts rendered with helm marked with their chart.
 */
import {
  BindingsRequest,
  type BindingResult,
  type BindingsParams,
  type BindingsResult,
} from '../protocol';
import type { Feature } from './feature';
import { onRequest } from './runner';

const failed = {
  en: 'The binding simulation failed; see the server log.',
  ru: 'Симуляция привязки не удалась, подробности в журнале сервера.',
};

export const bindingsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    onRequest(
      ctx,
      BindingsRequest,
      { ok: false, lang: 'en', error: failed },
      async (params, token): Promise<BindingsResult> => {
        const scope = validScope(params?.scope);
        const lang =
          params?.lang === 'en' || params?.lang === 'ru' ? params.lang : await ctx.lang();
        // The answer is RequestCancelled then (runner.ts); this only spares the simulation.
        if (token.isCancellationRequested) return { ok: false, lang, error: failed };
        const nodeLabels = validLabels(params?.nodeLabels);
        const renderedCharts = params?.renderedCharts !== false;
        // Objects of charts rendered with helm say so (chart, template line, values): the
        // preview groups them under their chart and opens their template.
        const data = ctx.service.bindingsWithCharts({ scope, nodeLabels, renderedCharts });
        return { ok: true, lang, data: withFewRejections(data) };
      },
    );
  },
};

/**
 * At most this many rejected volumes per claim go over the wire. Every claim lists every volume it
 * could not take, with a reason in both languages: 1,500 claims beside 600 volumes made a 28 MB
 * answer that held the server (and the diagnostics queued behind it) for seconds. The first few
 * say why; the CLI (`kube-storage bindings`) keeps the full lists.
 */
export const MAX_REJECTED_PER_CLAIM = 10;

function withFewRejections(data: BindingResult): BindingResult {
  if (!data.claims.some((c) => c.rejected.length > MAX_REJECTED_PER_CLAIM)) return data;
  return {
    ...data,
    claims: data.claims.map((c) =>
      c.rejected.length > MAX_REJECTED_PER_CLAIM
        ? { ...c, rejected: c.rejected.slice(0, MAX_REJECTED_PER_CLAIM) }
        : c,
    ),
  };
}

function validScope(scope: unknown): BindingsParams['scope'] {
  if (scope && typeof scope === 'object') {
    const s = scope as { folder?: unknown; uri?: unknown };
    if (typeof s.uri === 'string') return { uri: s.uri };
    if (typeof s.folder === 'string') return { folder: s.folder };
  }
  return 'workspace';
}

function validLabels(labels: unknown): Record<string, string> | undefined {
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}
