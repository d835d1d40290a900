// One build script for every bundle: the extension client, the language server and the CLI.
import { build, context } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
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

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  plugins: [yamlPlugin, yamlWithoutProcessPlugin],
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
