/**
 * Runs inside the desktop VS Code extension host (bundled to out/desktop/suite.js). The same
 * scenarios as the code-server suite, through VS Code's API instead of the DOM.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out: ${what}`);
}

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

const scenarios: [string, () => Promise<void>][] = [
  [
    'reports a schema error on a YAML manifest',
    async () => {
      const uri = fileUri('broken.yaml');
      await vscode.window.showTextDocument(uri);
      const diagnostics = await waitFor('diagnostics', () => {
        const found = vscode.languages
          .getDiagnostics(uri)
          .filter((d) => d.source === 'kube-storage');
        return found.length ? found : undefined;
      });
      assert.ok(diagnostics.some((d) => d.code === 'invalid-enum'));
    },
  ],
  [
    'hovers accessModes with the docs',
    async () => {
      const uri = fileUri('claims.yaml');
      await vscode.window.showTextDocument(uri);
      const hovers = await waitFor('hover', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          new vscode.Position(6, 4),
        );
        return result?.length ? result : undefined;
      });
      const text = hovers
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
      assert.match(text, /accessModes/);
    },
  ],
  [
    'goes from a claimName to its PersistentVolumeClaim',
    async () => {
      const uri = fileUri('app.yaml');
      const document = await vscode.workspace.openTextDocument(uri);
      const line = document
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('claimName:'));
      const column = document.lineAt(line).text.indexOf('uploads') + 2;
      const locations = await waitFor('definition', async () => {
        const result = await vscode.commands.executeCommand<
          (vscode.Location | vscode.LocationLink)[]
        >('vscode.executeDefinitionProvider', uri, new vscode.Position(line, column));
        return result?.length ? result : undefined;
      });
      const target = 'targetUri' in locations[0]! ? locations[0].targetUri : locations[0]!.uri;
      assert.match(target.path, /claims\.yaml$/);
    },
  ],
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, scenario] of scenarios) {
    try {
      await scenario();
      console.log(`ok - ${name}`);
    } catch (e) {
      failures.push(name);
      console.log(`not ok - ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  console.log(`${scenarios.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} desktop scenario(s) failed`);
}
