/**
 * `kube-storage values <chart folder or .tgz> [-f values.yaml] [--format text|json] [--lang en|ru]`:
 * the chart's values with defaults, comments, storage marks and template uses, compared with a
 * values file and checked like the editor does. JSON is documented in docs/cli.md ("values").
 */
import { promises as fs } from 'node:fs';
import { ChartSourceError, readChart } from '../node/charts';
import { withSubcharts } from '../node/helm/subcharts';
import { helmInspect, plainText, type ChartInspection, type Lang } from '../service';
import { parseArgs } from './args';
import { langFromFlags, type CliIO } from './common';
import { UsageError } from './files';
import { displayPath, toJsonDiagnostic, type JsonDiagnostic } from './output';

export const valuesUsage =
  'kube-storage values <chart folder or .tgz> [-f values.yaml] [--format text|json] [--lang en|ru]';

export interface ValuesJson {
  chart: {
    name: string;
    version: string | null;
    appVersion: string | null;
    description: string | null;
    source: string;
    kind: 'folder' | 'archive';
  };
  hasSchema: boolean;
  problems: string[];
  valuesFile: string | null;
  values: {
    path: string;
    keys: string[];
    type: string;
    default: unknown;
    example: string | null;
    override: unknown;
    overridden: boolean;
    differs: boolean;
    comment: string | null;
    storage: boolean;
    storageKind: string | null;
    storageExplanation: string | null;
    unknown: boolean;
    line: number | null;
    uses: { file: string; line: number; kind: string }[];
  }[];
  diagnostics: JsonDiagnostic[];
  summary: {
    values: number;
    storage: number;
    overridden: number;
    errors: number;
    warnings: number;
  };
}

export function toValuesJson(
  result: ChartInspection,
  lang: Lang,
  source: { path: string; kind: 'folder' | 'archive'; name: string },
  valuesFile: string | undefined,
): ValuesJson {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  return {
    chart: {
      name: result.chart.name ?? source.name,
      version: result.chart.version ?? null,
      appVersion: result.chart.appVersion ?? null,
      description: result.chart.description ?? null,
      source: displayPath(source.path),
      kind: source.kind,
    },
    hasSchema: result.hasSchema,
    problems: result.problems.map((p) => p[lang]),
    valuesFile: valuesFile ? displayPath(valuesFile) : null,
    values: result.rows.map((row) => ({
      path: row.path,
      keys: row.keys,
      type: row.type,
      default: row.default === undefined ? null : row.default,
      example: row.example ?? null,
      override: row.overridden ? (row.override ?? null) : null,
      overridden: row.overridden,
      differs: row.differs,
      comment: row.comment ?? null,
      storage: row.storage,
      storageKind: row.storageKind ?? null,
      storageExplanation: row.storageKind
        ? (result.storageTexts[row.storageKind]?.[lang] ?? null)
        : null,
      unknown: !!row.unknown,
      line: row.line > 0 ? row.line : null,
      uses: row.uses,
    })),
    diagnostics: result.diagnostics.map((d) => toJsonDiagnostic(d, lang)),
    summary: {
      values: result.rows.filter((r) => !r.unknown && r.line > 0).length,
      storage: result.rows.filter((r) => r.storage).length,
      overridden: result.rows.filter((r) => r.overridden).length,
      errors,
      warnings,
    },
  };
}

const words = {
  en: {
    chart: 'Chart',
    storage: 'Storage values',
    other: 'Other values',
    unset: 'unset, example',
    notInChart: 'not in the chart',
    freeForm: 'free-form key',
    readNotListed: 'read by the templates, not in values.yaml',
    uses: 'used in',
    summary: (v: number, s: number, o: number, e: number, w: number) =>
      `${v} value(s), ${s} storage; ${o} set in the values file: ${e} error(s), ${w} warning(s).`,
    severity: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
  },
  ru: {
    chart: 'Чарт',
    storage: 'Значения хранилища',
    other: 'Остальные значения',
    unset: 'не задано, пример',
    notInChart: 'нет в чарте',
    freeForm: 'произвольный ключ',
    readNotListed: 'шаблоны читают, в values.yaml нет',
    uses: 'где используется',
    summary: (v: number, s: number, o: number, e: number, w: number) =>
      `Значений: ${v}, из них хранилища: ${s}; задано в файле значений: ${o}. Ошибок: ${e}, предупреждений: ${w}.`,
    severity: {
      error: 'ошибка',
      warning: 'предупреждение',
      information: 'информация',
      hint: 'подсказка',
    },
  },
} as const;

/**
 * What a key only the values file has is to the chart: unknown, read by name by the templates
 * (`persistence.existingClaim` that values.yaml leaves out), or under a map taken whole.
 */
function notListed(v: ValuesJson['values'][number], w: (typeof words)[Lang]): string {
  if (v.unknown) return w.notInChart;
  return v.uses.length ? w.readNotListed : w.freeForm;
}

function short(value: unknown): string {
  const text = value === undefined ? '' : JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

export function toValuesText(json: ValuesJson, lang: Lang): string {
  const w = words[lang];
  const lines: string[] = [];
  const version = json.chart.version ? ` ${json.chart.version}` : '';
  lines.push(`${w.chart}: ${json.chart.name}${version} (${json.chart.source})`);
  for (const p of json.problems) lines.push(`! ${plainText(p, lang)}`);
  for (const [title, storage] of [
    [w.storage, true],
    [w.other, false],
  ] as const) {
    const rows = json.values.filter((v) => v.storage === storage);
    if (!rows.length) continue;
    lines.push('', `${title}:`);
    for (const v of rows) {
      const value =
        v.example !== null
          ? `(${w.unset}: ${v.example.split('\n')[0]})`
          : v.line === null
            ? `(${notListed(v, w)})`
            : v.type === 'object' &&
                json.values.some((c) => c.keys.length > v.keys.length && c.path.startsWith(v.path))
              ? '{...}'
              : short(v.default);
      const override = v.overridden
        ? ` -> ${short(v.override)}${v.differs && v.line !== null ? ' *' : ''}`
        : '';
      const comment = v.comment ? `  # ${v.comment.split('\n')[0]}` : '';
      lines.push(`  ${v.path} = ${value}${override} [${v.type}]${comment}`);
      if (v.uses.length) {
        lines.push(
          `      ${w.uses}: ${v.uses
            .map((u) => `${u.file}:${u.line}`)
            .slice(0, 4)
            .join(', ')}${v.uses.length > 4 ? ', ...' : ''}`,
        );
      }
    }
  }
  if (json.valuesFile) {
    lines.push('');
    for (const d of json.diagnostics) {
      const { line, character } = d.range.start;
      lines.push(
        `${json.valuesFile}:${line + 1}:${character + 1}: ${w.severity[d.severity]} [${d.code}] ${plainText(d.message, lang)}`,
      );
    }
  }
  const s = json.summary;
  lines.push('', w.summary(s.values, s.storage, s.overridden, s.errors, s.warnings));
  return lines.join('\n') + '\n';
}

export async function runValues(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    '-f': {},
    '--values': {},
    '--format': { values: ['text', 'json'] },
    '--lang': { values: ['en', 'ru'] },
  });
  if (args.positional.length !== 1)
    throw new UsageError('values needs exactly one chart folder or .tgz');
  const lang = langFromFlags(args.flags);
  const format = args.flags.get('--format')?.[0] ?? 'text';
  const valuesFile = args.flags.get('-f')?.[0] ?? args.flags.get('--values')?.[0];

  let source;
  try {
    source = await withSubcharts(await readChart(args.positional[0]!));
  } catch (e) {
    if (e instanceof ChartSourceError) {
      io.err(`kube-storage values: ${plainText(e.text[lang], lang)}\n`);
      return 2;
    }
    throw e;
  }
  let overrideText: string | undefined;
  if (valuesFile) {
    try {
      overrideText = await fs.readFile(valuesFile, 'utf8');
    } catch {
      throw new UsageError(`cannot read the values file ${valuesFile}`);
    }
  }
  const json = toValuesJson(helmInspect(source.files, overrideText), lang, source, valuesFile);
  io.out(format === 'json' ? JSON.stringify(json, null, 2) + '\n' : toValuesText(json, lang));
  return json.summary.errors > 0 ? 1 : 0;
}
