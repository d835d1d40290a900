/**
 * The Helm part of the facade (LanguageService extends it, index.ts): the charts the callers read
 * and hand in, the values files tied to them, and the charts rendered with helm. The callers read
 * the files and run helm; the service keeps the models, the links and the renders, and answers
 * every question about them through these methods.
 */
import type { BindingOptions, BindingResult, BindingScope } from './binding';
import { defaultDiagnosticSettings, type DiagnosticSettings } from './diagnostics/fileDiagnostics';
import { HelmCharts, type ChartFiles } from './helm';
import {
  RenderedCharts,
  renderedStorage,
  renderedStorageFields,
  type FindingSource,
  type MarkedRender,
  type RenderedStorage,
  type RenderedTrace,
  type RenderProblem,
  type RenderSubject,
  type TracedFinding,
  type ValueLeaf,
} from './rendered';
import { withRenderedCharts } from './rendered/bindingCharts';
import type { KubeDiagnostic, Range } from './types';
import { Workspace, type ErrorReporter } from './workspace/workspace';

export abstract class ChartFacade {
  readonly workspace: Workspace;
  /** Helm charts and the values files tied to them (service/helm). */
  protected readonly helm = new HelmCharts();
  /** Charts rendered with helm: virtual files of the index, findings traced back (service/rendered). */
  protected readonly rendered: RenderedCharts;

  constructor(onError?: ErrorReporter) {
    this.workspace = new Workspace(onError);
    this.rendered = new RenderedCharts({
      setFile: (uri, text) => void this.workspace.setFile(uri, text, 'disk'),
      removeFile: (uri) => this.workspace.removeFile(uri),
    });
  }

  abstract getDiagnostics(uri: string, settings?: DiagnosticSettings): KubeDiagnostic[];
  abstract bindings(
    options?: BindingOptions & { scope?: BindingScope; renderedCharts?: boolean },
  ): BindingResult;

  /**
   * The bindings with the rendered charts listed and each of their objects marked with its chart,
   * template line and values (the binding preview groups them under their chart).
   */
  bindingsWithCharts(
    options: BindingOptions & { scope?: BindingScope; renderedCharts?: boolean } = {},
  ): BindingResult {
    return withRenderedCharts(this.bindings(options), this.rendered);
  }

  /**
   * Adds or replaces the chart `key` (the LSP uses the chart folder's URI) from its files, by
   * chart-relative path. True when what its values files are checked against may have changed
   * (a new chart, other defaults, other values read by the templates).
   */
  setChartFiles(key: string, files: ChartFiles): boolean {
    const previous = this.helm.getChart(key);
    const model = this.helm.setChart(key, files);
    return (
      !previous ||
      previous.valuesText !== model.valuesText ||
      previous.uses.length !== model.uses.length
    );
  }

  hasChart(key: string): boolean {
    return this.helm.hasChart(key);
  }

  /** The `name` of the chart's Chart.yaml; undefined for an unknown chart or one without. */
  chartName(key: string): string | undefined {
    return this.helm.getChart(key)?.meta.name;
  }

  removeChart(key: string): void {
    this.helm.removeChart(key);
  }

  /** Ties a values file (URI) to the chart `key`; undefined unties it. */
  linkValuesFile(uri: string, key: string | undefined): void {
    this.helm.link(uri, key);
  }

  /** The chart a values file is tied to; undefined for any other file. */
  chartKeyOf(uri: string): string | undefined {
    return this.helm.chartKeyOf(uri);
  }

  /** A successful render (node/helm/render.ts): its objects join the index as a virtual file. */
  setRendered(subject: RenderSubject, output: string, note?: RenderProblem): void {
    this.rendered.setRendered(subject, output, note);
  }

  /** A render that failed: its problem is reported on the values file instead of findings. */
  setRenderFailed(subject: RenderSubject, problem: RenderProblem): void {
    this.rendered.setFailed(subject, problem);
  }

  /** Forgets the render `key` and its virtual file; true when there was one. */
  removeRender(key: string): boolean {
    if (!this.hasRender(key)) return false;
    this.rendered.remove(key);
    return true;
  }

  hasRender(key: string): boolean {
    return this.rendered.keys().includes(key);
  }

  /** URIs of the indexed files the editor does not have open (read from disk; renders' virtual files are not). */
  unopenedFiles(): string[] {
    const out: string[] = [];
    for (const file of this.workspace.allFiles())
      if (!this.workspace.isOpen(file.uri) && !this.rendered.isRendered(file.uri))
        out.push(file.uri);
    return out;
  }

  /** True for the virtual file of a render (not a file the editor can open). */
  isRendered(uri: string): boolean {
    return this.rendered.isRendered(uri);
  }

  /** The virtual file of a render, if it succeeded. */
  renderedUriOf(key: string): string | undefined {
    return this.rendered.uriOf(key);
  }

  renderProblem(key: string): RenderProblem | undefined {
    return this.rendered.problemOf(key);
  }

  /** What the successful render `key` could not check (a values schema it had to skip). */
  renderNote(key: string): RenderProblem | undefined {
    return this.rendered.noteOf(key);
  }

  /** Where a range of a rendered file comes from: the template line and the values. */
  traceRange(uri: string, range: Range): { entryKey: string; trace: RenderedTrace } | undefined {
    return this.rendered.traceRange(uri, range);
  }

  /** Every finding of the render `key`, traced to its template line and values. */
  tracedFindings(key: string, settings = defaultDiagnosticSettings): TracedFinding[] {
    return this.rendered.traced(key, this.findingSource(settings));
  }

  /** The places of the render's findings that no value explains yet (node/helm/trace.ts). */
  untracedFindings(key: string, settings = defaultDiagnosticSettings): Range[] {
    return this.rendered.untracedFindings(key, this.findingSource(settings));
  }

  /** The values to mark in a second render to trace the fields at `ranges` (node/helm/trace.ts). */
  valuesToMark(key: string, ranges: readonly Range[]): ValueLeaf[] {
    return this.rendered.valuesToMark(key, ranges);
  }

  /** The render with markers on `leaves` (undefined when helm could not make it). */
  addMarked(key: string, leaves: readonly ValueLeaf[], marked: MarkedRender | undefined): void {
    this.rendered.addMarked(key, leaves, marked);
  }

  /** Findings of rendered charts that belong on `uri` (a values file or a template). */
  renderedFindings(uri: string, settings = defaultDiagnosticSettings): KubeDiagnostic[] {
    if (!settings.enable || this.rendered.isRendered(uri) || !this.rendered.keys().length)
      return [];
    return this.rendered.diagnosticsFor(uri, this.findingSource(settings));
  }

  /** The claims and workloads the render `key` creates, bound with the workspace (the inspector). */
  renderedStorage(key: string): RenderedStorage {
    return renderedStorage(this.rendered, key, this.bindings());
  }

  /** The ranges of the rendered fields renderedStorage shows (to trace them to values first). */
  renderedStorageFields(key: string): Range[] {
    return renderedStorageFields(this.rendered, key, this.bindings());
  }

  /** The findings of the index with these settings, stamped with the index generation. */
  private findingSource(settings: DiagnosticSettings): FindingSource {
    return {
      findings: (uri) => this.getDiagnostics(uri, settings),
      stamp: `${this.workspace.generation}:${JSON.stringify(settings)}`,
    };
  }
}
