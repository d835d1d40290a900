/** Recognises Kubernetes objects in parsed YAML documents: apiVersion + kind, name, labels. */
import { isMap, isScalar, type Document } from 'yaml';
import { isKustomizePluginApiVersion } from './kustomize';
import { keyString, nodeSpan, nodesAtPath, type Span } from './nodes';

export interface ObjectFacts {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
  /** Spans inside the chunk text. */
  span: Span;
  nameSpan?: Span;
  kindSpan?: Span;
  apiVersionSpan?: Span;
}

/**
 * Objects with only one of apiVersion/kind are reported as incomplete, other YAML is left alone.
 * A list (`kind: List`, or a `…List` kind with `items`, as `kubectl get -o yaml` prints) is not an
 * object itself: its items are (parse/list.ts).
 */
export type Recognition =
  | { type: 'object'; facts: ObjectFacts }
  | { type: 'list'; facts: ObjectFacts }
  | { type: 'incomplete'; missing: 'apiVersion' | 'kind'; span: Span }
  | { type: 'other' };

/** What an item of a typed list (`PersistentVolumeList`) is when it does not say: the API omits it. */
export interface ImpliedType {
  apiVersion: string;
  kind: string;
}

export function recognise(doc: Document, implied?: ImpliedType): Recognition {
  const root = doc.contents;
  if (!isMap(root)) return { type: 'other' };
  let apiVersion = scalarAt(doc, ['apiVersion']);
  let kind = scalarAt(doc, ['kind']);
  const span = nodeSpan(root) ?? [0, 0];
  if (implied && apiVersion === undefined && kind === undefined) {
    apiVersion = { value: implied.apiVersion };
    kind = { value: implied.kind };
  }
  if (typeof apiVersion?.value !== 'string' && typeof kind?.value !== 'string') {
    return { type: 'other' };
  }
  if (typeof kind?.value === 'string' && isListKind(doc, kind.value)) {
    const facts: ObjectFacts = {
      apiVersion: typeof apiVersion?.value === 'string' ? apiVersion.value : '',
      kind: kind.value,
      labels: {},
      span,
      kindSpan: kind.valueSpan,
      apiVersionSpan: apiVersion?.valueSpan,
    };
    return { type: 'list', facts };
  }
  // Only something that looks like an object (it has metadata) is reported as incomplete: Helm's
  // Chart.yaml, kustomize files and other configs have an apiVersion but are not API objects.
  // A kustomize plugin's configuration has metadata, yet configures kustomize only.
  if (!isMap(nodesAtPath(doc, ['metadata'])?.value)) return { type: 'other' };
  if (isKustomizePluginApiVersion(apiVersion?.value)) return { type: 'other' };
  if (typeof apiVersion?.value !== 'string') {
    return { type: 'incomplete', missing: 'apiVersion', span: kind!.keySpan ?? span };
  }
  if (typeof kind?.value !== 'string') {
    return { type: 'incomplete', missing: 'kind', span: apiVersion.keySpan ?? span };
  }
  const name = scalarAt(doc, ['metadata', 'name']);
  const namespace = scalarAt(doc, ['metadata', 'namespace']);
  return {
    type: 'object',
    facts: {
      apiVersion: apiVersion.value,
      kind: kind.value,
      name: name && name.value !== null && name.value !== '' ? String(name.value) : undefined,
      namespace: namespace?.value ? String(namespace.value) : undefined,
      labels: stringMapAt(doc, ['metadata', 'labels']),
      span,
      nameSpan: name?.valueSpan,
      kindSpan: kind.valueSpan,
      apiVersionSpan: apiVersion.valueSpan,
    },
  };
}

/**
 * `kind: List`, or a kind named `…List` whose root has `items` (kubectl's test for a list is an
 * `items` field; the suffix keeps a custom kind like `AllowList` without items an object).
 */
function isListKind(doc: Document, kind: string): boolean {
  if (kind === 'List') return true;
  return kind.length > 4 && kind.endsWith('List') && nodesAtPath(doc, ['items']) !== undefined;
}

interface ScalarHit {
  value: unknown;
  valueSpan?: Span;
  keySpan?: Span;
}

function scalarAt(doc: Document, path: string[]): ScalarHit | undefined {
  const hit = nodesAtPath(doc, path);
  if (!hit) return undefined;
  const value = isScalar(hit.value) ? hit.value.value : undefined;
  return { value, valueSpan: nodeSpan(hit.value), keySpan: nodeSpan(hit.key) };
}

function stringMapAt(doc: Document, path: string[]): Record<string, string> {
  const hit = nodesAtPath(doc, path);
  const out: Record<string, string> = {};
  if (!hit || !isMap(hit.value)) return out;
  for (const pair of hit.value.items) {
    const key = keyString(pair);
    if (key !== undefined && isScalar(pair.value)) out[key] = String(pair.value.value ?? '');
  }
  return out;
}
