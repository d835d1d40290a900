/**
 * How the CSI snapshot CRDs (kubernetes-csi/external-snapshotter, `client/config/crd/`) become
 * definitions of our schema set: the name of every object schema inside them (after the Go types
 * of `client/apis/volumesnapshot/v1`), the places that are built-in Kubernetes types, and the CEL
 * rules (`x-kubernetes-validations`) expressed as checks of our own. The generator refuses a CRD
 * with an object it cannot name or a CEL rule this table does not account for, so a new upstream
 * field or rule is a decision, not a silent gap.
 */

/** Prefix of the generated definition names: `snapshot.v1.VolumeSnapshot`. */
export const SNAPSHOT_PREFIX = 'snapshot.v1.';

/**
 * Per kind: the dotted path of an object schema (`''` is the kind itself) -> definition name
 * (without the prefix), or `ref:<definition>` for a built-in Kubernetes type.
 */
export const snapshotSchemaNames: Record<string, Record<string, string>> = {
  VolumeSnapshot: {
    '': 'VolumeSnapshot',
    metadata: 'ref:meta.v1.ObjectMeta',
    spec: 'VolumeSnapshotSpec',
    'spec.source': 'VolumeSnapshotSource',
    status: 'VolumeSnapshotStatus',
    'status.error': 'VolumeSnapshotError',
    'status.restoreSize': 'ref:api.resource.Quantity',
  },
  VolumeSnapshotClass: {
    '': 'VolumeSnapshotClass',
    metadata: 'ref:meta.v1.ObjectMeta',
  },
  VolumeSnapshotContent: {
    '': 'VolumeSnapshotContent',
    metadata: 'ref:meta.v1.ObjectMeta',
    spec: 'VolumeSnapshotContentSpec',
    'spec.source': 'VolumeSnapshotContentSource',
    'spec.volumeSnapshotRef': 'ref:core.v1.ObjectReference',
    status: 'VolumeSnapshotContentStatus',
    'status.error': 'VolumeSnapshotError',
  },
};

/**
 * The CEL rules that matter for a manifest, as our own schema keywords at the same place:
 * - `x-exactly-one-of`: exactly one of these fields is set (service/schema/exactlyOne.ts);
 * - `minLength: 1`: the string may not be empty (`size(self) > 0`);
 * - `required`: the fields must be set (`has(self.a) && has(self.b)`).
 * Rules comparing with `oldSelf` (immutability, "required once set") concern updates of a live
 * object, not a manifest, and are left out.
 */
export const snapshotCelChecks: Record<string, Record<string, Record<string, unknown>>> = {
  VolumeSnapshot: {
    'spec.source': {
      'x-exactly-one-of': ['persistentVolumeClaimName', 'volumeSnapshotContentName'],
    },
    'spec.volumeSnapshotClassName': { minLength: 1 },
  },
  VolumeSnapshotContent: {
    'spec.source': { 'x-exactly-one-of': ['snapshotHandle', 'volumeHandle'] },
    'spec.volumeSnapshotRef': { required: ['name', 'namespace'] },
  },
};

/** The CEL expressions (whitespace-normalised) that `snapshotCelChecks` expresses. */
export const expressedCelRules = new Set([
  '(has(self.volumeSnapshotContentName) && !has(self.persistentVolumeClaimName)) || (!has(self.volumeSnapshotContentName) && has(self.persistentVolumeClaimName))',
  '(has(self.volumeHandle) && !has(self.snapshotHandle)) || (!has(self.volumeHandle) && has(self.snapshotHandle))',
  'size(self) > 0',
  'has(self.name) && has(self.__namespace__)',
]);
