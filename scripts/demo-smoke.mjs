/**
 * CI check of the README's main way to see the product: runs `npm run demo` exactly as a user
 * types it (so the install inherits the outer npm's environment), waits for the URL it prints,
 * asks that URL for the VS Code workbench page, then stops the demo with Ctrl+C (SIGINT).
 * Run it with KUBE_STORAGE_E2E_CACHE pointing at an empty folder to prove a fresh machine works.
 * Exit code 0 when the editor was served, 1 otherwise.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const INSTALL_AND_START_LIMIT_MS = 15 * 60 * 1000;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function waitForUrl(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `no URL within ${INSTALL_AND_START_LIMIT_MS / 60000} min\n${output.slice(-4000)}`,
          ),
        ),
      INSTALL_AND_START_LIMIT_MS,
    );
    const onData = (chunk) => {
      output += chunk.toString();
      process.stdout.write(chunk);
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\S*) in a browser/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`npm run demo exited with ${code} before printing a URL\n${output.slice(-4000)}`),
      );
    });
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // the demo has already gone
  }
}

/** Ctrl+C as a user stops it; the demo then stops code-server itself. */
async function stopDemo(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, 'SIGINT');
  const stopped = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 20000)),
  ]);
  if (!stopped) signalGroup(child, 'SIGKILL');
}

async function main() {
  const port = await freePort();
  const child = spawn('npm', ['run', 'demo'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  try {
    const url = await waitForUrl(child);
    const page = await (await fetch(url)).text();
    if (!page.includes('workbench')) throw new Error(`${url} did not serve the VS Code workbench`);
    process.stdout.write(`demo smoke: ${url} serves the editor\n`);
  } finally {
    await stopDemo(child);
  }
}

main().catch((error) => {
  process.stderr.write(
    `demo smoke failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
