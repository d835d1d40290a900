/** Quick fixes for the service's diagnostics, as LSP code actions with workspace edits. */
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import { diagnosticSettings } from '../settings';
import { toLspDiagnostic } from './convert';
import { plainText } from '../service';
import type { Feature } from './feature';
import { runSafe } from './runner';

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register(ctx) {
    ctx.connection.onCodeAction((params, token) =>
      runSafe<CodeAction[]>(ctx, 'code actions', token, [], async () => {
        const only = params.context.only;
        if (
          only &&
          !only.some(
            (k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.'),
          )
        ) {
          return [];
        }
        const uri = params.textDocument.uri;
        const settings = await ctx.settings(uri);
        const lang = await ctx.lang(uri);
        if (token.isCancellationRequested) return [];
        return ctx.service
          .getCodeActions(uri, params.range, diagnosticSettings(settings))
          .map((action) => {
            const changes: Record<string, TextEdit[]> = {};
            for (const e of action.edits) {
              (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
            }
            return {
              title: plainText(action.title[lang], lang),
              kind: CodeActionKind.QuickFix,
              diagnostics: [toLspDiagnostic(action.diagnostic, lang)],
              isPreferred: action.isPreferred,
              edit: { changes },
            };
          });
      }),
    );
  },
};
