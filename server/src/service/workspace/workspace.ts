/**
 * Every YAML file of the workspace and the Kubernetes objects in them. Files come from disk
 * (at start and on file-system events) and from the editor; an open document wins over disk.
 */
import { chartRootOf, isChartFile, isTemplateFile } from '../parse/helm';
import { isRenderedUri } from '../rendered/types';
import { defaultClusterSettings, type ClusterSettings } from './cluster';
import { WorkspaceFile, type IndexedObject, type ObjectOrigin } from './file';
import { objectsMadeByChart, objectsMadeFrom } from './madeObjects';
import { PartialFiles, type PartialKind } from './partialFiles';
import type { CrdPatchRef } from '../parse/kustomize';
import type { FileSummary } from '../parse/summary';

export type FileSource = 'disk' | 'editor';

/**
 * Told about a check that threw (a rule, the binding simulation under a rule): the check yields
 * nothing for that object and the others go on, but the failure is a bug to see in a log.
 */
export type ErrorReporter = (what: string, error: unknown) => void;

export class Workspace {
  private readonly files = new Map<string, WorkspaceFile>();
  private readonly openUris = new Set<string>();
  private readonly chartRoots = new Set<string>();
  private byKind?: Map<string, IndexedObject[]>;
  /** Kustomize patches and test assertion files, from the files that name them. */
  private readonly partials = new PartialFiles();
  private clusterSettings: ClusterSettings = defaultClusterSettings;
  /** Increases on every change; caches of cross-file results compare against it. */
  generation = 0;
  /**
   * True when the workspace is read once and then checked once (a CLI run): no edit will follow,
   * so nothing needs to tell an edit that leaves storage alone from one that does not.
   */
  readOnce = false;

  constructor(readonly onError: ErrorReporter = () => undefined) {}

  /**
   * Adds or replaces a file. Disk content is ignored while the editor has the file open.
   * `summary`: the file as another thread parsed it (parse/summary.ts), or as this thread parsed
   * it already (a WorkspaceFile of the same text), used when it was parsed the way this index
   * parses it (the same template flag), so the text is not parsed again.
   */
  setFile(
    uri: string,
    text: string,
    source: FileSource = 'disk',
    version = 0,
    summary?: FileSummary | WorkspaceFile,
  ): WorkspaceFile | undefined {
    if (source === 'disk' && this.openUris.has(uri)) return this.files.get(uri);
    if (source === 'editor') this.openUris.add(uri);
    const previous = this.files.get(uri);
    if (previous && previous.text === text && previous.version === version) return previous;
    if (isChartFile(uri) && !this.chartRoots.has(chartRootOf(uri))) {
      this.chartRoots.add(chartRootOf(uri));
      this.reparseTemplatesUnder(chartRootOf(uri));
    }
    const file = this.makeFile(uri, text, version, previous, summary);
    this.files.set(uri, file);
    this.partials.update(uri, text);
    this.changed();
    return file;
  }

  /** The cluster the manifests go to: snapshot files and the default class. */
  get cluster(): ClusterSettings {
    return this.clusterSettings;
  }

  /**
   * New cluster settings: files that become (or stop being) snapshots are re-read with their new
   * origin. Returns true when anything the features read has changed.
   */
  setCluster(settings: ClusterSettings): boolean {
    const previous = this.clusterSettings;
    this.clusterSettings = settings;
    let changed =
      JSON.stringify(previous.defaultStorageClass) !== JSON.stringify(settings.defaultStorageClass);
    for (const file of [...this.files.values()]) {
      if (file.origin === this.originOf(file.uri)) continue;
      this.files.set(file.uri, this.makeFile(file.uri, file.text, file.version, file));
      changed = true;
    }
    if (changed) this.changed();
    return changed;
  }

  /** True when the file is a cluster snapshot (its objects are in the cluster, not to lint). */
  isSnapshot(uri: string): boolean {
    return this.files.get(uri)?.origin === 'cluster';
  }

  private originOf(uri: string): ObjectOrigin {
    return this.clusterSettings.isSnapshot(uri) ? 'cluster' : 'manifest';
  }

  private makeFile(
    uri: string,
    text: string,
    version: number,
    previous: WorkspaceFile | undefined,
    summary?: FileSummary | WorkspaceFile,
  ): WorkspaceFile {
    const origin = this.originOf(uri);
    // What kubectl printed or helm rendered is never a template, whatever its strings hold.
    const template =
      origin === 'manifest' && !isRenderedUri(uri) && isTemplateFile(uri, text, this.chartRoots);
    // A file parsed already gives its chunks as a previous version would (same text: all of them).
    const parsed = summary instanceof WorkspaceFile ? summary : undefined;
    return new WorkspaceFile(uri, text, version, template, previous ?? parsed, origin, {
      summary: parsed ? undefined : (summary as FileSummary | undefined),
      open: this.openUris.has(uri),
    });
  }

  /** The editor closed the file: disk is the source again (the caller re-reads it). */
  closeFile(uri: string): void {
    this.openUris.delete(uri);
    for (const placed of this.files.get(uri)?.chunks ?? []) placed.chunk.pin(false);
  }

  /**
   * A file was checked: unless it is open in the editor, its parsed trees are dropped now rather
   * than when the pool of trees is full — they die young, cheap to collect, and the memory of a
   * pass over every file stays that of one file.
   */
  checked(uri: string): void {
    if (!this.openUris.has(uri)) this.files.get(uri)?.releaseTrees();
  }

  isOpen(uri: string): boolean {
    return this.openUris.has(uri);
  }

  removeFile(uri: string): void {
    if (this.openUris.has(uri)) return;
    this.partials.remove(uri);
    if (this.files.delete(uri)) this.changed();
    if (isChartFile(uri)) this.chartRoots.delete(chartRootOf(uri));
  }

  getFile(uri: string): WorkspaceFile | undefined {
    return this.files.get(uri);
  }

  allFiles(): IterableIterator<WorkspaceFile> {
    return this.files.values();
  }

  /** Chart folders (URI prefixes ending with `/`) known from their Chart.yaml. */
  charts(): ReadonlySet<string> {
    return this.chartRoots;
  }

  /**
   * What the file is when it holds partial objects: a patch a kustomization of the workspace
   * merges into another object, or a file a test compares with live objects. Such a file is
   * neither linted as a whole object nor one of the objects the others link to (`objectsOfKind`,
   * `allObjects`).
   */
  partialKind(uri: string): PartialKind | undefined {
    return this.partials.kindOf(uri);
  }

  /** True when a kustomization that takes the file in writes `spec.selector` (commonLabels, …). */
  selectorAddedByKustomize(uri: string): boolean {
    return this.partials.selectorAddedByKustomize(uri);
  }

  /** A kustomization that takes the file in sets `namespace:` (its Namespace objects are renamed). */
  namespaceSetByKustomize(uri: string): boolean {
    return this.partials.namespaceSetByKustomize(uri);
  }

  /** The JSON 6902 patches kustomizations of the workspace apply to CRDs before installing them. */
  crdPatches(): CrdPatchRef[] {
    return this.partials.crdPatches();
  }

  objectsOfKind(kind: string): readonly IndexedObject[] {
    if (!this.byKind) {
      this.byKind = new Map();
      for (const file of this.files.values()) {
        if (this.partialKind(file.uri)) continue;
        for (const object of file.objects()) {
          this.addByKind(object);
          for (const made of objectsMadeFrom(object)) this.addByKind(made);
        }
      }
      for (const made of this.madeByCharts()) this.addByKind(made);
    }
    return this.byKind.get(kind) ?? [];
  }

  private addByKind(object: IndexedObject): void {
    const list = this.byKind!.get(object.kind);
    if (list) list.push(object);
    else this.byKind!.set(object.kind, [object]);
  }

  *allObjects(): IterableIterator<IndexedObject> {
    for (const file of this.files.values()) {
      if (this.partialKind(file.uri)) continue;
      for (const object of file.objects()) {
        yield object;
        yield* objectsMadeFrom(object);
      }
    }
    yield* this.madeByCharts();
  }

  /** What the dependencies of the workspace's umbrella charts make (workspace/madeObjects.ts). */
  private *madeByCharts(): IterableIterator<IndexedObject> {
    const fileIn = (root: string, names: string[]) =>
      names.map((n) => this.files.get(root + n)).find((f) => f !== undefined);
    for (const root of this.chartRoots) {
      const chart = fileIn(root, ['Chart.yaml', 'Chart.yml']);
      if (chart && !this.partialKind(chart.uri))
        yield* objectsMadeByChart(chart, fileIn(root, ['values.yaml', 'values.yml']));
    }
  }

  /** A Chart.yaml appeared: files already known under its templates/ become templates. */
  private reparseTemplatesUnder(root: string): void {
    for (const file of [...this.files.values()]) {
      if (
        !file.template &&
        file.origin === 'manifest' &&
        file.uri.startsWith(root + 'templates/')
      ) {
        this.files.set(
          file.uri,
          new WorkspaceFile(file.uri, file.text, file.version, true, undefined, 'manifest', {
            open: this.openUris.has(file.uri),
          }),
        );
      }
    }
  }

  private changed(): void {
    this.generation++;
    this.byKind = undefined;
  }
}
