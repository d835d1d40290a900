/** Hover: the docs card of the field or value under the cursor, in the user's language. */
import type { Hover } from 'vscode-languageserver';
import { safely } from './context';
import type { Feature } from './features';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover((params, token) =>
      safely<Hover | null>(ctx, 'hover', null, async () => {
        const uri = params.textDocument.uri;
        // Read each time: the settings cache is dropped when the configuration changes.
        const lang = await ctx.lang(uri);
        if (token.isCancellationRequested) return null;
        const info = ctx.service.hover(uri, params.position, lang);
        return info
          ? { contents: { kind: 'markdown', value: info.contents }, range: info.range }
          : null;
      }),
    );
  },
};
