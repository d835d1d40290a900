/** Shared bits of the CLI commands. */
import type { Lang } from '../service';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** `--lang`, else the terminal's locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function langFromFlags(flags: Map<string, string[]>): Lang {
  const flag = flags.get('--lang')?.[0];
  if (flag === 'en' || flag === 'ru') return flag;
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
