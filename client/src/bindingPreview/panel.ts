/**
 * The binding preview panel: one per window, restored after reload by a serializer, fed by the
 * `kubeStorage/bindings` request and refreshed (debounced) as YAML documents change.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BindingsRequest,
  type BindingsParams,
  type BindingsResult,
} from '../../../server/src/protocol';
import {
  defaultViewState,
  isFromWebview,
  type ToWebview,
  type ViewState,
} from '../../../server/src/webviewProtocol/bindingPreview';
import { previewHtml } from './html';
import { openableUris } from './openable';
import { uiStrings } from './strings';
import { affectsUiLang, uiLang } from '../uiLanguage';

export const VIEW_TYPE = 'kubeStorage.bindingPreview';
const DEBOUNCE_MS = 300;

export type ClientGetter = () => LanguageClient | undefined;

export class BindingPreviewPanel {
  private static current: BindingPreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requestNumber = 0;
  /** A refresh is running: further changes wait for it and then run once. */
  private refreshing = false;
  private refreshAgain = false;
  /** The last update sent (JSON): an identical one is not posted, so the view does no work. */
  private lastPosted: string | undefined;
  /** URIs of the objects in the last result: the only ones the webview may ask to open. */
  private knownUris = new Set<string>();

  static show(context: vscode.ExtensionContext, client: ClientGetter, anchor?: vscode.Uri): void {
    const state: ViewState = {
      ...(BindingPreviewPanel.current?.state ?? defaultViewState),
      anchorUri: anchor?.toString(),
    };
    if (BindingPreviewPanel.current) {
      BindingPreviewPanel.current.state = state;
      BindingPreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      BindingPreviewPanel.current.schedule(0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      uiStrings(uiLang()).title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      BindingPreviewPanel.options(context),
    );
    BindingPreviewPanel.current = new BindingPreviewPanel(panel, context, client, state);
  }

  /** The cluster changed outside the editor (a snapshot read with kubectl): ask again now. */
  static refreshIfOpen(): void {
    BindingPreviewPanel.current?.schedule(0);
  }

  /** Called by the serializer after a reload, with the state the webview saved. */
  static revive(
    panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    client: ClientGetter,
    state: ViewState,
  ): void {
    panel.webview.options = BindingPreviewPanel.options(context);
    BindingPreviewPanel.current?.panel.dispose();
    BindingPreviewPanel.current = new BindingPreviewPanel(panel, context, client, state);
  }

  private static options(
    context: vscode.ExtensionContext,
  ): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
      // The webview keeps its filters in setState, so it can be discarded while hidden.
      retainContextWhenHidden: false,
    };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: ClientGetter,
    private state: ViewState,
  ) {
    const lang = uiLang();
    const script = panel.webview.asWebviewUri(
      vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'bindingPreview.js'),
    );
    panel.webview.html = previewHtml(panel.webview, script, lang, uiStrings(lang).title);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), null, this.disposables);
    vscode.workspace.onDidChangeTextDocument(
      (e) => {
        if (e.document.languageId === 'yaml' && e.contentChanges.length) this.schedule(DEBOUNCE_MS);
      },
      null,
      this.disposables,
    );
    vscode.workspace.onDidSaveTextDocument(
      (d) => d.languageId === 'yaml' && this.schedule(DEBOUNCE_MS),
      null,
      this.disposables,
    );
    vscode.workspace.onDidChangeConfiguration(
      (e) => affectsUiLang(e) && this.schedule(0),
      null,
      this.disposables,
    );
  }

  private onMessage(message: unknown): void {
    if (!isFromWebview(message)) return; // untrusted input: ignore anything unexpected
    switch (message.type) {
      case 'ready':
        // A new document (first show, or shown again after being hidden) has nothing drawn.
        this.lastPosted = undefined;
        this.schedule(0);
        return;
      case 'setState': {
        const refetch =
          message.state.scope !== this.state.scope ||
          message.state.nodeLabels !== this.state.nodeLabels ||
          message.state.renderedCharts !== this.state.renderedCharts;
        this.state = {
          ...message.state,
          anchorUri: this.state.anchorUri ?? message.state.anchorUri,
        };
        if (refetch) this.schedule(0);
        return;
      }
      case 'reveal':
        void this.reveal(message.uri, message.line, message.character);
        return;
    }
  }

  private async reveal(uri: string, line: number, character: number): Promise<void> {
    if (!this.knownUris.has(uri)) return;
    try {
      const position = new vscode.Position(line, character);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), {
        viewColumn: this.sourceColumn(),
        preserveFocus: true,
        selection: new vscode.Range(position, position),
      });
    } catch (e) {
      console.error('kube-storage: cannot open', uri, e);
    }
  }

  /**
   * Where a source opens: never over the preview. The group of a visible editor beside the
   * preview (where the user came from), else a new group beside it.
   */
  private sourceColumn(): vscode.ViewColumn {
    const own = this.panel.viewColumn;
    const other = vscode.window.visibleTextEditors.find(
      (e) => e.viewColumn !== undefined && e.viewColumn !== own,
    );
    return other?.viewColumn ?? vscode.ViewColumn.Beside;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshOnce(), delay);
  }

  /** One request at a time: changes during a request are answered by one more afterwards. */
  private async refreshOnce(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      await this.refresh();
    } finally {
      this.refreshing = false;
    }
    if (this.refreshAgain) {
      this.refreshAgain = false;
      this.schedule(DEBOUNCE_MS);
    }
  }

  private params(lang: 'en' | 'ru'): BindingsParams {
    const anchor = this.state.anchorUri;
    let scope: BindingsParams['scope'] = 'workspace';
    if (anchor && this.state.scope === 'file') scope = { uri: anchor };
    else if (anchor && this.state.scope === 'folder')
      scope = { folder: anchor.slice(0, anchor.lastIndexOf('/') + 1) };
    return {
      scope,
      nodeLabels: parseLabels(this.state.nodeLabels),
      lang,
      renderedCharts: this.state.renderedCharts !== false,
    };
  }

  private scopeLabel(): string {
    const anchor = this.state.anchorUri;
    if (!anchor || this.state.scope === 'workspace') return vscode.workspace.name ?? '';
    const uri = vscode.Uri.parse(anchor);
    const path = vscode.workspace.asRelativePath(uri, false);
    return this.state.scope === 'file' ? path : path.slice(0, path.lastIndexOf('/') + 1) || './';
  }

  private async refresh(): Promise<void> {
    const lang = uiLang();
    const strings = uiStrings(lang);
    this.panel.title = strings.title;
    const number = ++this.requestNumber;
    // "Loading" only before the first result: later updates replace the picture in place.
    if (this.lastPosted === undefined) await this.post({ type: 'loading', lang, strings });
    let result: BindingsResult;
    const client = this.client();
    try {
      if (!client) throw new Error('language client not running');
      result = await client.sendRequest(BindingsRequest, this.params(lang));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      result = { ok: false, lang, error: { en: detail, ru: detail } };
    }
    if (number !== this.requestNumber) return; // a newer request is on its way
    this.knownUris = result.ok ? openableUris(result.data) : new Set();
    const update: ToWebview = {
      type: 'update',
      lang,
      strings,
      result,
      state: this.state,
      scopeLabel: this.scopeLabel(),
    };
    const json = JSON.stringify(update);
    if (json === this.lastPosted) return; // an edit that changed no binding
    this.lastPosted = json;
    await this.post(update);
  }

  private async post(message: ToWebview): Promise<void> {
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel was closed meanwhile.
    }
  }

  private dispose(): void {
    clearTimeout(this.timer);
    if (BindingPreviewPanel.current === this) BindingPreviewPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** `k=v,k2=v2` → labels; malformed pairs are skipped (the field is free text). */
export function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return Object.keys(labels).length ? labels : undefined;
}
