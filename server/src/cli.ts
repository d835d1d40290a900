/** `kube-storage`: the language service's checks for CI pipelines and terminals. */
import { isMainThread } from 'node:worker_threads';
import { UsageError } from './cli/files';
import type { CliIO } from './cli/common';
import { lintUsage, runLint } from './cli/lint';
import { runValues, valuesUsage } from './cli/values';
import { bindingsUsage, runBindings } from './cli/bindings';
import { PRODUCT_VERSION } from './version';
import { loadPrecompiledValidators } from './node/precompiled';

type Command = (argv: string[], io: CliIO) => Promise<number>;

/** Subcommands; each lives in its own module under cli/. */
const commands: Record<string, { run: Command; usage: string }> = {
  lint: { run: runLint, usage: lintUsage },
  values: { run: runValues, usage: valuesUsage },
  bindings: { run: runBindings, usage: bindingsUsage },
};

function usage(): string {
  return (
    [
      'Usage:',
      ...Object.values(commands).map((c) => `  ${c.usage}`),
      '  kube-storage --version',
    ].join('\n') + '\n'
  );
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(`${PRODUCT_VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`kube-storage: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kube-storage ${name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    io.err(`kube-storage ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

// In a lint worker (cli/lintWorkers.ts) this bundle is loaded again: the worker has its own loop.
if (require.main === module && isMainThread) {
  const io: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  loadPrecompiledValidators();
  main(process.argv.slice(2), io).then(exitOnceWritten, (e: unknown) => {
    process.stderr.write(`kube-storage: ${String(e)}\n`);
    exitOnceWritten(2);
  });
}

/**
 * Exits as soon as what was written has gone out. Left to end by itself, Node would first wait for
 * lint's worker threads to stop and free every heap: 30–40 ms after `lint --jobs 2` of 5,000 files
 * (bench/RESULTS.md), for memory the system takes back anyway.
 */
function exitOnceWritten(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
