/**
 * Enumerations that the Kubernetes OpenAPI v2 document does not carry, curated by hand from the
 * API's Go types (the `+enum` constants). Keyed by short definition name, then field. For an
 * array field the values apply to its items.
 *
 * `""` is listed exactly where the API server accepts it. Mostly defaulting replaces it before
 * validation: a `SetDefaults_*` function in pkg/apis/<group>/v1/defaults.go that sets the field
 * when it is `""`, or a `+default=` marker in k8s.io/api (defaulter-gen does the same). A few
 * validation functions accept `""` as a meaning of its own. Each such `""` names its upstream
 * function. Everywhere else `""` is rejected: the field is a pointer (defaulted only when absent)
 * and validation checks `*value` against the set, e.g. `volumeMode`, `fsGroupChangePolicy`,
 * `mountPropagation`, `internalTrafficPolicy`, `completionMode`.
 */
export const curatedEnums: Record<string, Record<string, readonly string[]>> = {
  'core.v1.PersistentVolumeSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    // SetDefaults_PersistentVolume (core/v1): "" -> Retain.
    persistentVolumeReclaimPolicy: ['', 'Retain', 'Delete', 'Recycle'],
    volumeMode: ['Filesystem', 'Block'],
  },
  'core.v1.PersistentVolumeClaimSpec': {
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
    volumeMode: ['Filesystem', 'Block'],
  },
  'core.v1.PersistentVolumeStatus': {
    // SetDefaults_PersistentVolume (core/v1): "" -> Pending.
    phase: ['', 'Pending', 'Available', 'Bound', 'Released', 'Failed'],
  },
  'core.v1.PersistentVolumeClaimStatus': {
    // SetDefaults_PersistentVolumeClaim (core/v1): "" -> Pending.
    phase: ['', 'Pending', 'Bound', 'Lost'],
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  },
  'storage.v1.StorageClass': {
    // validateReclaimPolicy (storage/validation) checks the value only when it is not "".
    reclaimPolicy: ['', 'Retain', 'Delete'],
    volumeBindingMode: ['Immediate', 'WaitForFirstConsumer'],
  },
  'storage.v1.CSIDriverSpec': {
    fsGroupPolicy: ['None', 'File', 'ReadWriteOnceWithFSType'],
    volumeLifecycleModes: ['Persistent', 'Ephemeral'],
  },
  'apps.v1.StatefulSetSpec': {
    // SetDefaults_StatefulSet (apps/v1): "" -> OrderedReady (bitnami charts render "").
    podManagementPolicy: ['', 'OrderedReady', 'Parallel'],
  },
  // SetDefaults_StatefulSet (apps/v1): "" -> RollingUpdate.
  'apps.v1.StatefulSetUpdateStrategy': { type: ['', 'RollingUpdate', 'OnDelete'] },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': {
    // SetDefaults_StatefulSet (apps/v1): "" -> Retain, for both fields.
    whenDeleted: ['', 'Retain', 'Delete'],
    whenScaled: ['', 'Retain', 'Delete'],
  },
  // SetDefaults_Deployment (apps/v1): "" -> RollingUpdate.
  'apps.v1.DeploymentStrategy': { type: ['', 'Recreate', 'RollingUpdate'] },
  // SetDefaults_DaemonSet (apps/v1): "" -> RollingUpdate.
  'apps.v1.DaemonSetUpdateStrategy': { type: ['', 'RollingUpdate', 'OnDelete'] },
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
    // SetDefaults_Container (core/v1): "" -> Always (`:latest`) or IfNotPresent.
    imagePullPolicy: ['', 'Always', 'IfNotPresent', 'Never'],
    // SetDefaults_Container (core/v1): "" -> File.
    terminationMessagePolicy: ['', 'File', 'FallbackToLogsOnError'],
    // A pointer, so "" is rejected. Never and OnFailure: regular containers, feature
    // ContainerRestartRules (beta, on by default since 1.35).
    restartPolicy: ['Always', 'OnFailure', 'Never'],
  },
  'core.v1.EphemeralContainer': {
    // SetDefaults_EphemeralContainer (core/v1) runs SetDefaults_Container: "" is defaulted.
    imagePullPolicy: ['', 'Always', 'IfNotPresent', 'Never'],
    terminationMessagePolicy: ['', 'File', 'FallbackToLogsOnError'],
  },
  // `+default="TCP"` on ContainerPort.Protocol (k8s.io/api core/v1 types.go): "" -> TCP.
  'core.v1.ContainerPort': { protocol: ['', 'TCP', 'UDP', 'SCTP'] },
  // SetDefaults_Service (core/v1) and `+default="TCP"`: "" -> TCP.
  'core.v1.ServicePort': { protocol: ['', 'TCP', 'UDP', 'SCTP'] },
  'core.v1.PodSpec': {
    // SetDefaults_PodSpec (core/v1): "" -> Always.
    restartPolicy: ['', 'Always', 'OnFailure', 'Never'],
    // SetDefaults_PodSpec (core/v1): "" -> ClusterFirst.
    dnsPolicy: ['', 'ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
    preemptionPolicy: ['PreemptLowerPriority', 'Never'],
  },
  'core.v1.ServiceSpec': {
    // SetDefaults_Service (core/v1): "" -> ClusterIP.
    type: ['', 'ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    // SetDefaults_Service (core/v1): "" -> None.
    sessionAffinity: ['', 'None', 'ClientIP'],
    // SetDefaults_Service (core/v1): "" -> Cluster on externally reachable Services; on the
    // others validateServiceExternalTrafficPolicy (core/validation) wants it "" (unset).
    externalTrafficPolicy: ['', 'Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
    ipFamilyPolicy: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    ipFamilies: ['IPv4', 'IPv6'],
  },
  'core.v1.NodeSelectorRequirement': {
    operator: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  },
  'meta.v1.LabelSelectorRequirement': { operator: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  'core.v1.Toleration': {
    // validateTolerations (core/validation): "" means Equal; "" effect matches every effect.
    operator: ['', 'Exists', 'Equal'],
    effect: ['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  },
  'core.v1.TopologySpreadConstraint': {
    whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'],
    nodeAffinityPolicy: ['Honor', 'Ignore'],
    nodeTaintsPolicy: ['Honor', 'Ignore'],
  },
  // SetDefaults_Volume (core/v1): "" -> Always (`:latest`) or IfNotPresent.
  'core.v1.ImageVolumeSource': { pullPolicy: ['', 'Always', 'Never', 'IfNotPresent'] },
  'batch.v1.JobSpec': {
    completionMode: ['NonIndexed', 'Indexed'],
    podReplacementPolicy: ['TerminatingOrFailed', 'Failed'],
  },
  // SetDefaults_CronJob (batch/v1): "" -> Allow.
  'batch.v1.CronJobSpec': { concurrencyPolicy: ['', 'Allow', 'Forbid', 'Replace'] },
};
