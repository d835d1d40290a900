/** Completion items as the pure service returns them; the LSP layer maps them 1:1. */
import type { ParsedDocument } from '../parse/chunk';
import type { YamlPath } from '../parse/nodes';
import type { Lang, Range } from '../types';
import type { Workspace } from '../workspace/workspace';

export type ItemKind =
  | 'field'
  | 'value'
  | 'enum'
  | 'reference'
  | 'snippet'
  | 'kind'
  | 'boolean'
  | 'quantity'
  | 'version';

export interface KubeCompletionItem {
  label: string;
  kind: ItemKind;
  /** One line next to the label (type, key facts). */
  detail?: string;
  /** Markdown in the requested language. */
  documentation?: string;
  insertText: string;
  /** `insertText` is an LSP snippet (`$0`, `${1:x}`), with absolute indentation. */
  snippet: boolean;
  /** Lines after the first are indented relative to the cursor's line (the editor adds its indentation). */
  relativeIndent?: boolean;
  range: Range;
  /** The editor replaces the word at the cursor, as it sees words (`range` is then the cursor). */
  wordAtCursor?: boolean;
  sortText: string;
  filterText?: string;
  /** Open completion again after inserting (the value of a key just inserted). */
  retrigger?: boolean;
  preselect?: boolean;
}

/** A storage snippet of `snippets/*.code-snippets` (parsed by snippets.ts). */
export interface SnippetTemplate {
  name: string;
  prefixes: string[];
  /** `English — Русский`, as in the snippet file. */
  description: string;
  body: string;
}

/** Where the cursor is (cursorSite.ts): on a key of a mapping, or on a value. */
export interface KeySite {
  type: 'key';
  /** Path of the mapping whose key is being typed (sequence items are index 0). */
  path: YamlPath;
  /** Column of the key. */
  column: number;
  /** Range on the cursor line to replace: [start, end) characters. */
  start: number;
  end: number;
  prefix: string;
  /** Keys already present in this mapping. */
  siblings: Set<string>;
  flow: boolean;
  /** The key already has `:` after it (the user edits an existing key's name). */
  hasColon: boolean;
}

export interface ValueSite {
  type: 'value';
  /** Path of the value (the key, or index 0 for a list item). */
  path: YamlPath;
  start: number;
  end: number;
  prefix: string;
  flow: boolean;
  /** The value was started with a quote. */
  quote?: '"' | "'";
  /** Text to put before the value (a space after `key:`). */
  lead: string;
}

export type Site = KeySite | ValueSite;

/** Everything the completion modules need to know about the cursor. */
export interface CompletionContext {
  workspace: Workspace;
  uri: string;
  lang: Lang;
  /** Lines of the chunk (the `---` document) under the cursor. */
  lines: readonly string[];
  /** Cursor line, relative to the chunk. */
  line: number;
  /** First line of the chunk in the file. */
  startLine: number;
  site: Site;
  kind?: string;
  apiVersion?: string;
  rootDefinition?: string;
  document?: ParsedDocument;
  /** The object's namespace, `default` when none is written. */
  namespace: string;
  /** The storage snippets, offered where a new object can start. */
  snippets?: readonly SnippetTemplate[];
}

export function lineRange(ctx: CompletionContext, start: number, end: number): Range {
  const line = ctx.startLine + ctx.line;
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Sort key: a group (0 = first) then the label, so groups stay together and each is alphabetical. */
export function sortKey(group: number, label: string, index?: number): string {
  return `${group}${index === undefined ? '' : String(index).padStart(4, '0')}${label}`;
}

export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}
