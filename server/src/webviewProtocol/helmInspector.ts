/**
 * Messages between the Helm values inspector's host (client/src/helmValues) and its webview
 * (client/webview/helmValues), both ways, with run-time checks (check.ts): the webview is
 * untrusted input for the host, and the host's data is checked once more before rendering. The
 * same convention as the binding preview's (bindingPreview.ts).
 */
import type { HelmInspectData, Lang, RenderedStorage } from '../protocol';
import { isLang, isNat, isOptionalString, isRecord } from './check';

/**
 * Host → webview. `l10n` is the table of the webview's own labels in the inspector's language
 * (English source → text, empty for English), applied before the message.
 */
export type ToWebview = (
  | { type: 'show'; data: HelmInspectData; lang: Lang; state: InspectorState }
  | { type: 'error'; message: string }
  | { type: 'loading'; label: string }
  /** What the values file's render creates ("Rendered storage"), sent again after each render. */
  | { type: 'rendered'; storage: RenderedStorage; lang: Lang }
) & { l10n?: Record<string, string> };

/** Webview → host. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'createValues' }
  | { type: 'copyStorage' }
  | { type: 'openTemplate'; file: string; line: number }
  | { type: 'openValues'; line: number }
  /** A line of a values file the render read: the user's file or the chart's values.yaml. */
  | { type: 'openValueFile'; uri: string; line: number };

export function isFromWebview(x: unknown): x is FromWebview {
  if (!isRecord(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
    case 'refresh':
    case 'createValues':
    case 'copyStorage':
      return true;
    case 'openTemplate':
      return (
        typeof x.file === 'string' &&
        x.file.length < 1000 &&
        /^templates\//.test(x.file) &&
        !x.file.split('/').includes('..') &&
        isNat(x.line) &&
        x.line >= 1
      );
    case 'openValues':
      return isNat(x.line);
    case 'openValueFile':
      return typeof x.uri === 'string' && x.uri.length < 4000 && isNat(x.line);
    default:
      return false;
  }
}

function isRow(x: unknown): boolean {
  return (
    isRecord(x) &&
    typeof x.path === 'string' &&
    Array.isArray(x.keys) &&
    typeof x.depth === 'number' &&
    typeof x.type === 'string' &&
    typeof x.overridden === 'boolean' &&
    typeof x.differs === 'boolean' &&
    typeof x.storage === 'boolean' &&
    Array.isArray(x.uses) &&
    typeof x.line === 'number'
  );
}

function isRenderedStorage(x: unknown): boolean {
  return (
    isRecord(x) &&
    (x.state === 'rendered' || x.state === 'failed' || x.state === 'none') &&
    Array.isArray(x.claims) &&
    x.claims.every(
      (c) =>
        isRecord(c) &&
        typeof c.name === 'string' &&
        typeof c.namespace === 'string' &&
        Array.isArray(c.accessModes) &&
        isRecord(c.reason) &&
        isRecord(c.links),
    ) &&
    Array.isArray(x.workloads) &&
    x.workloads.every((w) => isRecord(w) && typeof w.name === 'string' && Array.isArray(w.volumes))
  );
}

function isStringMap(x: unknown): x is Record<string, string> {
  return isRecord(x) && Object.values(x).every((v) => typeof v === 'string');
}

export function isToWebview(x: unknown): x is ToWebview {
  if (!isRecord(x) || typeof x.type !== 'string') return false;
  if (x.l10n !== undefined && !isStringMap(x.l10n)) return false;
  if (x.type === 'error') return typeof x.message === 'string';
  if (x.type === 'loading') return typeof x.label === 'string';
  if (x.type === 'rendered') return isLang(x.lang) && isRenderedStorage(x.storage);
  if (x.type !== 'show' || !isLang(x.lang) || !isInspectorState(x.state)) return false;
  const data = x.data;
  return (
    isRecord(data) &&
    isRecord(data.chart) &&
    typeof data.chart.name === 'string' &&
    typeof data.defaultsText === 'string' &&
    typeof data.storageBlock === 'string' &&
    Array.isArray(data.rows) &&
    data.rows.every(isRow) &&
    Array.isArray(data.diagnostics)
  );
}

/** What the webview keeps across reloads (vscode.setState) and the serializer restores. */
export interface InspectorState {
  source: { kind: 'path'; path: string } | { kind: 'reference'; reference: string };
  valuesUri?: string;
  query?: string;
  storageOnly?: boolean;
  changedOnly?: boolean;
}

export function isInspectorState(x: unknown): x is InspectorState {
  if (!isRecord(x) || !isRecord(x.source)) return false;
  const s = x.source;
  const sourceOk =
    (s.kind === 'path' && typeof s.path === 'string') ||
    (s.kind === 'reference' && typeof s.reference === 'string');
  return sourceOk && isOptionalString(x.valuesUri);
}
