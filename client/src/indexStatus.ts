/** The status bar item of the workspace index: reading (n / total), ready, or partial (cancelled). */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IndexStateNotification, type IndexState } from '../../server/src/protocol';

/** Ready stays visible this long, then the item hides (nothing to tell any more). */
const READY_VISIBLE_MS = 5000;

export function registerIndexStatus(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): void {
  const item = vscode.window.createStatusBarItem(
    'kubeStorage.index',
    vscode.StatusBarAlignment.Left,
    9,
  );
  item.name = vscode.l10n.t('Kubernetes Storage: workspace index');
  let hideTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    item,
    client.onNotification(IndexStateNotification.method, (state: IndexState) => {
      clearTimeout(hideTimer);
      const { text, tooltip } = describe(state);
      item.text = text;
      item.tooltip = tooltip;
      item.show();
      if (state.state === 'ready') hideTimer = setTimeout(() => item.hide(), READY_VISIBLE_MS);
    }),
  );
}

function describe(state: IndexState): { text: string; tooltip: string } {
  const files = state.files.toLocaleString(vscode.env.language);
  const total = state.total.toLocaleString(vscode.env.language);
  if (state.state === 'indexing')
    return {
      text: `$(sync~spin) ${vscode.l10n.t('kube-storage: {0} / {1} files', files, total)}`,
      tooltip: vscode.l10n.t(
        'Reading the workspace. Problems that depend on other files appear when it is read.',
      ),
    };
  if (state.state === 'partial')
    return {
      text: `$(warning) ${vscode.l10n.t('kube-storage: {0} / {1} files', files, total)}`,
      tooltip: vscode.l10n.t(
        'Reading the workspace was cancelled: problems that depend on other files are not reported.',
      ),
    };
  return {
    text: `$(check) ${vscode.l10n.t('kube-storage: {0} files', total)}`,
    tooltip: vscode.l10n.t('The workspace is read: every problem is reported.'),
  };
}
