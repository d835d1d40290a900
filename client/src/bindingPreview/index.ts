/** Registers the binding preview: its command and the serializer that restores it after a reload. */
import * as vscode from 'vscode';
import { isViewState, defaultViewState } from '../../../server/src/webviewProtocol/bindingPreview';
import { BindingPreviewPanel, VIEW_TYPE, type ClientGetter } from './panel';

export const SHOW_COMMAND = 'kubeStorage.showBindingPreview';

export function registerBindingPreview(
  context: vscode.ExtensionContext,
  client: ClientGetter,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_COMMAND, (resource?: unknown) => {
      const anchor =
        resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      BindingPreviewPanel.show(context, client, anchor);
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        BindingPreviewPanel.revive(
          panel,
          context,
          client,
          isViewState(state) ? state : { ...defaultViewState },
        );
        return Promise.resolve();
      },
    }),
  );
}
