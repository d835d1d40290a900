/**
 * Render + check of a chart vs `helm template` alone, in one run (issue 16: ≤ 1.5×).
 *
 *   node --require ./test/support/register-yaml.cjs --import tsx bench/helm-render.ts [chart dir] [rounds]
 *
 * The chart defaults to bitnami/postgresql from /work/corpus with its `common` dependency copied
 * into charts/ (as /work/corpus/render.sh does). "helm alone" is `helm template` with the same
 * arguments; "render + check" is HelmRenderer (both renders: the user's and the one with value
 * markers, side by side) plus every finding of the rendered objects traced back; "without
 * markers" is the same with the second render off (findings traced to templates only). The
 * renderer is new each round, so no render comes from its cache (the parsed chart values.yaml
 * does, as it does while a values file is edited).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { HelmRenderer } from '../server/src/node/helm/render';
import { offlineEnvironment } from '../server/src/node/helm/process';
import { getLanguageService } from '../server/src/service';
import { realTool } from '../test/support/tools';

const helm = realTool('helm');
if (!helm.path) throw new Error(`no helm: ${helm.missing}`);
const corpus = '/work/corpus/bitnami+charts/bitnami';
const source = resolve(process.argv[2] ?? join(corpus, 'postgresql'));
const rounds = Number(process.argv[3] ?? 10);

const work = mkdtempSync(join(tmpdir(), 'ks-bench-helm-'));
const chart = join(work, basename(source));
cpSync(source, chart, { recursive: true });
if (existsSync(join(corpus, 'common')) && !existsSync(join(chart, 'charts', 'common')))
  cpSync(join(corpus, 'common'), join(chart, 'charts', 'common'), { recursive: true });
const values = join(work, 'my-values.yaml');
writeFileSync(values, 'primary:\n  persistence:\n    size: 20GB\n');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const alone: number[] = [];
  const full: number[] = [];
  const unmarked: number[] = [];
  let findings = 0;
  let traced = 0;
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    execFileSync(
      helm.path!,
      ['template', 'bench', chart, '--namespace=db', '--skip-tests', '--values', values],
      {
        env: offlineEnvironment(),
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    alone.push(performance.now() - t);

    t = performance.now();
    const plain = await new HelmRenderer().render({
      helmPath: helm.path!,
      trusted: true,
      chart,
      values: [{ path: values }],
      set: [],
      release: 'bench',
      namespace: 'db',
      attribute: false,
    });
    if (!plain.ok) throw new Error(plain.problem.message.en);
    const check = getLanguageService();
    check.rendered.setRendered(plain.subject, plain.output);
    check.rendered.traced(plain.subject.key, {
      findings: (uri) => check.getDiagnostics(uri),
      stamp: String(i),
    });
    unmarked.push(performance.now() - t);

    t = performance.now();
    const outcome = await new HelmRenderer().render({
      helmPath: helm.path!,
      trusted: true,
      chart,
      values: [{ path: values }],
      set: [],
      release: 'bench',
      namespace: 'db',
    });
    if (!outcome.ok) throw new Error(outcome.problem.message.en);
    const service = getLanguageService();
    service.rendered.setRendered(outcome.subject, outcome.output, outcome.marked);
    const list = service.rendered.traced(outcome.subject.key, {
      findings: (uri) => service.getDiagnostics(uri),
      stamp: String(i),
    });
    full.push(performance.now() - t);
    findings = list.length;
    traced = list.filter((f) => f.trace.values.length).length;
  }
  const a = median(alone);
  const f = median(full);
  const u = median(unmarked);
  console.log(
    JSON.stringify(
      {
        chart: basename(source),
        rounds,
        helmTemplateMs: Math.round(a),
        renderAndCheckMs: Math.round(f),
        ratio: Number((f / a).toFixed(2)),
        renderAndCheckWithoutMarkersMs: Math.round(u),
        ratioWithoutMarkers: Number((u / a).toFixed(2)),
        findings,
        tracedToValues: traced,
        cpus: cpus().length,
        loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      },
      null,
      2,
    ),
  );
}

void main();
