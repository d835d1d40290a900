/**
 * Where "Create values.yaml from defaults" proposes to write: never the chart's own
 * `values.yaml` (that is the defaults themselves, and the chart's file to keep), but the user's
 * side — the folder of the values file being compared (when it is not inside the chart), else
 * next to the chart folder, where the server ties it to the chart. No `vscode` import.
 */
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';

export interface ValuesTargetInput {
  /** The chart folder on disk; undefined for an archive or a repository chart. */
  chartDir?: string;
  chartName: string;
  /** The values file the inspector compares with, if any. */
  valuesPath?: string;
  workspaceFolder?: string;
  exists: (path: string) => boolean;
}

/** True when `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** True for the chart's own values file, which the action must not overwrite. */
export function isChartValuesFile(path: string, chartDir: string | undefined): boolean {
  return (
    !!chartDir && resolve(path).toLowerCase() === resolve(chartDir, 'values.yaml').toLowerCase()
  );
}

export function proposeValuesFile(input: ValuesTargetInput): string | undefined {
  const { chartDir, valuesPath } = input;
  const userValues = valuesPath && !(chartDir && isInside(valuesPath, chartDir));
  const folder = userValues
    ? dirname(valuesPath)
    : chartDir
      ? dirname(resolve(chartDir))
      : input.workspaceFolder;
  if (!folder) return undefined;
  const slug = input.chartName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'chart';
  const names = ['values.yaml', `${slug}-values.yaml`];
  for (let i = 2; i < 100; i++) names.push(`${slug}-values-${i}.yaml`);
  return names
    .map((name) => join(folder, name))
    .find(
      (path) =>
        !input.exists(path) &&
        !isChartValuesFile(path, chartDir) &&
        !(chartDir && isInside(path, chartDir)),
    );
}
