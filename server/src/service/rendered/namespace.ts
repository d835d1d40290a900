/**
 * `helm install --namespace ns` puts every namespaced object that names no namespace into `ns`;
 * `helm template` prints them without one. The rendered output gets the namespace written in, so
 * the binding simulation and the rules see the objects where the install would put them.
 */

/** Kinds that live outside namespaces (the ones a chart may create). */
const CLUSTER_SCOPED = new Set([
  'PersistentVolume',
  'StorageClass',
  'VolumeAttributesClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
  'Namespace',
  'Node',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PodSecurityPolicy',
]);

const DOCUMENT = /(^|\n)(---[^\n]*\n)/;

export function withNamespace(output: string, namespace: string | undefined): string {
  if (!namespace || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) return output;
  return output
    .split(DOCUMENT)
    .map((part) => {
      const kind = /^kind:\s*["']?([\w.-]+)/m.exec(part)?.[1];
      if (!kind || CLUSTER_SCOPED.has(kind) || kind === 'List') return part;
      const meta = /^metadata:[ \t]*\n((?:[ \t]+.*\n|[ \t]*\n)*)/m.exec(part);
      if (!meta) return part;
      const body = meta[1]!;
      const indent = /^([ \t]+)\S/m.exec(body)?.[1] ?? '  ';
      if (new RegExp(`^${indent}namespace:`, 'm').test(body)) return part;
      const at = meta.index + meta[0].length - body.length;
      return `${part.slice(0, at)}${indent}namespace: ${namespace}\n${part.slice(at)}`;
    })
    .join('');
}
