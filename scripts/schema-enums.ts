/**
 * Enumerations that the Kubernetes OpenAPI v2 document does not carry, curated by hand from the
 * API's Go types (the `+enum` constants). Keyed by short definition name, then field. For an
 * array field the values apply to its items. `""` is listed only where it is a value of its own
 * (`hostPath.type`, `emptyDir.medium`); fields where `""` means "not set" are in `emptyMeansUnset`.
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
    // "" is HostPathUnset, a value of its own (no check before mounting).
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
    // "" is StorageMediumDefault, the node's disk.
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
    // A pointer, so "" is rejected. Never and OnFailure: regular containers, feature
    // ContainerRestartRules (beta, on by default since 1.35).
    restartPolicy: ['Always', 'OnFailure', 'Never'],
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

/**
 * Enum fields where the API server takes `""` as "not set", keyed like `curatedEnums`; the value
 * names the upstream code. Mostly defaulting replaces `""` before validation: a `SetDefaults_*`
 * function in pkg/apis/<group>/v1/defaults.go that sets the field when it is `""`, or a
 * `+default=` marker in k8s.io/api types.go (defaulter-gen sets it the same way). A few validation
 * functions accept `""` themselves. The generated schema marks these fields with
 * `x-empty-means-unset`, and schema/decode.ts drops such a `""` before validation, as defaulting
 * does. Everywhere else `""` is rejected: those fields are pointers (defaulted only when absent)
 * and validation checks `*value` against the set, e.g. `volumeMode`, `volumeBindingMode`,
 * `fsGroupChangePolicy`, `mountPropagation`, `internalTrafficPolicy`, `completionMode`.
 */
export const emptyMeansUnset: Record<string, Record<string, string>> = {
  'core.v1.PersistentVolumeSpec': {
    persistentVolumeReclaimPolicy: 'SetDefaults_PersistentVolume (core/v1): "" -> Retain',
  },
  'core.v1.PersistentVolumeStatus': {
    phase: 'SetDefaults_PersistentVolume (core/v1): "" -> Pending',
  },
  'core.v1.PersistentVolumeClaimStatus': {
    phase: 'SetDefaults_PersistentVolumeClaim (core/v1): "" -> Pending',
  },
  'storage.v1.StorageClass': {
    reclaimPolicy: 'validateReclaimPolicy (storage/validation) checks the value only when not ""',
  },
  'apps.v1.StatefulSetSpec': {
    podManagementPolicy: 'SetDefaults_StatefulSet (apps/v1): "" -> OrderedReady',
  },
  'apps.v1.StatefulSetUpdateStrategy': {
    type: 'SetDefaults_StatefulSet (apps/v1): "" -> RollingUpdate',
  },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': {
    whenDeleted: 'SetDefaults_StatefulSet (apps/v1): "" -> Retain',
    whenScaled: 'SetDefaults_StatefulSet (apps/v1): "" -> Retain',
  },
  'apps.v1.DeploymentStrategy': {
    type: 'SetDefaults_Deployment (apps/v1): "" -> RollingUpdate',
  },
  'apps.v1.DaemonSetUpdateStrategy': {
    type: 'SetDefaults_DaemonSet (apps/v1): "" -> RollingUpdate',
  },
  'core.v1.Container': {
    imagePullPolicy:
      'SetDefaults_Container (core/v1): "" -> Always for `:latest`, else IfNotPresent',
    terminationMessagePolicy: 'SetDefaults_Container (core/v1): "" -> File',
  },
  'core.v1.EphemeralContainer': {
    imagePullPolicy: 'SetDefaults_EphemeralContainer (core/v1) runs SetDefaults_Container',
    terminationMessagePolicy: 'SetDefaults_EphemeralContainer (core/v1) runs SetDefaults_Container',
  },
  'core.v1.ContainerPort': {
    protocol: '`+default="TCP"` on ContainerPort.Protocol (k8s.io/api core/v1): "" -> TCP',
  },
  'core.v1.ServicePort': {
    protocol: 'SetDefaults_Service (core/v1) and `+default="TCP"`: "" -> TCP',
  },
  'core.v1.PodSpec': {
    restartPolicy: 'SetDefaults_PodSpec (core/v1): "" -> Always',
    dnsPolicy: 'SetDefaults_PodSpec (core/v1): "" -> ClusterFirst',
  },
  'core.v1.ServiceSpec': {
    type: 'SetDefaults_Service (core/v1): "" -> ClusterIP',
    sessionAffinity: 'SetDefaults_Service (core/v1): "" -> None',
    externalTrafficPolicy:
      'SetDefaults_Service (core/v1): "" -> Cluster when externally reachable; otherwise validateServiceExternalTrafficPolicy (core/validation) wants it ""',
  },
  'core.v1.Toleration': {
    operator: 'validateTolerations (core/validation): "" means Equal',
    effect: 'validateTolerations (core/validation): "" matches every effect',
  },
  'core.v1.ImageVolumeSource': {
    pullPolicy: 'SetDefaults_Volume (core/v1): "" -> Always for `:latest`, else IfNotPresent',
  },
  'batch.v1.CronJobSpec': {
    concurrencyPolicy: 'SetDefaults_CronJob (batch/v1): "" -> Allow',
  },
};
