/**
 * Render + check of a chart vs `helm template` alone, in one run (issue 16: ≤ 1.5×).
 *
 *   node --require ./test/support/register-yaml.cjs --import tsx bench/helm-render.ts [chart dir] [rounds] [--runs N] [--write]
 *
 * The chart defaults to bitnami/postgresql from /work/corpus with its `common` dependency copied
 * into charts/ (as /work/corpus/render.sh does). Each round, the same values file is rendered by
 * `helm template` alone and by kube-storage the way the language server does it while the user
 * types: one renderer and one language service for the whole run (as in the editor), a values
 * text that differs each round (so no render and no check comes from a cache), then every
 * finding of the rendered objects checked and traced back (node/helm/trace.ts: a second render
 * with value markers only when a finding could come from a value). Two cases:
 *
 * - "clean": a valid size (`20Gi`): no finding needs a value, helm runs once;
 * - "traced": a wrong size (`20GB`): the finding is traced to its line by a second render.
 *
 * helm alone and the two cases alternate within each round, so load on the machine hits them
 * alike; medians are reported with the load average. `--runs N` repeats the whole measure N
 * times; `--write` puts the runs into bench/RESULTS.md, in the block between the helm-render
 * markers (bench/lsp-driver.ts keeps that block when it rewrites the file).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { HelmRenderer } from '../server/src/node/helm/render';
import { offlineEnvironment } from '../server/src/node/helm/process';
import { traceFindings } from '../server/src/node/helm/trace';
import { defaultDiagnosticSettings, getLanguageService } from '../server/src/service';
import { realTool } from '../test/support/tools';

const helm = realTool('helm');
if (!helm.path) throw new Error(`no helm: ${helm.missing}`);
const corpus = '/work/corpus/bitnami+charts/bitnami';
const flags = process.argv.slice(2);
const runsAt = flags.indexOf('--runs');
const runs = runsAt >= 0 ? Number(flags.splice(runsAt, 2)[1]) : 1;
const write = flags.includes('--write');
const positional = flags.filter((f) => f !== '--write');
const source = resolve(positional[0] ?? join(corpus, 'postgresql'));
const rounds = Number(positional[1] ?? 10);

const work = mkdtempSync(join(tmpdir(), 'ks-bench-helm-'));
const chart = join(work, basename(source));
cpSync(source, chart, { recursive: true });
if (existsSync(join(corpus, 'common')) && !existsSync(join(chart, 'charts', 'common')))
  cpSync(join(corpus, 'common'), join(chart, 'charts', 'common'), { recursive: true });
const values = join(work, 'my-values.yaml');

/** The values file of a round: a size that is valid or not, and a comment that changes. */
function valuesText(round: number, size: string): string {
  return `# round ${round}\nprimary:\n  persistence:\n    size: ${size}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const renderer = new HelmRenderer();
const service = getLanguageService();

function helmAlone(): number {
  const t = performance.now();
  execFileSync(
    helm.path!,
    ['template', 'bench', chart, '--namespace=db', '--skip-tests', '--values', values],
    { env: offlineEnvironment(), maxBuffer: 64 * 1024 * 1024 },
  );
  return performance.now() - t;
}

/** Render + check + trace, as the language server does after an edit. */
async function renderAndCheck(
  round: number,
  size: string,
): Promise<{ ms: number; findings: number; traced: number; helmRuns: number }> {
  const t = performance.now();
  const outcome = await renderer.render({
    helmPath: helm.path!,
    trusted: true,
    chart,
    values: [{ path: values, text: valuesText(round, size) }],
    set: [],
    release: 'bench',
    namespace: 'db',
    key: 'bench',
  });
  if (!outcome.ok) throw new Error(outcome.problem.message.en);
  service.setRendered(outcome.subject, outcome.output);
  const second = await traceFindings(service, 'bench', outcome, defaultDiagnosticSettings);
  const list = service.tracedFindings('bench', defaultDiagnosticSettings);
  const ms = performance.now() - t;
  return {
    ms,
    findings: list.length,
    traced: list.filter((f) => f.trace.values.length).length,
    helmRuns: second ? 2 : 1,
  };
}

interface CaseResult {
  renderAndCheckMs: number;
  ratio: number;
  findings: number;
  tracedToValues: number;
  helmRuns: number;
}

interface RunResult {
  helmTemplateMs: number;
  clean: CaseResult;
  traced: CaseResult;
  loadAverage1m: { start: number; end: number };
}

async function measure(run: number): Promise<RunResult> {
  const alone: number[] = [];
  const clean: number[] = [];
  const traced: number[] = [];
  let cleanRun = { findings: 0, traced: 0, helmRuns: 0 };
  let tracedRun = { findings: 0, traced: 0, helmRuns: 0 };
  const loadBefore = loadavg()[0]!;
  // One warm-up round: the schemas and the chart's values.yaml are read once per server.
  writeFileSync(values, valuesText(-1, '20Gi'));
  helmAlone();
  await renderAndCheck(-1 - run, '20Gi');
  for (let i = 0; i < rounds; i++) {
    const round = run * rounds + i;
    writeFileSync(values, valuesText(round, '20Gi'));
    alone.push(helmAlone());
    const c = await renderAndCheck(round, '20Gi');
    clean.push(c.ms);
    cleanRun = c;
    const w = await renderAndCheck(round, '20GB');
    traced.push(w.ms);
    tracedRun = w;
  }
  const a = median(alone);
  const caseResult = (ms: number, r: typeof cleanRun): CaseResult => ({
    renderAndCheckMs: Math.round(ms),
    ratio: Number((ms / a).toFixed(2)),
    findings: r.findings,
    tracedToValues: r.traced,
    helmRuns: r.helmRuns,
  });
  return {
    helmTemplateMs: Math.round(a),
    clean: caseResult(median(clean), cleanRun),
    traced: caseResult(median(traced), tracedRun),
    loadAverage1m: {
      start: Number(loadBefore.toFixed(2)),
      end: Number(loadavg()[0]!.toFixed(2)),
    },
  };
}

const START = '<!-- helm-render:start -->';
const END = '<!-- helm-render:end -->';

function section(results: RunResult[]): string {
  const rows = results.map(
    (r, i) =>
      `| ${i + 1} | ${r.loadAverage1m.start.toFixed(1)} → ${r.loadAverage1m.end.toFixed(1)} | ${r.helmTemplateMs} ms | ${r.clean.renderAndCheckMs} ms | **${r.clean.ratio.toFixed(2)}×** | ${r.traced.renderAndCheckMs} ms | ${r.traced.ratio.toFixed(2)}× |`,
  );
  const worst = Math.max(...results.map((r) => r.clean.ratio));
  const last = results[results.length - 1]!;
  return `${START}
### Helm: render + check vs \`helm template\` alone

Measured on ${new Date().toISOString().slice(0, 10)} with \`bench/helm-render.ts --runs ${results.length} --write\`
(chart ${basename(source)} with its \`common\` dependency, ${rounds} rounds per run, medians; ${cpus().length}
cores shared with other work: the load average is in the table). Each round edits the values file
(nothing comes from a cache) and is rendered by \`helm template\` alone and, as the language server
does it, rendered, checked and traced: "clean" is a valid size (${last.clean.findings} findings, helm runs
${last.clean.helmRuns}×), "traced" a wrong size (${last.traced.findings} finding, traced to its value line by a
second render with markers on the one value that could explain it: helm runs ${last.traced.helmRuns}×).

| Run | Load (1 min) | helm template | clean | clean ÷ helm | traced | traced ÷ helm |
|---|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

Goal (issue 16): a typical render + check ≤ 1.5× \`helm template\`: ${worst.toFixed(2)}× at worst, ${worst <= 1.5 ? 'PASS' : 'MISS'}.
A finding traced to a value costs a second helm run after the first (the markers go on the values
that could explain the findings, known only once the first render is checked), so about 2× plus
the check.
${END}`;
}

async function main(): Promise<void> {
  const results: RunResult[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await measure(run);
    results.push(result);
    console.log(
      JSON.stringify({ chart: basename(source), rounds, cpus: cpus().length, ...result }, null, 2),
    );
  }
  if (!write) return;
  const file = join(__dirname, 'RESULTS.md');
  const text = readFileSync(file, 'utf8');
  const block = section(results);
  const at = text.indexOf(START);
  const end = text.indexOf(END);
  const goals = text.indexOf('\n## Goals');
  const next =
    at >= 0 && end > at
      ? text.slice(0, at) + block + text.slice(end + END.length)
      : goals >= 0
        ? `${text.slice(0, goals)}\n${block}\n${text.slice(goals)}`
        : `${text}\n${block}\n`;
  writeFileSync(file, next);
}

void main();
