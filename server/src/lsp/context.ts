/** What every LSP feature handler gets: the connection, the service, documents and settings. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang, LanguageService } from '../service';
import type { KubeStorageSettings } from '../settings';

export interface ServerContext {
  connection: Connection;
  service: LanguageService;
  documents: TextDocuments<TextDocument>;
  /** Settings for a resource (cached; dropped when the configuration changes). */
  settings(uri?: string): Promise<KubeStorageSettings>;
  /** The language for messages and docs: the setting, else the editor's display language. */
  lang(uri?: string): Promise<Lang>;
  /** The workspace folder (URI) that holds `uri`, if any: the settings scope of unopened files. */
  folderOf(uri: string): string | undefined;
  /** Re-publish diagnostics of every open document soon (debounced). */
  revalidateOpenDocuments(): void;
  /** Calls `listener` after the configuration changed (the settings cache is already cleared). */
  onSettingsChanged(listener: () => void): void;
  log(message: string): void;
}

/** Runs a handler so that one bad request never takes the server down: errors are logged, a fallback returned. */
export async function safely<T>(
  ctx: Pick<ServerContext, 'log'>,
  what: string,
  fallback: T,
  run: () => Promise<T> | T,
): Promise<T> {
  try {
    return await run();
  } catch (e) {
    ctx.log(`${what} failed: ${describeError(e)}`);
    return fallback;
  }
}

/** An exception for the log: its stack when it has one. */
export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
