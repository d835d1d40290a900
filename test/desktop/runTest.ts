/**
 * `npm run test:desktop`: the real-editor scenarios in desktop VS Code through @vscode/test-electron.
 * It downloads VS Code, which this project's CI machine cannot do (no network but the package
 * registries); there, the same scenarios run in code-server (`npm run test:e2e`). Run this one on a
 * developer machine with internet access.
 */
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repo = resolve(__dirname, '..', '..');
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'out', 'desktop', 'suite.js'),
    launchArgs: [
      join(repo, 'test', 'e2e', 'workspace'),
      '--disable-extensions',
      '--disable-workspace-trust',
    ],
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`desktop tests failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
