/**
 * Fixes to a workload's pod template and controller: a data volume moved onto a claim, a data
 * directory put on one, mounts made read-only, a subPath made relative, an unused volume removed, one replica, the update
 * strategy.
 */
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import { localize } from '../../i18n/format';
import type { YamlPath } from '../../parse/nodes';
import type { IndexedObject } from '../../workspace/file';
import type { QuickFix } from '../types';
import {
  containersOf,
  get,
  isRecord,
  mountsOf,
  writtenVolumesOf,
  type ContainerAt,
  type PodSpecAt,
} from '../util';
import {
  appendDocument,
  insertInMap,
  insertInSeq,
  removeKey,
  removeSeqItem,
  replacePair,
  replaceValue,
  scalarText,
  setKey,
  type TextEditLike,
} from './edits';
import { fix, fixes } from './quickFix';

/** The size a claim made by a fix asks for: a placeholder to be set to what the data needs. */
const PLACEHOLDER_SIZE = '10Gi';

/** What a claim made by a fix asks for: one node, the placeholder size. */
const DEFAULT_CLAIM_SPEC: PersistentVolumeClaimSpec = {
  accessModes: ['ReadWriteOnce'],
  resources: { requests: { storage: PLACEHOLDER_SIZE } },
};

function claimTemplate(name: string, spec: PersistentVolumeClaimSpec): PersistentVolumeClaim {
  return { metadata: { name }, spec };
}

/** A claim for a workload's data, in the workload's namespace. */
function newClaim(
  object: IndexedObject,
  claimName: string,
  spec: PersistentVolumeClaimSpec = DEFAULT_CLAIM_SPEC,
): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: object.namespace
      ? { name: claimName, namespace: object.namespace }
      : { name: claimName },
    spec,
  };
}

/**
 * A pod volume that holds data (`emptyDir`, `hostPath`, a generic ephemeral volume) moved onto a
 * claim: in a StatefulSet a `volumeClaimTemplates` entry of the same name (one claim per replica),
 * elsewhere a new PersistentVolumeClaim `<object>-<volume>` next to the object. The claim asks for
 * `claimSpec` (an ephemeral volume's own template) or else one node and a placeholder size.
 */
export function dataVolumeToClaimFix(
  object: IndexedObject,
  volumePath: YamlPath,
  volumeName: string,
  source: 'emptyDir' | 'hostPath' | 'ephemeral',
  claimSpec: PersistentVolumeClaimSpec = DEFAULT_CLAIM_SPEC,
): QuickFix | undefined {
  const size = sizeAskedBy(claimSpec);
  if (object.kind === 'StatefulSet') {
    return fix(
      localize(
        {
          en: 'Move volume `{name}` to `volumeClaimTemplates` ({size} per replica)',
          ru: 'Перенести том `{name}` в `volumeClaimTemplates` ({size} на реплику)',
        },
        { name: volumeName, size },
      ),
      removeSeqItem(object, volumePath),
      insertInSeq(object, ['spec', 'volumeClaimTemplates'], claimTemplate(volumeName, claimSpec)),
    );
  }
  if (object.kind === 'DaemonSet') return undefined; // one claim cannot follow a pod per node
  const claimName = `${object.name ?? 'app'}-${volumeName}`;
  return fix(
    localize(
      {
        en: 'Keep volume `{name}` on a new PersistentVolumeClaim `{claim}` ({size})',
        ru: 'Хранить том `{name}` на новой заявке `{claim}` ({size})',
      },
      { name: volumeName, claim: claimName, size },
    ),
    replacePair(object, [...volumePath, source], 'persistentVolumeClaim', { claimName }),
    appendDocument(object, newClaim(object, claimName, claimSpec)),
  );
}

/** The storage a claim spec requests, as written; the placeholder when it names none. */
function sizeAskedBy(spec: PersistentVolumeClaimSpec): string {
  const storage: unknown = spec.resources?.requests?.storage;
  return typeof storage === 'string' || typeof storage === 'number'
    ? String(storage)
    : PLACEHOLDER_SIZE;
}

/**
 * `readOnly: true` on every mount of a host path volume, when only writing makes the path
 * dangerous (`/proc`, `/sys`…); undefined when a block device uses it (it cannot be read-only).
 */
export function readOnlyMountsFix(
  object: IndexedObject,
  at: PodSpecAt,
  volumeName: string,
): QuickFix | undefined {
  const mounts = containersOf(at)
    .flatMap((c) => mountsOf(c))
    .filter((m) => m.mount.name === volumeName && m.mount.readOnly !== true);
  if (!mounts.length || mounts.some((m) => m.field === 'volumeDevices')) return undefined;
  return fix(
    {
      en: 'Mount it read-only (`readOnly: true`)',
      ru: 'Монтировать только для чтения (`readOnly: true`)',
    },
    ...mounts.map((m) => setKey(object, m.path, 'readOnly', true)),
  );
}

/** `subPath` made relative and without `..` (removed when nothing is left). */
export function relativeSubPathFix(
  object: IndexedObject,
  path: YamlPath,
  subPath: string,
): QuickFix | undefined {
  const relative = subPath
    .split('/')
    .filter((s) => s && s !== '.' && s !== '..')
    .join('/');
  if (!relative) {
    return fix(
      {
        en: 'Remove `subPath` (mount the volume root)',
        ru: 'Убрать `subPath` (монтировать корень тома)',
      },
      removeKey(object, path),
    );
  }
  return fix(
    localize({ en: 'Use `subPath: {path}`', ru: 'Указать `subPath: {path}`' }, { path: relative }),
    replaceValue(object, path, scalarText(relative)),
  );
}

/** Removes an unused volume or claim template. */
export function removeVolumeFix(
  object: IndexedObject,
  itemPath: YamlPath,
  name: string,
): QuickFix | undefined {
  return fix(
    localize({ en: 'Remove volume `{name}`', ru: 'Удалить том `{name}`' }, { name }),
    removeSeqItem(object, itemPath),
  );
}

/** Several replicas on one ReadWriteOnce claim: run one, replaced all at once on updates. */
export function singleReplicaFix(object: IndexedObject, data: unknown): QuickFix | undefined {
  const edits: (TextEditLike | undefined)[] = [replaceValue(object, ['spec', 'replicas'], '1')];
  if (object.kind === 'Deployment') {
    const strategy = get(data, ['spec', 'strategy']);
    if (strategy === undefined) {
      edits.push(insertInMap(object, ['spec'], 'strategy', { type: 'Recreate' }));
    } else if (isRecord(strategy)) {
      edits.push(setKey(object, ['spec', 'strategy'], 'type', 'Recreate'));
      if (strategy.rollingUpdate !== undefined)
        edits.push(removeKey(object, ['spec', 'strategy', 'rollingUpdate']));
    }
  }
  return fix(
    object.kind === 'Deployment'
      ? {
          en: 'Run one replica (`replicas: 1`, `strategy: Recreate`)',
          ru: 'Оставить одну реплику (`replicas: 1`, `strategy: Recreate`)',
        }
      : { en: 'Run one replica (`replicas: 1`)', ru: 'Оставить одну реплику (`replicas: 1`)' },
    ...edits,
  );
}

/** `rollingUpdate` with `type: OnDelete`: drop `rollingUpdate`, or switch to `RollingUpdate`. */
export function onDeleteFixes(object: IndexedObject): QuickFix[] {
  return fixes(
    fix(
      {
        en: 'Remove `rollingUpdate` (keep `OnDelete`)',
        ru: 'Убрать `rollingUpdate` (оставить `OnDelete`)',
      },
      removeKey(object, ['spec', 'updateStrategy', 'rollingUpdate']),
    ),
    fix(
      { en: 'Use `type: RollingUpdate`', ru: 'Указать `type: RollingUpdate`' },
      replaceValue(object, ['spec', 'updateStrategy', 'type'], 'RollingUpdate'),
    ),
  );
}

/** A name for a new data volume that no volume, claim template or mount of the pod uses yet. */
function freeVolumeName(at: PodSpecAt, data: unknown, container: ContainerAt): string {
  const taken = new Set<string>();
  for (const v of writtenVolumesOf(at)) taken.add(v.volume.name);
  for (const c of containersOf(at)) for (const m of mountsOf(c)) taken.add(m.mount.name);
  const templates = get(data, ['spec', 'volumeClaimTemplates']);
  if (Array.isArray(templates))
    for (const t of templates) {
      const name = get(t, ['metadata', 'name']);
      if (typeof name === 'string') taken.add(name);
    }
  const own = `${String(container.container.name ?? 'db')}-data`;
  return ['data', own, 'database-data'].find((n) => !taken.has(n)) ?? `${own}-${taken.size}`;
}

/**
 * A data directory no volume holds, put on a claim: in a StatefulSet a new `volumeClaimTemplates`
 * entry mounted there (one claim per replica), elsewhere a new PersistentVolumeClaim
 * `<object>-<volume>` next to the object, a volume for it and the mount. None for a DaemonSet: one
 * claim cannot follow a pod per node.
 */
export function dataMountFix(
  object: IndexedObject,
  data: unknown,
  at: PodSpecAt,
  container: ContainerAt,
  mountPath: string,
): QuickFix | undefined {
  const name = freeVolumeName(at, data, container);
  const mount = insertInSeq(object, [...container.path, 'volumeMounts'], { name, mountPath });
  if (object.kind === 'StatefulSet') {
    return fix(
      localize(
        {
          en: 'Mount a new claim template `{name}` at `{path}` ({size} per replica)',
          ru: 'Смонтировать в `{path}` новый шаблон заявки `{name}` ({size} на реплику)',
        },
        { name, path: mountPath, size: PLACEHOLDER_SIZE },
      ),
      insertInSeq(
        object,
        ['spec', 'volumeClaimTemplates'],
        claimTemplate(name, DEFAULT_CLAIM_SPEC),
      ),
      mount,
    );
  }
  if (object.kind === 'DaemonSet') return undefined;
  const claimName = `${object.name ?? 'app'}-${name}`;
  return fix(
    localize(
      {
        en: 'Mount a new PersistentVolumeClaim `{claim}` at `{path}` ({size})',
        ru: 'Смонтировать в `{path}` новую заявку `{claim}` ({size})',
      },
      { claim: claimName, path: mountPath, size: PLACEHOLDER_SIZE },
    ),
    insertInSeq(object, [...at.path, 'volumes'], {
      name,
      persistentVolumeClaim: { claimName },
    }),
    mount,
    appendDocument(object, newClaim(object, claimName)),
  );
}

/** A mount moved to the directory the data is in now (`mountPath` replaced). */
export function relocatedMountFix(
  object: IndexedObject,
  mountPathAt: YamlPath,
  mountPath: string,
): QuickFix | undefined {
  return fix(
    localize(
      { en: 'Mount it at `{path}`', ru: 'Смонтировать том в `{path}`' },
      { path: mountPath },
    ),
    replaceValue(object, mountPathAt, scalarText(mountPath)),
  );
}
