/**
 * The values checks of `lint --chart`: every `-f` file, and every `--set` pair of the simple
 * `a.b.c=value` form, checked against the chart the way the editor checks a values file tied to
 * it (service/helm/valuesFile.ts through LanguageService.getDiagnostics: the same codes, messages,
 * severities and suggestions, with `--rule`/`--settings` severities and suppression comments).
 *
 * The chart's own values.yaml is not checked: it is what the other files are checked against.
 * Files of the chart such as `ci/*.yaml` are checked only when given with `-f`.
 */
import { stringify } from 'yaml';
import {
  parseSetPair,
  type DiagnosticSettings,
  type KubeDiagnostic,
  type LanguageService,
} from '../service';
import { pathOfUri, type ChartRun } from './chart';
import { byPosition } from '../service/diagnostics/fileDiagnostics';
import { displayPath, type FileReport } from './output';

/** How `--set` findings are reported: this "file", the line is the flag's place among the `--set` flags. */
export const SET_LABEL = '--set';

/** The chart's key in the service for the values checks (not a `file:` URI: no template links). */
const CHART_KEY_PREFIX = 'kube-storage-cli-values:';
/** Virtual files holding one `--set` pair as YAML, to check it like a values file. */
const SET_URI_PREFIX = 'kube-storage-set:/';

/**
 * Reports of the values checks, one per `-f` file (in the order given) and one for `--set`, each
 * sorted by position. None when the chart could not be read. The findings traced from the
 * rendered output (`data.rendered`) are left out: chartReports reports them.
 */
export function chartValuesReports(
  service: LanguageService,
  run: ChartRun,
  settings: DiagnosticSettings,
): FileReport[] {
  const { subject } = run;
  if (!subject.templates.size) return [];
  const key = `${CHART_KEY_PREFIX}${subject.key}`;
  service.setChartFiles(key, subject.templates);
  const layers = subject.merged.layers;
  // A `helm-values-schema` finding checks the chart defaults merged with one file; with values
  // from more than one place, helm validates their merge itself (a failure is helm-render-failed).
  const userLayers = layers.filter((l) => l.kind !== 'chart').length;
  const keep = (d: KubeDiagnostic) =>
    !d.data?.rendered && (userLayers === 1 || d.code !== 'helm-values-schema');
  const reports: FileReport[] = [];
  const seen = new Set<string>();
  for (const layer of layers) {
    if (layer.kind !== 'file' || !layer.uri || seen.has(layer.uri)) continue;
    seen.add(layer.uri);
    // A file also given to lint is in the index already (with its text as read then).
    if (service.objectCount(layer.uri) === undefined)
      service.setFile(layer.uri, layer.text ?? '', 'disk');
    service.linkValuesFile(layer.uri, key);
    const diagnostics = service.getDiagnostics(layer.uri, settings).filter(keep);
    if (diagnostics.length)
      reports.push({
        file: displayPath(pathOfUri(layer.uri)),
        diagnostics: [...diagnostics].sort(byPosition),
      });
    service.linkValuesFile(layer.uri, undefined);
  }
  const set: KubeDiagnostic[] = [];
  for (const layer of layers) {
    if (layer.kind !== 'set') continue;
    (layer.pairs ?? []).forEach((pair, i) => {
      const parsed = parseSetPair(pair);
      if (!parsed) return;
      const uri = `${SET_URI_PREFIX}${i}`;
      let data: unknown = parsed.value;
      for (const k of [...parsed.path].reverse()) data = { [k]: data };
      service.setFile(uri, stringify(data), 'disk');
      service.linkValuesFile(uri, key);
      const range = { start: { line: i, character: 0 }, end: { line: i, character: pair.length } };
      for (const d of service.getDiagnostics(uri, settings))
        if (!d.data?.rendered && d.code !== 'helm-values-schema') set.push({ ...d, range });
      service.linkValuesFile(uri, undefined);
      service.removeFile(uri);
    });
  }
  if (set.length) reports.push({ file: SET_LABEL, diagnostics: set });
  service.removeChart(key);
  return reports;
}
