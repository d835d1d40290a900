/**
 * StorageClasses that Kubernetes distributions create in every cluster themselves, so manifests
 * written for them name a class no file of the workspace defines: GKE's `standard-rwo`, AKS's
 * `managed-csi`, kind's and minikube's `standard`, k3s's `local-path`. Used to say where a class
 * that is not in the workspace comes from; whether the claim goes to such a cluster only the user
 * knows.
 */
import type { LocalizedText } from '../types';

const GKE = { en: 'GKE', ru: 'GKE' };
const GKE_FILESTORE = {
  en: 'GKE with the Filestore CSI driver',
  ru: 'GKE с драйвером Filestore CSI',
};
const AKS = { en: 'AKS', ru: 'AKS' };
const AKS_BLOB = { en: 'AKS with the Blob CSI driver', ru: 'AKS с драйвером Blob CSI' };

const PLATFORM_CLASSES: ReadonlyMap<string, readonly LocalizedText[]> = new Map([
  ['standard', [GKE, { en: 'kind', ru: 'kind' }, { en: 'minikube', ru: 'minikube' }]],
  ['standard-rwo', [GKE]],
  ['premium-rwo', [GKE]],
  ['standard-rwx', [GKE_FILESTORE]],
  ['premium-rwx', [GKE_FILESTORE]],
  ['enterprise-rwx', [GKE_FILESTORE]],
  ['enterprise-multishare-rwx', [GKE_FILESTORE]],
  ['zonal-rwx', [GKE_FILESTORE]],
  ['default', [AKS]],
  ['managed', [AKS]],
  ['managed-premium', [AKS]],
  ['managed-csi', [AKS]],
  ['managed-csi-premium', [AKS]],
  ['azurefile', [AKS]],
  ['azurefile-premium', [AKS]],
  ['azurefile-csi', [AKS]],
  ['azurefile-csi-premium', [AKS]],
  ['azureblob-nfs-premium', [AKS_BLOB]],
  ['azureblob-fuse-premium', [AKS_BLOB]],
  ['gp2', [{ en: 'EKS', ru: 'EKS' }]],
  ['local-path', [{ en: 'k3s', ru: 'k3s' }]],
]);

/** The distributions that create a class of this name in every cluster, as one text; or undefined. */
export function platformsCreatingClass(name: string): LocalizedText | undefined {
  const platforms = PLATFORM_CLASSES.get(name);
  if (!platforms) return undefined;
  const list = (lang: 'en' | 'ru') => {
    const names = platforms.map((p) => p[lang]);
    const and = lang === 'en' ? ' and ' : ' и ';
    return names.length < 2
      ? names.join('')
      : `${names.slice(0, -1).join(', ')}${and}${names.at(-1)}`;
  };
  return { en: list('en'), ru: list('ru') };
}
