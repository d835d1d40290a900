/**
 * Links to the Kubernetes API reference on kubernetes.io for any definition, built from its
 * name: `storage.v1.StorageClass` -> `.../generated/kubernetes-api/v1.36/#storageclass-v1-storage-k8s-io`.
 */
import kindsFile from '../../../../schemas/k8s/kinds.json';
import { kubernetesVersion } from '../schema/registry';

/** Short group of a definition name (`storage`) -> API group (`storage.k8s.io`), from kinds.json. */
const groups = new Map<string, string>([['meta', 'meta']]);
for (const versions of Object.values(kindsFile.kinds as Record<string, Record<string, string>>)) {
  for (const [apiVersion, definition] of Object.entries(versions)) {
    const short = definition.split('.')[0]!;
    if (!groups.has(short))
      groups.set(short, apiVersion.includes('/') ? apiVersion.split('/')[0]! : 'core');
  }
}

/** Kinds of our schema set that are CRDs, not Kubernetes: the API reference does not list them. */
const NOT_IN_REFERENCE = new Set(['snapshot']);

export function apiReferenceLink(definition: string): string | undefined {
  const parts = definition.split('.');
  if (parts.length < 3) return undefined;
  const [short, version] = parts;
  if (NOT_IN_REFERENCE.has(short!)) return undefined;
  const name = parts[parts.length - 1]!;
  const group = groups.get(short!);
  if (!group || !version) return undefined;
  const anchor = `${name}-${version}-${group.replace(/\./g, '-')}`.toLowerCase();
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${kubernetesVersion}/#${anchor}`;
}
