/**
 * The files of the workspace that hold partial objects, never sent to an API server as they are:
 * kustomize patches (parse/kustomize.ts) and the files tests compare with live objects
 * (parse/testHarness.ts). They are checked only for what they write
 * (diagnostics/partialDiagnostics.ts) and are not objects the others link to.
 */
import {
  crdJsonPatches,
  fileKey,
  isKustomizationFile,
  kustomizationTree,
  kustomizePatchKeys,
  type CrdPatchRef,
  type KustomizationTree,
} from '../parse/kustomize';
import {
  chainsawFileRefs,
  isAssertionFileName,
  isChainsawTest,
  type TestFileRefs,
} from '../parse/testHarness';

/** `patch`: merged into an object by kustomize; `test`: compared with live objects by a test. */
export type PartialKind = 'patch' | 'test';

/** What one kustomization or chainsaw test names. */
interface Sources {
  patches: readonly string[];
  tests: TestFileRefs;
  /** The JSON 6902 patches a kustomization applies to CRDs. */
  crdPatches: readonly CrdPatchRef[];
  /** A kustomization's resources and whether it adds selector labels. */
  tree?: KustomizationTree;
}

const NO_TESTS: TestFileRefs = { checked: [], applied: [] };

export class PartialFiles {
  /** Kustomizations and chainsaw tests → the files they name (`fileKey`s or matchers). */
  private readonly sources = new Map<string, Sources>();
  /** The files whose opening comment calls them a patch (`fileKey`s). */
  private readonly saidPatches = new Set<string>();
  /** What they all name; worked out again only when a source changes. */
  private merged?: Merged;

  /** A file was added or changed: it may name partial files (or no longer). */
  update(uri: string, text: string): void {
    if (opensAsPatch(text)) this.saidPatches.add(fileKey(uri));
    else this.saidPatches.delete(fileKey(uri));
    if (isKustomizationFile(uri)) {
      const patches = kustomizePatchKeys(uri, text);
      const crdPatches = crdJsonPatches(uri, text);
      this.set(uri, { patches, tests: NO_TESTS, crdPatches, tree: kustomizationTree(uri, text) });
    } else if (isChainsawTest(text)) {
      this.set(uri, { patches: [], tests: chainsawFileRefs(uri, text), crdPatches: [] });
    } else {
      this.dropSources(uri);
    }
  }

  remove(uri: string): void {
    this.saidPatches.delete(fileKey(uri));
    this.dropSources(uri);
  }

  private dropSources(uri: string): void {
    if (this.sources.delete(uri)) this.merged = undefined;
  }

  private set(uri: string, sources: Sources): void {
    this.sources.set(uri, sources);
    this.merged = undefined;
  }

  /** The JSON 6902 patches the workspace's kustomizations apply to CRDs, in no set order. */
  crdPatches(): CrdPatchRef[] {
    return [...this.sources.values()].flatMap((s) => s.crdPatches);
  }

  /**
   * What the file is, if partial: a kustomize patch, or a file a test compares (named by a
   * chainsaw test's `assert`, `error` or `patch`, or by the name of a kuttl assertion), unless a
   * test also applies it.
   */
  kindOf(uri: string): PartialKind | undefined {
    const byName = isAssertionFileName(uri);
    if (!this.sources.size && !byName) return undefined;
    const key = fileKey(uri);
    const merged = (this.merged ??= merge(this.sources.values()));
    if (merged.patches.has(key)) return 'patch';
    if (merged.applied.has(key) || merged.appliedPatterns.some((p) => p.test(key)))
      return undefined;
    const checked =
      byName || merged.checked.has(key) || merged.checkedPatterns.some((p) => p.test(key));
    if (checked) return 'test';
    return isOrphanPatch(key, merged, this.saidPatches.has(key)) ? 'patch' : undefined;
  }

  /**
   * True when a kustomization that takes the file in (directly, or through the folders of a chain
   * of kustomizations) writes selector labels: `kubectl kustomize` then fills in the workload's
   * `spec.selector.matchLabels`, which the file may leave out.
   */
  selectorAddedByKustomize(uri: string): boolean {
    return this.takenInBy(uri, 'addsSelector');
  }

  /**
   * True when a kustomization that takes the file in (directly, through a chain of
   * kustomizations, or through a component) sets `namespace:`: kustomize renames the file's
   * `Namespace` objects to it.
   */
  namespaceSetByKustomize(uri: string): boolean {
    return this.takenInBy(uri, 'setsNamespace');
  }

  /** Some kustomization of the `folders` set takes the file in, directly or through others. */
  private takenInBy(uri: string, folders: 'addsSelector' | 'setsNamespace'): boolean {
    if (!this.sources.size) return false;
    const merged = (this.merged ??= merge(this.sources.values()));
    const marked = merged[folders];
    const seen = new Set<string>();
    const taken = (key: string): boolean =>
      (merged.includedBy.get(key) ?? []).some((folder) => {
        if (seen.has(folder)) return false;
        seen.add(folder);
        return marked.has(folder) || taken(folder);
      });
    return taken(fileKey(uri));
  }
}

interface Merged {
  patches: Set<string>;
  checked: Set<string>;
  checkedPatterns: RegExp[];
  applied: Set<string>;
  appliedPatterns: RegExp[];
  /** A file or folder → the folders of the kustomizations that take it in. */
  includedBy: Map<string, string[]>;
  /** The folders of the kustomizations that add selector labels. */
  addsSelector: Set<string>;
  /** The folders of the kustomizations that set `namespace:`. */
  setsNamespace: Set<string>;
  /** The folders that hold a kustomization. */
  kustomizations: Set<string>;
}

function merge(sources: Iterable<Sources>): Merged {
  const merged: Merged = {
    patches: new Set(),
    checked: new Set(),
    checkedPatterns: [],
    applied: new Set(),
    appliedPatterns: [],
    includedBy: new Map(),
    addsSelector: new Set(),
    setsNamespace: new Set(),
    kustomizations: new Set(),
  };
  for (const { patches, tests, tree } of sources) {
    if (tree) addTree(merged, tree);
    for (const key of patches) merged.patches.add(key);
    for (const m of tests.checked) {
      if (typeof m === 'string') merged.checked.add(m);
      else merged.checkedPatterns.push(m);
    }
    for (const m of tests.applied) {
      if (typeof m === 'string') merged.applied.add(m);
      else merged.appliedPatterns.push(m);
    }
  }
  return merged;
}

function addTree(merged: Merged, tree: KustomizationTree): void {
  const { folder, includes } = tree;
  merged.kustomizations.add(folder);
  if (tree.addsSelector) merged.addsSelector.add(folder);
  if (tree.setsNamespace) merged.setsNamespace.add(folder);
  for (const key of includes) {
    const folders = merged.includedBy.get(key);
    if (folders) folders.push(folder);
    else merged.includedBy.set(key, [folder]);
  }
}

/** `patch.yaml`, `deployment-patch.yaml`, `manager_metrics_patch.yml`, `patches.yaml`. */
const PATCH_FILE_NAME = /(?:^|[._-])patch(?:es)?(?:[._-][^/]*)?\.ya?ml$/i;

/** The comment, blank and `---` lines a file opens with, before its first key. */
const OPENING_COMMENT = /^(?:[ \t]*(?:#[^\n]*|---[ \t]*)?\r?\n)*/;
/** `# This patch injects…`, `# Patches the manager…`; not `kubectl patch` run on the file. */
const PATCH_WORD = /(?<!kubectl\s+)\bpatch(?:es)?\b/i;

/** The file's opening comment calls it a patch (kubebuilder scaffolds and those written after them). */
function opensAsPatch(text: string): boolean {
  return PATCH_WORD.test(OPENING_COMMENT.exec(text)![0]);
}

/**
 * A patch that no kustomization names (kept for later, or added by `kustomize edit add patch` in a
 * build script): a YAML file named as a patch, inside a `patches/` folder, or whose opening comment
 * calls it one (`saidPatch`), beside a kustomization (in its folder or the one above, or
 * above that `patches/` folder) that does not take it in as a resource. Such a file is no more a
 * whole object than the patches in use.
 */
function isOrphanPatch(key: string, merged: Merged, saidPatch: boolean): boolean {
  if (!merged.kustomizations.size || !/\.ya?ml$/i.test(key)) return false;
  const parts = key.split('/');
  const name = parts[parts.length - 1]!;
  const inPatches = parts.lastIndexOf('patches', parts.length - 2);
  if (!PATCH_FILE_NAME.test(name) && inPatches < 0 && !saidPatch) return false;
  const folder = parts.slice(0, -1).join('/');
  // A folder among `resources` is that folder's kustomization, not each file in it.
  if (merged.includedBy.has(key)) return false;
  const beside = [folder, parts.slice(0, -2).join('/')];
  if (inPatches > 0) beside.push(parts.slice(0, inPatches).join('/'));
  return beside.some((f) => merged.kustomizations.has(f));
}
