/**
 * The in-tree provisioners that CSI migration hands to a CSI driver. Their in-tree code is gone
 * from Kubernetes; the PV controller still accepts their StorageClasses and, for a claim of one,
 * writes the CSI driver's name into the claim's `volume.kubernetes.io/storage-provisioner`
 * annotation (pv_controller.go `provisionClaimOperationExternal`:
 * `ctrl.translator.GetCSINameFromInTreeName(storageClass.Provisioner)`). That driver's
 * external-provisioner then creates the volume, translating the class's parameters — so a claim
 * of such a class is provisioned only where that CSI driver runs. The names are the translators'
 * in staging/src/k8s.io/csi-translation-lib/plugins (`AWSEBSDriverName`, `GCEPDDriverName`…).
 */

/** In-tree provisioner → the CSI driver that serves its StorageClasses. */
const MIGRATED_PROVISIONERS: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
};

/** The CSI driver that provisions for an in-tree provisioner's classes, if it is a migrated one. */
export function migratedCsiDriver(provisioner: string): string | undefined {
  return Object.hasOwn(MIGRATED_PROVISIONERS, provisioner)
    ? MIGRATED_PROVISIONERS[provisioner]
    : undefined;
}
