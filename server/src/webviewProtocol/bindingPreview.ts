/**
 * Messages between the binding preview's host (extension) and its webview, both ways, with
 * runtime checks: a webview is a separate, untrusted process, and its messages are data.
 */
import type { BindingsResult } from '../../../server/src/protocol';

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
}

export type HostMessage =
  | {
      type: 'update';
      lang: 'en' | 'ru';
      strings: UiStrings;
      result: BindingsResult;
      state: ViewState;
      scopeLabel: string;
    }
  | { type: 'loading'; lang: 'en' | 'ru'; strings: UiStrings };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; line: number; character: number }
  | { type: 'setState'; state: ViewState };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isNat = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

export function isViewState(x: unknown): x is ViewState {
  return (
    isObject(x) &&
    (x.scope === 'workspace' || x.scope === 'folder' || x.scope === 'file') &&
    (x.anchorUri === undefined || typeof x.anchorUri === 'string') &&
    typeof x.namespace === 'string' &&
    typeof x.search === 'string' &&
    typeof x.nodeLabels === 'string' &&
    (x.selected === undefined || typeof x.selected === 'string') &&
    (x.zoom === undefined || (typeof x.zoom === 'number' && x.zoom > 0 && x.zoom <= 10))
  );
}

export function isWebviewMessage(x: unknown): x is WebviewMessage {
  if (!isObject(x)) return false;
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

export function isHostMessage(x: unknown): x is HostMessage {
  if (!isObject(x) || (x.lang !== 'en' && x.lang !== 'ru') || !isObject(x.strings)) return false;
  if (x.type === 'loading') return true;
  if (x.type !== 'update' || !isViewState(x.state) || typeof x.scopeLabel !== 'string')
    return false;
  const result = x.result;
  if (!isObject(result) || typeof result.ok !== 'boolean') return false;
  if (!result.ok) return isObject(result.error);
  const data = result.data;
  return (
    isObject(data) &&
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
