/**
 * The cluster snapshot read with kubectl, kept in memory while the window is open: sent to the
 * language server (`kubeStorage/clusterSnapshot`, again after a server restart), shown under its
 * `kube-storage-cluster:` URI (the preview's "Open in editor" on a cluster object), named in the
 * status bar, and the `kubeStorage.clusterSnapshotLoaded` context key for menus.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { ClusterRead } from '../../../server/src/node/kubectl/readCluster';
import {
  CLUSTER_READ_SCHEME,
  ClusterSnapshotRequest,
  type ClusterSnapshotParams,
  type ClusterSnapshotResult,
} from '../../../server/src/protocol';
import { BindingPreviewPanel } from '../bindingPreview/panel';
import { countsText, fileNameOf } from './names';

export const LOADED_CONTEXT_KEY = 'kubeStorage.clusterSnapshotLoaded';
export const ACTIONS_COMMAND = 'kubeStorage.clusterSnapshotActions';

export interface LoadedSnapshot {
  read: ClusterRead;
  uri: vscode.Uri;
}

export class ClusterSession implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private loaded: LoadedSnapshot | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly statusBar = vscode.window.createStatusBarItem(
    'kubeStorage.cluster',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private readonly disposables: vscode.Disposable[] = [this.changed, this.statusBar];

  constructor(private readonly client: LanguageClient) {
    this.statusBar.name = vscode.l10n.t('Kubernetes Storage: cluster snapshot');
    this.statusBar.command = ACTIONS_COMMAND;
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(CLUSTER_READ_SCHEME, this),
      // A restarted server has lost the snapshot: send it again.
      client.onDidChangeState((e) => {
        if (e.newState === State.Running && this.loaded) void this.send(this.loaded);
      }),
    );
  }

  get current(): LoadedSnapshot | undefined {
    return this.loaded;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.loaded && uri.toString() === this.loaded.uri.toString()
      ? this.loaded.read.text
      : `# ${vscode.l10n.t('This cluster snapshot is no longer loaded.')}\n`;
  }

  /** Uses `read` as the cluster's state; resolves with the server's answer. */
  async load(read: ClusterRead): Promise<ClusterSnapshotResult> {
    const uri = vscode.Uri.from({
      scheme: CLUSTER_READ_SCHEME,
      path: `/${fileNameOf(read.context)}`,
    });
    const loaded = { read, uri };
    const result = await this.send(loaded);
    if (!result.ok) return result;
    const previous = this.loaded;
    this.loaded = loaded;
    if (previous && previous.uri.toString() !== uri.toString()) this.changed.fire(previous.uri);
    this.changed.fire(uri);
    this.show();
    return result;
  }

  /** Forgets the snapshot: the cluster is unknown again. */
  async forget(): Promise<void> {
    const previous = this.loaded;
    this.loaded = undefined;
    this.show();
    if (previous) this.changed.fire(previous.uri);
    await this.client.sendRequest(ClusterSnapshotRequest, {
      snapshot: null,
    } satisfies ClusterSnapshotParams);
    BindingPreviewPanel.refreshIfOpen();
  }

  private async send(loaded: LoadedSnapshot): Promise<ClusterSnapshotResult> {
    const params: ClusterSnapshotParams = {
      snapshot: {
        uri: loaded.uri.toString(),
        context: loaded.read.context,
        text: loaded.read.text,
      },
    };
    const result = await this.client.sendRequest(ClusterSnapshotRequest, params);
    if (result.ok) BindingPreviewPanel.refreshIfOpen();
    return result;
  }

  private show(): void {
    void vscode.commands.executeCommand('setContext', LOADED_CONTEXT_KEY, !!this.loaded);
    if (!this.loaded) {
      this.statusBar.hide();
      return;
    }
    const { read } = this.loaded;
    this.statusBar.text = `$(cloud) ${read.context}`;
    const time = new Date(read.readAt).toLocaleTimeString(vscode.env.language);
    this.statusBar.tooltip = [
      vscode.l10n.t(
        'Cluster snapshot of the context {0}, read with kubectl at {1}.',
        read.context,
        time,
      ),
      countsText(read),
      vscode.l10n.t('Click to refresh, save or forget it.'),
    ].join('\n');
    this.statusBar.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
