// `npm run package`: builds the production bundles, packs the .vsix with @vscode/vsce under
// Node 24 (vsce 4 needs Node >= 22; scripts/node24.sh provides it), then checks what went in.
// Usage: node scripts/package.mjs [--out file.vsix]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVsix, missingReadmeTargets } from './check-vsix.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = resolve(
  root,
  outArg > 0 ? process.argv[outArg + 1] : `${pkg.name}-${pkg.version}.vsix`,
);

const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

run(process.execPath, ['esbuild.mjs', '--production']);
const node24 = execFileSync('bash', [join(root, 'scripts/node24.sh')], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();
run(node24, [
  join(root, 'node_modules/@vscode/vsce/vsce'),
  'package',
  '--no-dependencies',
  // Relative links stay relative: VS Code shows the README of an installed .vsix from its own
  // files (the linked docs and pictures are packed), and the repository URL is a placeholder.
  '--no-rewrite-relative-links',
  '--out',
  out,
]);

const problems = [...checkVsix(out), ...missingReadmeTargets(out)];
if (problems.length > 0) {
  console.error(`package: FAIL, ${out} is not right:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package: PASS, ${out}`);
