/** Entry of the language server: `node dist/server.js --stdio` (or --node-ipc from VS Code). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { NodeFileSystem } from './fileSystem';
import { PRODUCT_VERSION } from '../version';
import { loadPrecompiledValidators } from './precompiled';

if (process.argv.includes('--version')) {
  process.stdout.write(`kube-storage-language-server ${PRODUCT_VERSION}\n`);
  process.exit(0);
}

loadPrecompiledValidators();
startServer(createConnection(ProposedFeatures.all), new NodeFileSystem());
