/**
 * "Read Storage From Cluster" and its companions: pick a context of the kubeconfig (the current
 * one first and pre-selected), read its storage with the user's kubectl (node/kubectl: read-only,
 * per kind, timeout, never in an untrusted workspace), keep it as the cluster snapshot; refresh,
 * save to a file, forget. kubectl's problems are shown in the language of kube-storage.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ClusterReadError,
  listContexts,
  readClusterStorage,
  type ClusterRead,
} from '../../../server/src/node/kubectl/readCluster';
import type { KubectlOptions } from '../../../server/src/node/kubectl/process';
import { plainText } from '../../../server/src/service/i18n/plainText';
import type { LocalizedText } from '../../../server/src/service/types';
import { SHOW_COMMAND } from '../bindingPreview';
import { uiLang } from '../uiLanguage';
import { saveSnapshot } from './save';
import { countsText } from './names';
import { ACTIONS_COMMAND, ClusterSession } from './session';

export const READ_COMMAND = 'kubeStorage.readClusterStorage';
export const REFRESH_COMMAND = 'kubeStorage.refreshClusterStorage';
export const SAVE_COMMAND = 'kubeStorage.saveClusterSnapshot';
export const FORGET_COMMAND = 'kubeStorage.forgetClusterSnapshot';

function kubectlOptions(signal?: AbortSignal): KubectlOptions {
  const path = vscode.workspace.getConfiguration('kubeStorage').get<string>('kubectl.path');
  return {
    kubectlPath: path?.trim() || 'kubectl',
    trusted: vscode.workspace.isTrusted,
    ...(signal ? { signal } : {}),
  };
}

/** A message of ours (code spans) for a notification, in the language of kube-storage. */
function shown(text: LocalizedText): string {
  const lang = uiLang();
  return plainText(text[lang], lang);
}

async function showReadError(error: unknown): Promise<void> {
  if (!(error instanceof ClusterReadError)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Reading the cluster failed: {0}',
        error instanceof Error ? error.message : String(error),
      ),
    );
    return;
  }
  const settings = vscode.l10n.t('Open Settings');
  const buttons = error.problem.kind === 'missing' ? [settings] : [];
  const answer = await vscode.window.showErrorMessage(shown(error.text), ...buttons);
  if (answer === settings)
    void vscode.commands.executeCommand(
      'workbench.action.openSettings',
      'kubeStorage.kubectl.path',
    );
}

interface ContextItem extends vscode.QuickPickItem {
  context: string;
}

async function pickContext(): Promise<string | undefined> {
  const found = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Window,
      title: vscode.l10n.t('Reading kubeconfig contexts…'),
    },
    () => listContexts(kubectlOptions()),
  );
  const items: ContextItem[] = found.contexts.map((context) => ({
    label: context,
    context,
    ...(context === found.current ? { description: vscode.l10n.t('current context') } : {}),
  }));
  // The current context first, and pre-selected.
  items.sort((a, b) => Number(b.context === found.current) - Number(a.context === found.current));
  const pick = vscode.window.createQuickPick<ContextItem>();
  pick.title = vscode.l10n.t('Read storage from the cluster of this kubeconfig context');
  pick.placeholder = vscode.l10n.t(
    'Context (kubectl only reads: StorageClasses, volumes, claims, node labels)',
  );
  pick.items = items;
  pick.activeItems = items.filter((i) => i.context === found.current).slice(0, 1);
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.context ?? pick.activeItems[0]?.context);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

async function readInto(session: ClusterSession, context: string): Promise<void> {
  const read = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Reading storage from {0} with kubectl…', context),
      cancellable: true,
    },
    async (_progress, token): Promise<ClusterRead | undefined> => {
      const stop = new AbortController();
      token.onCancellationRequested(() => stop.abort());
      try {
        return await readClusterStorage({ ...kubectlOptions(stop.signal), context });
      } catch (e) {
        if (!token.isCancellationRequested) await showReadError(e);
        return undefined;
      }
    },
  );
  if (!read) return;
  const result = await session.load(read);
  if (!result.ok) {
    void vscode.window.showErrorMessage(shown(result.error));
    return;
  }
  await report(session, read);
}

/** What was read, what was left out and why. */
async function report(session: ClusterSession, read: ClusterRead): Promise<void> {
  // A kind the cluster does not serve is how the cluster is; one RBAC forbids is worth a warning.
  for (const n of read.notRead) {
    if (n.problem.kind === 'unknownResource')
      void vscode.window.showInformationMessage(shown(n.text));
    else void vscode.window.showWarningMessage(shown(n.text));
  }
  for (const n of read.namespaceOnly)
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'You may not list {0} in every namespace: only the namespace {1} was read.',
        n.resource.plural,
        n.namespace,
      ),
    );
  const preview = vscode.l10n.t('Show Binding Preview');
  const save = vscode.l10n.t('Save to File…');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Storage of {0} read: {1}. It stays in memory until you close the window.',
      read.context,
      countsText(read),
    ),
    preview,
    save,
  );
  if (answer === preview) void vscode.commands.executeCommand(SHOW_COMMAND);
  if (answer === save) await saveSnapshot(session);
}

async function read(session: ClusterSession): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'kubectl is not run in an untrusted workspace. Trust the workspace to read storage from a cluster.',
      ),
    );
    return;
  }
  let context: string | undefined;
  try {
    context = await pickContext();
  } catch (e) {
    await showReadError(e);
    return;
  }
  if (context) await readInto(session, context);
}

async function actions(session: ClusterSession): Promise<void> {
  const loaded = session.current;
  if (!loaded) return read(session);
  const choices: { label: string; run: () => Promise<void> | Thenable<unknown> }[] = [
    {
      label: `$(refresh) ${vscode.l10n.t('Refresh from {0}', loaded.read.context)}`,
      run: () => readInto(session, loaded.read.context),
    },
    {
      label: `$(cloud-download) ${vscode.l10n.t('Read from another context…')}`,
      run: () => read(session),
    },
    {
      label: `$(go-to-file) ${vscode.l10n.t('Open the snapshot')}`,
      run: () => vscode.window.showTextDocument(loaded.uri, { preview: true }),
    },
    { label: `$(save) ${vscode.l10n.t('Save to File…')}`, run: () => saveSnapshot(session) },
    {
      label: `$(close) ${vscode.l10n.t('Forget the cluster snapshot')}`,
      run: () => session.forget(),
    },
  ];
  const pick = await vscode.window.showQuickPick(choices, {
    title: vscode.l10n.t('Cluster snapshot of {0}', loaded.read.context),
  });
  if (pick) await pick.run();
}

export function registerClusterRead(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): void {
  const session = new ClusterSession(client);
  context.subscriptions.push(
    session,
    vscode.commands.registerCommand(READ_COMMAND, () => read(session)),
    vscode.commands.registerCommand(REFRESH_COMMAND, () => {
      const loaded = session.current;
      return loaded ? readInto(session, loaded.read.context) : read(session);
    }),
    vscode.commands.registerCommand(SAVE_COMMAND, () => saveSnapshot(session)),
    vscode.commands.registerCommand(FORGET_COMMAND, () => session.forget()),
    vscode.commands.registerCommand(ACTIONS_COMMAND, () => actions(session)),
  );
}
