/**
 * `--chart DIR|TGZ` with `-f FILE`…, `--set k=v`…, `--release NAME`, `--namespace NS` and
 * `--helm PATH` for `lint` and `bindings`: the chart is rendered with the real helm
 * (node/helm/render.ts) and its objects are checked together with the files and folders given.
 * Each finding on a rendered object is reported once: on the values line that produced it when
 * it is traced to one, else on the template file and line.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  mergedFinding,
  sameProblemKey,
  valuePathText,
  type DiagnosticSettings,
  type KubeDiagnostic,
  type LanguageService,
  type Range,
  type RenderSubject,
  type TracedFinding,
} from '../service';
import { HelmRenderer, checkRenderNames, type RenderOutcome } from '../node/helm/render';
import { traceFindings } from '../node/helm/trace';
import type { FlagSpec } from './args';
import { UsageError } from './files';
import { displayPath, type FileReport } from './output';

export const chartFlags: Record<string, FlagSpec> = {
  '--chart': {},
  '-f': { repeat: true },
  '--values': { repeat: true },
  '--set': { repeat: true },
  '--release': {},
  '--namespace': {},
  '--helm': {},
};

export const chartUsage =
  '[--chart <folder|.tgz> [-f <values.yaml>]... [--set <key=value>]... [--release <name>] [--namespace <ns>] [--helm <path>]]';

export interface ChartRun {
  subject: RenderSubject;
  /** False when helm failed: the problem is then the only report of the chart. */
  ok: boolean;
  namespace: string;
  /** The successful render (to trace its findings to values: traceChart). */
  outcome?: Extract<RenderOutcome, { ok: true }>;
}

/** The start of a (0-based) line, where a finding on a whole template or values line goes. */
function lineStart(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

const NO_RANGE: Range = lineStart(0);

/** Renders the chart of `--chart` into the service; undefined without `--chart`. */
export async function loadChart(
  service: LanguageService,
  flags: Map<string, string[]>,
): Promise<ChartRun | undefined> {
  const chart = flags.get('--chart')?.[0];
  const valuesFlags = [...(flags.get('-f') ?? []), ...(flags.get('--values') ?? [])];
  const set = flags.get('--set') ?? [];
  const release = flags.get('--release')?.[0] ?? 'release-name';
  const namespace = flags.get('--namespace')?.[0] ?? 'default';
  if (!chart) {
    for (const flag of ['-f', '--values', '--set', '--release', '--namespace', '--helm'])
      if (flags.has(flag)) throw new UsageError(`${flag} needs --chart`);
    return undefined;
  }
  const badName = checkRenderNames(release, namespace);
  if (badName) throw new UsageError(badName);
  for (const pair of set)
    if (!/^[^=\s]+=/.test(pair)) throw new UsageError(`--set needs <key>=<value>, got ${pair}`);
  const renderer = new HelmRenderer();
  const outcome = await renderer.render({
    helmPath: flags.get('--helm')?.[0] ?? process.env.KUBE_STORAGE_HELM ?? 'helm',
    // The user asked for this render on the command line.
    trusted: true,
    chart: resolve(chart),
    values: valuesFlags.map((path) => ({ path: isAbsolute(path) ? path : resolve(path) })),
    set,
    release,
    namespace,
    primaryUri: valuesFlags[0] ? pathToFileURL(resolve(valuesFlags[0])).href : undefined,
    key: `cli:${resolve(chart)}`,
    // Messages name the values files as the report does (`charts-x/values.yaml`).
    labelPath: displayPath,
  });
  if (!outcome.ok) {
    service.setRenderFailed(outcome.subject, outcome.problem);
    return { subject: outcome.subject, ok: false, namespace };
  }
  service.setRendered(outcome.subject, outcome.output, outcome.note);
  return { subject: outcome.subject, ok: true, namespace, outcome };
}

/** Traces the chart's findings to the values that produced them (a second render, if needed). */
export async function traceChart(
  service: LanguageService,
  run: ChartRun,
  settings: DiagnosticSettings,
): Promise<void> {
  if (!run.outcome) return;
  await traceFindings(service, run.subject.key, run.outcome, settings);
}

export function pathOfUri(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** A template's path on disk (`chart/templates/x.yaml`; inside a .tgz: `chart.tgz/templates/x.yaml`). */
function templatePath(run: ChartRun, chartArg: string, template: string): string {
  const base = run.subject.chartUri ? pathOfUri(run.subject.chartUri) : resolve(chartArg);
  return join(base, template);
}

/**
 * The files a rendered chart had checked, as shown (displayPath): the templates that printed
 * objects and the values files (the chart's values.yaml, the `-f` files). Undefined when the
 * render failed: then nothing of the chart was checked.
 */
export function chartCheckedFiles(
  run: ChartRun,
  chartArg: string,
): { templates: string[]; valuesFiles: string[] } | undefined {
  if (!run.ok || !run.outcome) return undefined;
  const templates = run.outcome.templates.map((t) => displayPath(templatePath(run, chartArg, t)));
  const valuesFiles: string[] = [];
  for (const layer of run.subject.merged.layers) {
    if (layer.kind === 'file' && layer.uri) valuesFiles.push(displayPath(pathOfUri(layer.uri)));
    else if (layer.kind === 'chart') {
      const name = ['values.yaml', 'values.yml'].find((n) => run.subject.templates.has(n));
      if (name) valuesFiles.push(displayPath(templatePath(run, chartArg, name)));
    }
  }
  return { templates: [...new Set(templates)], valuesFiles: [...new Set(valuesFiles)] };
}

/** The chart's findings (or its render failure) as reports, one per file they are reported on. */
export function chartReports(
  service: LanguageService,
  run: ChartRun,
  chartArg: string,
  settings: DiagnosticSettings,
): FileReport[] {
  const byFile = new Map<string, KubeDiagnostic[]>();
  const add = (file: string, d: KubeDiagnostic) => {
    const list = byFile.get(file) ?? [];
    list.push(d);
    byFile.set(file, list);
  };
  const key = run.subject.key;
  const problem = service.renderProblem(key);
  if (problem) {
    const { range, file } = failurePlace(run, chartArg, problem);
    // In CI a chart that cannot be rendered is an error, whatever the reason.
    const d: KubeDiagnostic = {
      range,
      severity: 'error',
      code: problem.code,
      message: problem.message,
      data: {
        rendered: {
          template: problem.template?.path ?? null,
          templateLine: problem.template?.line ?? null,
        },
        ...(problem.schemaPaths ? { schemaPaths: problem.schemaPaths.length } : {}),
      },
    };
    add(file, d);
  } else {
    const uri = service.renderedUriOf(key);
    const traced: TracedFinding[] = uri ? service.tracedFindings(key, settings) : [];
    for (const { file, range, group } of placedFindings(run, chartArg, traced)) {
      const rendered = cliTrace(run, chartArg, group[0]!);
      add(file, { ...mergedFinding(run.subject, group), data: { rendered }, range });
    }
  }
  const note = service.renderNote(key);
  if (note) {
    const { range, file } = failurePlace(run, chartArg, note);
    add(file, { range, severity: note.severity, code: note.code, message: note.message });
  }
  return [...byFile].map(([file, diagnostics]) => ({ file: displayPath(file), diagnostics }));
}

/**
 * Where each rendered finding is said: on the values line that produced it, else on its template
 * line, else on the chart. The same problem at the same place is said once (`mergedFinding`): one
 * value that several objects turned into one mistake, or one template line that a loop wrote
 * several times (a class on each claim template a `range` writes), as the editor says it.
 */
function placedFindings(
  run: ChartRun,
  chartArg: string,
  traced: readonly TracedFinding[],
): { file: string; range: Range; group: TracedFinding[] }[] {
  const places = new Map<string, { file: string; range: Range; group: TracedFinding[] }>();
  for (const finding of traced) {
    const { trace } = finding;
    const leaf = trace.values[0];
    const layer = leaf ? run.subject.merged.layers[leaf.layer] : undefined;
    let file = resolve(chartArg);
    let range = NO_RANGE;
    if (leaf && layer?.uri) [file, range] = [pathOfUri(layer.uri), leaf.range];
    else if (trace.template)
      [file, range] = [
        templatePath(run, chartArg, trace.template),
        lineStart(trace.templateLine ?? 0),
      ];
    const id = sameProblemKey(file, range, finding);
    const same = places.get(id);
    if (same) same.group.push(finding);
    else places.set(id, { file, range, group: [finding] });
  }
  return [...places.values()];
}

/** `data.rendered` of a finding in CLI terms: file paths as shown, 0-based lines. */
function cliTrace(
  run: ChartRun,
  chartArg: string,
  finding: TracedFinding,
): Record<string, unknown> {
  const { trace } = finding;
  return {
    object: trace.object ?? null,
    template: trace.template ? displayPath(templatePath(run, chartArg, trace.template)) : null,
    templateLine: trace.templateLine ?? null,
    values: trace.values.map((v) => {
      const layer = run.subject.merged.layers[v.layer]!;
      return {
        path: valuePathText(v.path),
        file: layer.uri ? displayPath(pathOfUri(layer.uri)) : null,
        line: layer.kind === 'set' ? null : v.range.start.line,
        set: v.pair ?? null,
      };
    }),
  };
}

/** A rendered object's place for `bindings`: the template file and line it comes from. */
export function renderedSource(
  service: LanguageService,
  run: ChartRun,
  chartArg: string,
  uri: string,
  range: Range,
): { uri: string; range: Range } | undefined {
  const found = service.traceRange(uri, range);
  if (!found?.trace.template) return undefined;
  return {
    uri: pathToFileURL(templatePath(run, chartArg, found.trace.template)).href,
    range: lineStart(found.trace.templateLine ?? 0),
  };
}

/**
 * Where helm's failure is reported: on the user's values file (the value's line there, else its
 * first line: that is where a value is set); without one, where the chart's values.yaml writes
 * the value, else the template line helm names, else the chart.
 */
function failurePlace(
  run: ChartRun,
  chartArg: string,
  problem: NonNullable<ReturnType<LanguageService['renderProblem']>>,
): { range: Range; file: string } {
  const site = problem.valueSite;
  const layer = site ? run.subject.merged.layers[site.layer] : undefined;
  if (site && layer?.kind === 'file' && layer.uri)
    return { range: site.range, file: pathOfUri(layer.uri) };
  const primary = run.subject.primaryUri;
  if (primary) return { range: NO_RANGE, file: pathOfUri(primary) };
  if (site && layer?.uri) return { range: site.range, file: pathOfUri(layer.uri) };
  const template = problem.template;
  if (template)
    return { range: lineStart(template.line), file: templatePath(run, chartArg, template.path) };
  return { range: NO_RANGE, file: resolve(chartArg) };
}
