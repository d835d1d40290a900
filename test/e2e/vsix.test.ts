/**
 * The packaged extension, the way a user gets it: `npm run package` builds the .vsix,
 * `code-server --install-extension` installs it into a fresh extensions folder (no link to the
 * repository), and the workbench activates it on a YAML manifest: diagnostics, the Problems
 * panel, and a webview whose script must be inside the package.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO, startCodeServer, type CodeServer } from './support/codeServer';
import { hidePanel, showProblems } from './support/steps';
import { webviewWith } from './support/webviews';
import {
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  type Workbench,
} from './support/workbench';
import { makeTempDir } from '../support/tempDir';

const WORKSPACE = join(__dirname, 'workspace');

void describe('the extension installed from its .vsix', () => {
  let server: CodeServer;
  let bench: Workbench;
  let outDir: string;

  before(async () => {
    outDir = makeTempDir('kube-storage-vsix-');
    const vsix = join(outDir, 'kube-storage.vsix');
    execFileSync(process.execPath, [join(REPO, 'scripts', 'package.mjs'), '--out', vsix], {
      cwd: REPO,
      stdio: 'pipe',
      timeout: 300000,
    });
    server = await startCodeServer({ workspace: WORKSPACE, vsix });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  void it('is unpacked into the extensions folder, not linked', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    const dir = join(server.runDir, 'extensions', `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    assert.ok(existsSync(dir), readdirSync(join(server.runDir, 'extensions')).join(', '));
    assert.ok(lstatSync(dir).isDirectory() && !lstatSync(dir).isSymbolicLink());
    for (const file of ['package.json', 'dist/client.js', 'dist/server.js'])
      assert.ok(existsSync(join(dir, file)), `${file} is not in the installed extension`);
    // Nothing of the repository's development tree came along.
    for (const file of ['node_modules', 'server/src', 'test'])
      assert.ok(!existsSync(join(dir, file)), `${file} should not be packaged`);
  });

  void it('activates on a YAML manifest and reports a storage diagnostic', async () => {
    const { page } = bench;
    await openFile(page, 'broken.yaml');
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 60000 });
    await showProblems(page);
    const row = page
      .locator('.markers-panel .monaco-list-row', { hasText: 'ReadWriteOnse' })
      .first();
    await row.waitFor({ timeout: 15000 });
    assert.match((await row.getAttribute('aria-label')) ?? '', /kube-storage/);
    await screenshot(page, '14-vsix-activation');
  });

  void it('runs a webview from the package (binding preview)', async () => {
    const { page } = bench;
    await hidePanel(page);
    await openFile(page, 'ledger.yaml');
    await runCommand(page, 'Kubernetes Storage: Show Binding Preview');
    const frame = await webviewWith(page, 'svg .node.kind-claim');
    assert.equal(
      await frame
        .locator('svg .node[aria-label^="PersistentVolumeClaim, ledger, "]')
        .getAttribute('aria-label'),
      'PersistentVolumeClaim, ledger, default · bound',
    );
    await screenshot(page, '15-vsix-binding-preview');
  });
});
