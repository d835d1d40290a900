// Runs the TextMate grammar tests (vscode-tmgrammar-test) for the Helm template injection grammar
// and ends with one clear PASS/FAIL line. Cases live in test/grammar/*.test.yaml.gotmpl (Helm
// templates are not valid YAML, so they do not carry the .yaml extension formatters expect).
//
// The injection needs a base `source.yaml` grammar. VS Code ships its YAML grammar with the
// editor, not in any npm package, so the tests always run against a minimal test-only grammar
// (test/grammar/yaml.tmLanguage.json), and also against VS Code's real one when it is on disk:
// VSCODE_YAML_SYNTAXES=<folder with yaml*.tmLanguage.json>, or the code-server that the e2e
// harness installs. Nothing is downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = readdirSync(join(root, 'test/grammar')).filter((f) =>
  f.endsWith('.test.yaml.gotmpl'),
);
const bin = join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js');

/** The folder of VS Code's YAML grammars, if one is available locally. */
function vscodeYamlSyntaxes() {
  if (process.env.VSCODE_YAML_SYNTAXES) return process.env.VSCODE_YAML_SYNTAXES;
  const cache = process.env.KUBE_STORAGE_E2E_CACHE ?? join(homedir(), '.cache', 'kube-storage-e2e');
  if (!existsSync(cache)) return undefined;
  for (const entry of readdirSync(cache)
    .filter((e) => e.startsWith('code-server'))
    .sort()) {
    const dir = join(cache, entry, 'node_modules/code-server/lib/vscode/extensions/yaml/syntaxes');
    if (existsSync(join(dir, 'yaml.tmLanguage.json'))) return dir;
  }
  return undefined;
}

function run(label, grammars) {
  console.log(`grammar tests against ${label}:`);
  const args = [bin, '--compact', ...grammars.flatMap((g) => ['-g', g])];
  const result = spawnSync(process.execPath, [...args, 'test/grammar/*.test.yaml.gotmpl'], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status === 0;
}

const runs = [['the minimal test YAML grammar', ['test/grammar/yaml.tmLanguage.json']]];
const real = vscodeYamlSyntaxes();
if (real) {
  const files = readdirSync(real)
    .filter((f) => f.endsWith('.tmLanguage.json'))
    .map((f) => join(real, f));
  runs.push([`VS Code's YAML grammar (${real})`, files]);
}

const failed = runs.filter(([label, grammars]) => !run(label, grammars)).map(([label]) => label);
const note = real ? '' : "; VS Code's YAML grammar not found, set VSCODE_YAML_SYNTAXES to add it";
if (cases.length > 0 && failed.length === 0) {
  console.log(`grammar tests: PASS (${cases.length} files × ${runs.length} base grammars${note})`);
} else {
  console.log(`grammar tests: FAIL (${failed.join(', ') || 'no test cases'})`);
  process.exitCode = 1;
}
