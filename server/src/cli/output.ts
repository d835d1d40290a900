/** Report formats of `kube-storage lint`: text for people, JSON (stable, documented) and SARIF 2.1.0. */
import { relative } from 'node:path';
import { plainText, ruleFamilies, ruleRegistry, type KubeDiagnostic, type Lang } from '../service';
import { formatSize } from '../service/largeFile';
import type { SkippedFile } from './files';

export interface FileReport {
  /** Path as given on the command line's side: relative to the working directory. */
  file: string;
  diagnostics: KubeDiagnostic[];
}

/**
 * One finding in the stable JSON of `lint` and `values`: the message in one language, as written
 * (Markdown: names in code spans, for consumers that render or restyle them).
 */
export interface JsonDiagnostic {
  range: KubeDiagnostic['range'];
  severity: KubeDiagnostic['severity'];
  code: string;
  source: 'kube-storage';
  message: string;
  /**
   * A finding on an object of a chart rendered with `--chart`: the object, the template file and
   * 0-based line, and the values (file, 0-based line, or the `--set` pair) that produced it.
   */
  rendered?: Record<string, unknown>;
}

export function toJsonDiagnostic(d: KubeDiagnostic, lang: Lang): JsonDiagnostic {
  return {
    range: d.range,
    severity: d.severity,
    code: d.code,
    source: 'kube-storage',
    message: d.message[lang],
    ...(d.data?.rendered ? { rendered: d.data.rendered as Record<string, unknown> } : {}),
  };
}

export interface JsonReport {
  files: {
    file: string;
    diagnostics: JsonDiagnostic[];
  }[];
  /** Files not checked for their size (only when there are some). */
  skipped?: { file: string; size: number; limit: number; named: boolean }[];
  summary: { errors: number; warnings: number };
}

export function summarize(reports: FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return { errors, warnings };
}

export function toJson(
  reports: FileReport[],
  lang: Lang,
  skipped: readonly SkippedFile[] = [],
): JsonReport {
  return {
    files: reports.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => toJsonDiagnostic(d, lang)),
    })),
    ...(skipped.length
      ? {
          skipped: skipped.map((s) => ({
            file: displayPath(s.path),
            size: s.size,
            limit: s.limit,
            named: s.named,
          })),
        }
      : {}),
    summary: summarize(reports),
  };
}

/** Why a file was not checked, one line (stderr, SARIF). */
export function skippedNotice(file: SkippedFile, lang: Lang): string {
  const path = displayPath(file.path);
  const size = formatSize(file.size, lang);
  const limit = formatSize(file.limit, lang);
  if (lang === 'ru')
    return file.named
      ? `${path}: не проверен: ${size} — больше предельных ${limit} на файл.`
      : `${path}: не проверен: ${size} — больше ${limit}, предельного размера файлов из папок; чтобы проверить файл, укажите его в командной строке.`;
  return file.named
    ? `${path}: not checked: ${size}, above the ${limit} a file may have.`
    : `${path}: not checked: ${size}, above the ${limit} read from folders; name the file on the command line to check it.`;
}

const labels: Record<Lang, Record<KubeDiagnostic['severity'], string>> = {
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
  ru: { error: 'ошибка', warning: 'предупреждение', information: 'информация', hint: 'подсказка' },
};

/** What a `lint` run checked, for the text report's summary line. */
export interface CheckedSummary {
  /** Files checked: the ones given (folders' files), a rendered chart's templates and values files. */
  files: number;
  /** Files not checked for their size. */
  skipped?: number;
  /** The chart of `--chart`, when it rendered and was checked. */
  chart?: {
    name: string;
    /** Templates that printed objects. */
    templates: number;
    /** Values files: the chart's values.yaml and the `-f` files. */
    valuesFiles: number;
  };
}

function summaryLine(
  checked: CheckedSummary,
  errors: number,
  warnings: number,
  lang: Lang,
): string {
  const { files, chart, skipped } = checked;
  if (lang === 'ru') {
    const of = chart
      ? `, из них отрендеренных шаблонов чарта «${chart.name}» — ${chart.templates}, файлов значений — ${chart.valuesFiles}`
      : '';
    const left = skipped ? `; пропущено из-за размера: ${skipped}` : '';
    return `Файлов проверено: ${files}${of}${left}; ошибок: ${errors}, предупреждений: ${warnings}.`;
  }
  const of = chart
    ? ` (chart “${chart.name}”: ${chart.templates} rendered template(s), ${chart.valuesFiles} values file(s))`
    : '';
  const left = skipped ? `, ${skipped} skipped as too large` : '';
  return `${files} file(s) checked${of}${left}: ${errors} error(s), ${warnings} warning(s).`;
}

export function toText(
  reports: FileReport[],
  lang: Lang,
  checked: CheckedSummary = { files: reports.length },
): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const { line, character } = d.range.start;
      lines.push(
        `${r.file}:${line + 1}:${character + 1}: ${labels[lang][d.severity]} [${d.code}] ${plainText(d.message[lang], lang)}`,
      );
    }
  }
  const { errors, warnings } = summarize(reports);
  lines.push(summaryLine(checked, errors, warnings, lang));
  return lines.join('\n') + '\n';
}

const sarifLevels: Record<KubeDiagnostic['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function toSarif(
  reports: FileReport[],
  lang: Lang,
  version: string,
  skipped: readonly SkippedFile[] = [],
): unknown {
  const ruleIds = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-storage',
            version,
            informationUri: 'https://kubernetes.io/docs/concepts/storage/',
            rules: ruleIds.map((id) => sarifRule(id, lang)),
          },
        },
        ...(skipped.length ? { invocations: [skippedInvocation(skipped, lang)] } : {}),
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: sarifLevels[d.severity],
            message: { text: plainText(d.message[lang], lang), markdown: d.message[lang] },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** The files not checked, as notifications of the run (SARIF `toolExecutionNotifications`). */
function skippedInvocation(skipped: readonly SkippedFile[], lang: Lang): Record<string, unknown> {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: skipped.map((file) => ({
      descriptor: { id: 'file-not-checked' },
      level: 'warning',
      message: { text: skippedNotice(file, lang) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: displayPath(file.path).split('\\').join('/') },
          },
        },
      ],
    })),
  };
}

/** A SARIF rule descriptor: storage rules carry their title, docs, default level and family. */
function sarifRule(id: string, lang: Lang): Record<string, unknown> {
  const meta = ruleRegistry.find((r) => r.id === id);
  if (!meta) return { id, name: id };
  return {
    id,
    name: id,
    shortDescription: { text: plainText(meta.title[lang], lang), markdown: meta.title[lang] },
    fullDescription: { text: plainText(meta.docs[lang], lang), markdown: meta.docs[lang] },
    help: { text: plainText(meta.docs[lang], lang), markdown: meta.docs[lang] },
    defaultConfiguration: { level: sarifLevels[meta.severity] },
    properties: {
      tags: ['kubernetes', 'storage', meta.family],
      family: ruleFamilies[meta.family][lang],
    },
  };
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
