/**
 * A Helm release the workspace declares without the chart's files: a Flux `HelmRelease`
 * (helm.toolkit.fluxcd.io) or an Argo CD `Application` (argoproj.io) of a chart from a registry,
 * or a dependency of an umbrella chart whose `charts/` folder is not in the workspace (Argo CD runs
 * `helm dependency build` before rendering). Which chart, with which values and release name, and
 * where those are written: what `releaseClasses.ts` reads to know the StorageClasses it makes.
 */
import type { YamlPath } from '../parse/nodes';
import { isRecord } from '../plainData';
import { parseDocument } from 'yaml';
import { mergeValuesFiles, parseSetPair, setValueAt } from '../rendered/values';
import { valueAt } from '../helm/valuesTree';

/** A Flux HelmRelease or an Argo CD Application: an object that may declare a Helm release. */
export function isReleaseKind(kind: string, apiVersion: string): boolean {
  return (
    (kind === 'HelmRelease' && apiVersion.startsWith('helm.toolkit.fluxcd.io/')) ||
    (kind === 'Application' && apiVersion.startsWith('argoproj.io/'))
  );
}

/** A release declared in the workspace: which chart, with which values, where they are written. */
export interface DeclaredRelease {
  chart: string;
  values: Record<string, unknown>;
  /** Where the values are in the release's document (undefined: values given as a string). */
  valuesPath?: YamlPath;
  /** Where the chart is named: what a class made by the chart's defaults points at. */
  chartPath: YamlPath;
  namespace?: string;
  /** Helm's release name: Flux's `releaseName` (else `[targetNamespace-]name`), Argo's. */
  releaseName: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The release a Flux HelmRelease or an Argo CD Application declares, if it is one. */
export function declaredRelease(
  kind: string,
  apiVersion: string,
  data: Record<string, unknown>,
): DeclaredRelease | undefined {
  const spec = isRecord(data.spec) ? data.spec : undefined;
  const metadata = isRecord(data.metadata) ? data.metadata : {};
  if (!spec) return undefined;
  if (kind === 'HelmRelease' && apiVersion.startsWith('helm.toolkit.fluxcd.io/'))
    return fluxRelease(spec, metadata);
  if (kind === 'Application' && apiVersion.startsWith('argoproj.io/'))
    return argoRelease(spec, metadata);
  return undefined;
}

/**
 * A Flux HelmRelease: its chart is `spec.chart.spec.chart`, or the `OCIRepository` or `HelmChart`
 * of `spec.chartRef`, named after the chart by convention; its values `spec.values` (those of
 * `valuesFrom` ConfigMaps and Secrets are not read, so the chart's defaults stand for them).
 */
function fluxRelease(
  spec: Record<string, unknown>,
  metadata: Record<string, unknown>,
): DeclaredRelease | undefined {
  const fromChart = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
  const chartRef = isRecord(spec.chartRef) ? spec.chartRef : {};
  const chart = str(fromChart.chart) ?? str(chartRef.name);
  if (!chart) return undefined;
  const name = str(metadata.name) ?? chart;
  const target = str(spec.targetNamespace);
  return {
    chart: chart.slice(chart.lastIndexOf('/') + 1),
    releaseName: str(spec.releaseName) ?? (target ? `${target}-${name}` : name),
    values: isRecord(spec.values) ? spec.values : {},
    valuesPath: ['spec', 'values'],
    chartPath: str(fromChart.chart)
      ? ['spec', 'chart', 'spec', 'chart']
      : ['spec', 'chartRef', 'name'],
    namespace: str(spec.targetNamespace) ?? str(metadata.namespace),
  };
}

/**
 * An Argo CD Application of a chart from a Helm repository: its `source`, or with `sources` (Argo
 * CD then ignores `source`) the first that names a `chart`. Its values are what Argo CD gives
 * `helm template` (`ApplicationSourceHelm.ValuesYAML`): `helm.valuesObject`, else the YAML text of
 * `helm.values`, with `helm.parameters` over them as `--set` (`--set-string` when `forceString`).
 * `valueFiles` live in the chart's repository or another source, so the chart's defaults stand for
 * what they set.
 */
function argoRelease(
  spec: Record<string, unknown>,
  metadata: Record<string, unknown>,
): DeclaredRelease | undefined {
  const found = chartSource(spec);
  if (!found) return undefined;
  const { source, at } = found;
  const chart = str(source.chart)!;
  const helm = isRecord(source.helm) ? source.helm : {};
  const destination = isRecord(spec.destination) ? spec.destination : {};
  const object = isRecord(helm.valuesObject) ? helm.valuesObject : undefined;
  const text = !object && typeof helm.values === 'string' ? valuesText(helm.values) : {};
  return {
    chart,
    releaseName: str(helm.releaseName) ?? str(metadata.name) ?? chart,
    values: mergeValuesFiles([object ?? text, parameterValues(helm.parameters)]),
    valuesPath: object ? [...at, 'helm', 'valuesObject'] : undefined,
    chartPath: [...at, 'chart'],
    namespace: str(destination.namespace),
  };
}

/**
 * Values written as YAML text, as helm reads a values file; {} when they are not a map or not YAML
 * (helm then fails: what the chart's defaults make is the best guess).
 */
function valuesText(text: string): Record<string, unknown> {
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent' });
  if (doc.errors.length) return {};
  try {
    const data: unknown = doc.toJS({ maxAliasCount: 1000 });
    return isRecord(data) ? data : {};
  } catch {
    return {};
  }
}

/** The source of an Application that names a Helm chart, and where it is. */
function chartSource(
  spec: Record<string, unknown>,
): { source: Record<string, unknown>; at: YamlPath } | undefined {
  if (Array.isArray(spec.sources)) {
    const index = spec.sources.findIndex((s) => isRecord(s) && str(s.chart));
    const source: unknown = spec.sources[index];
    return isRecord(source) ? { source, at: ['spec', 'sources', index] } : undefined;
  }
  return isRecord(spec.source) && str(spec.source.chart)
    ? { source: spec.source, at: ['spec', 'source'] }
    : undefined;
}

/** Argo CD's `helm.parameters` as the values their `--set` pairs give (the simple forms). */
function parameterValues(parameters: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (!Array.isArray(parameters)) return values;
  for (const p of parameters) {
    if (!isRecord(p) || !str(p.name) || p.value === undefined) continue;
    const pair = parseSetPair(`${String(p.name)}=${String(p.value)}`);
    if (!pair) continue;
    setValueAt(values, pair.path, p.forceString === true ? String(p.value) : pair.value);
  }
  return values;
}

/**
 * The releases an umbrella chart declares in its Chart.yaml `dependencies`: Helm gives each
 * subchart the parent's values under its `alias` (else its name), and the parent's release name,
 * which is not written anywhere here: the chart's own name stands for it (Argo CD's directory
 * generators name the Application after the chart's folder). A dependency that its `condition` or
 * its `tags` turn off in the chart's values.yaml is left out (helm `processDependencyEnabled`).
 */
export function dependencyReleases(
  chart: Record<string, unknown>,
  values: Record<string, unknown>,
): DeclaredRelease[] {
  const dependencies = Array.isArray(chart.dependencies) ? chart.dependencies : [];
  const parent = str(chart.name) ?? '';
  return dependencies.flatMap((dependency: unknown, i): DeclaredRelease[] => {
    if (!isRecord(dependency)) return [];
    const name = str(dependency.name);
    if (!name || !dependencyEnabled(dependency, values)) return [];
    const own = values[str(dependency.alias) ?? name];
    return [
      {
        chart: name,
        releaseName: parent || name,
        values: isRecord(own) ? own : {},
        chartPath: ['dependencies', i, 'name'],
      },
    ];
  });
}

/**
 * Helm's rule: the tags first (on when one of them is true in `tags`, off when all those set are
 * false), then the first path of `condition` (comma-separated) that holds a boolean, which wins.
 */
function dependencyEnabled(
  dependency: Record<string, unknown>,
  values: Record<string, unknown>,
): boolean {
  const tags = isRecord(values.tags) ? values.tags : {};
  const set = (Array.isArray(dependency.tags) ? dependency.tags : [])
    .map((tag) => (typeof tag === 'string' ? tags[tag] : undefined))
    .filter((v) => typeof v === 'boolean');
  const condition = typeof dependency.condition === 'string' ? dependency.condition.trim() : '';
  for (const path of condition.split(',')) {
    const value = path ? valueAt(values, path.split('.'))?.value : undefined;
    if (typeof value === 'boolean') return value;
  }
  return set.length === 0 || set.includes(true);
}
