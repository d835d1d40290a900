/** Helm template awareness: detect template files and hide `{{ ... }}` actions from the YAML parser. */

/**
 * True when the text is a Helm template, not a manifest that merely has `{{` in its strings
 * (Prometheus and Alertmanager rules, Grafana dashboards, Go templates kept in ConfigMaps:
 * `{{ $labels.instance }}`). Helm gives itself away by an action in the first column, which
 * plain YAML cannot hold (the block scalars that carry Go templates are indented), or by naming
 * Helm's objects and functions inside an action. An action on a line that starts with `#` does
 * not count: helm's output keeps such lines as data (a shipped script's comments showing the
 * values to set), and a template has actions elsewhere too.
 */
export function hasTemplateActions(text: string): boolean {
  let open = text.indexOf('{{');
  if (open === -1) return false;
  if (LINE_START_ACTION.test(text)) return true;
  // Each action is read at most MAX_ACTION_SCAN characters far, so many unclosed `{{` stay linear.
  for (; open !== -1; open = text.indexOf('{{', open + 2)) {
    const ahead = text.slice(open + 2, open + 2 + MAX_ACTION_SCAN);
    const close = ahead.indexOf('}}');
    const action = close === -1 ? ahead : ahead.slice(0, close);
    if (HELM_WORDS.test(action) && !onCommentLine(text, open)) return true;
  }
  return false;
}

/**
 * The text before `at` on its line starts with `#` (read at most MAX_ACTION_SCAN characters
 * back, as the actions are read forward).
 */
function onCommentLine(text: string, at: number): boolean {
  const from = Math.max(0, at - MAX_ACTION_SCAN);
  const before = text.slice(from, at);
  const newline = before.lastIndexOf('\n');
  if (newline === -1 && from > 0) return false;
  return before
    .slice(newline + 1)
    .trimStart()
    .startsWith('#');
}

const MAX_ACTION_SCAN = 200;
const LINE_START_ACTION = /^\{\{/m;
const HELM_WORDS =
  /\$?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\b(?:include|toYaml|toJson|nindent|tpl|required|lookup)\b/;

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

/** True for a chart's Chart.yaml (or Chart.yml). */
export function isChartFile(uri: string): boolean {
  return /\/Chart\.ya?ml$/.test(uri);
}

/** The chart folder of a Chart.yaml: its URI prefix, ending with `/`. */
export function chartRootOf(chartFileUri: string): string {
  return chartFileUri.slice(0, chartFileUri.lastIndexOf('/') + 1);
}

/** The chart folders of the Chart.yaml files among `uris`. */
export function chartRootsAmong(uris: readonly string[]): string[] {
  return uris.filter(isChartFile).map(chartRootOf);
}

/**
 * True when a manifest file is read as a Helm template: it holds template actions, or it sits
 * under the `templates/` folder of one of `chartRoots`.
 */
export function isTemplateFile(uri: string, text: string, chartRoots: Iterable<string>): boolean {
  return hasTemplateActions(text) || isUnderChartTemplates(uri, chartRoots);
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
