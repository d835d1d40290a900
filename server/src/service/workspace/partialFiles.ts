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
  kustomizePatchKeys,
  type CrdPatchRef,
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
}

const NO_TESTS: TestFileRefs = { checked: [], applied: [] };

export class PartialFiles {
  /** Kustomizations and chainsaw tests → the files they name (`fileKey`s or matchers). */
  private readonly sources = new Map<string, Sources>();
  /** What they all name; worked out again only when a source changes. */
  private merged?: Merged;

  /** A file was added or changed: it may name partial files (or no longer). */
  update(uri: string, text: string): void {
    if (isKustomizationFile(uri)) {
      const patches = kustomizePatchKeys(uri, text);
      this.set(uri, { patches, tests: NO_TESTS, crdPatches: crdJsonPatches(uri, text) });
    } else if (isChainsawTest(text)) {
      this.set(uri, { patches: [], tests: chainsawFileRefs(uri, text), crdPatches: [] });
    } else {
      this.remove(uri);
    }
  }

  remove(uri: string): void {
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
    return checked ? 'test' : undefined;
  }
}

interface Merged {
  patches: Set<string>;
  checked: Set<string>;
  checkedPatterns: RegExp[];
  applied: Set<string>;
  appliedPatterns: RegExp[];
}

function merge(sources: Iterable<Sources>): Merged {
  const merged: Merged = {
    patches: new Set(),
    checked: new Set(),
    checkedPatterns: [],
    applied: new Set(),
    appliedPatterns: [],
  };
  for (const { patches, tests } of sources) {
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
