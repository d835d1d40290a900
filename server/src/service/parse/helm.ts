/** Helm template awareness: detect template files and hide `{{ ... }}` actions from the YAML parser. */

const ACTION = /\{\{[\s\S]*?\}\}/g;

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
  return text.replace(ACTION, (action) => action.replace(/[^\n]/g, ' '));
}
