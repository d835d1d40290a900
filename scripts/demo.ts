/**
 * `npm run demo`: the extension in a real VS Code for a newcomer without one. Builds, starts
 * code-server on 127.0.0.1 with the extension installed and a copy of examples/ open, prints the
 * URL, and runs until Ctrl+C.
 */
import { join } from 'node:path';
import { REPO, startCodeServer } from '../test/e2e/support/codeServer';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startCodeServer({
    workspace: join(REPO, 'examples'),
    port,
    locale: process.env.DEMO_LOCALE,
  });
  process.stdout.write(
    [
      '',
      'kube-storage demo is running.',
      `  Open ${server.url} in a browser on this machine.`,
      '  Start with examples/mistakes/ (Problems panel, quick fixes), hover any field,',
      '  and run "Kubernetes Storage: Show Binding Preview" from the Command Palette (F1).',
      '  Russian: DEMO_LOCALE=ru npm run demo.  Stop: Ctrl+C.',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
