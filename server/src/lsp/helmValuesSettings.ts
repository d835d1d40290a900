/** `kubeStorage.helm.*` as the server reads it. */

export interface HelmSettings {
  /** Glob (matched against the workspace-relative path, or the absolute path) -> chart folder, Chart.yaml or .tgz. */
  valuesFiles: Record<string, string>;
}

export const defaultHelmSettings: HelmSettings = { valuesFiles: {} };

export function normalizeHelmSettings(raw: unknown): HelmSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, unknown>>;
  const valuesFiles: Record<string, string> = {};
  if (r.valuesFiles && typeof r.valuesFiles === 'object' && !Array.isArray(r.valuesFiles)) {
    for (const [glob, chart] of Object.entries(r.valuesFiles as Record<string, unknown>)) {
      if (typeof chart === 'string' && chart.trim() && glob.trim()) valuesFiles[glob] = chart;
    }
  }
  return { valuesFiles };
}
