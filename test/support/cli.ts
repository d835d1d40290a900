/** Runs the CLI in the test's process, its output and errors captured as text. */
import { main } from '../../server/src/cli';

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
