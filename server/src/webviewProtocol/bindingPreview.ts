/**
 * Messages between the binding preview's host (client/src/bindingPreview) and its webview
 * (client/webview/bindingPreview), both ways, with run-time checks (check.ts). The same
 * convention as the Helm inspector's (helmInspector.ts): `ToWebview` / `FromWebview`
 * discriminated by `type`, checked by `isToWebview` / `isFromWebview` on receipt.
 */
import type { BindingsResult, Lang } from '../protocol';
import { isLang, isNat, isOptionalString, isRecord } from './check';

export type ScopeMode = 'workspace' | 'folder' | 'file';

/** Every UI string of the webview, resolved by the host in the user's language. */
export interface UiStrings {
  title: string;
  scope: string;
  scopeWorkspace: string;
  scopeFolder: string;
  scopeFile: string;
  namespace: string;
  allNamespaces: string;
  search: string;
  searchPlaceholder: string;
  nodeLabels: string;
  nodeLabelsPlaceholder: string;
  empty: string;
  loading: string;
  failed: string;
  legend: string;
  kindClass: string;
  kindVolume: string;
  kindClaim: string;
  kindWorkload: string;
  outcomeBound: string;
  outcomeProvision: string;
  outcomeWait: string;
  outcomePending: string;
  outcomeLost: string;
  volumeAvailable: string;
  volumeReleased: string;
  volumeFailed: string;
  details: string;
  rejected: string;
  orderDependent: string;
  openSource: string;
  nothingMatches: string;
  defaultClass: string;
  graphLabel: string;
  zoomIn: string;
  zoomOut: string;
  zoomFit: string;
  /** `{0}`: how many objects are drawn in groups. */
  grouped: string;
  /** `{0}`: the number of objects in a group. */
  groupOf: string;
  showNamespace: string;
  close: string;
  /** The toolbar's switch: objects of charts rendered with helm take part. */
  renderedCharts: string;
  renderedChartsHint: string;
  kindChart: string;
  /** `{0}`: the release name. */
  chartRelease: string;
  /** The chart's box when helm could not render it, and when it creates no storage. */
  chartFailed: string;
  chartNoStorage: string;
  /** `{0}`: the chart's name (and release). */
  fromChart: string;
  /** `{0}`: the template file, `{1}`: its line. */
  templateAt: string;
  templateFile: string;
  /** `{0}`: the field, `{1}`: the value's path, `{2}`: the values file, `{3}`: the line. */
  valueAt: string;
  /** `{0}`: the field, `{1}`: the `--set` pair's path. */
  valueSet: string;
  /** `{0}`: the values files, in the order helm merges them. */
  chartValues: string;
  openTemplate: string;
  openValue: string;
  openValuesFile: string;
}

export interface ViewState {
  scope: ScopeMode;
  /** The file the preview was opened from (anchors the folder and file scopes). */
  anchorUri?: string;
  namespace: string;
  search: string;
  nodeLabels: string;
  selected?: string;
  /** The graph's scale (1 = 100 %), kept across updates and reloads. */
  zoom?: number;
  /** Objects of charts rendered with helm take part (absent: yes). */
  renderedCharts?: boolean;
}

/** Host → webview. */
export type ToWebview =
  | {
      type: 'update';
      lang: Lang;
      strings: UiStrings;
      result: BindingsResult;
      state: ViewState;
      scopeLabel: string;
    }
  | { type: 'loading'; lang: Lang; strings: UiStrings };

/** Webview → host. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; line: number; character: number }
  | { type: 'setState'; state: ViewState };

export function isViewState(x: unknown): x is ViewState {
  return (
    isRecord(x) &&
    (x.scope === 'workspace' || x.scope === 'folder' || x.scope === 'file') &&
    isOptionalString(x.anchorUri) &&
    typeof x.namespace === 'string' &&
    typeof x.search === 'string' &&
    typeof x.nodeLabels === 'string' &&
    isOptionalString(x.selected) &&
    (x.zoom === undefined || (typeof x.zoom === 'number' && x.zoom > 0 && x.zoom <= 10)) &&
    (x.renderedCharts === undefined || typeof x.renderedCharts === 'boolean')
  );
}

export function isFromWebview(x: unknown): x is FromWebview {
  if (!isRecord(x)) return false;
  switch (x.type) {
    case 'ready':
      return true;
    case 'reveal':
      return typeof x.uri === 'string' && isNat(x.line) && isNat(x.character);
    case 'setState':
      return isViewState(x.state);
    default:
      return false;
  }
}

export function isToWebview(x: unknown): x is ToWebview {
  if (!isRecord(x) || !isLang(x.lang) || !isRecord(x.strings)) return false;
  if (x.type === 'loading') return true;
  if (x.type !== 'update' || !isViewState(x.state) || typeof x.scopeLabel !== 'string')
    return false;
  const result = x.result;
  if (!isRecord(result) || typeof result.ok !== 'boolean') return false;
  if (!result.ok) return isRecord(result.error);
  const data = result.data;
  return (
    isRecord(data) &&
    Array.isArray(data.claims) &&
    Array.isArray(data.volumes) &&
    Array.isArray(data.storageClasses) &&
    Array.isArray(data.workloads)
  );
}

export const defaultViewState: ViewState = {
  scope: 'workspace',
  namespace: '',
  search: '',
  nodeLabels: '',
};
