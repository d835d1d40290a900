/**
 * CustomResourceDefinitions as a kustomization of the workspace installs them: with the JSON 6902
 * patches it applies to them (parse/kustomize.ts `crdJsonPatches`). kubebuilder projects change
 * the generated schema that way before install; cass-operator removes `spec.config` (a string in
 * the generated CRD) and keeps unknown fields instead, so its resources write `config:` as a
 * mapping. The patches are applied with fast-json-patch, as RFC 6902 says; a patch that does not
 * apply (a path the CRD does not have) leaves the CRD as it was, as `kubectl kustomize` would
 * refuse to build it.
 */
import { applyPatch, deepClone, type Operation } from 'fast-json-patch';
import { parse } from 'yaml';
import { isRecord } from '../plainData';
import { fileKey } from '../parse/kustomize';
import type { Workspace } from '../workspace/workspace';

/** The patches of each CRD name, in the order they are found: each a list of operations. */
export type CrdPatches = ReadonlyMap<string, readonly Operation[][]>;

const NONE: CrdPatches = new Map();

/** The JSON 6902 patches the workspace's kustomizations apply to CRDs, by the CRD's name. */
export function crdPatchesOf(workspace: Workspace): CrdPatches {
  const refs = workspace.crdPatches();
  if (!refs.length) return NONE;
  const wanted = new Set(refs.flatMap((r) => (r.key ? [r.key] : [])));
  const texts = new Map<string, string>();
  if (wanted.size) {
    // Rebuilt on every edit of the workspace: a file's key (a URL parse) is made only for a file
    // whose name one of the patches has.
    const names = new Set([...wanted].map(lastSegment));
    for (const file of workspace.allFiles()) {
      if (!names.has(safeDecode(lastSegment(file.uri)))) continue;
      const key = fileKey(file.uri);
      if (wanted.has(key)) texts.set(key, file.text);
    }
  }
  const out = new Map<string, Operation[][]>();
  for (const ref of refs) {
    const text = ref.inline ?? (ref.key ? texts.get(ref.key) : undefined);
    const operations = text === undefined ? undefined : operationsIn(text);
    if (!operations) continue;
    const list = out.get(ref.crdName);
    if (list) list.push(operations);
    else out.set(ref.crdName, [operations]);
  }
  return out;
}

function lastSegment(uriOrKey: string): string {
  return uriOrKey.slice(uriOrKey.lastIndexOf('/') + 1);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A JSON 6902 patch (a YAML or JSON list of operations), or undefined when the text is not one. */
function operationsIn(text: string): Operation[] | undefined {
  try {
    const data: unknown = parse(text, {
      maxAliasCount: 100,
      prettyErrors: false,
      logLevel: 'error',
    });
    if (!Array.isArray(data) || !data.length) return undefined;
    const valid = data.every(
      (op) => isRecord(op) && typeof op.op === 'string' && typeof op.path === 'string',
    );
    return valid ? (data as Operation[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The CRD's data with its patches applied in turn (a copy); a patch that fails is skipped. */
export function patchedCrd<T>(data: T, patches: readonly Operation[][]): T {
  let out = data;
  for (const operations of patches) {
    try {
      out = applyPatch(deepClone(out) as T, operations, true, false).newDocument;
    } catch {
      // kustomize would refuse the build: keep the CRD as the patches before left it.
    }
  }
  return out;
}
