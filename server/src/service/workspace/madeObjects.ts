/**
 * Objects no file writes as such, but an operator or a Helm release creates from one that a file
 * does write: the StorageClass Longhorn's manager makes from its ConfigMap
 * (kubernetes/classConfigMaps.ts), the classes the chart of a declared Helm release makes
 * (kubernetes/releaseClasses.ts), a Flux HelmRelease, an Argo CD Application or a dependency of an
 * umbrella chart (kubernetes/declaredRelease.ts). They take part in what reads the workspace by kind (links, the
 * binding, completion of class names), pointing at where the object that makes them says so, and
 * are never linted, listed as symbols or edited themselves.
 */
import { Document, parseDocument } from 'yaml';
import { classConfigMap, type ClassConfigMap } from '../kubernetes/classConfigMaps';
import { classesOfRelease } from '../kubernetes/releaseClasses';
import {
  declaredRelease,
  dependencyReleases,
  type DeclaredRelease,
} from '../kubernetes/declaredRelease';
import { MAX_ALIAS_COUNT, type DocumentValue, type ParsedDocument } from '../parse/chunk';
import { nodeSpan, nodesAtPath, type Span, type YamlPath } from '../parse/nodes';
import type { RelativeSite } from '../navigation/sites';
import { kubernetesTags } from '../parse/yamlTags';
import type { Range } from '../types';
import { shiftRange, type IndexedObject, type ObjectMaker, type WorkspaceFile } from './file';
import { isRecord } from '../plainData';

const made = new WeakMap<IndexedObject, readonly IndexedObject[]>();

/** The kinds that may make objects: an operator's ConfigMap, a Helm release. */
const MAKER_KINDS: ReadonlySet<string> = new Set(['ConfigMap', 'HelmRelease', 'Application']);

/** The objects an operator or a release creates from `object` (empty for almost every object). */
export function objectsMadeFrom(object: IndexedObject): readonly IndexedObject[] {
  if (!MAKER_KINDS.has(object.kind) || object.origin !== 'manifest') return [];
  let list = made.get(object);
  if (!list) {
    list = object.kind === 'ConfigMap' ? configMapClasses(object) : releaseClasses(object);
    made.set(object, list);
  }
  return list;
}

function configMapClasses(object: IndexedObject): IndexedObject[] {
  const entry = classConfigMap(object.name);
  return entry ? classMadeFrom(object, entry) : [];
}

/** The StorageClasses the chart of a declared Helm release makes (kubernetes/releaseClasses.ts). */
function releaseClasses(object: IndexedObject): IndexedObject[] {
  const value = object.document.value();
  if (!value.ok || !isRecord(value.data)) return [];
  const release = declaredRelease(object.kind, object.apiVersion, value.data);
  return release ? classesMadeBy(object, [release]) : [];
}

function classesMadeBy(maker: ObjectMaker, releases: DeclaredRelease[]): IndexedObject[] {
  return releases.flatMap((release) =>
    classesOfRelease(release).map(
      (c) => new MadeObject(maker, c.at, c.manifest, c.name, labelsOf(c.manifest.metadata)),
    ),
  );
}

const madeByChart = new WeakMap<
  WorkspaceFile,
  { values?: WorkspaceFile; list: readonly IndexedObject[] }
>();

/**
 * The StorageClasses the dependencies of an umbrella chart make (kubernetes/declaredRelease.ts
 * `dependencyReleases`), from its Chart.yaml and values.yaml; they point at the dependency's name.
 */
export function objectsMadeByChart(
  chartFile: WorkspaceFile,
  valuesFile: WorkspaceFile | undefined,
): readonly IndexedObject[] {
  const cached = madeByChart.get(chartFile);
  if (cached && cached.values === valuesFile) return cached.list;
  const list = chartClasses(chartFile, valuesFile);
  madeByChart.set(chartFile, { values: valuesFile, list });
  return list;
}

function chartClasses(chartFile: WorkspaceFile, valuesFile?: WorkspaceFile): IndexedObject[] {
  const placed = chartFile.chunks[0];
  const document = placed?.chunk.docs[0];
  const chart = document && plainData(document);
  if (!placed || !document || !isRecord(chart) || !Array.isArray(chart.dependencies)) return [];
  const valuesDoc = valuesFile?.chunks[0]?.chunk.docs[0];
  const values = valuesDoc && plainData(valuesDoc);
  const span: Span = [0, placed.chunk.text.length];
  const maker: ObjectMaker = {
    uri: chartFile.uri,
    document,
    placed,
    startLine: placed.startLine,
    template: false,
    get range() {
      return shiftRange(placed.chunk.rangeOf(span), placed.startLine);
    },
  };
  return classesMadeBy(maker, dependencyReleases(chart, isRecord(values) ? values : {}));
}

function plainData(document: ParsedDocument): unknown {
  const value = document.value();
  return value.ok ? value.data : undefined;
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
  return [
    new MadeObject(configMap, ['data', entry.key], manifest, metadata.name, labelsOf(metadata)),
  ];
}

function labelsOf(metadata: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (isRecord(metadata) && isRecord(metadata.labels))
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
    readonly madeFrom: ObjectMaker,
    /** Where `madeFrom` says so: the ConfigMap's key, the class's name in the release's values. */
    private readonly at: YamlPath,
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
      // "Go to definition" of the class name lands on the ConfigMap's key, the values' `name:`.
      get sites(): RelativeSite[] {
        const span = keySpan();
        return span ? [{ link: 'storageclass', role: 'definition', name, span }] : [];
      },
    };
  }

  /** Where the maker says so (`at`): the key and its value, relative to the chunk. */
  private spans(): { key?: Span; value?: Span } {
    const nodes = nodesAtPath(this.madeFrom.document.doc, this.at);
    return { key: nodeSpan(nodes?.key), value: nodeSpan(nodes?.value) };
  }

  get placed(): IndexedObject['placed'] {
    return this.madeFrom.placed;
  }

  get startLine(): number {
    return this.madeFrom.startLine;
  }

  /** The ConfigMap's text of the manifest, the class's name in the values: where "go to definition" lands. */
  get range(): Range {
    return this.textRanges().range;
  }

  /** The ConfigMap's key that holds the manifest, the values' `name` key. */
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
