/**
 * Messages between the Helm values inspector host and its webview, both ways, with runtime
 * checks: the webview is untrusted input for the host, and the host's data is checked once more
 * before rendering.
 */
import type { HelmInspectData } from '../../../server/src/protocol';

export type Lang = 'en' | 'ru';

export type ToWebview =
  | {
      type: 'show';
      data: HelmInspectData;
      lang: Lang;
      state: InspectorState;
      l10n?: Record<string, string>;
    }
  | { type: 'error'; message: string }
  | { type: 'loading'; label: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'createValues' }
  | { type: 'copyStorage' }
  | { type: 'openTemplate'; file: string; line: number }
  | { type: 'openValues'; line: number };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

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
        Number.isInteger(x.line) &&
        (x.line as number) >= 1
      );
    case 'openValues':
      return Number.isInteger(x.line) && (x.line as number) >= 0;
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

export function isToWebview(x: unknown): x is ToWebview {
  if (!isRecord(x) || typeof x.type !== 'string') return false;
  if (x.type === 'error') return typeof x.message === 'string';
  if (x.type === 'loading') return typeof x.label === 'string';
  if (x.type !== 'show' || (x.lang !== 'en' && x.lang !== 'ru') || !isInspectorState(x.state))
    return false;
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
  return sourceOk && (x.valuesUri === undefined || typeof x.valuesUri === 'string');
}
