/**
 * `helm show values <chart>` for a repository chart, through the one helm runner
 * (server/src/node/helm/process.ts: no shell, a timeout, an output cap, never in an untrusted
 * workspace). No 'vscode' import here, so it is testable in plain Node; the host passes trust
 * and the path.
 */
import {
  DEFAULT_HELM_MAX_BUFFER,
  DEFAULT_HELM_TIMEOUT_MS,
  HelmProcessError,
  runHelmProcess,
} from '../../../server/src/node/helm/process';

export interface HelmCliOptions {
  /** The helm binary (setting `kubeStorage.helm.path`, machine-scoped); 'helm' uses PATH. */
  helmPath: string;
  /** `vscode.workspace.isTrusted`. */
  trusted: boolean;
  timeoutMs?: number;
  maxBuffer?: number;
  /** Extra flags such as `--version 1.2.3`; each a separate argument. */
  extraArgs?: string[];
}

export type HelmCliFailure =
  'untrusted' | 'missing' | 'timeout' | 'failed' | 'badReference' | 'tooLarge';

export class HelmCliError extends Error {
  constructor(
    readonly reason: HelmCliFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'HelmCliError';
  }
}

/** A chart reference as `helm show` takes it: `repo/name`, an OCI URL, a path or URL; no options smuggled in. */
export function isValidChartReference(ref: string): boolean {
  return /^[^\s-][^\s]{0,500}$/.test(ref) && !ref.includes('\0');
}

export { DEFAULT_HELM_MAX_BUFFER, DEFAULT_HELM_TIMEOUT_MS };

export function helmShowValues(reference: string, options: HelmCliOptions): Promise<string> {
  return runHelm(['show', 'values', reference, ...(options.extraArgs ?? [])], reference, options);
}

/** `helm show chart <ref>`: Chart.yaml of a repository chart (for its name and version). */
export function helmShowChart(reference: string, options: HelmCliOptions): Promise<string> {
  return runHelm(['show', 'chart', reference, ...(options.extraArgs ?? [])], reference, options);
}

function runHelm(args: string[], reference: string, options: HelmCliOptions): Promise<string> {
  if (!options.trusted) return Promise.reject(new HelmCliError('untrusted', ''));
  if (!isValidChartReference(reference))
    return Promise.reject(new HelmCliError('badReference', reference));
  // The one helm runner of kube-storage (no shell, timeout, output cap, trust).
  return runHelmProcess(args, {
    helmPath: options.helmPath,
    trusted: options.trusted,
    timeoutMs: options.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS,
    maxBuffer: options.maxBuffer ?? DEFAULT_HELM_MAX_BUFFER,
  }).catch((e: unknown) => {
    if (e instanceof HelmProcessError) throw new HelmCliError(e.reason, e.detail);
    throw e;
  });
}
