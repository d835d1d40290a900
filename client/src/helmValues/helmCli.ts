/**
 * `helm show values <chart>` for a repository chart: run without a shell (execFile with an
 * argument list), with a timeout and an output cap, and never in an untrusted workspace. No
 * 'vscode' import here, so it is testable in plain Node; the host passes trust and the path.
 */
import { execFile } from 'node:child_process';

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

export const DEFAULT_HELM_TIMEOUT_MS = 30_000;
export const DEFAULT_HELM_MAX_BUFFER = 8 * 1024 * 1024;

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
  return new Promise((resolve, reject) => {
    execFile(
      options.helmPath || 'helm',
      args,
      {
        shell: false,
        timeout: options.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS,
        maxBuffer: options.maxBuffer ?? DEFAULT_HELM_MAX_BUFFER,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const e = error as NodeJS.ErrnoException & {
          killed?: boolean;
          signal?: string | null;
          code?: string | number;
        };
        if (e.code === 'ENOENT' || e.code === 'EACCES')
          return reject(new HelmCliError('missing', options.helmPath || 'helm'));
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return reject(new HelmCliError('tooLarge', ''));
        if (e.killed || e.signal === 'SIGTERM')
          return reject(
            new HelmCliError('timeout', String(options.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS)),
          );
        reject(new HelmCliError('failed', (stderr || e.message).trim().slice(0, 2000)));
      },
    );
  });
}
