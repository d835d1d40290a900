/**
 * Charts known to the language service and the values files tied to them. The callers (LSP
 * server, CLI) read the chart files and pass them in; this keeps the model and the links.
 */
import type { KubeDiagnostic, Lang, Position } from '../types';
import {
  valuesCompletion,
  valuesHover,
  type ChartLink,
  type HelmHover,
  type ValueCompletion,
} from './assist';
import { buildChartModel } from './chart';
import type { ChartFiles, ChartModel } from './types';
import { checkValuesFile } from './valuesFile';

export class HelmCharts {
  private readonly charts = new Map<string, ChartModel>();
  private readonly links = new Map<string, string>();

  /** Adds or replaces a chart under a key (the LSP uses the chart folder URI). */
  setChart(key: string, files: ChartFiles): ChartModel {
    const model = buildChartModel(files);
    this.charts.set(key, model);
    return model;
  }

  getChart(key: string): ChartModel | undefined {
    return this.charts.get(key);
  }

  removeChart(key: string): void {
    this.charts.delete(key);
  }

  hasChart(key: string): boolean {
    return this.charts.has(key);
  }

  /** Ties a values file (URI) to a chart key; undefined unties it. */
  link(uri: string, chartKey: string | undefined): void {
    if (chartKey === undefined) this.links.delete(uri);
    else this.links.set(uri, chartKey);
  }

  chartKeyOf(uri: string): string | undefined {
    return this.links.get(uri);
  }

  modelOf(uri: string): ChartModel | undefined {
    const key = this.links.get(uri);
    return key === undefined ? undefined : this.charts.get(key);
  }

  diagnostics(uri: string, text: string): KubeDiagnostic[] {
    const model = this.modelOf(uri);
    return model ? checkValuesFile(model, text) : [];
  }

  hover(
    uri: string,
    text: string,
    position: Position,
    lang: Lang,
    link?: ChartLink,
  ): HelmHover | undefined {
    const key = this.links.get(uri);
    const model = this.modelOf(uri);
    return model ? valuesHover(model, text, position, lang, link ?? folderLink(key)) : undefined;
  }

  completion(
    uri: string,
    text: string,
    position: Position,
    lang: Lang,
  ): ValueCompletion[] | undefined {
    const model = this.modelOf(uri);
    return model ? valuesCompletion(model, text, position, lang) : undefined;
  }
}

/** Links into a chart folder whose key is its `file:` URI ending in `/`; none for other keys. */
function folderLink(key: string | undefined): ChartLink | undefined {
  if (!key?.startsWith('file:') || !key.endsWith('/')) return undefined;
  return (file, line) => `${key}${file.split('/').map(encodeURIComponent).join('/')}#L${line + 1}`;
}
