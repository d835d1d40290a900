/**
 * Fields the OpenAPI schema calls optional though a manifest without them does not work: the API
 * server's validation refuses the object (pkg/apis/core/validation: `ValidatePersistentVolumeSpec`,
 * `ValidatePersistentVolumeClaimSpec`, `validateDNSPolicy`, `validateServicePort`,
 * `validateDownwardAPIVolumeFile`), or in one context only. Hover headers and completion say so
 * instead of "optional" (a hover must not say "optional" above "at least one mode is required").
 * test/unit/service/schema/requiredInPractice.test.ts checks that every field whose hover text
 * says it is required is schema-required or listed here.
 */
import type { LocalizedText } from '../types';

export type Requirement =
  /** Schema-required. */
  | { kind: 'required' }
  /** Optional in the schema, refused without it by the API server's validation. */
  | { kind: 'apiServer' }
  /** Required in one situation only, e.g. `nodeAffinity` of a `local` volume. */
  | { kind: 'when'; when: LocalizedText }
  | { kind: 'optional' };

const API_SERVER = { kind: 'apiServer' } as const;

/** Definition -> field -> requirement the schema does not state. */
const practical: Record<string, Record<string, Requirement>> = {
  'core.v1.PersistentVolumeClaimSpec': {
    // "at least 1 access mode is required"; `resources[storage]`: Required value.
    accessModes: API_SERVER,
    resources: API_SERVER,
  },
  'core.v1.PersistentVolumeSpec': {
    accessModes: API_SERVER,
    capacity: API_SERVER,
    nodeAffinity: {
      kind: 'when',
      when: { en: 'for a `local` volume', ru: 'для тома `local`' },
    },
  },
  'core.v1.ObjectReference': {
    // A `claimRef` without them matches no claim.
    name: {
      kind: 'when',
      when: { en: 'to pre-bind a volume', ru: 'чтобы заранее привязать том' },
    },
    namespace: {
      kind: 'when',
      when: { en: 'to pre-bind a volume', ru: 'чтобы заранее привязать том' },
    },
  },
  // validateScaleIOVolumeSource and validateScaleIOPersistentVolumeSource: "Required value".
  'core.v1.ScaleIOVolumeSource': { volumeName: API_SERVER },
  'core.v1.ScaleIOPersistentVolumeSource': { volumeName: API_SERVER },
  'core.v1.ResourceFieldSelector': {
    containerName: {
      kind: 'when',
      when: { en: 'in a `downwardAPI` volume', ru: 'в томе `downwardAPI`' },
    },
  },
  'core.v1.PodSpec': {
    dnsConfig: {
      kind: 'when',
      when: { en: 'when `dnsPolicy` is `None`', ru: 'при `dnsPolicy: None`' },
    },
  },
  'core.v1.ServicePort': {
    name: {
      kind: 'when',
      when: { en: 'when the Service has several ports', ru: 'если у сервиса несколько портов' },
    },
  },
};

/**
 * The reverse: fields the OpenAPI document lists as required although the API server accepts an
 * object without them. OpenAPI calls a field required whenever its Go field has no `omitempty`,
 * and for a struct or a list that says nothing: decoding leaves it empty, defaulting may fill it,
 * and validation decides. scripts/generate-schemas.ts drops these from `required` (and fails
 * when one is no longer there), so neither the schema check nor the hover calls them required.
 * Each entry names the upstream code (kubernetes/kubernetes) that accepts the object without it.
 */
export const notRequiredInPractice: Record<string, Record<string, string>> = {
  'storage.v1.CSIDriver': {
    // `Spec CSIDriverSpec json:"spec"`: SetDefaults_CSIDriver (pkg/apis/storage/v1/defaults.go)
    // sets attachRequired, podInfoOnMount, storageCapacity, fsGroupPolicy, requiresRepublish,
    // volumeLifecycleModes and seLinuxMount, the only fields validateCSIDriverSpec
    // (pkg/apis/storage/validation/validation.go) requires.
    spec: 'SetDefaults_CSIDriver, validateCSIDriverSpec',
  },
  'core.v1.ISCSIVolumeSource': {
    // `Lun int32 json:"lun"`: absent decodes as 0, and validateISCSIVolumeSource only checks that
    // it lies in 0..255.
    lun: 'validateISCSIVolumeSource',
  },
  'core.v1.ISCSIPersistentVolumeSource': {
    lun: 'validateISCSIPersistentVolumeSource',
  },
  'core.v1.ScaleIOVolumeSource': {
    // validateScaleIOVolumeSource requires gateway, system and volumeName, not the secret.
    secretRef: 'validateScaleIOVolumeSource',
  },
  'core.v1.ScaleIOPersistentVolumeSource': {
    secretRef: 'validateScaleIOPersistentVolumeSource',
  },
  'storage.v1.CSINode': {
    // validateCSINodeSpec only passes `drivers` on to validateCSINodeDrivers.
    spec: 'validateCSINodeSpec',
  },
  'storage.v1.CSINodeSpec': {
    // validateCSINodeDrivers validates each driver of the list; an empty list has none.
    drivers: 'validateCSINodeDrivers',
  },
  'storage.v1.TokenRequest': {
    // validateTokenRequests only refuses a duplicate audience: one request may leave it empty
    // (the API server's own audiences).
    audience: 'validateTokenRequests',
  },
  'storage.v1.VolumeAttachmentStatus': {
    // validateVolumeAttachmentStatus checks the metadata size and the errors, not `attached`
    // (a bool: absent is `false`).
    attached: 'validateVolumeAttachmentStatus',
  },
};

/** How required a field is: the schema's `required`, else what validation or meaning adds. */
export function fieldRequirement(
  definition: string,
  field: string,
  schemaRequired: readonly string[] | undefined,
): Requirement {
  if (schemaRequired?.includes(field)) return { kind: 'required' };
  const entry = practical[definition];
  return (entry && Object.hasOwn(entry, field) ? entry[field] : undefined) ?? { kind: 'optional' };
}
