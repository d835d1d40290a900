/**
 * Navigation over names that link objects: definition, references, rename (with prepare), and
 * the outline (document and workspace symbols).
 */
import {
  ErrorCodes,
  ResponseError,
  SymbolKind,
  type DocumentSymbol,
  type Location,
  type Range,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  plainText,
  type KubeSymbol,
  type KubeSymbolKind,
  type Lang,
  type LocalizedText,
} from '../service';
import type { Feature } from './feature';
import { runSafe } from './runner';

const SYMBOL_KINDS: Record<KubeSymbolKind, SymbolKind> = {
  object: SymbolKind.Class,
  section: SymbolKind.Array,
  volume: SymbolKind.Field,
  container: SymbolKind.Module,
  claimTemplate: SymbolKind.Field,
  field: SymbolKind.Property,
};

function toDocumentSymbol(s: KubeSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KINDS[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

function refusal(message: LocalizedText, lang: Lang): ResponseError<void> {
  // The editor shows the refusal as a notification: plain text.
  return new ResponseError(ErrorCodes.InvalidRequest, plainText(message[lang], lang));
}

export const navigationFeature: Feature = {
  capabilities: {
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: { label: 'Kubernetes' },
    workspaceSymbolProvider: true,
  },
  register(ctx) {
    const c = ctx.connection;

    c.onDefinition((params, token) =>
      runSafe<Location[]>(ctx, 'definition', token, [], () =>
        ctx.service.definition(params.textDocument.uri, params.position),
      ),
    );

    c.onReferences((params, token) =>
      runSafe<Location[]>(ctx, 'references', token, [], () =>
        ctx.service.references(
          params.textDocument.uri,
          params.position,
          params.context.includeDeclaration,
        ),
      ),
    );

    // A refusal is returned (not thrown), so the editor shows our message and runSafe() only
    // catches real failures.
    c.onPrepareRename((params, token) =>
      runSafe<{ range: Range; placeholder: string } | ResponseError<void> | null>(
        ctx,
        'prepareRename',
        token,
        null,
        async () => {
          const uri = params.textDocument.uri;
          const lang = await ctx.lang(uri);
          if (token.isCancellationRequested) return null;
          const result = ctx.service.prepareRename(uri, params.position);
          if (!result.ok) return refusal(result.message, lang);
          return { range: result.range, placeholder: result.placeholder };
        },
      ),
    );

    c.onRenameRequest((params, token) =>
      runSafe<WorkspaceEdit | ResponseError<void> | null>(ctx, 'rename', token, null, async () => {
        const uri = params.textDocument.uri;
        const lang = await ctx.lang(uri);
        if (token.isCancellationRequested) return null;
        const result = ctx.service.rename(uri, params.position, params.newName);
        if (!result.ok) return refusal(result.message, lang);
        return { changes: result.changes };
      }),
    );

    c.onDocumentSymbol((params, token) =>
      runSafe<DocumentSymbol[]>(ctx, 'documentSymbol', token, [], () =>
        ctx.service.documentSymbols(params.textDocument.uri).map(toDocumentSymbol),
      ),
    );

    c.onWorkspaceSymbol((params, token) =>
      runSafe<SymbolInformation[]>(ctx, 'workspaceSymbol', token, [], () =>
        ctx.service.workspaceSymbols(params.query).map((s) => ({
          name: s.name,
          kind: SymbolKind.Class,
          containerName: s.namespace,
          location: { uri: s.uri, range: s.range },
        })),
      ),
    );
  },
};
