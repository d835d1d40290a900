/** Helm template awareness: detect template files and hide `{{ ... }}` actions from the YAML parser. */

export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}

/**
 * True for a file under a chart's `templates/` folder, where `chartRoots` holds the folders
 * (as URI prefixes ending in `/`) that contain a Chart.yaml.
 */
export function isUnderChartTemplates(uri: string, chartRoots: Iterable<string>): boolean {
  for (const root of chartRoots) {
    if (uri.startsWith(root + 'templates/')) return true;
  }
  return false;
}

/**
 * Replaces every template action with spaces of the same length (newlines kept), so offsets,
 * lines and columns of the remaining YAML are unchanged and it can be parsed for the index.
 */
export function maskTemplateActions(text: string): string {
  // A linear scan, not /\{\{[\s\S]*?\}\}/g: on many `{{` without `}}` the lazy regex retries
  // from every `{{` to the end of the text (quadratic; 10^5 `{` took seconds).
  let out = '';
  let last = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', last)) {
    const close = text.indexOf('}}', open + 2);
    if (close === -1) break;
    out += text.slice(last, open) + text.slice(open, close + 2).replace(/[^\n]/g, ' ');
    last = close + 2;
  }
  return last === 0 ? text : out + text.slice(last);
}
