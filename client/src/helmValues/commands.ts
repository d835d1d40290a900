/**
 * The inspector's commands: `kubeStorage.inspectHelmValues` on a Chart.yaml, a .tgz, a chart
 * folder, a values file, or a chart reference typed by the user; `kubeStorage.linkHelmValues`
 * ties a values file to a chart. The panel serializer restores open inspectors.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HelmLinkRequest, HelmRenderedNotification } from '../../../server/src/protocol';
import { BindingPreviewPanel } from '../bindingPreview/panel';
import { findChartForValues, isChartArchiveName } from '../../../server/src/node/charts';
import { plainText } from '../../../server/src/service/i18n/plainText';
import { isValidChartReference } from './helmCli';
import { uiLang } from '../uiLanguage';
import { HelmValuesPanel, VIEW_TYPE } from './panel';
import { PanelRegistry } from './panelRegistry';
import {
  isInspectorState,
  type InspectorState,
} from '../../../server/src/webviewProtocol/helmInspector';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function pickChart(): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Use this chart'),
    filters: { [vscode.l10n.t('Helm chart')]: ['yaml', 'yml', 'tgz'] },
  });
  return picked?.[0]?.fsPath;
}

/** Works out what to inspect from the command's argument (explorer, editor title) or asks. */
async function stateFor(arg: unknown): Promise<InspectorState | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (uri?.scheme === 'file') {
    const path = uri.fsPath;
    const name = basename(path);
    if (/^Chart\.ya?ml$/.test(name)) return { source: { kind: 'path', path: dirname(path) } };
    if (isChartArchiveName(name) || (await isDirectory(path)))
      return { source: { kind: 'path', path } };
    if (/\.ya?ml$/i.test(name)) {
      const chart = (await findChartForValues(path)) ?? (await pickChart());
      if (!chart) return undefined;
      return { source: { kind: 'path', path: chart }, valuesUri: uri.toString() };
    }
  }
  const reference = await vscode.window.showInputBox({
    title: vscode.l10n.t('Inspect Helm chart values'),
    prompt: vscode.l10n.t(
      'A chart folder, a .tgz, or a repository chart for helm (e.g. bitnami/rabbitmq)',
    ),
    placeHolder: 'bitnami/rabbitmq',
    ignoreFocusOut: true,
    validateInput: (v) =>
      v.trim() && !isValidChartReference(v.trim())
        ? vscode.l10n.t('No spaces, and it must not start with «-».')
        : undefined,
  });
  const ref = reference?.trim();
  if (!ref) return undefined;
  try {
    await fs.stat(ref);
    return { source: { kind: 'path', path: ref } };
  } catch {
    return { source: { kind: 'reference', reference: ref } };
  }
}

export function registerHelmValues(context: vscode.ExtensionContext, client: LanguageClient): void {
  // One tab per chart: inspecting the same chart again reveals its tab.
  const panels = new PanelRegistry<HelmValuesPanel>();
  const track = (panel: HelmValuesPanel) => {
    panel.panel.onDidDispose(panels.add(panel.currentState.source, panel));
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeStorage.inspectHelmValues', async (arg?: unknown) => {
      const state = await stateFor(arg);
      if (!state) return;
      const open = panels.find(state.source);
      if (open) open.show(state);
      else track(HelmValuesPanel.create(context, client, state));
    }),
    vscode.commands.registerCommand('kubeStorage.linkHelmValues', async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return;
      const chart = await pickChart();
      if (!chart) return;
      const result = await client.sendRequest(HelmLinkRequest, {
        uri: uri.toString(),
        chart,
      });
      if (result.ok) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            '{0} is now checked against the chart {1}.',
            vscode.workspace.asRelativePath(uri),
            result.chartName ?? basename(chart),
          ),
        );
      } else {
        const lang = uiLang();
        // Notifications are plain text: code spans become quotes.
        void vscode.window.showErrorMessage(plainText(result.error[lang], lang));
      }
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        if (!isInspectorState(state)) {
          panel.dispose();
          return;
        }
        track(new HelmValuesPanel(panel, context, client, state));
      },
    }),
    { dispose: () => panels.all().forEach((p) => p.panel.dispose()) },
    // A values file was rendered again while you typed: its tab's "Rendered storage" follows.
    client.onNotification(HelmRenderedNotification, (params) => {
      for (const panel of panels.all()) panel.renderedChanged(params.valuesUri);
      // The binding preview shows the render's objects too (one handler per notification).
      BindingPreviewPanel.refreshIfOpen();
    }),
  );
}
