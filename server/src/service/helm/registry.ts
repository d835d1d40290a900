/**
 * Charts known to the language service and the values files tied to them. The callers (LSP
 * server, CLI) read the chart files and pass them in; this keeps the model and the links.
 */
import type { KubeCompletionItem } from '../completion/types';
import type { KubeDiagnostic, Lang, Position } from '../types';
import {
  valuesCompletion,
  valuesHover,
  type ChartLink,
  type HelmHover,
  type ValueCompletion,
} from './assist';
import { buildChartModel } from './chart';
import type { TemplateSite, ValuesSite } from './templateSites';
import type { ChartFiles, ChartModel } from './types';
import { checkValuesFile } from './valuesFile';

export class HelmCharts {
  private readonly charts = new Map<string, ChartModel>();
  private readonly files = new Map<string, ChartFiles>();
  private readonly links = new Map<string, string>();

  /** Adds or replaces a chart under a key (the LSP uses the chart folder URI). */
  setChart(key: string, files: ChartFiles): ChartModel {
    const model = buildChartModel(files);
    this.charts.set(key, model);
    this.files.set(key, files);
    return model;
  }

  /**
   * A template of a chart folder the service knows (`<chart>/templates/…`), with the values
   * files tied to the chart (`textOf` gives their current text).
   */
  templateSiteOf(
    uri: string,
    text: string,
    textOf: (uri: string) => string | undefined,
  ): TemplateSite | undefined {
    for (const [key, model] of this.charts) {
      if (!key.startsWith('file:') || !uri.startsWith(`${key}templates/`)) continue;
      const tied: { uri: string; label: string; text: string }[] = [];
      for (const [values, chart] of this.links) {
        if (chart !== key || values.startsWith(key)) continue;
        const valuesText = textOf(values);
        if (valuesText === undefined) continue;
        const label = decodeURIComponent(values.slice(values.lastIndexOf('/') + 1));
        tied.push({ uri: values, label, text: valuesText });
      }
      return {
        model,
        files: this.files.get(key)!,
        chartUri: key,
        file: decodeURIComponent(uri.slice(key.length)),
        text,
        tied,
      };
    }
    return undefined;
  }

  /** A values file tied to a chart folder, for navigation to and from its templates. */
  valuesSiteOf(uri: string, text: string): ValuesSite | undefined {
    const key = this.links.get(uri);
    const model = key === undefined ? undefined : this.charts.get(key);
    if (!key?.startsWith('file:') || !model) return undefined;
    return { model, files: this.files.get(key)!, chartUri: key, text };
  }

  getChart(key: string): ChartModel | undefined {
    return this.charts.get(key);
  }

  removeChart(key: string): void {
    this.charts.delete(key);
    this.files.delete(key);
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

  /** Completion in a values file tied to a chart; undefined for any other file. */
  completion(
    uri: string,
    text: string,
    position: Position,
    lang: Lang,
  ): KubeCompletionItem[] | undefined {
    const model = this.modelOf(uri);
    if (!model) return undefined;
    return valuesCompletion(model, text, position, lang).map((v) => completionItem(v, position));
  }
}

/** A chart value offered as a completion item: it replaces the word at the cursor. */
function completionItem(value: ValueCompletion, position: Position): KubeCompletionItem {
  return {
    label: value.label,
    kind: value.kind === 'key' ? 'field' : 'value',
    detail: value.detail,
    documentation: value.documentation,
    insertText: value.insertText,
    snippet: false,
    relativeIndent: true,
    range: { start: position, end: position },
    wordAtCursor: true,
    sortText: value.sortText,
  };
}

/** Links into a chart folder whose key is its `file:` URI ending in `/`; none for other keys. */
function folderLink(key: string | undefined): ChartLink | undefined {
  if (!key?.startsWith('file:') || !key.endsWith('/')) return undefined;
  return (file, line) => `${key}${file.split('/').map(encodeURIComponent).join('/')}#L${line + 1}`;
}
