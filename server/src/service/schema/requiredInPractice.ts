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
