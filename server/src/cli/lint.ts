/** `kube-storage lint <files or folders...> [--format text|json|sarif] [--lang en|ru]` */
import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  defaultDiagnosticSettings,
  type KubeDiagnostic,
  type Lang,
  type RuleSettings,
} from '../service';
import { normalizeRuleSettings } from '../settings';
import { parseArgs } from './args';
import { collectFiles, fileUri, UsageError } from './files';
import { claimsFrom } from '../node/claims';
import { indexShare, lintInWorkers, MIN_FILES_FOR_WORKERS } from './lintWorkers';
import {
  displayPath,
  summarize,
  toJson,
  skippedNotice,
  toSarif,
  toText,
  type CheckedSummary,
  type FileReport,
} from './output';
import { cliService, langFromFlags, type CliIO } from './common';
import { runSingleThreaded, runsBetterSingleThreaded } from './v8Threads';
import { clusterFlags, clusterUsage, loadCluster } from './cluster';
import {
  chartCheckedFiles,
  chartFlags,
  chartReports,
  chartUsage,
  loadChart,
  traceChart,
  type ChartRun,
} from './chart';
import { chartValuesReports, SET_LABEL } from './chartValues';
import { byPosition } from '../service/diagnostics/fileDiagnostics';
import { PRODUCT_VERSION } from '../version';

export const lintUsage = `kube-storage lint <files or folders...> [--format text|json|sarif] [--lang en|ru] [--settings <settings.json>] [--rule <id>=<error|warning|information|hint|off>]... [--jobs <threads>] ${clusterUsage} ${chartUsage}`;

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    '--format': { values: ['text', 'json', 'sarif'] },
    '--lang': { values: ['en', 'ru'] },
    '--settings': {},
    '--rule': { repeat: true },
    '--jobs': {},
    ...clusterFlags,
    ...chartFlags,
  });
  if (!args.positional.length && !args.flags.has('--chart'))
    throw new UsageError('lint needs at least one file or folder');
  const lang: Lang = langFromFlags(args.flags);
  const format = args.flags.get('--format')?.[0] ?? 'text';

  const settings = {
    ...defaultDiagnosticSettings,
    rules: await ruleSettingsFromFlags(
      args.flags.get('--settings')?.[0],
      args.flags.get('--rule') ?? [],
    ),
  };
  const service = cliService();
  const snapshots = await loadCluster(service, args.flags);
  // A snapshot is not a manifest to check: it is reported only when its YAML cannot be read.
  const collected = collectFiles(args.positional);
  const paths = collected.paths.filter((p) => !snapshots.includes(p));
  const { skipped } = collected;
  const jobs = jobsFor(args.flags, paths.length);
  // This bundle again, in a process without V8's background threads (cli/v8Threads.ts).
  if (runsBetterSingleThreaded(jobs, availableParallelism(), process.execArgv, __filename)) {
    const code = await runSingleThreaded(__filename, ['lint', ...argv], io);
    if (code !== undefined) return code;
  }
  for (const file of skipped) io.err(`kube-storage lint: ${skippedNotice(file, lang)}\n`);
  let reports: FileReport[];
  let chart: Awaited<ReturnType<typeof loadChart>> | undefined;
  if (jobs > 1) {
    // The workers read the files themselves.
    const diagnostics = await lintInWorkers(paths, paths.map(fileUri), settings, jobs);
    reports = paths.map((path, i) => ({ file: displayPath(path), diagnostics: diagnostics[i]! }));
  } else {
    // Read (in turn, as a thread reads its files), parsed and indexed as a worker does, with one
    // thread taking every file.
    const uris = paths.map(fileUri);
    const claim = claimsFrom(new Int32Array(1), paths.length);
    indexShare({ uris, texts: [], paths, settings, claim }, service);
    // The chart is rendered with helm and checked together with the files (cli/chart.ts).
    chart = await loadChart(service, args.flags);
    reports = paths.map((path, i) => ({
      file: displayPath(path),
      // A rendered chart's findings are reported once, where chartReports puts them.
      diagnostics: service.getDiagnostics(uris[i]!, settings).filter((d) => !d.data?.rendered),
    }));
  }
  for (const path of snapshots) {
    const diagnostics = service.getDiagnostics(fileUri(path), settings);
    if (diagnostics.length) reports.push({ file: displayPath(path), diagnostics });
  }
  const chartArg = args.flags.get('--chart')?.[0];
  if (chart && chartArg) {
    await traceChart(service, chart, settings);
    addReports(reports, chartReports(service, chart, chartArg, settings));
    // The values files and `--set` pairs checked against the chart, as `values` and the editor do.
    const values = chartValuesReports(service, chart, settings);
    addReports(reports, values);
    // helm's own copy of a values schema error that `helm-values-schema` already reports.
    for (const file of new Set(values.map((r) => r.file))) {
      const report = reports.find((r) => r.file === file)!;
      report.diagnostics = withoutSchemaCopy(report.diagnostics);
    }
  }
  // Each file's findings in the order of their lines (schema before rules on the same spot).
  for (const report of reports) report.diagnostics = [...report.diagnostics].sort(byPosition);

  if (format === 'json') io.out(JSON.stringify(toJson(reports, lang, skipped), null, 2) + '\n');
  else if (format === 'sarif')
    io.out(JSON.stringify(toSarif(reports, lang, PRODUCT_VERSION, skipped), null, 2) + '\n');
  else
    io.out(
      toText(reports, lang, {
        ...checkedSummary(reports, chart, chartArg),
        ...(skipped.length ? { skipped: skipped.length } : {}),
      }),
    );
  // A file named to be checked and too large to be is a failure, as an error in it would be.
  return summarize(reports).errors > 0 || skipped.some((s) => s.named) ? 1 : 0;
}

/** The most threads `lint` takes by itself: every worker indexes every file (memory, repeated work). */
export const DEFAULT_MAX_JOBS = 4;

/**
 * Threads to check with: `--jobs`, by default the cores available up to `DEFAULT_MAX_JOBS`; the
 * output is the same with any number. Workers each index every file, so they pay off on large
 * workspaces only; a chart or a cluster snapshot (any of their flags) is checked on one thread.
 */
export function jobsFor(
  flags: Map<string, string[]>,
  files: number,
  cores = availableParallelism(),
): number {
  const value = flags.get('--jobs')?.[0];
  const jobs = value === undefined ? Math.min(cores, DEFAULT_MAX_JOBS) : Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UsageError(`--jobs must be a whole number from 1 to 64, got ${value}`);
  // Also a chart's flags without --chart: loadChart reports them on the one-thread path.
  const oneThread = [...Object.keys(chartFlags), ...Object.keys(clusterFlags)].some((f) =>
    flags.has(f),
  );
  return oneThread || files < MIN_FILES_FOR_WORKERS ? 1 : jobs;
}

/**
 * What was checked: every file reported on (the files given are reported even without a finding)
 * and, for a chart that rendered, its templates that printed objects and its values files.
 */
export function checkedSummary(
  reports: readonly FileReport[],
  chart: ChartRun | undefined,
  chartArg: string | undefined,
): CheckedSummary {
  // `--set` findings are reported under its name, which is no file.
  const files = new Set(reports.filter((r) => r.file !== SET_LABEL).map((r) => r.file));
  const checked = chart && chartArg ? chartCheckedFiles(chart, chartArg) : undefined;
  if (!chart || !checked) return { files: files.size };
  for (const file of [...checked.templates, ...checked.valuesFiles]) files.add(file);
  return {
    files: files.size,
    chart: {
      name: chart.subject.chartName,
      templates: checked.templates.length,
      valuesFiles: checked.valuesFiles.length,
    },
  };
}

/** Adds the chart's reports, merged into a file's report when that file was linted too. */
/**
 * helm's own schema failure when it names one value and `helm-values-schema` already reports that
 * value on the same line: one mistake, one error. Likewise a size that is not a quantity: the
 * rendered claim's `invalid-quantity`, traced to the value's line, says it; the values check
 * (`helm-values-invalid-size`, for the editor without helm) is then left out.
 */
function withoutSchemaCopy(diagnostics: readonly KubeDiagnostic[]): KubeDiagnostic[] {
  const linesOf = (code: string) =>
    new Set(diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line));
  const schemaLines = linesOf('helm-values-schema');
  const quantityLines = linesOf('invalid-quantity');
  return diagnostics.filter(
    (d) =>
      !(
        d.code === 'helm-render-failed' &&
        d.data?.schemaPaths === 1 &&
        schemaLines.has(d.range.start.line)
      ) && !(d.code === 'helm-values-invalid-size' && quantityLines.has(d.range.start.line)),
  );
}

function addReports(reports: FileReport[], more: FileReport[]): void {
  for (const report of more) {
    const same = reports.find((r) => r.file === report.file);
    if (!same) {
      reports.push(report);
      continue;
    }
    const seen = new Set(
      same.diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.message.en}`),
    );
    for (const d of report.diagnostics)
      if (!seen.has(`${d.range.start.line}:${d.code}:${d.message.en}`)) same.diagnostics.push(d);
  }
}

/**
 * Rule settings for CI: a JSON file in the VS Code form (`.vscode/settings.json` with
 * `"kubeStorage.rules.severity"` / `"kubeStorage.rules.knownObjects"`, or nested `kubeStorage.rules`;
 * `"kubeStorage.policy.*"` or nested `kubeStorage.policy`), then `--rule id=level` flags on top.
 */
async function ruleSettingsFromFlags(
  file: string | undefined,
  rules: string[],
): Promise<RuleSettings> {
  let raw: Record<string, unknown> = {};
  let policy: Record<string, unknown> = {};
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch (e) {
      throw new UsageError(
        `cannot read settings ${file}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const j = (json ?? {}) as Record<string, unknown>;
    const nested = ((j.kubeStorage as Record<string, unknown> | undefined)?.rules ?? {}) as Record<
      string,
      unknown
    >;
    raw = {
      severity: j['kubeStorage.rules.severity'] ?? nested.severity,
      knownObjects: j['kubeStorage.rules.knownObjects'] ?? nested.knownObjects,
    };
    policy = policyFromSettingsJson(j);
  }
  const severity = { ...((raw.severity as Record<string, unknown> | undefined) ?? {}) };
  for (const rule of rules) {
    const [id, level] = rule.split('=');
    if (!id || !level) throw new UsageError(`--rule needs <id>=<level>, got ${rule}`);
    severity[id] = level;
  }
  return normalizeRuleSettings({ ...raw, severity }, policy);
}

/** `kubeStorage.policy.<key>` flat keys (VS Code form) over a nested `kubeStorage.policy` object. */
function policyFromSettingsJson(j: Record<string, unknown>): Record<string, unknown> {
  const nested = (j.kubeStorage as Record<string, unknown> | undefined)?.policy;
  const policy: Record<string, unknown> = {
    ...(nested && typeof nested === 'object' ? nested : {}),
  };
  const prefix = 'kubeStorage.policy.';
  for (const [key, value] of Object.entries(j)) {
    if (key.startsWith(prefix)) policy[key.slice(prefix.length)] = value;
  }
  return policy;
}
