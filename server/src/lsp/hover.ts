/** Hover: the docs card of the field or value under the cursor, in the user's language. */
import type { Hover } from 'vscode-languageserver';
import type { Feature } from './feature';
import { runSafe } from './runner';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover((params, token) =>
      runSafe<Hover | null>(ctx, 'hover', token, null, async () => {
        const uri = params.textDocument.uri;
        // Read each time: the settings cache is dropped when the configuration changes.
        const lang = await ctx.lang(uri);
        // The answer is RequestCancelled then (runner.ts); this only spares the work.
        if (token.isCancellationRequested) return null;
        const info = ctx.service.hover(uri, params.position, lang);
        return info
          ? { contents: { kind: 'markdown', value: info.contents }, range: info.range }
          : null;
      }),
    );
  },
};
