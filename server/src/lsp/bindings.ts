/** `kubeStorage/bindings`: the binding simulation for the preview webview (and any other client). */
import { BindingsRequest, type BindingsParams, type BindingsResult } from '../protocol';
import { safely } from './context';
import type { Feature } from './features';

const failed = {
  en: 'The binding simulation failed; see the server log.',
  ru: 'Симуляция привязки не удалась, подробности в журнале сервера.',
};

export const bindingsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(BindingsRequest, (params: BindingsParams, token) =>
      safely<BindingsResult>(
        ctx,
        'bindings',
        { ok: false, lang: 'en', error: failed },
        async () => {
          const scope = validScope(params?.scope);
          const lang =
            params?.lang === 'en' || params?.lang === 'ru' ? params.lang : await ctx.lang();
          if (token.isCancellationRequested) return { ok: false, lang, error: failed };
          const nodeLabels = validLabels(params?.nodeLabels);
          const data = ctx.service.bindings({ scope, nodeLabels });
          return { ok: true, lang, data };
        },
      ),
    );
  },
};

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
