/**
 * `helm template` of a local chart with the user's values, for the language server and the CLI.
 *
 * - Local charts only: a folder or a .tgz that exists, passed to helm as an absolute path (so it
 *   is never taken for a repository reference); helm runs with the network made unreachable (see
 *   process.ts) and is never asked to update dependencies: a missing one is reported with the
 *   advice to run `helm dependency build`.
 * - The values files (unsaved editor text counts) are merged the way helm merges `-f` files and
 *   given to helm on its standard input (`--values=-`): nothing is written to disk.
 * - The user's render is the only one made up front. A render with value markers, which tells
 *   which value produced which field (service/rendered/attribution.ts), is made later and only
 *   when asked (`markValues`, see trace.ts: when findings need a value to explain them), with
 *   markers on the values asked for. It may fail (a chart that rejects a marker); the findings
 *   are then traced to templates only.
 * - Results are cached by the chart's content, the values texts, the `--set` pairs, the release,
 *   the namespace and the helm binary; the renders with markers by the values marked, beside
 *   them. The chart's files are read again only when a file of the chart changed (size, time).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  fileLayerData,
  MergedValues,
  mergeValuesFiles,
  valuesFileProblem,
  perturbation,
  renderProblem,
  renderedTemplates,
  valuePathText,
  withNamespace,
  type MarkedRender,
  type RenderFailure,
  type RenderProblem,
  type RenderSubject,
  type ValueLeaf,
  type ValuesLayer,
} from '../../service/rendered';
import { ChartSourceError, isChartArchiveName, readChart, type ChartSource } from '../charts';
import {
  DEFAULT_HELM_MAX_BUFFER,
  DEFAULT_HELM_TIMEOUT_MS,
  HelmProcessError,
  runHelmProcess,
  valuesInput,
} from './process';
import { renderOffline, SKIP_SCHEMA_VALIDATION } from './remoteSchema';
import { withSubcharts } from './subcharts';
import { templateFlags } from './capabilities';
import { checkRenderNames } from './renderNames';

export { checkRenderNames } from './renderNames';

export interface RenderValuesFile {
  /** The file on disk (shown in messages). */
  path: string;
  /** Its text when the editor has unsaved changes; else it is read from disk. */
  text?: string;
}

export interface RenderRequest {
  helmPath: string;
  trusted: boolean;
  /** A chart folder, its Chart.yaml, or a packaged .tgz. */
  chart: string;
  values: RenderValuesFile[];
  set: string[];
  release: string;
  namespace: string;
  /** The values file whose Problems get the findings (the LSP's open file). */
  primaryUri?: string;
  /** Identity of the render in the service; defaults to the chart and values paths. */
  key?: string;
  /** A values file's name in messages, from its path (default: `<folder>/values.yaml`, `x.yaml`). */
  labelPath?: (path: string) => string;
  timeoutMs?: number;
  maxBuffer?: number;
}

export type RenderOutcome =
  | {
      ok: true;
      subject: RenderSubject;
      output: string;
      /** The templates that printed objects (`templates/pvc.yaml`; see renderedTemplates). */
      templates: string[];
      /**
       * Renders again with markers on these values (the same inputs otherwise); undefined when
       * that render fails or is too slow. Cached by the values marked.
       */
      markValues(leaves: readonly ValueLeaf[]): Promise<MarkedRender | undefined>;
      /** True when the result came from the cache. */
      cached: boolean;
      /** What the render could not do offline (see remoteSchema.ts). */
      note?: RenderProblem;
    }
  | { ok: false; subject: RenderSubject; problem: RenderProblem; cached: boolean };

/**
 * A render with markers may take this long, or three times the user's render when that is
 * longer (never more than the timeout, nor 10 s): a chart that loops or stalls on a marker is
 * stopped, and its findings are traced to templates only.
 */
const MARKED_MIN_TIMEOUT_MS = 2000;
const MARKED_MAX_TIMEOUT_MS = 10_000;
/** Renders with markers kept per render (different findings ask for different values). */
const MARKED_CACHE_SIZE = 4;

interface CacheEntry {
  fingerprint: string;
  outcome: RenderOutcome;
}

/** Renders charts and remembers the last results (a few charts are worked on at a time). */
export class HelmRenderer {
  private readonly cache = new Map<string, CacheEntry>();
  /** The chart's files as last read, by chart path, with the stamp of the folder then. */
  private readonly sources = new Map<string, { stamp: string; source: ChartSource }>();

  constructor(private readonly maxEntries = 16) {}

  /** The chart's files: read again only when a file of the chart changed since the last read. */
  private async readSource(chartPath: string): Promise<{ stamp: string; source: ChartSource }> {
    const stamp = await chartStamp(chartPath);
    const hit = this.sources.get(chartPath);
    if (stamp && hit?.stamp === stamp) return hit;
    // With the templates of unpacked subcharts: findings on what they print are traced to them.
    const read = { stamp, source: await withSubcharts(await readChart(chartPath)) };
    if (stamp) {
      this.sources.delete(chartPath);
      this.sources.set(chartPath, read);
      while (this.sources.size > this.maxEntries)
        this.sources.delete(this.sources.keys().next().value!);
    }
    return read;
  }

  async render(request: RenderRequest): Promise<RenderOutcome> {
    const chartPath = resolve(request.chart);
    const key = request.key ?? `${chartPath}|${request.values.map((v) => v.path).join('|')}`;
    const emptySubject: RenderSubject = {
      key,
      chartName: basename(chartPath),
      release: request.release,
      templates: new Map(),
      merged: new MergedValues([]),
      primaryUri: request.primaryUri,
    };
    let source: ChartSource;
    let stamp: string;
    try {
      ({ source, stamp } = await this.readSource(chartPath));
    } catch (e) {
      const detail = e instanceof ChartSourceError ? e.text.en : String(e);
      const failure: RenderFailure =
        e instanceof ChartSourceError && e.code === 'notFound'
          ? { reason: 'notLocal', detail: request.chart }
          : { reason: 'failed', detail };
      return {
        ok: false,
        subject: emptySubject,
        problem: renderProblem(failure, undefined, new Map()),
        cached: false,
      };
    }
    // Named as the file is (a folder unlike its chart's name: `charts-x/values.yaml`, not `x/…`).
    const yml = !source.files.has('values.yaml') && source.files.has('values.yml');
    const valuesName = yml ? 'values.yml' : 'values.yaml';
    const valuesPath = join(source.path, valuesName);
    const layers: ValuesLayer[] = [
      {
        kind: 'chart',
        label: request.labelPath?.(valuesPath) ?? `${basename(source.path)}/${valuesName}`,
        text: source.files.get(valuesName) ?? '',
        ...(source.kind === 'folder' ? { uri: pathToFileURL(valuesPath).href } : {}),
      },
    ];
    for (const file of request.values) {
      let text = file.text;
      if (text === undefined) {
        try {
          text = await fs.readFile(file.path, 'utf8');
        } catch {
          return {
            ok: false,
            subject: emptySubject,
            problem: renderProblem(
              { reason: 'failed', detail: `open ${file.path}: no such file or directory` },
              undefined,
              new Map(),
            ),
            cached: false,
          };
        }
      }
      layers.push({
        kind: 'file',
        label: request.labelPath?.(resolve(file.path)) ?? basename(file.path),
        uri: pathToFileURL(resolve(file.path)).href,
        text,
      });
    }
    if (request.set.length) layers.push({ kind: 'set', label: '--set', pairs: request.set });
    // The merged values (parsing the chart's values.yaml) are worked out while helm runs.
    const subjectOf = (): RenderSubject => ({
      key,
      chartName: source.name,
      release: request.release,
      ...(source.kind === 'folder' ? { chartUri: pathToFileURL(source.path + '/').href } : {}),
      templates: source.files,
      merged: new MergedValues(layers),
      primaryUri: request.primaryUri,
    });
    const fingerprint = renderFingerprint(stamp, source.files, request, layers);
    const hit = this.cache.get(key);
    if (hit?.fingerprint === fingerprint) return { ...hit.outcome, cached: true };
    const outcome = await this.run(
      request,
      source.kind === 'folder' ? source.path : chartPath,
      layers,
      subjectOf,
    );
    this.cache.delete(key);
    this.cache.set(key, { fingerprint, outcome });
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return outcome;
  }

  private async run(
    request: RenderRequest,
    chartPath: string,
    layers: readonly ValuesLayer[],
    subjectOf: () => RenderSubject,
  ): Promise<RenderOutcome> {
    const fail = (failure: RenderFailure, subject = subjectOf()) => ({
      ok: false as const,
      subject,
      problem: renderProblem(failure, subject.merged, subject.templates),
      cached: false,
    });
    const badName = checkRenderNames(request.release, request.namespace);
    if (badName) return fail({ reason: 'failed', detail: badName });
    if (!request.trusted) return fail({ reason: 'untrusted', detail: '' });
    const files = fileLayerData(layers);
    if ('error' in files) {
      const subject = subjectOf();
      return {
        ok: false,
        subject,
        problem: valuesFileProblem(subject.merged, files.layer, files.error),
        cached: false,
      };
    }
    // The values files go to helm merged into one, on its standard input: nothing is written.
    const userValues = mergeValuesFiles(files.data);
    const base = ['template', request.release, chartPath, ...templateFlags(request.namespace)];
    const options = {
      helmPath: /[\\/]/.test(request.helmPath) ? resolve(request.helmPath) : request.helmPath,
      trusted: request.trusted,
      offline: true,
      timeoutMs: request.timeoutMs ?? DEFAULT_HELM_TIMEOUT_MS,
      maxBuffer: request.maxBuffer ?? DEFAULT_HELM_MAX_BUFFER,
    };
    const started = Date.now();
    const baseline = renderOffline([...base, ...request.set.map((p) => `--set=${p}`)], {
      ...options,
      input: valuesInput(userValues),
    });
    // helm runs in its own process: meanwhile the values are merged.
    baseline.catch(() => undefined);
    const subject = subjectOf();
    let output: string;
    let note: RenderProblem | undefined;
    try {
      ({ output, note } = await baseline);
      // The renders with markers are made as this one was.
      if (note) base.push(SKIP_SCHEMA_VALIDATION);
    } catch (e) {
      if (e instanceof HelmProcessError) {
        const detail = e.reason === 'tooLarge' ? formatLimit(options.maxBuffer) : e.detail;
        return fail({ reason: e.reason, detail }, subject);
      }
      return fail({ reason: 'failed', detail: String(e) }, subject);
    }
    const markedTimeout = Math.min(
      options.timeoutMs,
      MARKED_MAX_TIMEOUT_MS,
      Math.max(MARKED_MIN_TIMEOUT_MS, 3 * (Date.now() - started)),
    );
    const markedRenders = new Map<string, Promise<MarkedRender | undefined>>();
    const renderMarked = async (leaves: readonly ValueLeaf[]) => {
      const marks = perturbation(subject.merged, leaves, request.set);
      try {
        const marked = await runHelmProcess([...base, ...marks.setPairs.map((p) => `--set=${p}`)], {
          ...options,
          timeoutMs: markedTimeout,
          input: valuesInput(mergeValuesFiles([userValues, marks.overlay])),
        });
        return { output: withNamespace(marked, request.namespace), perturbation: marks };
      } catch {
        return undefined;
      }
    };
    return {
      ok: true,
      subject,
      output: withNamespace(output, request.namespace),
      templates: renderedTemplates(output),
      ...(note ? { note } : {}),
      markValues(leaves) {
        if (!leaves.length) return Promise.resolve(undefined);
        const id = leaves.map((l) => `${l.layer}:${valuePathText(l.path)}`).join('\n');
        let run = markedRenders.get(id);
        if (!run) {
          run = renderMarked(leaves);
          markedRenders.set(id, run);
          while (markedRenders.size > MARKED_CACHE_SIZE)
            markedRenders.delete(markedRenders.keys().next().value!);
        }
        return run;
      },
      cached: false,
    };
  }
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} B`;
}

/**
 * The inputs of a render: the chart's content (its stamp, see chartStamp; the files read, by
 * their text), the values texts and the arguments.
 */
function renderFingerprint(
  stamp: string,
  files: ReadonlyMap<string, string>,
  request: RenderRequest,
  layers: readonly ValuesLayer[],
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([request.helmPath, request.release, request.namespace, request.set]));
  for (const layer of layers) hash.update(`\0${layer.kind}\0${layer.label}\0${layer.text ?? ''}`);
  hash.update(`\0${stamp}`);
  if (!stamp)
    for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b)))
      hash.update(`\0${path}\0${text}`);
  return hash.digest('hex');
}

/**
 * What tells that a chart changed, without reading it: every file of the folder (the vendored
 * dependencies in charts/ too) by size and modification time; a .tgz by its bytes. '' when the
 * chart cannot be looked at (reading it then says why).
 */
async function chartStamp(chartPath: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(chartPath);
  } catch {
    return '';
  }
  if (stat.isFile() && isChartArchiveName(chartPath)) {
    try {
      return createHash('sha256')
        .update(await fs.readFile(chartPath))
        .digest('hex');
    } catch {
      return '';
    }
  }
  const root = stat.isDirectory() ? chartPath : dirname(chartPath);
  const stats: string[] = [];
  let budget = 5000;
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        if (--budget < 0 || entry.name === '.git') return;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path, `${rel}${entry.name}/`);
        if (!entry.isFile()) return;
        const stat = await fs.stat(path);
        stats.push(`${rel}${entry.name}:${stat.size}:${stat.mtimeMs}`);
      }),
    );
  };
  await walk(root, '');
  return budget < 0 ? '' : stats.sort().join('\n');
}
