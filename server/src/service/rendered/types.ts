/** The shapes of charts rendered with helm as the service keeps them (see index.ts). */
import type { KubeDiagnostic, Range } from '../types';
import type { Perturbation } from './attribution';
import type { NodePath } from './output';
import type { MergedValues, ValueLeaf, ValuesLayer } from './values';
import type { RenderProblem } from './errors';

export const RENDERED_SCHEME = 'kube-storage-rendered';

/**
 * True for the virtual file of a render: helm's output, final YAML. It is never read as a
 * template, though a ConfigMap in it may carry `{{ .Values.x }}` as data (a script's comments).
 */
export function isRenderedUri(uri: string): boolean {
  return uri.startsWith(`${RENDERED_SCHEME}:`);
}

export interface RenderSubject {
  /** Identity of the render: the chart and the values file(s) it is for. */
  key: string;
  chartName: string;
  /** The release name given to helm. */
  release?: string;
  /** The chart folder's URI ending with `/` (a packaged chart has none: no template files to show). */
  chartUri?: string;
  /** The chart's files by chart-relative path (templates/…, values.yaml). */
  templates: ReadonlyMap<string, string>;
  merged: MergedValues;
  /** The values file whose Problems get every finding of this render. */
  primaryUri?: string;
}

/** Where a rendered finding comes from. */
export interface RenderedTrace {
  /** `templates/statefulset.yaml` (chart-relative), when helm said which template printed it. */
  template?: string;
  /** 0-based line in the template, when exactly one template line fits. */
  templateLine?: number;
  /** `StatefulSet demo-ledger`. */
  object?: string;
  /** The values that produced the field, first the one the finding is reported on. */
  values: ValueLeaf[];
}

/** A file and a range a finding or a failed render is reported on. */
export interface Target {
  uri: string;
  range: Range;
}

export interface TracedFinding {
  /** The finding as the rules and the schema report it on the rendered output. */
  original: KubeDiagnostic;
  trace: RenderedTrace;
  /** The finding to show, with the trace in its message and in `data.rendered`. */
  diagnostic: KubeDiagnostic;
  /** Files and ranges it is reported on. */
  targets: Target[];
}

/** The output of the render with value markers (attribution.ts). */
export interface MarkedRender {
  output: string;
  perturbation: Perturbation;
}

export interface RenderedHost {
  setFile(uri: string, text: string): void;
  removeFile(uri: string): void;
}

/** The findings on a file of the index, with the caller's settings. */
export interface FindingSource {
  findings(uri: string): KubeDiagnostic[];
  /** Changes whenever the findings of any file may have changed (index generation + settings). */
  stamp: string;
}

export interface RenderedObject {
  kind?: string;
  name?: string;
  /** 0-based lines of the document in the rendered file. */
  startLine: number;
  endLine: number;
  /** The document as plain data (undefined when it cannot be read). */
  data: unknown;
  /** The range of a field's value (or key) in the rendered file. */
  rangeOf(path: NodePath): Range | undefined;
}

/** A stable virtual URI for a render (FNV-1a of its key: no node modules in the service). */
export function renderedUri(subject: Pick<RenderSubject, 'key' | 'chartName'>): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subject.key.length; i++) {
    hash ^= subject.key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const name = subject.chartName.replace(/[^\w.-]/g, '_') || 'chart';
  return `${RENDERED_SCHEME}:/${hash.toString(16)}/${name}.yaml`;
}

/** What the inspector's rows read of the rendered charts (RenderedCharts implements it). */
export interface RenderedChartsView {
  /** The objects of the render `key`. */
  objects(key: string): RenderedObject[];
  /** The virtual file of the render `key`, if it rendered. */
  uriOf(key: string): string | undefined;
  /** One layer of the values the render merged (the chart's values.yaml, a values file…). */
  layerOf(key: string, layer: number): ValuesLayer | undefined;
  /** Why the render `key` failed, if it did. */
  problemOf(key: string): RenderProblem | undefined;
  /** The render and the trace behind a range of a rendered file. */
  traceRange(uri: string, range: Range): { entryKey: string; trace: RenderedTrace } | undefined;
}
