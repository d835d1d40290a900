/**
 * The one way kube-storage runs the user's helm, for the extension client (`helm show`) and the
 * server and CLI (`helm template`), through the one process runner (node/process.ts: no shell, a
 * timeout, an output cap, never in an untrusted workspace), with an environment that keeps helm
 * off the network (plugins off, every proxy pointed at a closed local port).
 */
import { runToolProcess, ToolProcessError, type ToolProcessFailure } from '../process';

export const DEFAULT_HELM_TIMEOUT_MS = 30_000;
export const DEFAULT_HELM_MAX_BUFFER = 8 * 1024 * 1024;

export interface HelmProcessOptions {
  /** The helm binary (setting `kubeStorage.helm.path`, machine-scoped); '' or 'helm' uses PATH. */
  helmPath: string;
  /** The workspace is trusted (VS Code's workspace trust; the CLI runs where the user asked). */
  trusted: boolean;
  timeoutMs?: number;
  maxBuffer?: number;
  /** Working directory of helm (relative paths in its messages are relative to it). */
  cwd?: string;
  /** Make any network access fail at once (for commands that read local files only). */
  offline?: boolean;
  /** Written to helm's standard input (`--values=-`); nothing is written to disk. */
  input?: string;
  /** Stops helm (the run then fails with 'timeout'). */
  signal?: AbortSignal;
}

export type HelmProcessFailure = ToolProcessFailure;

export class HelmProcessError extends Error {
  constructor(
    readonly reason: HelmProcessFailure,
    /** helm's stderr for 'failed', the binary for 'missing', the limit for 'timeout'. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'HelmProcessError';
  }
}

/**
 * A closed port on the loopback interface: with every proxy variable pointing there, any HTTP(S)
 * request helm might make (a repository index, an OCI registry) fails immediately.
 */
const NO_NETWORK_PROXY = 'http://127.0.0.1:9';

export function offlineEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of ['NO_PROXY', 'no_proxy']) delete env[name];
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy'])
    env[name] = NO_NETWORK_PROXY;
  env.HELM_NO_PLUGINS = '1';
  return env;
}

/** Runs helm with `args` and resolves with its stdout; rejects with a HelmProcessError. */
export function runHelmProcess(args: string[], options: HelmProcessOptions): Promise<string> {
  return runToolProcess(options.helmPath.trim() || 'helm', args, {
    trusted: options.trusted,
    timeoutMs: options.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS,
    maxBuffer: options.maxBuffer ?? DEFAULT_HELM_MAX_BUFFER,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.offline ? { env: offlineEnvironment() } : {}),
    input: options.input ?? '',
    ...(options.signal ? { signal: options.signal } : {}),
  }).catch((e: unknown) => {
    if (e instanceof ToolProcessError) throw new HelmProcessError(e.reason, e.detail);
    throw e;
  });
}

/**
 * The merged values as helm reads them on its standard input: JSON (which is YAML), so that every
 * string stays a string. Written as plain YAML, the string "ON" of a values file (a chart's
 * default) would come out unquoted, and helm, which reads YAML 1.1, would take it for `true`.
 */
export function valuesInput(values: unknown): string {
  return JSON.stringify(values ?? {});
}
