/** What the preview's webview may open (no `vscode` import: unit-tested). */
import type { BindingResult } from '../../../server/src/protocol';

/**
 * The files the webview may ask to open: where the result's objects are written; for an object of
 * a rendered chart, its template and the values files behind its fields; each chart's values file.
 */
export function openableUris(data: BindingResult): Set<string> {
  const uris = new Set<string>();
  for (const list of [data.claims, data.volumes, data.storageClasses, data.workloads]) {
    for (const item of list) {
      const source = item.source;
      if (!source) continue;
      uris.add(source.uri);
      if (source.rendered?.template?.uri) uris.add(source.rendered.template.uri);
      for (const value of source.rendered?.values ?? []) if (value.uri) uris.add(value.uri);
    }
  }
  for (const chart of data.charts ?? []) if (chart.valuesUri) uris.add(chart.valuesUri);
  return uris;
}
