/**
 * Completion: keys and values from the schema at the cursor, names of linked objects from the
 * workspace index, whole-object skeletons in an empty document. Works on the `---` chunk under
 * the cursor only, so its cost does not grow with the file.
 */
import { definitionFor, preferredApiVersion } from '../schema/registry';
import { customKindsOf } from '../schema/customResources';
import type { Lang, Position } from '../types';
import type { Workspace } from '../workspace/workspace';
import type { ParsedChunk } from '../parse/chunk';
import { keyItems } from './keys';
import { asItemValue, cursorSiteAt } from './cursorSite';
import type { CompletionContext, KubeCompletionItem, Site, SnippetTemplate } from './types';
import { valueItems } from './values';
import { schemaPath } from '../schema/registry';

export type { KubeCompletionItem, ItemKind } from './types';
export { parseSnippetFile } from './snippets';
export type { SnippetTemplate } from './types';

const linesCache = new WeakMap<ParsedChunk, string[]>();

function linesOf(chunk: ParsedChunk): string[] {
  let lines = linesCache.get(chunk);
  if (!lines) {
    lines = chunk.text.split(/\r?\n/);
    linesCache.set(chunk, lines);
  }
  return lines;
}

export function complete(
  workspace: Workspace,
  uri: string,
  position: Position,
  lang: Lang,
  snippets: readonly SnippetTemplate[] = [],
): KubeCompletionItem[] {
  const file = workspace.getFile(uri);
  if (!file) return [];
  const at = file.chunkAt(position);
  if (!at) return [];
  const chunk = at.placed.chunk;
  const lines = linesOf(chunk);
  const site = cursorSiteAt(lines, at.relative.line, at.relative.character);
  if (!site) return [];
  const { kind, apiVersion } = rootFacts(lines);
  const rootDefinition = kind
    ? (definitionFor(kind, apiVersion ?? '') ??
      definitionFor(kind, preferredApiVersion(kind) ?? '') ??
      customKindsOf(workspace).definitionFor(kind, apiVersion ?? '', uri))
    : undefined;
  const document = chunk.documentAt(chunk.offsetAt(at.relative));
  const ctx: CompletionContext = {
    workspace,
    uri,
    lang,
    lines,
    line: at.relative.line,
    startLine: at.placed.startLine,
    site,
    kind,
    apiVersion,
    rootDefinition,
    document,
    namespace: namespaceOf(document) ?? 'default',
    snippets,
  };
  return itemsFor(ctx, site);
}

function itemsFor(ctx: CompletionContext, site: Site): KubeCompletionItem[] {
  if (site.type === 'value') return valueItems(ctx, site);
  // `- x` in a list of scalars (accessModes) is a value, in a list of objects a key.
  const item = asItemValue(site, ctx.lines, ctx.line);
  if (item && ctx.rootDefinition) {
    const steps = schemaPath(ctx.rootDefinition, site.path);
    const schema =
      steps.length === site.path.length + 1 ? steps[steps.length - 1]!.schema : undefined;
    if (schema && !schema.properties && schema.type !== 'object') return valueItems(ctx, item);
  }
  return keyItems(ctx, site);
}

/** `kind` and `apiVersion` as written at the root of the document (text, so broken YAML is fine). */
function rootFacts(lines: readonly string[]): { kind?: string; apiVersion?: string } {
  let kind: string | undefined;
  let apiVersion: string | undefined;
  for (const line of lines) {
    const m = /^(kind|apiVersion)\s*:\s*["']?([A-Za-z0-9./-]+)["']?\s*(#.*)?$/.exec(line);
    if (!m) continue;
    if (m[1] === 'kind') kind ??= m[2];
    else apiVersion ??= m[2];
  }
  return { kind, apiVersion };
}

function namespaceOf(document: CompletionContext['document']): string | undefined {
  if (document?.recognition.type === 'object') return document.recognition.facts.namespace;
  return undefined;
}
