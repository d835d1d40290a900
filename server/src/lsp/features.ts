/**
 * The LSP features of the server. Each feature module exports its capabilities and a `register`
 * function that installs its handlers; adding a feature is one line here.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { Feature } from './feature';
import { helmValuesFeature } from './helmValues';
import { helmRenderFeature } from './helmRender';
import { hoverFeature } from './hover';
import { completionFeature } from './completion';
import { navigationFeature } from './navigation';
import { codeActionsFeature } from './codeActions';
import { bindingsFeature } from './bindings';
import { clusterReadFeature } from './clusterRead';

export type { Feature } from './feature';

export const features: Feature[] = [
  hoverFeature,
  codeActionsFeature,
  bindingsFeature,
  completionFeature,
  navigationFeature,
  helmValuesFeature,
  helmRenderFeature,
  clusterReadFeature,
];

export function featureCapabilities(): ServerCapabilities {
  return Object.assign({}, ...features.map((f) => f.capabilities)) as ServerCapabilities;
}
