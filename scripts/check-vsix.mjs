// Lists the files inside a .vsix (a zip archive) from its central directory, and checks that it
// holds what the extension needs and nothing it must not ship. No zip library needed: the
// central directory is a flat list of headers at the end of the file.
// Usage: node scripts/check-vsix.mjs file.vsix
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Names of the entries in a zip file. */
export function zipEntries(buffer) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory');
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const required = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.ru.json',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/images/icon.png',
  'extension/l10n/bundle.l10n.ru.json',
  'extension/LICENSE.txt',
];
const requiredPrefixes = ['extension/snippets/', 'extension/syntaxes/'];
const forbidden = [
  [/(^|\/)node_modules\//, 'node_modules'],
  [/^extension\/test\//, 'tests'],
  [/\.test\.[cm]?[jt]s$/, 'a test file'],
  [/^extension\/(client|server|scripts|bench|examples|schemas)\//, 'sources or dev files'],
  [/\.ts$/, 'TypeScript sources'],
  [/\.map$/, 'a source map'],
  [/^extension\/\.(cache|git|ci|vscode)\b/, 'a dot folder'],
  [/\.vsix$/, 'another .vsix'],
];

/** A .vsix this large has picked up something it should not carry (node_modules, fixtures). */
const MAX_BYTES = 8 * 1024 * 1024;

/** Problems with the .vsix at `path`; empty when it is fine. */
export function checkVsix(path) {
  const buffer = readFileSync(path);
  const names = zipEntries(buffer);
  const problems = [];
  if (buffer.length > MAX_BYTES) {
    problems.push(
      `${(buffer.length / 1048576).toFixed(1)} MB is more than ${MAX_BYTES / 1048576} MB`,
    );
  }
  for (const name of required) if (!names.includes(name)) problems.push(`missing ${name}`);
  for (const prefix of requiredPrefixes) {
    if (!names.some((n) => n.startsWith(prefix))) problems.push(`nothing under ${prefix}`);
  }
  for (const name of names) {
    for (const [pattern, what] of forbidden) {
      if (pattern.test(name)) problems.push(`${name} is ${what}`);
    }
  }
  return problems;
}

/**
 * Pictures the READMEs show that are not in the .vsix (they would be broken on the extension's
 * page); links to other missing files are printed as warnings only.
 */
export function missingReadmeTargets(
  path,
  root = join(dirname(fileURLToPath(import.meta.url)), '..'),
) {
  const names = new Set(zipEntries(readFileSync(path)).map((n) => n.toLowerCase()));
  const problems = [];
  for (const readme of ['README.md', 'README.ru.md']) {
    if (!existsSync(join(root, readme))) continue;
    const text = readFileSync(join(root, readme), 'utf8');
    const targets = [
      ...[...text.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => ({
        image: m[1] === '!',
        target: m[2],
      })),
      ...[...text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => ({
        image: true,
        target: m[1],
      })),
    ];
    for (const { image, target } of targets) {
      if (/^([a-z]+:|#)/i.test(target)) continue;
      const file = decodeURI(target.split('#')[0]).replace(/^\.\//, '');
      const packed = /^license$/i.test(file) ? 'LICENSE.txt' : file; // vsce renames it
      if (names.has(`extension/${packed}`.toLowerCase())) continue;
      if (image) problems.push(`${readme} shows ${file}, which is not in the .vsix`);
      else
        console.warn(`check-vsix: warning: ${readme} links to ${file}, which is not in the .vsix`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node scripts/check-vsix.mjs file.vsix');
    process.exit(2);
  }
  const problems = [...checkVsix(path), ...missingReadmeTargets(path)];
  for (const name of zipEntries(readFileSync(path))) console.log(name);
  if (problems.length) {
    console.error(`check-vsix: FAIL\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('check-vsix: PASS');
}
