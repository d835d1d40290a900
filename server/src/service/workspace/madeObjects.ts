/**
 * Objects no file writes as such, but an operator creates from one that a file does write: the
 * StorageClass Longhorn's manager makes from its ConfigMap (kubernetes/classConfigMaps.ts). They
 * take part in what reads the workspace by kind (links, the binding, completion of class names),
 * pointing at the ConfigMap's text, and are never linted, listed as symbols or edited themselves:
 * their YAML is a string inside another object.
 */
import { Document, parseDocument } from 'yaml';
import { classConfigMap, type ClassConfigMap } from '../kubernetes/classConfigMaps';
import { MAX_ALIAS_COUNT, type DocumentValue, type ParsedDocument } from '../parse/chunk';
import { nodeSpan, nodesAtPath, type Span } from '../parse/nodes';
import type { RelativeSite } from '../navigation/sites';
import { kubernetesTags } from '../parse/yamlTags';
import type { Range } from '../types';
import { shiftRange, type IndexedObject } from './file';
import { isRecord } from '../plainData';

const made = new WeakMap<IndexedObject, readonly IndexedObject[]>();

/** The objects an operator creates from `object` (empty for almost every object). */
export function objectsMadeFrom(object: IndexedObject): readonly IndexedObject[] {
  if (object.kind !== 'ConfigMap' || object.origin !== 'manifest') return [];
  const entry = classConfigMap(object.name);
  if (!entry) return [];
  let list = made.get(object);
  if (!list) {
    list = classMadeFrom(object, entry);
    made.set(object, list);
  }
  return list;
}

/** The StorageClass written in the ConfigMap's key, when it is one. */
function classMadeFrom(configMap: IndexedObject, entry: ClassConfigMap): IndexedObject[] {
  const value = configMap.document.value();
  const data = value.ok && isRecord(value.data) ? value.data.data : undefined;
  const text = isRecord(data) ? data[entry.key] : undefined;
  if (typeof text !== 'string') return [];
  const parsed = parseDocument(text, {
    version: '1.1',
    customTags: kubernetesTags,
    prettyErrors: false,
    logLevel: 'error',
  });
  if (parsed.errors.length) return [];
  let manifest: unknown;
  try {
    manifest = parsed.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return [];
  }
  if (!isRecord(manifest) || manifest.kind !== 'StorageClass') return [];
  if (typeof manifest.apiVersion !== 'string' || !manifest.apiVersion.startsWith('storage.k8s.io/'))
    return [];
  const metadata = isRecord(manifest.metadata) ? manifest.metadata : {};
  if (typeof metadata.name !== 'string' || !metadata.name) return [];
  return [new MadeObject(configMap, entry.key, manifest, metadata.name, labelsOf(metadata))];
}

function labelsOf(metadata: Record<string, unknown>): Record<string, string> {
  const labels: Record<string, string> = {};
  if (isRecord(metadata.labels))
    for (const [k, v] of Object.entries(metadata.labels)) if (typeof v === 'string') labels[k] = v;
  return labels;
}

/** No tree: a quick fix finds no node in it and is not offered (never an edit at a wrong place). */
const NO_TREE = new Document(null) as unknown as Document.Parsed;

class MadeObject implements IndexedObject {
  readonly uri: string;
  readonly origin = 'manifest' as const;
  readonly kind = 'StorageClass';
  readonly apiVersion: string;
  readonly template: boolean;
  readonly document: ParsedDocument;
  private ranges?: { range: Range; nameRange: Range };

  constructor(
    readonly madeFrom: IndexedObject,
    private readonly key: string,
    manifest: Record<string, unknown>,
    readonly name: string,
    readonly labels: Record<string, string>,
  ) {
    this.uri = madeFrom.uri;
    this.apiVersion = manifest.apiVersion as string;
    this.template = madeFrom.template;
    const value: DocumentValue = { ok: true, data: manifest };
    const keySpan = () => this.spans().key;
    this.document = {
      get doc() {
        return NO_TREE;
      },
      recognition: {
        type: 'object',
        facts: { apiVersion: this.apiVersion, kind: this.kind, name, labels, span: [0, 0] },
      },
      value: () => value,
      // "Go to definition" of the class name lands on the ConfigMap's key.
      get sites(): RelativeSite[] {
        const span = keySpan();
        return span ? [{ link: 'storageclass', role: 'definition', name, span }] : [];
      },
    };
  }

  /** Where the ConfigMap holds the manifest: its key and its text, relative to the chunk. */
  private spans(): { key?: Span; value?: Span } {
    const nodes = nodesAtPath(this.madeFrom.document.doc, ['data', this.key]);
    return { key: nodeSpan(nodes?.key), value: nodeSpan(nodes?.value) };
  }

  get placed(): IndexedObject['placed'] {
    return this.madeFrom.placed;
  }

  get startLine(): number {
    return this.madeFrom.startLine;
  }

  /** The ConfigMap's text of the manifest: where "go to definition" lands. */
  get range(): Range {
    return this.textRanges().range;
  }

  /** The ConfigMap's key that holds the manifest. */
  get nameRange(): Range {
    return this.textRanges().nameRange;
  }

  private textRanges(): { range: Range; nameRange: Range } {
    if (!this.ranges) {
      const spans = this.spans();
      const { chunk, startLine } = this.madeFrom.placed;
      const at = (span: Span | undefined) =>
        span ? shiftRange(chunk.rangeOf(span), startLine) : this.madeFrom.range;
      this.ranges = { range: at(spans.value), nameRange: at(spans.key) };
    }
    return this.ranges;
  }
}
