/**
 * Which files may be a chart's values file by their path and text alone, before a chart is looked
 * for next to them: `values.yaml`, `values-prod.yaml`, `prod.values.yml`…, outside a chart's
 * `templates/`, and not a Kubernetes manifest.
 */
const VALUES_NAME = /(^|[-_.])values([-_.][\w.-]*)?\.ya?ml$/i;
const MANIFEST = /^(apiVersion|kind):\s*\S/m;

/** `path`: a file path with `/` or `\` separators; `text`: the file's text. */
export function mayBeValuesFile(path: string, text: string): boolean {
  const parts = path.split(/[\\/]/);
  if (!VALUES_NAME.test(parts[parts.length - 1] ?? '') || parts.includes('templates')) return false;
  return !MANIFEST.test(text);
}
