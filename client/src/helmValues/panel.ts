/** The inspector's webview panel: HTML with a strict CSP, typed messages, the user's actions. */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  HelmInspectRequest,
  HelmRenderedRequest,
  type HelmChartSource,
  type HelmInspectData,
} from '../../../server/src/protocol';
import { affectsUiLang, l10nTable, uiLang, uiText, type UiL10n } from '../uiLanguage';
import { webviewHtml } from '../webviewShell';
import { helmShowChart, helmShowValues, HelmCliError } from './helmCli';
import { showMessage } from './showMessage';
import { STYLES } from './styles';
import { isChartValuesFile, proposeValuesFile } from './valuesTarget';
import {
  isFromWebview,
  type FromWebview,
  type InspectorState,
  type ToWebview,
} from '../../../server/src/webviewProtocol/helmInspector';

export const VIEW_TYPE = 'kubeStorage.helmValues';

/** What went wrong with helm, in the inspector's language. */
export function helmErrorText(e: unknown, l10n: UiL10n): string {
  if (e instanceof HelmCliError) {
    switch (e.reason) {
      case 'untrusted':
        return l10n.t(
          'Helm is not run in an untrusted workspace. Trust the workspace to inspect repository charts.',
        );
      case 'missing':
        return l10n.t(
          'Helm was not found ({0}). Install helm or set kubeStorage.helm.path.',
          e.detail,
        );
      case 'timeout':
        return l10n.t('Helm did not answer in time and was stopped.');
      case 'badReference':
        return l10n.t('This is not a chart reference: {0}', e.detail);
      case 'tooLarge':
        return l10n.t('Helm printed more than the inspector reads; the chart was not opened.');
      default:
        return l10n.t('Helm failed: {0}', e.detail);
    }
  }
  return e instanceof Error ? e.message : String(e);
}

export class HelmValuesPanel {
  private data: HelmInspectData | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private state: InspectorState,
  ) {
    const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.webview.html = this.html(panel.webview, root);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isFromWebview(m)) void this.onMessage(m);
      }),
      panel.onDidDispose(() => this.dispose()),
      // `kubeStorage.language` changed: the same data, the labels and rows in the new language.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsUiLang(e) && this.data) this.showData(this.data);
      }),
    );
  }

  static create(
    context: vscode.ExtensionContext,
    client: LanguageClient,
    state: InspectorState,
  ): HelmValuesPanel {
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Helm values'),
      vscode.ViewColumn.Active,
      { enableScripts: true, retainContextWhenHidden: false },
    );
    return new HelmValuesPanel(panel, context, client, state);
  }

  private html(webview: vscode.Webview, root: vscode.Uri): string {
    return webviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'helmValues.js')).toString(),
      lang: uiLang(),
      title: 'Helm values',
      styles: STYLES,
      appAttributes: 'role="main"',
    });
  }

  post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** Loads (or reloads) the chart and sends it to the webview. */
  async load(): Promise<void> {
    this.post({ type: 'loading', label: this.label(), l10n: l10nTable(uiLang()) });
    try {
      const chart = await this.chartSource();
      const result = await this.client.sendRequest(HelmInspectRequest, {
        chart,
        ...(this.state.valuesUri ? { valuesUri: this.state.valuesUri } : {}),
      });
      const l10n = uiText();
      if (!result.ok) {
        this.post({ type: 'error', message: result.error[l10n.lang], l10n: l10nTable(l10n.lang) });
        return;
      }
      this.data = result.data;
      this.showData(result.data);
    } catch (e) {
      const l10n = uiText();
      this.post({ type: 'error', message: helmErrorText(e, l10n), l10n: l10nTable(l10n.lang) });
    }
  }

  private showData(data: HelmInspectData): void {
    const l10n = uiText();
    this.panel.title = l10n.t('Helm values: {0}', data.chart.name);
    this.post(showMessage(data, this.state, l10n.lang));
    void this.showRendered();
  }

  /** The server rendered a values file again: the "Rendered storage" of this tab follows. */
  renderedChanged(valuesUri: string): void {
    if (this.data && valuesUri === this.state.valuesUri) void this.showRendered();
  }

  /** What the values file's render creates (asked of the server, which renders as you type). */
  private async showRendered(): Promise<void> {
    const valuesUri = this.state.valuesUri;
    if (!valuesUri || this.state.source.kind !== 'path') return;
    const storage = await this.client.sendRequest(HelmRenderedRequest, { valuesUri });
    const lang = uiLang();
    this.post({ type: 'rendered', storage, lang, l10n: l10nTable(lang) });
  }

  private label(): string {
    return this.state.source.kind === 'path' ? this.state.source.path : this.state.source.reference;
  }

  private async chartSource(): Promise<HelmChartSource> {
    const source = this.state.source;
    if (source.kind === 'path') return { kind: 'path', path: source.path };
    const options = {
      helmPath: vscode.workspace.getConfiguration('kubeStorage').get<string>('helm.path') || 'helm',
      trusted: vscode.workspace.isTrusted,
    };
    const [values, chart] = await Promise.all([
      helmShowValues(source.reference, options),
      helmShowChart(source.reference, options).catch(() => ''),
    ]);
    return {
      kind: 'files',
      name: source.reference,
      files: { 'values.yaml': values, ...(chart ? { 'Chart.yaml': chart } : {}) },
    };
  }

  private async onMessage(m: FromWebview): Promise<void> {
    try {
      switch (m.type) {
        case 'ready':
        case 'refresh':
          return await this.load();
        case 'copyStorage':
          if (!this.data?.storageBlock) {
            void vscode.window.showInformationMessage(
              vscode.l10n.t('This chart has no storage values.'),
            );
            return;
          }
          await vscode.env.clipboard.writeText(this.data.storageBlock);
          void vscode.window.showInformationMessage(
            vscode.l10n.t('The storage block is in the clipboard.'),
          );
          return;
        case 'createValues':
          return await this.createValues();
        case 'openTemplate': {
          if (!this.data?.chartDir) return;
          const uri = vscode.Uri.joinPath(
            vscode.Uri.file(this.data.chartDir),
            ...m.file.split('/'),
          );
          const position = new vscode.Position(m.line - 1, 0);
          await vscode.window.showTextDocument(uri, {
            selection: new vscode.Range(position, position),
            preview: true,
          });
          return;
        }
        case 'openValueFile': {
          // Only the files this tab's render reads: the user's values file, the chart's own.
          const allowed = [
            this.data?.valuesUri,
            this.data?.chartDir
              ? vscode.Uri.joinPath(vscode.Uri.file(this.data.chartDir), 'values.yaml').toString()
              : undefined,
          ];
          const target = vscode.Uri.parse(m.uri);
          const same = (u: string | undefined) =>
            !!u && vscode.Uri.parse(u).fsPath === target.fsPath;
          if (target.scheme !== 'file' || !allowed.some(same)) return;
          const position = new vscode.Position(m.line, 0);
          await vscode.window.showTextDocument(target, {
            selection: new vscode.Range(position, position),
          });
          return;
        }
        case 'openValues': {
          const target =
            this.data?.valuesUri ??
            (this.data?.chartDir
              ? vscode.Uri.joinPath(vscode.Uri.file(this.data.chartDir), 'values.yaml').toString()
              : undefined);
          if (!target) return;
          const position = new vscode.Position(m.line, 0);
          await vscode.window.showTextDocument(vscode.Uri.parse(target), {
            selection: new vscode.Range(position, position),
          });
          return;
        }
      }
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
    }
  }

  /** Shows another request for the same chart in this tab: reveals it, reloads on a new values file. */
  show(state: InspectorState): void {
    const changed = state.valuesUri !== undefined && state.valuesUri !== this.state.valuesUri;
    this.state = {
      ...this.state,
      source: state.source,
      valuesUri: state.valuesUri ?? this.state.valuesUri,
    };
    this.panel.reveal();
    if (changed) void this.load();
  }

  /**
   * `helm inspect values <chart> > values.yaml` into a file of the user's (valuesTarget.ts): never
   * the chart's own values.yaml, asking before overwriting anything else.
   */
  private async createValues(): Promise<void> {
    if (!this.data) return;
    const valuesUri = this.data.valuesUri ? vscode.Uri.parse(this.data.valuesUri) : undefined;
    const proposed = proposeValuesFile({
      chartDir: this.data.chartDir,
      chartName: this.data.chart.name,
      valuesPath: valuesUri?.scheme === 'file' ? valuesUri.fsPath : undefined,
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      exists: existsSync,
    });
    const target = await vscode.window.showSaveDialog({
      ...(proposed ? { defaultUri: vscode.Uri.file(proposed) } : {}),
      filters: { YAML: ['yaml', 'yml'] },
      saveLabel: vscode.l10n.t('Create values file'),
    });
    if (!target) return;
    if (target.scheme === 'file' && isChartValuesFile(target.fsPath, this.data.chartDir)) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          "{0} is the chart's own values file; your values go into a file of their own.",
          vscode.workspace.asRelativePath(target),
        ),
      );
      return;
    }
    let exists = false;
    try {
      await vscode.workspace.fs.stat(target);
      exists = true;
    } catch {
      exists = false;
    }
    if (exists) {
      const overwrite = vscode.l10n.t('Overwrite');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t(
          '{0} already exists. Replace it with the chart defaults?',
          vscode.workspace.asRelativePath(target),
        ),
        { modal: true },
        overwrite,
      );
      if (answer !== overwrite) return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.data.defaultsText));
    await vscode.window.showTextDocument(target);
  }

  get currentState(): InspectorState {
    return this.state;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
