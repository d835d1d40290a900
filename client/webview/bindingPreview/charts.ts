/**
 * Rendered charts in the preview, pure (no DOM): a chart rendered with helm from a values file is
 * a group around the claims, volumes and workloads it creates (a compound node of the layout),
 * labelled with the chart and its release and values files. A chart helm could not render, or one
 * that creates no storage, is a box of its own saying so. Unit-tested under Node.
 */
import type { BindingResult, RenderedChart, RenderedSource } from '../../../server/src/protocol';
import { plainText } from '../../../server/src/service/i18n/plainText';
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';
import type { Graph, GraphNode } from './model';

export interface ChartGroup {
  /** `chart:<render>`: the id of the group (`GraphNode.chart` of its objects). */
  id: string;
  /** The chart's name. */
  label: string;
  /** The release and the user's values files, or why the group is empty. */
  detail: string;
  tooltip: string;
  status: 'neutral' | 'failed';
  chart: RenderedChart;
}

export const chartGroupId = (render: string): string => `chart:${render}`;

const fill = (text: string, ...args: (string | number)[]): string =>
  text.replace(/\{(\d)\}/g, (m, i: string) => String(args[Number(i)] ?? m));

/** The values files the user gave (the chart's own values.yaml is always merged first). */
export const userValuesFiles = (chart: RenderedChart): string[] => chart.valuesFiles.slice(1);

/** `postgresql (release myrelease)`: a chart named in a sentence. */
export function chartTitle(chart: RenderedChart, s: UiStrings): string {
  return chart.release ? `${chart.name} (${fill(s.chartRelease, chart.release)})` : chart.name;
}

/** The groups of the result's rendered charts; `nodes` are the graph's nodes (its members). */
export function chartGroups(
  data: BindingResult,
  nodes: readonly GraphNode[],
  lang: 'en' | 'ru',
  s: UiStrings,
): ChartGroup[] {
  const members = new Set(nodes.map((n) => n.chart).filter(Boolean));
  return (data.charts ?? []).map((chart) => {
    const id = chartGroupId(chart.id);
    const about = [chart.release ? fill(s.chartRelease, chart.release) : '']
      .concat(userValuesFiles(chart))
      .filter(Boolean)
      .join(' · ');
    const empty = !members.has(id);
    const detail = chart.problem ? s.chartFailed : empty ? s.chartNoStorage : about;
    const tooltip = [
      `${s.kindChart} ${chartTitle(chart, s)}`,
      fill(s.chartValues, chart.valuesFiles.join(', ')),
      chart.problem ? plainText(chart.problem[lang], lang) : '',
    ]
      .filter(Boolean)
      .join('\n');
    return {
      id,
      label: chart.name,
      detail,
      tooltip,
      status: chart.problem ? 'failed' : 'neutral',
      chart,
    };
  });
}

/**
 * The groups a filtered graph keeps: those with an object left, and the empty ones (not
 * rendered, no storage) that no search excludes.
 */
export function keptCharts(graph: Graph, kept: readonly GraphNode[], query: string): ChartGroup[] {
  const withMembers = new Set(graph.nodes.map((n) => n.chart));
  const left = new Set(kept.map((n) => n.chart));
  return (graph.charts ?? []).filter(
    (c) => left.has(c.id) || (!withMembers.has(c.id) && (!query || matches(c, query))),
  );
}

export function matches(c: ChartGroup, query: string): boolean {
  return c.label.toLowerCase().includes(query) || c.detail.toLowerCase().includes(query);
}

/** A template line and the values behind an object's fields, as the details panel lists them. */
export interface SourceLines {
  template?: { text: string; uri?: string; line: number };
  values: { text: string; uri?: string; line: number }[];
}

export function sourceLines(rendered: RenderedSource, s: UiStrings): SourceLines {
  const out: SourceLines = { values: [] };
  const t = rendered.template;
  if (t)
    out.template = {
      text:
        t.line !== undefined
          ? fill(s.templateAt, `\`${t.file}\``, t.line + 1)
          : fill(s.templateFile, `\`${t.file}\``),
      ...(t.uri ? { uri: t.uri } : {}),
      line: t.line ?? 0,
    };
  for (const v of rendered.values) {
    const text =
      v.line === undefined
        ? fill(s.valueSet, `\`${v.field}\``, `\`${v.path}\``)
        : fill(s.valueAt, `\`${v.field}\``, `\`${v.path}\``, v.label, v.line + 1);
    out.values.push({ text, ...(v.uri ? { uri: v.uri } : {}), line: v.line ?? 0 });
  }
  return out;
}
