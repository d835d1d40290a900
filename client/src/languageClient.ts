/** Starts the kube-storage language server and connects it to VS Code. */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_ENVIRONMENT, SERVER_HEAP_FLAGS } from '../../server/src/node/heapFlags';
import { WorkspaceTrustNotification } from '../../server/src/protocol';

export const CLIENT_ID = 'kubeStorage';

/**
 * YAML documents, and JSON ones (`kubectl get -o json`, what `kubectl apply -f` takes): the server
 * checks a JSON document only while it holds a Kubernetes object or list (node/manifestJson.ts),
 * and answers package.json and the like with nothing. JSON with comments (`jsonc`: tsconfig.json,
 * settings) is never a manifest and is not sent. JSON does not activate the extension (that would
 * start the server for every settings.json); once active, open JSON manifests are checked.
 */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'untitled', language: 'json' },
];

/** Files the server reads again when they change on disk (JSON: it may stop being a manifest). */
export const WATCHED_FILES = '**/*.{yaml,yml,json}';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = { ...process.env, ...SERVER_ENVIRONMENT };
  const serverOptions: ServerOptions = {
    run: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_HEAP_FLAGS], env },
    },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_HEAP_FLAGS, '--nolazy', '--inspect=6010'], env },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED_FILES),
    },
    initializationOptions: {
      locale: vscode.env.language,
      // helm runs only in a trusted workspace; a later grant comes as kubeStorage/workspaceTrust.
      workspaceTrusted: vscode.workspace.isTrusted,
    },
    outputChannelName: 'Kubernetes Storage',
  };
  return new LanguageClient(CLIENT_ID, 'Kubernetes Storage', serverOptions, clientOptions);
}

/** Tells the server when the user grants workspace trust (helm may run from then on). */
export function forwardWorkspaceTrust(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): void {
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void client.sendNotification(WorkspaceTrustNotification, { trusted: true }),
    ),
  );
}
