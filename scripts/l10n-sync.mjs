// `npm run l10n`: finds every literal vscode.l10n.t() / l10n.t() string of the client and the
// webviews (what `l10n-dev export` finds), adds the new ones to l10n/bundle.l10n.json without
// removing any key, then lists what the Russian bundle lacks. It never writes English text into
// the Russian file: translate the listed strings by hand; test/unit/l10n/parity.test.ts checks it.
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
const enPath = join(root, 'l10n/bundle.l10n.json');
const en = JSON.parse(readFileSync(enPath, 'utf8'));
// Merge, never replace: keys passed to l10n.t through a variable (a table of UI strings) are
// invisible to the export, so the bundle keeps every key it has.
const added = Object.keys(exported).filter((key) => !(key in en));
for (const key of added) en[key] = exported[key];
if (added.length) writeFileSync(enPath, JSON.stringify(en, null, 2) + '\n');

const ru = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.ru.json'), 'utf8'));
const missing = Object.keys(en).filter((key) => !(key in ru));
const extra = Object.keys(ru).filter((key) => !(key in en));
console.log(
  `l10n: ${Object.keys(exported).length} strings found in ${files.length} files, ` +
    `${added.length} added to bundle.l10n.json (${Object.keys(en).length} in all)`,
);
for (const key of missing)
  console.log(`  to translate in bundle.l10n.ru.json: ${JSON.stringify(key)}`);
for (const key of extra) console.log(`  not in bundle.l10n.json: ${JSON.stringify(key)}`);
if (missing.length || extra.length) process.exitCode = 1;
