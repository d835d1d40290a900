/**
 * Which CRD an object of a custom kind is checked against when several define its
 * `group/version/kind` (schema/customResources.ts): the one the API server would hold.
 */
import type { CustomKindVersion } from './customResources';
import { folderOf, nearestCopy } from '../workspace/nearest';

/**
 * Of the CRDs that define one `group/version/kind`, the one the API server would hold: a CRD it
 * serves (`apiextensions.k8s.io/v1`, or one read from the cluster) over one it does not
 * (`apiextensions.k8s.io/v1beta1`, removed in 1.22: an old copy kept among test data); a manifest
 * over a cluster snapshot (the manifest is what will be applied); of several, the nearest to the
 * object (same file, same folder, nearest ancestor folder), and of copies as near the shallowest
 * (a built `all-crds.yaml` over the raw controller-gen output in a subfolder, which a
 * kustomization patches before it is installed); then the last by uri. The same choice whatever
 * order the files were read in.
 */
export function chooseDefinition(
  list: readonly CustomKindVersion[],
  near: string | undefined,
): CustomKindVersion {
  if (list.length === 1) return list[0]!;
  const best = Math.min(...list.map(rank));
  const depth = (e: CustomKindVersion) => e.crd.uri.split('/').length;
  // Deepest first, so that the copy kept on a tie (the last) is the shallowest.
  const tier = list
    .filter((e) => rank(e) === best)
    .sort((a, b) => depth(b) - depth(a) || compareText(a.crd.uri, b.crd.uri));
  return near === undefined ? tier[tier.length - 1]! : nearestCopy(tier, near, (e) => e.crd.uri);
}

/**
 * The other definitions the cluster may hold instead of `chosen`, when choosing was a guess: no
 * copy of the best rank lies in the object's file or in a folder above it (a copy applied with
 * the object), so every copy sits in another folder's subtree (the install manifests of several
 * releases of one product, a folder each) and any of them may be the one installed. Empty when
 * a copy is beside or above the object; copies with the same schema are left out.
 */
export function rivalDefinitions(
  list: readonly CustomKindVersion[],
  near: string,
  chosen: CustomKindVersion,
): CustomKindVersion[] {
  const best = Math.min(...list.map(rank));
  const tier = list.filter((e) => rank(e) === best);
  if (tier.some((e) => e.crd.uri === near || near.startsWith(folderOf(e.crd.uri)))) return [];
  return tier.filter((e) => e !== chosen && e.definition !== chosen.definition);
}

/** A manifest's v1 CRD first (0), then one read from the cluster (1), then a v1beta1 copy (2). */
function rank(e: CustomKindVersion): number {
  return e.crd.origin === 'cluster' ? 1 : e.crd.apiVersion === 'apiextensions.k8s.io/v1' ? 0 : 2;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
