/**
 * The facade of the pure language service: the LSP server and the CLI call only this. No
 * 'vscode', no connection, no file system: text in, data out.
 */
import {
  fileDiagnostics,
  defaultDiagnosticSettings,
  type DiagnosticSettings,
} from './diagnostics/fileDiagnostics';
import type { ErrorReporter, FileSource } from './workspace/workspace';
import type { FileSummary } from './parse/summary';
import type { WorkspaceFile } from './workspace/file';
import { ChartFacade } from './chartFacade';
import { FileLimits, hasTooDeep, tooDeepAt, type FileSettings } from './fileLimits';
import { BindingCache } from './bindingCache';
import {
  defaultClusterSettings,
  parseDefaultClass,
  type ClusterDefaultClass,
  type ClusterSettings,
} from './workspace/cluster';
import { snapshotDiagnostics } from './diagnostics/snapshotDiagnostics';
import { withCustomResources } from './diagnostics/customResourceDiagnostics';
import { partialDiagnostics } from './diagnostics/partialDiagnostics';
import { withKustomizeFills, withoutRenamedNamespaces } from './diagnostics/kustomizeFills';
import { customKindsOf } from './schema/customResources';
import type { KubeDiagnostic, Lang, Position, Range } from './types';
import { hoverAt, type HoverInfo } from './hover';
import type { ChartFiles, ChartInspection } from './helm';
import {
  localRuleFindings,
  mergeDiagnostics,
  ruleFindings,
  seedLocalFindings,
} from './rules/engine';
import { storageSignature } from './rules/signature';
import { defaultRuleSettings } from './rules/types';
import { codeActionsFor, type KubeCodeAction } from './codeActions';
import { largeFileDiagnostics } from './largeFile';
import { complete, type KubeCompletionItem, type SnippetTemplate } from './completion';
import * as navigation from './navigation/navigate';
import {
  templateCompletion,
  templateDefinition,
  templateHover,
  templateReferences,
  valuesDefinition,
  valuesReferences,
  type TemplateSite,
  type ValuesSite,
} from './helm/templateAssist';
import type {
  Location as NavLocation,
  PrepareRenameResult,
  RenameResult,
} from './navigation/navigate';
import {
  documentSymbols,
  workspaceSymbols,
  type KubeSymbol,
  type WorkspaceSymbol,
} from './navigation/symbols';
import type { BindingOptions, BindingResult, BindingScope } from './binding';

export type { DiagnosticSettings, ErrorReporter, FileSource, ClusterDefaultClass, ClusterSettings };
export { defaultDiagnosticSettings };
export { defaultClusterSettings, parseDefaultClass };
export type { HoverInfo, KubeCodeAction, ChartFiles, ChartInspection };
export type { KubeCompletionItem, ItemKind, SnippetTemplate } from './completion';
export { parseSnippetFile } from './completion';
export type { NavLocation, PrepareRenameResult, RenameResult, KubeSymbol, WorkspaceSymbol };
export type { KubeSymbolKind } from './navigation/symbols';
export type * as binding from './binding/types';
export type { BindingOptions, BindingResult, BindingScope };
export type { ClaimResult, EphemeralOrigin } from './binding/types';
export { parseNodeLabels } from './binding';
export type { TextEdit as NavTextEdit } from './navigation/navigate';
export type { ValueCompletion, ValueRow, ValuesReport, ChartModel } from './helm';
export { mayBeValuesFile } from './helm';
/** The values table of a chart compared with a values file: the inspector's and the CLI's data. */
export { inspectChart as helmInspect } from './helm';
export type { MarkedRender, RenderedStorage, RenderedTrace, RenderProblem } from './rendered';
export type { RenderSubject, TracedFinding, ValueLeaf } from './rendered';
export { mergedFinding, parseSetPair, sameProblemKey, valuePathText } from './rendered';
export type { RuleSettings, KnownObjects, RuleMeta, RuleSeverityOverride } from './rules/types';
export { ruleRegistry, families as ruleFamilies } from './rules/index';
export type { KubeDiagnostic, Lang, LocalizedText, Severity, Range, Position } from './types';
export { resolveLang } from './i18n/format';
export { plainText, plainTexts } from './i18n/plainText';
export { kubernetesVersion } from './schema/registry';

export class LanguageService extends ChartFacade {
  private snippets: readonly SnippetTemplate[] = [];
  private readonly limits = new FileLimits();
  private readonly bindingCache = new BindingCache();

  constructor(options: LanguageServiceOptions = {}) {
    super(options.onError);
  }

  setFile(
    uri: string,
    text: string,
    source: FileSource = 'disk',
    version = 0,
    summary?: FileSummary | WorkspaceFile,
  ): void {
    if (source === 'disk' && !this.indexesFromDisk(uri, text)) return this.removeFile(uri);
    this.workspace.setFile(uri, text, source, version, summary);
  }

  /**
   * Whether `setFile` indexes this text read from disk: not above `maxFileSize` (parsing it would
   * hold the server up; open in the editor, it is), unless a cluster snapshot (parsed, never checked).
   */
  indexesFromDisk(uri: string, text: string): boolean {
    return this.workspace.cluster.isSnapshot(uri) || !this.limits.isLargeText(text);
  }

  /** Read once and checked once, no edit after (the CLI): nothing kept for edits (signature.ts). */
  setReadOnce(): void {
    this.workspace.readOnce = true;
  }

  /** The storage snippets (snippets/*.code-snippets, read by the caller), offered by completion. */
  setSnippets(snippets: readonly SnippetTemplate[]): void {
    this.snippets = snippets;
  }

  /**
   * How files are read (`kubeStorage.maxFileSize`: above it a file gets YAML syntax checks only).
   * Returns true when that changed (the problems of large files may differ).
   */
  setFileSettings(settings: FileSettings): boolean {
    return this.limits.set(settings);
  }

  /**
   * The cluster the manifests go to (`kubeStorage.cluster.*`, the CLI's `--cluster` and
   * `--default-class`). Returns true when the index changed (problems and bindings may differ).
   */
  setCluster(settings: ClusterSettings): boolean {
    return this.workspace.setCluster(settings);
  }

  /** True for a file named as a cluster snapshot: its objects are in the cluster. */
  isClusterSnapshot(uri: string): boolean {
    return this.workspace.isSnapshot(uri);
  }

  /** How many Kubernetes objects the index holds for a file; undefined for a file it does not hold. */
  objectCount(uri: string): number | undefined {
    return this.workspace.getFile(uri)?.objects().length;
  }

  closeFile(uri: string): void {
    this.workspace.closeFile(uri);
  }

  removeFile(uri: string): void {
    this.workspace.removeFile(uri);
  }

  /** Diagnostics of one file, both languages in each message; [] for an unknown file. */
  getDiagnostics(
    uri: string,
    settings: DiagnosticSettings = defaultDiagnosticSettings,
  ): KubeDiagnostic[] {
    const diagnostics = this.checkFile(uri, settings);
    // A file nobody opened is checked once in a while: its parsed trees go until the next time.
    this.workspace.checked(uri);
    return diagnostics;
  }

  private checkFile(uri: string, settings: DiagnosticSettings): KubeDiagnostic[] {
    const file = this.workspace.getFile(uri);
    if (!file) return [];
    // What the cluster holds is not a manifest to fix: only YAML that cannot be read is reported.
    if (file.origin === 'cluster') return settings.enable ? snapshotDiagnostics(file) : [];
    if (this.isLargeFile(uri))
      return settings.enable ? largeFileDiagnostics(file, this.limits.max) : [];
    if (this.helm.chartKeyOf(uri) !== undefined) {
      // The values checks parse the text again, without the nesting guard of parse/limits.ts.
      const helm =
        settings.enable && !hasTooDeep(file) ? this.helm.diagnostics(uri, file.text) : [];
      const values = [
        ...fileDiagnostics(file, settings),
        ...helm,
        ...this.renderedFindings(uri, settings),
      ];
      // Severity settings and suppression comments apply to the values checks too.
      return settings.enable
        ? mergeDiagnostics(file, values, [], settings.rules ?? defaultRuleSettings)
        : values;
    }
    const own = withKustomizeFills(fileDiagnostics(file, settings), this.workspace, uri);
    const schema = withCustomResources(own, this.workspace, file, settings);
    const partial = this.workspace.partialKind(uri);
    if (partial) return partialDiagnostics(partial, file, schema, settings);
    if (!settings.enable) return schema;
    const rendered = this.renderedFindings(uri, settings);
    const rules = settings.rules ?? defaultRuleSettings;
    return mergeDiagnostics(
      file,
      rendered.length ? [...schema, ...rendered] : schema,
      withoutRenamedNamespaces(ruleFindings(this.workspace, file, rules), this.workspace, uri),
      rules,
    );
  }

  /**
   * What a file says about itself: YAML syntax, schema and the rules that read its objects alone —
   * none of what depends on other files (links, the binding, CRDs, charts and their renders).
   * Published while the workspace is being read, when a link to a file not read yet would be
   * reported missing. [] for an unknown file.
   */
  getLocalDiagnostics(
    uri: string,
    settings: DiagnosticSettings = defaultDiagnosticSettings,
  ): KubeDiagnostic[] {
    const file = this.workspace.getFile(uri);
    if (!file) return [];
    if (file.origin === 'cluster' || this.isLargeFile(uri))
      return this.getDiagnostics(uri, settings);
    const schema = withKustomizeFills(fileDiagnostics(file, settings), this.workspace, uri);
    const partial = this.workspace.partialKind(uri);
    if (partial) return partialDiagnostics(partial, file, schema, settings);
    if (!settings.enable) return schema;
    const rules = settings.rules ?? defaultRuleSettings;
    const local = this.helm.chartKeyOf(uri) === undefined;
    const found = local ? localRuleFindings(this.workspace, file, rules) : [];
    return mergeDiagnostics(
      file,
      schema,
      withoutRenamedNamespaces(found, this.workspace, uri),
      rules,
    );
  }

  /**
   * Checks what `file` says about itself (syntax, schema, one-object rules) while its trees are at
   * hand, kept with its chunks: indexed later (`setFile` with it), only cross-file rules reparse it.
   */
  precheck(file: WorkspaceFile, settings: DiagnosticSettings = defaultDiagnosticSettings): void {
    if (!settings.enable || file.origin === 'cluster') return;
    fileDiagnostics(file, settings);
    seedLocalFindings(this.workspace, file, settings.rules ?? defaultRuleSettings);
  }

  /** Quick fixes for the diagnostics of `uri` that touch `range`. */
  getCodeActions(
    uri: string,
    range: Range,
    settings: DiagnosticSettings = defaultDiagnosticSettings,
  ): KubeCodeAction[] {
    const file = this.workspace.getFile(uri);
    if (!file || !settings.enable) return [];
    const diagnostics = this.getDiagnostics(uri, settings);
    const rules = settings.rules ?? defaultRuleSettings;
    return codeActionsFor(this.workspace, file, range, diagnostics, rules);
  }

  /** The hover card (markdown) at a position, in one language; undefined where there is nothing to say. */
  hover(uri: string, position: Position, lang: Lang): HoverInfo | undefined {
    if (this.isLargeFile(uri)) return undefined;
    const file = this.workspace.getFile(uri);
    if (file && this.helm.chartKeyOf(uri) !== undefined) {
      if (hasTooDeep(file)) return undefined;
      return this.helm.hover(uri, file.text, position, lang);
    }
    const custom = (kind: string, apiVersion: string): string | undefined =>
      customKindsOf(this.workspace).definitionFor(kind, apiVersion, uri);
    const kube = file ? hoverAt(file, position, lang, custom) : undefined;
    // In a chart's template: the value (or built-in) under the cursor, above the field's card.
    const site = file && this.templateSite(uri, file.text);
    const helm = site ? templateHover(site, position, lang) : undefined;
    if (!helm) return kube;
    return kube
      ? { ...kube, contents: `${helm.contents}\n\n---\n\n${kube.contents}`, range: helm.range }
      : helm;
  }

  /**
   * Completion items at a position (keys, values, linked names, skeletons; in a values file tied
   * to a chart, the chart's values), in one language.
   */
  complete(uri: string, position: Position, lang: Lang): KubeCompletionItem[] {
    const file = this.workspace.getFile(uri);
    if (this.isLargeFile(uri) || tooDeepAt(file, position)) return [];
    // The values checks parse the text again, without the nesting guard of parse/limits.ts.
    const values =
      file && !hasTooDeep(file) ? this.helm.completion(uri, file.text, position, lang) : undefined;
    if (values) return values;
    const site = file && this.templateSite(uri, file.text);
    // Inside a template action: values, built-ins and named templates; elsewhere the YAML help.
    const helm = site ? templateCompletion(site, position, lang) : undefined;
    return helm ?? complete(this.workspace, uri, position, lang, this.snippets);
  }

  /** Where the name under the cursor is defined (a claim, volume, class, Service...). */
  definition(uri: string, position: Position): NavLocation[] {
    const file = this.workspace.getFile(uri);
    const site = file && this.templateSite(uri, file.text);
    const values = file && !site ? this.valuesSite(uri, file.text) : undefined;
    const helm = site
      ? templateDefinition(site, position)
      : values
        ? valuesDefinition(values, uri, position)
        : [];
    if (helm.length) return helm;
    return this.onDisk(navigation.definition(this.workspace, uri, position));
  }

  /** Every place across the workspace that names the same thing as the cursor. */
  references(uri: string, position: Position, includeDeclaration = true): NavLocation[] {
    const file = this.workspace.getFile(uri);
    const site = file && this.templateSite(uri, file.text);
    const values = file && !site ? this.valuesSite(uri, file.text) : undefined;
    const helm = site
      ? templateReferences(site, position, includeDeclaration)
      : values
        ? valuesReferences(values, uri, position, includeDeclaration)
        : [];
    if (helm.length) return helm;
    return this.onDisk(navigation.references(this.workspace, uri, position, includeDeclaration));
  }

  /** A values file tied to a chart (not when it is too large or too deep to read again). */
  private valuesSite(uri: string, text: string): ValuesSite | undefined {
    if (this.isLargeFile(uri) || hasTooDeep(this.workspace.getFile(uri))) return undefined;
    return this.helm.valuesSiteOf(uri, text);
  }

  /** A template of a chart the service knows, with the values files tied to that chart. */
  private templateSite(uri: string, text: string): TemplateSite | undefined {
    if (this.isLargeFile(uri)) return undefined;
    return this.helm.templateSiteOf(uri, text, (u) => this.workspace.getFile(u)?.text);
  }

  /** Places in rendered charts are not files the editor can open: they are left out. */
  private onDisk<T extends { uri: string }>(locations: T[]): T[] {
    return locations.filter((l) => !this.rendered.isRendered(l.uri));
  }

  prepareRename(uri: string, position: Position): PrepareRenameResult {
    return navigation.prepareRename(this.workspace, uri, position);
  }

  /**
   * Renames a linked name and every reference to it across the workspace, except in cluster
   * snapshots: they record the cluster, and editing them renames nothing there.
   */
  rename(uri: string, position: Position, newName: string): RenameResult {
    const result = navigation.rename(this.workspace, uri, position, newName);
    if (!result.ok) return result;
    const changes = Object.fromEntries(
      Object.entries(result.changes).filter(([u]) => !this.workspace.isSnapshot(u)),
    );
    return { ok: true, changes };
  }

  /** The outline of a file: `Kind/name` per object, with volumes, claim templates, containers. */
  documentSymbols(uri: string): KubeSymbol[] {
    const file = this.workspace.getFile(uri);
    return file ? documentSymbols(file) : [];
  }

  workspaceSymbols(query: string): WorkspaceSymbol[] {
    return this.onDisk(workspaceSymbols(this.workspace, query));
  }

  /** What the PV controller would bind (service/binding), for the workspace, a folder or one file. */
  bindings(
    options: BindingOptions & { scope?: BindingScope; renderedCharts?: boolean } = {},
  ): BindingResult {
    return this.bindingCache.bindings(this.workspace, options);
  }

  /**
   * A number that changes only when what the cross-file rules read has changed (the storage
   * signature): while it stays, the findings of a file depend on that file alone.
   */
  crossFileVersion(): number {
    return storageSignature(this.workspace);
  }

  /** True when the file is above `maxFileSize` (cached per file version). */
  isLargeFile(uri: string): boolean {
    return this.limits.isLarge(this.workspace.getFile(uri));
  }
}

export interface LanguageServiceOptions {
  /** Told when a check throws (it then yields nothing); the server logs it. Default: ignored. */
  onError?: ErrorReporter;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  return new LanguageService(options);
}
