/**
 * Which CRD an object of a custom kind is checked against when several define its
 * `group/version/kind` (schema/customResources.ts): the one the API server would hold.
 */
import type { CustomKindVersion } from './customResources';
import { nearestCopy } from '../workspace/nearest';

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

/** A manifest's v1 CRD first (0), then one read from the cluster (1), then a v1beta1 copy (2). */
function rank(e: CustomKindVersion): number {
  return e.crd.origin === 'cluster' ? 1 : e.crd.apiVersion === 'apiextensions.k8s.io/v1' ? 0 : 2;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
