/**
 * Starts code-server (a real VS Code workbench served to a browser) on 127.0.0.1 with a throwaway
 * profile, the freshly built extension linked into its extensions folder, and a workspace.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { makeTempDir } from '../../support/tempDir';

export const REPO = resolve(__dirname, '..', '..', '..');

export interface CodeServer {
  url: string;
  port: number;
  workspace: string;
  runDir: string;
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder to open; copied to a temp dir so tests may edit it freely. */
  workspace: string;
  /** Port to listen on (default: any free port). */
  port?: number;
  /** VS Code display language (`--locale`). */
  locale?: string;
  settings?: Record<string, unknown>;
  /**
   * Install the extension from this .vsix (`code-server --install-extension`) into the fresh
   * extensions folder, the way a user gets it, instead of linking the repository.
   */
  vsix?: string;
}

/** The settings that give a clean, quiet workbench (no welcome page, chat, trust prompts). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.minimap.enabled': false,
  'editor.accessibilitySupport': 'off',
  'editor.hover.delay': 100,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'terminal.integrated.enablePersistentSessions': false,
};

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run test/e2e/install.sh and source its env.sh`);
  return value;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`code-server exited (${child.exitCode}) before ${what}:\n${log()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}:\n${log()}`);
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const node24 = requireEnv('E2E_NODE24');
  const entry = requireEnv('E2E_CODE_SERVER');
  const runDir = makeTempDir('kube-storage-e2e-');
  const userData = join(runDir, 'user-data');
  const extensions = join(runDir, 'extensions');
  const home = join(runDir, 'home');
  const workspace = join(runDir, 'workspace');
  for (const dir of [join(userData, 'User'), extensions, home]) mkdirSync(dir, { recursive: true });
  cpSync(options.workspace, workspace, { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: runDir,
    EXTENSIONS_GALLERY: '{}',
    PATH: `${join(node24, '..')}:${process.env.PATH}`,
  };
  if (options.vsix) {
    execFileSync(
      node24,
      [
        entry,
        '--config',
        config,
        '--user-data-dir',
        userData,
        '--extensions-dir',
        extensions,
        '--install-extension',
        options.vsix,
        '--force',
      ],
      { env, stdio: 'pipe', timeout: 120000 },
    );
  } else {
    // The unpacked extension, linked as an installed one: VS Code reads package.json and dist/.
    const pkg = (await import(join(REPO, 'package.json'))) as {
      publisher: string;
      name: string;
      version: string;
    };
    symlinkSync(REPO, join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`));
  }
  if (options.locale && options.locale !== 'en') {
    // VS Code honours a display language only when a language pack provides it; the real pack
    // cannot be downloaded here, so an empty one stands in (the UI stays English, the language is set).
    const pack = join(__dirname, `${options.locale}-language-pack`);
    symlinkSync(
      pack,
      join(extensions, `kube-storage-e2e.e2e-language-pack-${options.locale}-0.0.1`),
    );
    // The server reads the language pack index at the first page load; seed it so it need not wait.
    writeFileSync(
      join(userData, 'languagepacks.json'),
      JSON.stringify({
        [options.locale]: {
          hash: `e2e-${options.locale}`,
          extensions: [
            {
              extensionIdentifier: { id: `kube-storage-e2e.e2e-language-pack-${options.locale}` },
              version: '0.0.1',
            },
          ],
          translations: { vscode: join(pack, 'translations', 'main.i18n.json') },
          label: options.locale,
        },
      }),
    );
  }

  const port = options.port ?? (await freePort());
  const args = [
    entry,
    '--config',
    config,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    ...(options.locale ? ['--locale', options.locale] : []),
    workspace,
  ];
  let output = '';
  const child = spawn(node24, args, {
    detached: true,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const log = (): string => output.slice(-4000);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  await waitFor(
    '/healthz',
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok,
    60000,
    child,
    log,
  );
  // /healthz answers even when the workbench cannot load (wrong Node): ask for the page itself.
  await waitFor(
    'the workbench page',
    async () => {
      const res = await fetch(url);
      return res.ok && (await res.text()).includes('workbench');
    },
    60000,
    child,
    log,
  );

  return {
    url,
    port,
    workspace,
    runDir,
    log,
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // already gone
        }
        await new Promise((r) => {
          const timer = setTimeout(r, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            r(undefined);
          });
        });
      }
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
