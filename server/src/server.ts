/** LSP wiring: capabilities, document sync, settings cache, workspace scan, feature handlers. */
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerFileSystem } from './node/fileSystem';
import { getLanguageService, resolveLang, type Lang } from './service';
import { normalizeSettings, type KubeStorageSettings } from './settings';
import { describeError, type ServerContext } from './lsp/context';
import { clusterSettings } from './lsp/cluster';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { featureCapabilities, features } from './lsp/features';
import { setWorkspaceTrust } from './lsp/helmRender';
import { IndexProgress } from './lsp/indexProgress';
import { PRODUCT_VERSION } from './version';

/** At most this many YAML files are read from disk into the index at start. */
const MAX_WORKSPACE_FILES = 20000;

export function startServer(connection: Connection, fileSystem: ServerFileSystem): void {
  // A check that throws yields nothing for its object; the failure goes to the client's log.
  const service = getLanguageService({
    onError: (what, e) => connection.console.error(`${what} failed: ${describeError(e)}`),
  });
  const documents = new TextDocuments(TextDocument);
  let locale: string | undefined;
  let folders: WorkspaceFolder[] = [];
  let canPullConfiguration = false;
  const settingsCache = new Map<string, Promise<KubeStorageSettings>>();
  const settingsListeners: (() => void)[] = [];

  const ctx: ServerContext = {
    connection,
    service,
    documents,
    settings(uri) {
      const key = uri ?? '';
      let cached = settingsCache.get(key);
      if (!cached) {
        cached = canPullConfiguration
          ? connection.workspace
              .getConfiguration({ scopeUri: uri, section: 'kubeStorage' })
              .then(normalizeSettings, () => normalizeSettings(undefined))
          : Promise.resolve(normalizeSettings(pushedSettings));
        settingsCache.set(key, cached);
      }
      return cached;
    },
    async lang(uri): Promise<Lang> {
      return resolveLang((await ctx.settings(uri)).language, locale);
    },
    folderOf(uri) {
      let best: string | undefined;
      for (const folder of folders) {
        const prefix = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
        if (uri.startsWith(prefix) && (!best || folder.uri.length > best.length)) best = folder.uri;
      }
      return best;
    },
    revalidateOpenDocuments: () => publisher.scheduleAllOpen(),
    onSettingsChanged: (listener) => settingsListeners.push(listener),
    log: (message) => connection.console.log(message),
  };
  let pushedSettings: unknown;
  const publisher = new DiagnosticsPublisher(ctx);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as {
      locale?: string;
      settings?: unknown;
      workspaceTrusted?: boolean;
    };
    locale = options.locale ?? params.locale;
    setWorkspaceTrust(ctx, options.workspaceTrusted === true);
    pushedSettings = options.settings;
    folders =
      params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        ...featureCapabilities(),
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'kube-storage-language-server', version: PRODUCT_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: 'kubeStorage',
      });
    }
    const applied = applyFileSettings();
    publisher.waitForSettings(applied);
    const indexed = indexWorkspace(applied);
    publisher.holdUntil(indexed);
    indexed.catch((e: unknown) => ctx.log(`kube-storage: workspace scan failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const pushed = (change.settings as { kubeStorage?: unknown } | undefined)?.kubeStorage;
    if (pushed !== undefined) pushedSettings = pushed;
    publisher.settingsChanged();
    for (const listener of settingsListeners) listener();
    void ctx.settings().then((s) => {
      if (service.maxFileSize === s.maxFileSize) return;
      service.maxFileSize = s.maxFileSize;
      publisher.settingsChanged();
    });
    void applyCluster().then((snapshotsMoved) => {
      // A snapshot above maxFileSize was not indexed as a manifest: read the files again.
      if (snapshotsMoved) rescan();
      publisher.settingsChanged();
    });
  });

  /** The settings that decide how a file is read and checked: the size limit, cluster snapshots. */
  async function applyFileSettings(): Promise<void> {
    const { maxFileSize } = await ctx.settings();
    service.maxFileSize = maxFileSize;
    await applyCluster();
  }

  let clusterKey = '';
  /** Applies `kubeStorage.cluster.*`; true when the snapshot globs changed. */
  async function applyCluster(): Promise<boolean> {
    const { settings, key } = await clusterSettings(ctx, folders);
    service.setCluster(settings);
    const moved = key !== clusterKey;
    clusterKey = key;
    return moved;
  }

  /**
   * Reads every YAML file of the workspace into the index, with progress; resolves to true when
   * read to the end (false: the user cancelled). Each read gives the event loop back, so requests
   * and the diagnostics of open documents never wait for the scan. `applied`: the file settings
   * being applied already (at start), so they are not read twice.
   */
  async function indexWorkspace(applied = applyFileSettings()): Promise<boolean> {
    const started = Date.now();
    await applied;
    const { files } = await ctx.settings();
    const uris: string[] = [];
    for (const folder of folders) {
      const limit = MAX_WORKSPACE_FILES - uris.length;
      uris.push(...(await fileSystem.findYamlFiles(folder.uri, files.exclude, limit)));
    }
    const progress = await IndexProgress.begin(ctx, uris.length);
    let done = 0;
    for (const uri of uris) {
      if (progress.isCancelled) break;
      const text = await fileSystem.readFile(uri);
      if (text !== undefined) service.setFile(uri, text, 'disk');
      progress.report(++done, uris.length);
    }
    progress.end(done, uris.length);
    ctx.log(
      `kube-storage: indexed ${done} of ${uris.length} YAML files in ${Date.now() - started} ms`,
    );
    publisher.scheduleAllOpen();
    return !progress.isCancelled;
  }

  /** Reads the workspace again; a partial index (a cancelled scan) is held as at start. */
  function rescan(): void {
    const scan = indexWorkspace();
    if (!publisher.isIndexComplete) publisher.holdUntil(scan);
    scan.catch((e: unknown) => ctx.log(`kube-storage: workspace scan failed: ${String(e)}`));
  }

  documents.onDidChangeContent(({ document }) => {
    service.setFile(document.uri, document.getText(), 'editor', document.version);
    publisher.scheduleAllOpen();
  });

  documents.onDidClose(({ document }) => {
    service.closeFile(document.uri);
    publisher.closed(document.uri);
    void fileSystem.readFile(document.uri).then((text) => {
      if (text === undefined) service.removeFile(document.uri);
      else service.setFile(document.uri, text, 'disk');
      publisher.fileChanged(document.uri);
      publisher.scheduleAllOpen();
    });
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) {
        service.removeFile(change.uri);
      } else {
        const text = await fileSystem.readFile(change.uri);
        if (text !== undefined) service.setFile(change.uri, text, 'disk');
      }
      publisher.fileChanged(change.uri);
    }
    publisher.scheduleAllOpen();
  });

  for (const feature of features) feature.register(ctx);
  documents.listen(connection);
  connection.listen();
}
