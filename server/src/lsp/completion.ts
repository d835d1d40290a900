/**
 * Completion: keys, values and linked names from the service (in a Helm values file tied to a
 * chart, the chart's values), in the user's language.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { plainText, type ItemKind, type KubeCompletionItem, type Lang } from '../service';
import type { Feature } from './feature';
import { runSafe } from './runner';
import { loadSnippetTemplates } from './snippets';

const KINDS: Record<ItemKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  kind: CompletionItemKind.Class,
  boolean: CompletionItemKind.Constant,
  quantity: CompletionItemKind.Unit,
  version: CompletionItemKind.Module,
};

const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** `detail` is plain text in the suggest widget; `documentation` is Markdown. */
export function toLspCompletion(item: KubeCompletionItem, lang: Lang): CompletionItem {
  return {
    label: item.label,
    kind: KINDS[item.kind],
    detail: item.detail === undefined ? undefined : plainText(item.detail, lang),
    documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined,
    sortText: item.sortText,
    filterText: item.filterText,
    preselect: item.preselect,
    ...(item.wordAtCursor
      ? { insertText: item.insertText }
      : { textEdit: { range: item.range, newText: item.insertText } }),
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Indentation in our snippets is absolute: the editor must not add the line's own.
    insertTextMode: item.relativeIndent ? undefined : InsertTextMode.asIs,
    command: item.retrigger ? RETRIGGER : undefined,
  };
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * A space opens completion only where a value or a list item starts (`key: `, `- `), not while
 * the user indents a line or types words in a string.
 */
function wanted(document: TextDocument | undefined, params: CompletionParams): boolean {
  const trigger = params.context?.triggerCharacter;
  if (!document || (trigger !== ' ' && trigger !== ':')) return true;
  const line = document.getText({
    start: { line: params.position.line, character: 0 },
    end: params.position,
  });
  if (trigger === ' ') return /(^|\s)-\s$|:\s$|[{[,]\s$/.test(line);
  return /:$/.test(line) && !/\s#/.test(line);
}

export const completionFeature: Feature = {
  capabilities: {
    completionProvider: { triggerCharacters: [' ', ':', '"'], resolveProvider: false },
  },
  register(ctx) {
    ctx.service.setSnippets(loadSnippetTemplates());
    ctx.connection.onCompletion((params, token) =>
      runSafe<CompletionList>(ctx, 'completion', token, EMPTY, async () => {
        const uri = params.textDocument.uri;
        if (!wanted(ctx.documents.get(uri), params)) return EMPTY;
        const lang = await ctx.lang(uri);
        if (token.isCancellationRequested) return EMPTY;
        const items = ctx.service.complete(uri, params.position, lang);
        if (token.isCancellationRequested) return EMPTY;
        return { isIncomplete: false, items: items.map((item) => toLspCompletion(item, lang)) };
      }),
    );
  },
};
