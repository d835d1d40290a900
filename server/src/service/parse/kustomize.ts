/**
 * Kustomize awareness: which files a kustomization reads as patches, and which documents configure
 * kustomize's own plugins (`apiVersion: builtin`) rather than describe objects. A patch is a partial object
 * (`kubectl kustomize` merges it into a resource of its base and never sends it on its own), so the
 * workspace neither lints it as a whole object nor counts it among the objects others link to.
 *
 * The fields are kustomize's own (api/types/kustomization.go): `patches[].path` and
 * `patchesJson6902[].path` name files; `patchesStrategicMerge` entries are a file's path or the
 * patch itself inline (then it holds a line break). A Component (`kind: Component`) lists its
 * patches the same way, in the same file names. An entry commented out (`#- path: x.yaml`) names a
 * patch too: kubebuilder's scaffolds keep their patches that way until they are turned on, and
 * such a file is no more a whole object than the patches in use (`resources` never use `path:`).
 * Older scaffolds list them under `patchesStrategicMerge:` (itself commented out at times) as
 * `#- patches/x.yaml`: such a line names a patch only in that list, which ends at the next key.
 * A plain string in `patches` is that older form too (kustomize 5 refuses it, but the file it
 * names is still a patch).
 */
import { parse } from 'yaml';
import { isRecord } from '../plainData';

/** `#- path: patches/x.yaml` or `#  path: x.yaml`: a patch entry commented out. */
const COMMENTED_PATH = /^[ \t]*#[ \t]*(?:-[ \t]*)?path:[ \t]*["']?([^\s"'#]+)/gm;

/** `patchesStrategicMerge:` or `#patchesStrategicMerge:`: the older scaffolds' list of patches. */
const STRATEGIC_MERGE_KEY = /^[ \t]*#?[ \t]*patchesStrategicMerge:[ \t]*(?:#.*)?$/;

/** `#- patches/x.yaml` (or `# - "x.yml"`): a file entry of that list commented out. */
const COMMENTED_ENTRY = /^[ \t]*#[ \t]*-[ \t]*["']?([^\s"'#]+\.(?:ya?ml|json))["']?[ \t]*(?:#.*)?$/;

/** A key, commented out or not (`configurations:`, `#vars:`): the end of the list above it. */
const KEY_LINE = /^[ \t]*#?[ \t]*[A-Za-z_][\w.-]*:(?:[ \t]|$)/;

/** The names kustomize looks for in a folder (`konfig.RecognizedKustomizationFileNames`). */
const KUSTOMIZATION_FILE_NAMES = new Set([
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
]);

/**
 * The apiVersion of the configuration of one of kustomize's built-in plugins
 * (`ImageTagTransformer`, `PrefixSuffixTransformer`, `ConfigMapGenerator`…), which a kustomization
 * names under `transformers:` or `generators:` (kustomize api/konfig/plugins.go
 * `BuiltinPluginApiVersion`, tested in api/internal/plugins/loader `isBuiltinPlugin`). Kubernetes
 * serves no such version: the document configures kustomize and is never an API object.
 */
const BUILTIN_PLUGIN_API_VERSION = 'builtin';

/** True for the apiVersion of a kustomize built-in plugin's configuration. */
export function isKustomizePluginApiVersion(apiVersion: unknown): boolean {
  return apiVersion === BUILTIN_PLUGIN_API_VERSION;
}

/** True for a kustomization file (or a component's), by its name. */
export function isKustomizationFile(uri: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.has(uri.slice(uri.lastIndexOf('/') + 1));
}

/**
 * The files a kustomization reads as patches, as `fileKey`s, resolved against its folder; [] when
 * the text is not a mapping (a syntax error is reported on the file itself). Remote patches
 * (`https://…`) are left out: they are not workspace files.
 */
export function kustomizePatchKeys(uri: string, text: string): string[] {
  const data = parsedKustomization(text);
  if (!data) return [];
  const paths = [
    // A string in `patches` is the older `patchesStrategicMerge` form: current kustomize refuses
    // the kustomization, yet the file it names is still a patch, not an object of its own.
    ...[...listOf(data.patchesStrategicMerge), ...listOf(data.patches)].filter(
      (entry): entry is string => typeof entry === 'string' && !entry.includes('\n'),
    ),
    ...[...listOf(data.patches), ...listOf(data.patchesJson6902)].map((patch) =>
      isRecord(patch) && typeof patch.path === 'string' ? patch.path : undefined,
    ),
  ];
  for (const match of text.matchAll(COMMENTED_PATH)) paths.push(match[1]);
  paths.push(...commentedStrategicMergeEntries(text));
  const keys: string[] = [];
  for (const path of paths) {
    const key = path?.trim() ? resolveLocal(path.trim(), uri) : undefined;
    if (key) keys.push(key);
  }
  return keys;
}

/**
 * A JSON 6902 patch a kustomization applies to a CustomResourceDefinition before it is installed
 * (`patches` or `patchesJson6902` with `target.kind: CustomResourceDefinition`): kubebuilder
 * projects remove or loosen parts of the generated schema that way (cass-operator drops
 * `spec.config`). The patch is in a file (`key`) or inline (`inline`).
 */
export interface CrdPatchRef {
  /** The CRD's `metadata.name` (`target.name`, taken literally). */
  crdName: string;
  key?: string;
  inline?: string;
}

/** The JSON 6902 patches of a kustomization that target a CRD by name. */
export function crdJsonPatches(uri: string, text: string): CrdPatchRef[] {
  const data = parsedKustomization(text);
  if (!data) return [];
  const out: CrdPatchRef[] = [];
  for (const entry of [...listOf(data.patches), ...listOf(data.patchesJson6902)]) {
    if (!isRecord(entry) || !isRecord(entry.target)) continue;
    const { kind, name } = entry.target;
    if (kind !== 'CustomResourceDefinition' || typeof name !== 'string' || !name) continue;
    if (typeof entry.path === 'string') {
      const key = resolveLocal(entry.path.trim(), uri);
      if (key) out.push({ crdName: name, key });
    } else if (typeof entry.patch === 'string') {
      out.push({ crdName: name, inline: entry.patch });
    }
  }
  return out;
}

/**
 * What a kustomization takes in and whether it writes selectors: its folder, the files and folders
 * of its `resources`, `bases` and `components` (as `fileKey`s, no trailing `/`), and whether
 * `commonLabels` or a `labels` entry with `includeSelectors: true` adds labels to every
 * workload's `spec.selector.matchLabels` and pod template (kustomize's `LabelTransformer`).
 */
export interface KustomizationTree {
  folder: string;
  includes: string[];
  addsSelector: boolean;
  /**
   * `namespace:` is set: kustomize's namespace transformer puts every object in it and renames
   * every `Namespace` object it takes in to it (a placeholder such as `name: _` never reaches the
   * API server).
   */
  setsNamespace: boolean;
}

export function kustomizationTree(uri: string, text: string): KustomizationTree | undefined {
  const data = parsedKustomization(text);
  const folder = resolveLocal('.', uri);
  if (!data || !folder) return undefined;
  const includes: string[] = [];
  for (const entry of [
    ...listOf(data.resources),
    ...listOf(data.bases),
    ...listOf(data.components),
  ]) {
    const key =
      typeof entry === 'string' && entry.trim() ? resolveLocal(entry.trim(), uri) : undefined;
    if (key) includes.push(withoutSlash(key));
  }
  const addsSelector =
    hasPairs(data.commonLabels) ||
    listOf(data.labels).some(
      (l) => isRecord(l) && l.includeSelectors === true && hasPairs(l.pairs),
    );
  const setsNamespace = typeof data.namespace === 'string' && data.namespace.trim() !== '';
  return { folder: withoutSlash(folder), includes, addsSelector, setsNamespace };
}

function hasPairs(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length > 0;
}

function withoutSlash(key: string): string {
  return key.endsWith('/') ? key.slice(0, -1) : key;
}

function parsedKustomization(text: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = parse(text, { maxAliasCount: 100, prettyErrors: false });
    return isRecord(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The `#- x.yaml` lines of a `patchesStrategicMerge:` list (kubebuilder's older scaffolds). */
function commentedStrategicMergeEntries(text: string): string[] {
  const out: string[] = [];
  let inList = false;
  for (const line of text.split(/\r?\n/)) {
    if (STRATEGIC_MERGE_KEY.test(line)) {
      inList = true;
      continue;
    }
    if (!inList) continue;
    const entry = COMMENTED_ENTRY.exec(line);
    if (entry) out.push(entry[1]!);
    else if (KEY_LINE.test(line)) inList = false;
  }
  return out;
}

/**
 * What names a file whatever the URI's escapes: the decoded path. VS Code escapes more characters
 * in a file URI (`@`, `+`, `=`) than Node's `pathToFileURL`, and a kustomization writes plain paths.
 */
export function fileKey(uri: string): string {
  try {
    const url = new URL(uri);
    return url.protocol + decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}

/** A relative or absolute file path against the kustomization's URI; undefined for a remote one. */
function resolveLocal(path: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  try {
    return fileKey(new URL(path, base).href);
  } catch {
    return undefined;
  }
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
