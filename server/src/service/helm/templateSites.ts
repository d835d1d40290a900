/** Where template help runs: a chart template or a values file, with what the chart knows. */
import type { Range } from '../types';
import type { ChartFiles, ChartModel } from './types';

export interface Location {
  uri: string;
  range: Range;
}

/** A template of a chart, as the editor has it, with what the chart knows. */
export interface TemplateSite {
  model: ChartModel;
  files: ChartFiles;
  /** The chart folder's URI, ending with `/`. */
  chartUri: string;
  /** Chart-relative path of the template (`templates/pvc.yaml`). */
  file: string;
  /** The template's text in the editor (may differ from `files`). */
  text: string;
  /** The values files tied to the chart (the chart's own values.yaml excluded). */
  tied: readonly { uri: string; label: string; text: string }[];
}

/** The values file of a chart, as a values site: the key under the cursor's template uses. */
export interface ValuesSite {
  model: ChartModel;
  files: ChartFiles;
  chartUri: string;
  text: string;
}
