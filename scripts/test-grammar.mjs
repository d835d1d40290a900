// Runs the TextMate grammar tests (vscode-tmgrammar-test, cases in test/grammar/*.test.yaml.gotmpl:
// Helm templates are not valid YAML, so they do not carry the .yaml extension formatters expect)
// and ends with one clear PASS/FAIL line. The base YAML grammar is a minimal test-only one:
// VS Code's own YAML grammar ships with the editor, not with any npm package we install.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = readdirSync(join(root, 'test/grammar')).filter((f) =>
  f.endsWith('.test.yaml.gotmpl'),
);
const bin = join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
const result = spawnSync(
  process.execPath,
  [bin, '--compact', '-g', 'test/grammar/yaml.tmLanguage.json', 'test/grammar/*.test.yaml.gotmpl'],
  { cwd: root, stdio: 'inherit' },
);
if (result.status === 0 && cases.length > 0) {
  console.log(`grammar tests: PASS (${cases.length} files)`);
} else {
  console.log(`grammar tests: FAIL (exit code ${result.status ?? result.signal})`);
  process.exitCode = 1;
}
