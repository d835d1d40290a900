/**
 * The one way kube-storage starts a process (the user's helm and kubectl): no shell (execFile
 * with an argument list), a timeout, an output cap, and never in an untrusted workspace. The tool
 * modules (node/helm/process.ts, node/kubectl/process.ts) say which arguments and environment.
 */
import { execFile } from 'node:child_process';

export interface ToolProcessOptions {
  /** The workspace is trusted (VS Code's workspace trust; the CLI runs where the user asked). */
  trusted: boolean;
  timeoutMs: number;
  maxBuffer: number;
  /** Working directory of the tool (relative paths in its messages are relative to it). */
  cwd?: string;
  /** The whole environment of the tool; the caller's own when absent. */
  env?: NodeJS.ProcessEnv;
  /** Written to the tool's standard input; nothing is written to disk. */
  input?: string;
  /** Stops the tool (the run then fails with 'timeout'). */
  signal?: AbortSignal;
}

export type ToolProcessFailure = 'untrusted' | 'missing' | 'timeout' | 'failed' | 'tooLarge';

export class ToolProcessError extends Error {
  constructor(
    readonly reason: ToolProcessFailure,
    /** The tool's stderr for 'failed', the binary for 'missing', the limit for 'timeout' and 'tooLarge'. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'ToolProcessError';
  }
}

/** Runs `binary` with `args` and resolves with its stdout; rejects with a ToolProcessError. */
export function runToolProcess(
  binary: string,
  args: readonly string[],
  options: ToolProcessOptions,
): Promise<string> {
  if (!options.trusted) return Promise.reject(new ToolProcessError('untrusted', ''));
  return new Promise((resolve, reject) => {
    const child = execFile(
      binary,
      args,
      {
        shell: false,
        timeout: options.timeoutMs,
        maxBuffer: options.maxBuffer,
        windowsHide: true,
        encoding: 'utf8',
        ...(options.cwd ? { cwd: options.cwd } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const e = error as NodeJS.ErrnoException & {
          killed?: boolean;
          signal?: string | null;
          code?: string | number;
        };
        if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'ENOTDIR')
          return reject(new ToolProcessError('missing', binary));
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          return reject(new ToolProcessError('tooLarge', String(options.maxBuffer)));
        if (e.killed || e.signal === 'SIGTERM' || e.code === 'ABORT_ERR')
          return reject(new ToolProcessError('timeout', String(options.timeoutMs)));
        reject(new ToolProcessError('failed', (stderr || e.message).trim().slice(0, 4000)));
      },
    );
    // A tool that exits before reading all of its input is reported by the callback above.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** What a script run by `runNodeScript` printed, and its exit code. */
export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs this process's Node binary on one of kube-storage's own scripts: `node <nodeArgs> <script>
 * <args>` (the CLI's bundle again, with V8 flags it can only take at start: cli/v8Threads.ts). No
 * shell; this process's environment, working directory and Node options; no timeout, since it does
 * the work the user ran the CLI for; its output kept whole, up to `maxBuffer`. Resolves with its
 * exit code also when that is not 0 (lint's findings), rejects when it could not start or printed
 * too much.
 */
export function runNodeScript(
  nodeArgs: readonly string[],
  script: string,
  args: readonly string[],
  maxBuffer: number,
): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [...process.execArgv, ...nodeArgs, script, ...args],
      { shell: false, timeout: 0, maxBuffer, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const e = error as NodeJS.ErrnoException & { code?: string | number };
        // A number is the script's exit code; a string, why it did not run to its end.
        if (typeof e.code === 'number') return resolve({ code: e.code, stdout, stderr });
        reject(error);
      },
    );
    child.stdin?.end();
  });
}
