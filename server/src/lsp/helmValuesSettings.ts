/** `kubeStorage.helm.*` as the server reads it. */

export interface HelmSettings {
  /** Glob (matched against the workspace-relative path, or the absolute path) -> chart folder, Chart.yaml or .tgz. */
  valuesFiles: Record<string, string>;
  /** The helm binary (`kubeStorage.helm.path`); `helm` is looked up in PATH. */
  path: string;
  /** Render open values files with `helm template` and check what the chart creates. */
  render: boolean;
  /** Release name and namespace of the render (`helm template <release> --namespace <ns>`). */
  release: string;
  namespace: string;
  /** `--set` pairs added to every render (`key=value`). */
  set: string[];
}

export const defaultHelmSettings: HelmSettings = {
  valuesFiles: {},
  path: 'helm',
  render: true,
  release: 'release-name',
  namespace: 'default',
  set: [],
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function normalizeHelmSettings(raw: unknown): HelmSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<string, unknown>>;
  const valuesFiles: Record<string, string> = {};
  if (r.valuesFiles && typeof r.valuesFiles === 'object' && !Array.isArray(r.valuesFiles)) {
    for (const [glob, chart] of Object.entries(r.valuesFiles as Record<string, unknown>)) {
      if (typeof chart === 'string' && chart.trim() && glob.trim()) valuesFiles[glob] = chart;
    }
  }
  const text = (v: unknown, fallback: string, valid: (s: string) => boolean = () => true) =>
    typeof v === 'string' && v.trim() && valid(v.trim()) ? v.trim() : fallback;
  return {
    valuesFiles,
    path: text(r.path, defaultHelmSettings.path),
    render: typeof r.render === 'boolean' ? r.render : defaultHelmSettings.render,
    release: text(
      r.release,
      defaultHelmSettings.release,
      (s) => DNS_LABEL.test(s) && s.length <= 53,
    ),
    namespace: text(
      r.namespace,
      defaultHelmSettings.namespace,
      (s) => DNS_LABEL.test(s) && s.length <= 63,
    ),
    set: Array.isArray(r.set)
      ? r.set
          .filter((x): x is string => typeof x === 'string' && /^[^=\s]+=/.test(x.trim()))
          .map((x) => x.trim())
      : [],
  };
}
