/** The inspector's webview panel: HTML with a strict CSP, typed messages, the user's actions. */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  HelmInspectRequest,
  type HelmChartSource,
  type HelmInspectData,
  type Lang,
} from '../../../server/src/protocol';
import { helmShowChart, helmShowValues, HelmCliError } from './helmCli';
import { isChartValuesFile, proposeValuesFile } from './valuesTarget';
import {
  isFromWebview,
  type FromWebview,
  type InspectorState,
  type ToWebview,
} from '../../../server/src/webviewProtocol/helmInspector';

export const VIEW_TYPE = 'kubeStorage.helmValues';

export function inspectorLang(): Lang {
  const setting = vscode.workspace.getConfiguration('kubeStorage').get<string>('language');
  if (setting === 'en' || setting === 'ru') return setting;
  return vscode.env.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

function nonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function helmErrorText(e: unknown): string {
  if (e instanceof HelmCliError) {
    switch (e.reason) {
      case 'untrusted':
        return vscode.l10n.t(
          'Helm is not run in an untrusted workspace. Trust the workspace to inspect repository charts.',
        );
      case 'missing':
        return vscode.l10n.t(
          'Helm was not found ({0}). Install helm or set kubeStorage.helm.path.',
          e.detail,
        );
      case 'timeout':
        return vscode.l10n.t('Helm did not answer in time and was stopped.');
      case 'badReference':
        return vscode.l10n.t('This is not a chart reference: {0}', e.detail);
      case 'tooLarge':
        return vscode.l10n.t(
          'Helm printed more than the inspector reads; the chart was not opened.',
        );
      default:
        return vscode.l10n.t('Helm failed: {0}', e.detail);
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
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'helmValues.js'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource} 'nonce-${n}'`,
      `script-src 'nonce-${n}'`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    const lang = inspectorLang();
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Helm values</title>
<style nonce="${n}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px; }
header { position: sticky; top: 0; background: var(--vscode-editor-background); padding: 8px 0; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; z-index: 1; border-bottom: 1px solid var(--vscode-panel-border); }
h1 { font-size: 1.2em; margin: 0 12px 0 0; }
.muted { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-panel-border); }
th { background: var(--vscode-editor-background); font-weight: 600; }
tr:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
tr.group td { font-weight: 600; background: var(--vscode-sideBarSectionHeader-background); color: var(--vscode-sideBarSectionHeader-foreground); }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
/* Cells wrap between words and list items, never inside a token (ReadWriteOnce); a table wider than the panel scrolls. */
pre { margin: 0; white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; max-height: 9em; overflow: auto; }
.table-scroll { overflow-x: auto; }
td.path code.key, td.type { white-space: nowrap; }
.search { flex: 1 1 24em; min-width: 16em; max-width: 36em; }
.differs td.override { color: var(--vscode-gitDecoration-modifiedResourceForeground); font-weight: 600; }
.unknown td.path { color: var(--vscode-editorWarning-foreground); }
.badge { display: inline-block; margin-left: 4px; padding: 0 4px; border-radius: 3px; font-size: 0.85em; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.comment { white-space: pre-wrap; overflow-wrap: break-word; min-width: 12em; max-width: 40em; }
.storage-text { color: var(--vscode-descriptionForeground); white-space: normal; margin-top: 2px; }
button.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; text-align: left; }
button.link:focus { outline: 1px solid var(--vscode-focusBorder); }
.diag { margin: 4px 0; }
.diag.error { color: var(--vscode-errorForeground); }
.diag.warning { color: var(--vscode-editorWarning-foreground); }
#status { margin: 8px 0; }
</style>
</head>
<body>
<div id="app" role="main"></div>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** Loads (or reloads) the chart and sends it to the webview. */
  async load(): Promise<void> {
    this.post({ type: 'loading', label: this.label() });
    try {
      const chart = await this.chartSource();
      const result = await this.client.sendRequest(HelmInspectRequest, {
        chart,
        ...(this.state.valuesUri ? { valuesUri: this.state.valuesUri } : {}),
      });
      const lang = inspectorLang();
      if (!result.ok) {
        this.post({ type: 'error', message: result.error[lang] });
        return;
      }
      this.data = result.data;
      this.panel.title = vscode.l10n.t('Helm values: {0}', result.data.chart.name);
      this.post({
        type: 'show',
        data: result.data,
        lang,
        state: this.state,
        ...(vscode.l10n.bundle ? { l10n: vscode.l10n.bundle } : {}),
      });
    } catch (e) {
      this.post({ type: 'error', message: helmErrorText(e) });
    }
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
