/**
 * Enumerations that the Kubernetes OpenAPI v2 document does not carry, curated by hand from the
 * API's Go types (the `+enum` constants). Keyed by short definition name, then field. For an
 * array field the values apply to its items.
 */
export const curatedEnums: Record<string, Record<string, readonly string[]>> = {
  'core.v1.PersistentVolumeSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    persistentVolumeReclaimPolicy: ['Retain', 'Delete', 'Recycle'],
    volumeMode: ['Filesystem', 'Block'],
  },
  'core.v1.PersistentVolumeClaimSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    volumeMode: ['Filesystem', 'Block'],
  },
  'core.v1.PersistentVolumeStatus': {
    phase: ['Pending', 'Available', 'Bound', 'Released', 'Failed'],
  },
  'core.v1.PersistentVolumeClaimStatus': {
    phase: ['Pending', 'Bound', 'Lost'],
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  },
  'storage.v1.StorageClass': {
    reclaimPolicy: ['Retain', 'Delete'],
    volumeBindingMode: ['Immediate', 'WaitForFirstConsumer'],
  },
  'storage.v1.CSIDriverSpec': {
    fsGroupPolicy: ['None', 'File', 'ReadWriteOnceWithFSType'],
    volumeLifecycleModes: ['Persistent', 'Ephemeral'],
  },
  'apps.v1.StatefulSetSpec': {
    podManagementPolicy: ['OrderedReady', 'Parallel'],
  },
  'apps.v1.StatefulSetUpdateStrategy': { type: ['RollingUpdate', 'OnDelete'] },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': {
    whenDeleted: ['Retain', 'Delete'],
    whenScaled: ['Retain', 'Delete'],
  },
  'apps.v1.DeploymentStrategy': { type: ['Recreate', 'RollingUpdate'] },
  'apps.v1.DaemonSetUpdateStrategy': { type: ['RollingUpdate', 'OnDelete'] },
  'core.v1.HostPathVolumeSource': {
    type: [
      '',
      'DirectoryOrCreate',
      'Directory',
      'FileOrCreate',
      'File',
      'Socket',
      'CharDevice',
      'BlockDevice',
    ],
  },
  'core.v1.EmptyDirVolumeSource': {
    medium: ['', 'Memory', 'HugePages', 'HugePages-2Mi', 'HugePages-1Gi'],
  },
  'core.v1.PodSecurityContext': {
    fsGroupChangePolicy: ['OnRootMismatch', 'Always'],
    supplementalGroupsPolicy: ['Merge', 'Strict'],
    seLinuxChangePolicy: ['MountOption', 'Recursive'],
  },
  'core.v1.SeccompProfile': { type: ['Unconfined', 'RuntimeDefault', 'Localhost'] },
  'core.v1.AppArmorProfile': { type: ['Unconfined', 'RuntimeDefault', 'Localhost'] },
  'core.v1.SecurityContext': { procMount: ['Default', 'Unmasked'] },
  'core.v1.VolumeMount': {
    mountPropagation: ['None', 'HostToContainer', 'Bidirectional'],
    recursiveReadOnly: ['Disabled', 'IfPossible', 'Enabled'],
  },
  'core.v1.Container': {
    imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
    terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
    restartPolicy: ['Always'],
  },
  'core.v1.EphemeralContainer': {
    imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
    terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
  },
  'core.v1.ContainerPort': { protocol: ['TCP', 'UDP', 'SCTP'] },
  'core.v1.ServicePort': { protocol: ['TCP', 'UDP', 'SCTP'] },
  'core.v1.PodSpec': {
    restartPolicy: ['Always', 'OnFailure', 'Never'],
    dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
    preemptionPolicy: ['PreemptLowerPriority', 'Never'],
  },
  'core.v1.ServiceSpec': {
    type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    sessionAffinity: ['None', 'ClientIP'],
    externalTrafficPolicy: ['Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
    ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    ipFamilies: ['IPv4', 'IPv6'],
  },
  'core.v1.NodeSelectorRequirement': {
    operator: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  },
  'meta.v1.LabelSelectorRequirement': { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  'core.v1.Toleration': {
    operator: ['Exists', 'Equal'],
    effect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  },
  'core.v1.TopologySpreadConstraint': {
    whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'],
    nodeAffinityPolicy: ['Honor', 'Ignore'],
    nodeTaintsPolicy: ['Honor', 'Ignore'],
  },
  'core.v1.ImageVolumeSource': { pullPolicy: ['Always', 'Never', 'IfNotPresent'] },
  'batch.v1.JobSpec': {
    completionMode: ['NonIndexed', 'Indexed'],
    podReplacementPolicy: ['TerminatingOrFailed', 'Failed'],
  },
  'batch.v1.CronJobSpec': { concurrencyPolicy: ['Allow', 'Forbid', 'Replace'] },
};
