/** One LSP feature: the capabilities it adds and the handlers it installs (listed in features.ts). */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export interface Feature {
  /** Capabilities this feature adds to the InitializeResult. */
  capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
