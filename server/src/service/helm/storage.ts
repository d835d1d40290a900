/** Storage values recognised by name and by how the templates use them. */
import { isPrefix } from './paths';
import type { StorageKind, TemplateUse, ValueNode } from './types';
import { isRecord } from '../plainData';

const STORAGE_PARENT = /persist|storage|volume|pvc|data|disk/i;
/** Blocks whose keys are about volumes at any depth (`persistence.config.size`, `volumes.journal.size`). */
const CLAIM_ANCESTOR = /persist|pvc|claim|^volumes$|^storage$/i;
/** A claim template by name: `volumeClaimTemplate`, `datadirVolumeClaimTemplate`, `pvcTemplate`. */
const CLAIM_TEMPLATE = /(volumeClaimTemplates?|claimTemplate|pvcTemplate)$/i;

/** A map shaped like a PersistentVolumeClaim spec: access modes with a size or a class. */
function isClaimShaped(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const spec = 'spec' in value ? (value as { spec: unknown }).spec : undefined;
  if (spec && isClaimShaped(spec)) return true;
  return (
    keys.includes('accessModes') &&
    (keys.includes('resources') || keys.includes('storageClassName'))
  );
}

/** A key that sets up a volume, in a persistence block or in one of its per-volume blocks. */
const VOLUME_SETTING =
  /^(enabled|size|capacity|storageClass(Name)?|existingClaim(Name)?|accessModes?|claimName|mountPath|subPath|hostPath|volumeClaimTemplates?)$/;

/**
 * A `persistence` block whose keys, at any depth, set up no volume: an application's own
 * settings for the database it stores into, such as Temporal's `server.config.persistence`
 * (`defaultStore`, `numHistoryShards`, `datastores`), which the chart writes into the server's
 * configuration file. A block with no keys (or a switch, `persistence: true`) is still storage.
 */
function isSettingsWithoutVolume(value: unknown): boolean {
  if (!isRecord(value) || !Object.keys(value).length) return false;
  // Blocks and lists of blocks (`persistence.claims: [{ name, size }]`), a few levels down.
  const setsVolume = (child: unknown, depth: number): boolean => {
    if (depth > 3) return false;
    if (Array.isArray(child)) return child.some((item) => setsVolume(item, depth + 1));
    if (!isRecord(child)) return false;
    return Object.entries(child).some(
      ([key, grandchild]) => VOLUME_SETTING.test(key) || setsVolume(grandchild, depth + 1),
    );
  };
  return !setsVolume(value, 0);
}

const BY_KEY: Record<string, StorageKind> = {
  storageClass: 'storageClass',
  storageClassName: 'storageClass',
  // Bitnami's `global.defaultStorageClass`: the class of claims that get none from elsewhere.
  defaultStorageClass: 'storageClass',
  accessMode: 'accessMode',
  accessModes: 'accessModes',
  existingClaim: 'existingClaim',
  existingClaimName: 'existingClaim',
  volumeClaimTemplates: 'volumeClaimTemplates',
  volumePermissions: 'volumePermissions',
  hostPath: 'hostPath',
  mountPath: 'mountPath',
  subPath: 'subPath',
};

/**
 * A YAML key on a template line (`storage: {{ … }}`), not a template variable of that name
 * (`{{- $storage := .Values.persistence.imageChartStorage }}`) nor a field read (`.storage`).
 */
const yamlKey = (name: string) => new RegExp(String.raw`(?<![\w$.])${name}\s*:(?!=)`);

/** The Kubernetes fields a template line may fill with a value, and the kind each makes it. */
const FIELD_KINDS: readonly [RegExp, StorageKind][] = [
  [yamlKey('sizeLimit'), 'sizeLimit'],
  [yamlKey('storageClassName'), 'storageClass'],
  [yamlKey('storage'), 'size'],
  [yamlKey('claimName'), 'existingClaim'],
  [/(?<![\w$])hostPath\b/, 'hostPath'],
  [yamlKey('mountPath'), 'mountPath'],
  [yamlKey('subPath'), 'subPath'],
];

/** What a template line does with a value, judged by the Kubernetes field it fills. */
function kindFromUse(text: string): StorageKind | undefined {
  return FIELD_KINDS.find(([field]) => field.test(text))?.[1];
}

/**
 * Object stores (S3, GCS, Swift, OSS, Azure blobs) have storage classes of their own
 * (`STANDARD`, `GLACIER`, `NEARLINE`): a `storageClass` under such a block goes into the app's
 * configuration, not into a claim (Nextcloud's `nextcloud.objectStore.s3.storageClass`).
 */
const OBJECT_STORE = /^(s3|gcs|swift|oss|azure|blob|minio|objectStor(e|age)|bucket)$/i;

export function storageKindOf(
  node: ValueNode,
  uses: readonly TemplateUse[],
): StorageKind | undefined {
  const { key, path } = node;
  const parent = path[path.length - 2] ?? '';
  // The block right above, or a claim block further up: a component named `volume` (SeaweedFS)
  // does not make its `ingress.path` or `podAnnotations` storage values.
  const inStorage =
    STORAGE_PARENT.test(parent) || path.slice(0, -1).some((a) => CLAIM_ANCESTOR.test(a));
  if (key === 'storageClass' && path.slice(0, -1).some((a) => OBJECT_STORE.test(a)))
    return undefined;
  if (BY_KEY[key]) return BY_KEY[key];
  if (key === 'sizeLimit' && /emptyDir/i.test(parent)) return 'sizeLimit';
  // Gateway API's `sessionPersistence` (sticky sessions of a route) stores nothing.
  if (
    /persistence$/i.test(key) &&
    !/^sessionPersistence$/i.test(key) &&
    !isSettingsWithoutVolume(node.defaultValue)
  )
    return 'persistence';
  if (CLAIM_TEMPLATE.test(key) || isClaimShaped(node.defaultValue)) return 'volumeClaimTemplates';
  if (parent === 'volumePermissions') return 'volumePermissions';
  if (inStorage) {
    // `persistence.enabled`, and a claim switched on by its own block: NATS's
    // `config.jetstream.fileStore.pvc.enabled`, `config.resolver.pvc.enabled`.
    if (key === 'enabled' && /persist|pvc$/i.test(parent)) return 'enabled';
    // `capacity`: JupyterHub's `singleuser.storage.capacity`, the size of each user's claim.
    if (key === 'size' || key === 'capacity') return 'size';
    if (key === 'path' || key === 'mountPath') return 'mountPath';
    if (key === 'annotations' || /(pvc|claim)Annotations$/i.test(key)) return 'annotations';
    if (key === 'selector') return 'selector';
  }
  // A boolean fills none of these fields (all strings or quantities): on such a line it only
  // chooses what is printed (`mountPath: {{ $nginx | ternary "/a" "/b" }}`).
  if (typeof node.defaultValue === 'boolean') return undefined;
  for (const use of uses) {
    if (use.id !== node.id) continue;
    const kind = kindFromUse(use.text);
    if (kind) return kind;
  }
  return undefined;
}

/** Storage values and everything inside a persistence, volumePermissions or claim-template block. */
export function isStorageValue(node: ValueNode, byId: ReadonlyMap<string, ValueNode>): boolean {
  if (node.storage) return true;
  for (const candidate of byId.values()) {
    if (
      (candidate.storage === 'persistence' ||
        candidate.storage === 'volumePermissions' ||
        candidate.storage === 'volumeClaimTemplates') &&
      candidate.path.length < node.path.length &&
      isPrefix(candidate.path, node.path)
    ) {
      return true;
    }
  }
  return false;
}

/** How the chart turns a `storageClass` value into `storageClassName`. */
export type StorageClassMeaning = 'none' | 'default' | 'named';

export function storageClassMeaning(value: unknown): StorageClassMeaning {
  if (value === '-') return 'none';
  if (value === undefined || value === null || value === '') return 'default';
  return 'named';
}

/** The chart-wide class that Bitnami-style charts and their subcharts read ahead of each claim's own. */
export const GLOBAL_STORAGE_CLASS = 'global.storageClass';

/**
 * The chart-wide class the Bitnami common library falls back to when neither `global.storageClass`
 * nor the claim's own `storageClass` is set (`common.storage.class` in its `_storage.tpl`).
 */
export const GLOBAL_DEFAULT_STORAGE_CLASS = 'global.defaultStorageClass';

/** How the Bitnami common library's templates are included (it is a subchart, not read here). */
export const COMMON_STORAGE_CLASS_INCLUDE = /\b(?:include|template)\s+"common\.storage\.class"/;

/**
 * The chart's templates read a chart-wide class key (`global.storageClass`,
 * `global.defaultStorageClass`): directly (`.Values.global.storageClass` in a helper) or through the
 * Bitnami common library's `common.storage.class`, which reads both from the `global` it is given
 * (the library is a subchart, whose templates are not read).
 */
export function readsGlobalClassKey(uses: readonly TemplateUse[], id: string): boolean {
  return uses.some((use) => use.id === id || COMMON_STORAGE_CLASS_INCLUDE.test(use.text));
}
