/**
 * The last binding answer, kept while nothing it depends on moved: the preview asks after every
 * pause, and a simulation of 1,500 claims takes hundreds of milliseconds that diagnostics would
 * otherwise wait for.
 */
import {
  bindingInputFromWorkspace,
  simulateBindings,
  type BindingOptions,
  type BindingResult,
  type BindingScope,
} from './binding';
import type { BindingInput } from './binding/types';
import { withoutRendered } from './rendered/bindingCharts';
import { storageSignature } from './rules/signature';
import type { Workspace } from './workspace/workspace';

export class BindingCache {
  private last?: { key: string; result: BindingResult };

  /** What the PV controller would bind, for the workspace, a folder or one file. */
  bindings(
    workspace: Workspace,
    options: BindingOptions & { scope?: BindingScope; renderedCharts?: boolean },
  ): BindingResult {
    const all = bindingInputFromWorkspace(workspace, options.scope);
    // Without rendered charts: what the workspace's own manifests do alone.
    const input = options.renderedCharts === false ? withoutRendered(all) : all;
    // Typing that moves no storage object and no line (a probe, an image, a comment) gets the
    // last answer.
    const key = bindingKey(storageSignature(workspace), options, input);
    if (this.last?.key === key) return this.last.result;
    const result = simulateBindings(input, options);
    this.last = { key, result };
    return result;
  }
}

/**
 * What a binding result depends on beyond the storage signature: the options, the positions the
 * result points to (sources) and the pod scheduling fields of workloads.
 */
function bindingKey(signature: number, options: object, input: BindingInput): string {
  const sources: unknown[] = [input.clusterDefaultClass];
  for (const list of [input.volumes, input.claims, input.storageClasses, input.statefulSets])
    for (const item of list) sources.push(item.source);
  for (const w of input.workloads) {
    const pod = w.podSpec;
    sources.push(w.source, pod?.nodeName, pod?.nodeSelector, pod?.affinity, pod?.tolerations);
  }
  return `${signature}\u0000${JSON.stringify(options)}\u0000${JSON.stringify(sources)}`;
}
