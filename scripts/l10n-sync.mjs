// `npm run l10n`: exports every vscode.l10n.t() / l10n.t() string of the client and the webviews
// into l10n/bundle.l10n.json (what `l10n-dev export` does), then lists what the Russian bundle
// lacks or still holds from removed strings. It never writes English text into the Russian file:
// translate the listed strings by hand; test/unit/l10n/parity.test.ts checks the result.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sources(join(dir, name));
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = [...sources('client/src'), ...sources('client/webview')];
const exported = await getL10nJson(
  files.map((path) => ({
    contents: readFileSync(path, 'utf8'),
    extension: path.endsWith('.tsx') ? '.tsx' : '.ts',
  })),
);
const sorted = Object.fromEntries(Object.entries(exported).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(join(root, 'l10n/bundle.l10n.json'), JSON.stringify(sorted, null, 2) + '\n');

const ru = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ru.json'), 'utf8'));
const missing = Object.keys(sorted).filter((key) => !(key in ru));
const stale = Object.keys(ru).filter((key) => !(key in sorted));
console.log(`l10n: ${Object.keys(sorted).length} strings from ${files.length} files`);
for (const key of missing)
  console.log(`  to translate in bundle.l10n.ru.json: ${JSON.stringify(key)}`);
for (const key of stale)
  console.log(`  no longer used, remove from bundle.l10n.ru.json: ${JSON.stringify(key)}`);
if (missing.length || stale.length) process.exitCode = 1;
