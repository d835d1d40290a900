/**
 * "Save Cluster Snapshot to File…": the snapshot read with kubectl, written where the user picks
 * in a save dialog (the dialog asks before replacing a file). A file in a workspace folder can then
 * be named in `kubeStorage.cluster.snapshots`, so it is read as the cluster's state rather than
 * checked as a manifest; the in-memory copy is then forgotten (one copy of each object).
 */
import * as vscode from 'vscode';
import { fileNameOf } from './names';
import type { ClusterSession, LoadedSnapshot } from './session';

function defaultTarget(loaded: LoadedSnapshot): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder
    ? vscode.Uri.joinPath(folder, 'cluster', fileNameOf(loaded.read.context))
    : undefined;
}

export async function saveSnapshot(session: ClusterSession): Promise<void> {
  const loaded = session.current;
  if (!loaded) return;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the cluster snapshot'),
    defaultUri: defaultTarget(loaded),
    filters: { YAML: ['yaml', 'yml'] },
    saveLabel: vscode.l10n.t('Save snapshot'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(loaded.read.text, 'utf8'));
  await offerSetting(session, target);
}

async function offerSetting(session: ClusterSession, target: vscode.Uri): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(target);
  const shown = vscode.workspace.asRelativePath(target, false);
  if (!folder) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The cluster snapshot is saved to {0}.', target.fsPath),
    );
    return;
  }
  const config = vscode.workspace.getConfiguration('kubeStorage', folder.uri);
  const globs = config.get<string[]>('cluster.snapshots') ?? [];
  if (globs.includes(shown)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The cluster snapshot is saved to {0}, which kubeStorage.cluster.snapshots already names.',
        shown,
      ),
    );
    await session.forget();
    return;
  }
  const use = vscode.l10n.t('Use as the cluster snapshot');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      'The cluster snapshot is saved to {0}. Name it in kubeStorage.cluster.snapshots, so it is read as the state of the cluster and not checked as a manifest?',
      shown,
    ),
    use,
  );
  if (answer !== use) return;
  await config.update(
    'cluster.snapshots',
    [...globs, shown],
    vscode.ConfigurationTarget.WorkspaceFolder,
  );
  // The file holds the same state now: keeping both would put every object in the cluster twice.
  await session.forget();
}
