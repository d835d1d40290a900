/** LSP wiring: capabilities, document sync, settings cache, workspace scan, feature handlers. */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerFileSystem } from './node/fileSystem';
import { getLanguageService, resolveLang, type LanguageService } from './service';
import { describeError, type ServerContext } from './lsp/context';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { syncDocuments } from './lsp/documentSync';
import { featureCapabilities, features } from './lsp/features';
import { setWorkspaceTrust } from './lsp/helmRender';
import { SettingsCache } from './lsp/settingsCache';
import { WorkspaceScan } from './lsp/workspaceScan';
import { PRODUCT_VERSION } from './version';

/** What `initialize` said about the client: its display language and the workspace folders. */
interface ClientInfo {
  locale?: string;
  folders: WorkspaceFolder[];
}

export function startServer(connection: Connection, fileSystem: ServerFileSystem): void {
  // A check that throws yields nothing for its object; the failure goes to the client's log.
  const service = getLanguageService({
    onError: (what, e) => connection.console.error(`${what} failed: ${describeError(e)}`),
  });
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsCache(connection);
  const client: ClientInfo = { folders: [] };
  const ctx = serverContext(connection, service, documents, settings, client, () =>
    publisher.scheduleAllOpen(),
  );
  const publisher = new DiagnosticsPublisher(ctx);
  const scan = new WorkspaceScan(ctx, fileSystem, publisher, () => client.folders);

  connection.onInitialize((params) => initialize(ctx, settings, client, params));

  connection.onInitialized(() => {
    if (settings.canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: 'kubeStorage',
      });
    }
    scan.start();
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    publisher.settingsChanged();
    settings.notifyChanged();
    scan.settingsChanged();
  });

  syncDocuments(ctx, fileSystem, publisher);
  for (const feature of features) feature.register(ctx);
  documents.listen(connection);
  connection.listen();
}

/** The context every feature handler gets (lsp/context.ts). */
function serverContext(
  connection: Connection,
  service: LanguageService,
  documents: TextDocuments<TextDocument>,
  settings: SettingsCache,
  client: ClientInfo,
  revalidateOpenDocuments: () => void,
): ServerContext {
  return {
    connection,
    service,
    documents,
    settings: (uri) => settings.get(uri),
    lang: async (uri) => resolveLang((await settings.get(uri)).language, client.locale),
    folderOf: (uri) => folderOf(client.folders, uri),
    revalidateOpenDocuments,
    onSettingsChanged: (listener) => settings.onChanged(listener),
    log: (message) => connection.console.log(message),
  };
}

/** The innermost workspace folder (URI) that holds `uri`, if any. */
function folderOf(folders: readonly WorkspaceFolder[], uri: string): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    const prefix = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
    if (uri.startsWith(prefix) && (!best || folder.uri.length > best.length)) best = folder.uri;
  }
  return best;
}

/** `initialize`: the client's language, trust, settings and folders in; the capabilities out. */
function initialize(
  ctx: ServerContext,
  settings: SettingsCache,
  client: ClientInfo,
  params: InitializeParams,
): InitializeResult {
  const options = (params.initializationOptions ?? {}) as {
    locale?: string;
    settings?: unknown;
    workspaceTrusted?: boolean;
  };
  client.locale = options.locale ?? params.locale;
  setWorkspaceTrust(ctx, options.workspaceTrusted === true);
  settings.start(!!params.capabilities.workspace?.configuration, options.settings);
  client.folders =
    params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  return {
    capabilities: {
      ...featureCapabilities(),
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'kube-storage-language-server', version: PRODUCT_VERSION },
  };
}
