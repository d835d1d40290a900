/** Extension entry: wires the modules together and holds no logic of its own. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, forwardWorkspaceTrust } from './languageClient';
import { registerBindingPreview } from './bindingPreview';
import { registerHelmValues } from './helmValues/commands';
import { registerClusterRead } from './cluster/commands';
import { registerIndexStatus } from './indexStatus';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  context.subscriptions.push(client);
  registerBindingPreview(context, () => client);
  registerHelmValues(context, client);
  registerClusterRead(context, client);
  registerIndexStatus(context, client);
  await client.start();
  forwardWorkspaceTrust(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
