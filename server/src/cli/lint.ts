/** `kube-storage lint <files or folders...> [--format text|json|sarif] [--lang en|ru]` */
import { promises as fs } from 'node:fs';
import { getLanguageService, type Lang } from '../service';
import { parseArgs } from './args';
import { collectYamlFiles, fileUri, UsageError } from './files';
import { displayPath, summarize, toJson, toSarif, toText, type FileReport } from './output';
import { langFromFlags, type CliIO } from './common';
import { PRODUCT_VERSION } from '../version';

export const lintUsage =
  'kube-storage lint <files or folders...> [--format text|json|sarif] [--lang en|ru]';

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    '--format': { values: ['text', 'json', 'sarif'] },
    '--lang': { values: ['en', 'ru'] },
  });
  if (!args.positional.length) throw new UsageError('lint needs at least one file or folder');
  const lang: Lang = langFromFlags(args.flags);
  const format = args.flags.get('--format')?.[0] ?? 'text';

  const paths = await collectYamlFiles(args.positional);
  const service = getLanguageService();
  for (const path of paths) {
    service.setFile(fileUri(path), await fs.readFile(path, 'utf8'), 'disk');
  }
  const reports: FileReport[] = paths.map((path) => ({
    file: displayPath(path),
    diagnostics: service.getDiagnostics(fileUri(path)),
  }));

  if (format === 'json') io.out(JSON.stringify(toJson(reports, lang), null, 2) + '\n');
  else if (format === 'sarif')
    io.out(JSON.stringify(toSarif(reports, lang, PRODUCT_VERSION), null, 2) + '\n');
  else io.out(toText(reports, lang));
  return summarize(reports).errors > 0 ? 1 : 0;
}
