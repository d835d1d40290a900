/** Shared bits of the CLI commands. */
import { getLanguageService, type Lang, type LanguageService } from '../service';

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

/**
 * The service a CLI command checks with: every file it was given is read in full whatever its size
 * (`collectFiles` has left out the files too large to check, and says so; a file named on the
 * command line, such as a `kubectl kustomize` render, is taken as it is), once, with no edit after.
 */
export function cliService(): LanguageService {
  const service = getLanguageService();
  service.setFileSettings({ maxFileSize: 0 });
  service.setReadOnce();
  return service;
}
