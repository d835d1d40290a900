/**
 * The user's kubectl, read-only: the only commands kube-storage builds are `kubectl get` of the
 * storage kinds and nodes and `kubectl config get-contexts` / `current-context` / `view --minify`
 * (the context's namespace), each from a fixed list (no argument comes from elsewhere but the context name, passed as `--context=<name>`), run
 * through the one process runner (node/process.ts: no shell, a timeout, an output cap, never in an
 * untrusted workspace). Every `get` carries `--request-timeout`. Nothing is ever written to the
 * cluster: there is no verb here that could.
 */
import { isClusterResource } from '../../service/clusterRead/resources';
import { runToolProcess, ToolProcessError } from '../process';

/** kubectl (the process) is stopped after this long. */
export const DEFAULT_KUBECTL_TIMEOUT_MS = 60_000;
/** Each request to the API server gives up after this long (`--request-timeout`). */
export const DEFAULT_REQUEST_TIMEOUT_S = 20;
/** The storage lists of a large cluster fit; a node list with its status may be larger. */
export const DEFAULT_KUBECTL_MAX_BUFFER = 64 * 1024 * 1024;

/** The reads kube-storage runs; there is no other way to call kubectl. */
export type KubectlRead =
  | { verb: 'get'; resource: string; allNamespaces: boolean }
  | { verb: 'contexts' }
  | { verb: 'currentContext' }
  | { verb: 'contextNamespace' };

export interface KubectlOptions {
  /** The kubectl binary (setting `kubeStorage.kubectl.path`, machine-scoped); '' or 'kubectl' uses PATH. */
  kubectlPath: string;
  /** `vscode.workspace.isTrusted`. */
  trusted: boolean;
  /** The kubeconfig context (`--context`); kubectl's current one when absent. */
  context?: string;
  /** A kubeconfig file (`--kubeconfig`); kubectl's own lookup (`KUBECONFIG`, ~/.kube/config) when absent. */
  kubeconfig?: string;
  /** kubectl's discovery cache (`--cache-dir`); its default (~/.kube/cache) when absent. */
  cacheDir?: string;
  timeoutMs?: number;
  requestTimeoutSeconds?: number;
  maxBuffer?: number;
  /** Stops kubectl (the user cancelled). */
  signal?: AbortSignal;
}

export class KubectlArgumentError extends Error {}

/** The argument list of a read; throws for a resource outside the fixed list. */
export function kubectlArgs(read: KubectlRead, options: KubectlOptions): string[] {
  const global = [
    ...(options.kubeconfig ? [`--kubeconfig=${options.kubeconfig}`] : []),
    ...(options.cacheDir ? [`--cache-dir=${options.cacheDir}`] : []),
  ];
  switch (read.verb) {
    case 'contexts':
      return ['config', 'get-contexts', '--output=name', ...global];
    case 'currentContext':
      return ['config', 'current-context', ...global];
    case 'contextNamespace':
      return [
        'config',
        'view',
        '--minify',
        '--output=jsonpath={.contexts[0].context.namespace}',
        ...(options.context ? [`--context=${options.context}`] : []),
        ...global,
      ];
    case 'get': {
      if (!isClusterResource(read.resource))
        throw new KubectlArgumentError(`not a resource kube-storage reads: ${read.resource}`);
      const seconds = options.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_S;
      return [
        'get',
        read.resource,
        ...(read.allNamespaces ? ['--all-namespaces'] : []),
        '--output=yaml',
        `--request-timeout=${seconds}s`,
        ...(options.context ? [`--context=${options.context}`] : []),
        ...global,
      ];
    }
  }
}

/** Runs one read and resolves with kubectl's stdout; rejects with a ToolProcessError. */
export function runKubectl(read: KubectlRead, options: KubectlOptions): Promise<string> {
  let args: string[];
  try {
    args = kubectlArgs(read, options);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return runToolProcess(options.kubectlPath.trim() || 'kubectl', args, {
    trusted: options.trusted,
    timeoutMs: options.timeoutMs ?? DEFAULT_KUBECTL_TIMEOUT_MS,
    maxBuffer: options.maxBuffer ?? DEFAULT_KUBECTL_MAX_BUFFER,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export { ToolProcessError };
