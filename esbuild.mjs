// One build script for every bundle: the extension client, the language server and the CLI.
import { build, context } from 'esbuild';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildValidators } from './scripts/build-validators.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Lets code import our YAML data files (docs, catalogs) as plain objects. */
const yamlPlugin = {
  name: 'yaml',
  setup(b) {
    b.onLoad({ filter: /\.ya?ml$/ }, (args) => ({
      contents: JSON.stringify(parse(readFileSync(args.path, 'utf8'))),
      loader: 'json',
    }));
  },
};

/**
 * Bundles the `yaml` package's own build without Node's `process` (the one its package.json gives
 * browsers). Same code, except that the Node build reads `process.env.LOG_TOKENS` for every token
 * the parser sees and `process.env.LOG_STREAM` for every document: an environment lookup through
 * Node's native interceptor each time, about a fifth of parsing a workspace.
 */
const yamlWithoutProcessPlugin = {
  name: 'yaml-without-process',
  setup(b) {
    const browserBuild = fileURLToPath(
      new URL('./node_modules/yaml/browser/index.js', import.meta.url),
    );
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: browserBuild }));
  },
};

/**
 * Keeps each bundle ASCII. esbuild escapes what is not ASCII in strings, but leaves the comments
 * it keeps as written, and one em dash in a comment makes V8 hold the whole source as two bytes
 * per character: dist/server.js took 6.7 MB of the server's heap instead of 3.4 MB. In a comment,
 * an escape is only text.
 */
const asciiOutputPlugin = {
  name: 'ascii-output',
  setup(b) {
    b.onEnd(() => {
      const file = b.initialOptions.outfile;
      if (!file || !existsSync(file)) return;
      const code = readFileSync(file, 'utf8');
      const ascii = code.replace(
        /[^\x00-\x7f]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      if (ascii !== code) writeFileSync(file, ascii);
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  plugins: [yamlPlugin, yamlWithoutProcessPlugin, asciiOutputPlugin],
};

/** @type {import('esbuild').BuildOptions[]} */
export const bundles = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['server/src/node/main.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The threads that read and parse the workspace for the index (node/workspaceReader.ts).
    ...common,
    entryPoints: ['server/src/node/scanWorker.ts'],
    outfile: 'dist/scanWorker.js',
  },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['client/webview/helmValues/main.ts'],
    outfile: 'dist/webview/helmValues.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['client/webview/bindingPreview/main.ts'],
    outfile: 'dist/webview/bindingPreview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// Schema validators compiled ahead of time (dist/validators.js); skipped when up to date.
buildValidators();

if (watch) {
  for (const options of bundles) await (await context(options)).watch();
  console.log('esbuild: watching');
} else {
  const started = Date.now();
  await Promise.all(bundles.map((options) => build(options)));
  for (const options of bundles) if (options.banner) chmodSync(options.outfile, 0o755);
  console.log(`esbuild: ${bundles.length} bundles in ${Date.now() - started} ms`);
}
