/**
 * `kubeStorage/helmValues/inspect`: the Helm inspector's table of a chart (a folder or .tgz on
 * disk, or files the client sends) compared with a values file (the editor's text, else disk).
 */
import type {
  HelmInspectData,
  HelmInspectParams,
  HelmInspectResult,
  LocalizedText,
} from '../protocol';
import { ChartSourceError, readChart, readValuesFile } from '../node/charts';
import { withSubcharts } from '../node/helm/subcharts';
import { helmInspect, type ChartInspection } from '../service';
import { uriToPath } from './chartKeys';
import type { ServerContext } from './context';

/** A chart that cannot be read, in both languages. */
export function chartErrorText(e: unknown): LocalizedText {
  if (e instanceof ChartSourceError) return e.text;
  const detail = e instanceof Error ? e.message : String(e);
  return { en: `Cannot read the chart: ${detail}`, ru: `Не удалось прочитать чарт: ${detail}` };
}

interface InspectedChart {
  files: Map<string, string>;
  name: string;
  chartDir?: string;
  sourceLabel: string;
}

async function chartOf(params: HelmInspectParams): Promise<InspectedChart> {
  if (params.chart.kind === 'path') {
    const source = await withSubcharts(await readChart(params.chart.path));
    return {
      files: source.files,
      name: source.name,
      chartDir: source.kind === 'folder' ? source.path : undefined,
      sourceLabel: source.path,
    };
  }
  const files = Object.entries(params.chart.files).filter(([, v]) => typeof v === 'string');
  return { files: new Map(files), name: params.chart.name, sourceLabel: params.chart.name };
}

/** The values file's text: the editor's, else the file's on disk. */
async function valuesText(
  ctx: ServerContext,
  uri: string | undefined,
): Promise<string | undefined> {
  if (!uri) return undefined;
  const open = ctx.documents.get(uri)?.getText();
  if (open !== undefined) return open;
  const path = uriToPath(uri);
  return path ? await readValuesFile(path) : undefined;
}

export async function inspect(
  ctx: ServerContext,
  params: HelmInspectParams,
): Promise<HelmInspectResult> {
  try {
    const { files, name, chartDir, sourceLabel } = await chartOf(params);
    const result = helmInspect(files, await valuesText(ctx, params.valuesUri));
    return { ok: true, data: inspectData(result, name, chartDir, sourceLabel, params.valuesUri) };
  } catch (e) {
    ctx.log(`kube-storage: inspect failed: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, error: chartErrorText(e) };
  }
}

function inspectData(
  result: ChartInspection,
  name: string,
  chartDir: string | undefined,
  sourceLabel: string,
  valuesUri: string | undefined,
): HelmInspectData {
  return {
    chart: { ...result.chart, name: result.chart.name ?? name },
    ...(chartDir ? { chartDir } : {}),
    sourceLabel,
    hasSchema: result.hasSchema,
    defaultsText: result.defaultsText,
    storageBlock: result.storageBlock,
    rows: result.rows.map((row) => ({
      ...row,
      ...(row.storageKind && result.storageTexts[row.storageKind]
        ? { storageText: result.storageTexts[row.storageKind] }
        : {}),
    })),
    ...(valuesUri ? { valuesUri } : {}),
    diagnostics: result.diagnostics.map((d) => ({
      line: d.range.start.line,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    problems: result.problems,
  };
}
