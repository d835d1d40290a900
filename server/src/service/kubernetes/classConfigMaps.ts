/**
 * StorageClasses an operator creates at run time from a ConfigMap it is installed with, rather
 * than shipping the StorageClass itself. The class exists once the operator runs, so claims of it
 * are neither "class not found" nor left to the default class. One entry per operator, checked in
 * its own code:
 *
 * - Longhorn: `longhorn-manager`'s `KubernetesConfigMapController.reconcile` reads ConfigMap
 *   `longhorn-storageclass`, key `storageclass.yaml`, and creates (or replaces) the StorageClass it
 *   holds (longhorn/longhorn-manager `controller/kubernetes_configmap_controller.go`; the ConfigMap
 *   is in `deploy/longhorn.yaml` and the chart's `templates/storageclass.yaml`).
 */
export interface ClassConfigMap {
  /** The ConfigMap's name, in the operator's namespace. */
  name: string;
  /** The `data` key whose text is the StorageClass manifest. */
  key: string;
}

export const CLASS_CONFIG_MAPS: readonly ClassConfigMap[] = [
  { name: 'longhorn-storageclass', key: 'storageclass.yaml' },
];

/** The entry for a ConfigMap of this name, if an operator makes a StorageClass from it. */
export function classConfigMap(name: string | undefined): ClassConfigMap | undefined {
  return CLASS_CONFIG_MAPS.find((c) => c.name === name);
}
