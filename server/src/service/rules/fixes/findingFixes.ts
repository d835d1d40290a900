/**
 * Quick fixes for the rules whose remedy is mechanical: a data volume turned into a claim, a
 * skeleton of node affinity, one default class kept, a name replaced by one that exists, a field
 * that the API server refuses removed. Each builder returns undefined (or no alternatives) when
 * the YAML is in a shape the edit helpers do not handle.
 */
import type { PersistentVolumeClaim, PersistentVolume } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { NO_PROVISIONER } from '../../binding/state';
import { localize } from '../../i18n/format';
import type { YamlPath } from '../../parse/nodes';
import { closestMatch, editDistance } from '../../text/similarity';
import type { LocalizedText } from '../../types';
import type { IndexedObject } from '../../workspace/file';
import { defaultClassAnnotations } from '../../kubernetes/storageClass';
import { sameObject, type Found, type Lookups } from '../lookups';
import type { QuickFix } from '../types';
import { containersOf, get, isRecord, mountsOf, namespaceOf, str, type PodSpecAt } from '../util';
import {
  appendDocument,
  insertInMap,
  insertInSeq,
  removeKey,
  removeSeqItem,
  replacePair,
  replaceValue,
  type TextEditLike,
} from './edits';
import { scalarText, setKey } from './storageFixes';

/** At most this many "use `<name>` instead" alternatives. */
const MAX_ALTERNATIVES = 4;

/** The size a claim made by a fix asks for: a placeholder to be set to what the data needs. */
const PLACEHOLDER_SIZE = '10Gi';

function fix(title: LocalizedText, ...edits: (TextEditLike | undefined)[]): QuickFix | undefined {
  if (!edits.length || edits.some((e) => !e)) return undefined;
  return { title, edits: edits as TextEditLike[] };
}

function fixes(...list: (QuickFix | undefined)[]): QuickFix[] {
  return list.filter((f): f is QuickFix => f !== undefined);
}

/** Candidates nearest to `name` first (a plausible typo before the rest), at most a few. */
function nearest(name: string, candidates: Iterable<string>): string[] {
  const list = [...new Set(candidates)].filter((c) => c !== name);
  const typo = closestMatch(name, list);
  return list
    .sort(
      (a, b) =>
        Number(b === typo) - Number(a === typo) ||
        editDistance(name, a) - editDistance(name, b) ||
        a.localeCompare(b),
    )
    .slice(0, MAX_ALTERNATIVES);
}

function useNameFixes(object: IndexedObject, path: YamlPath, names: string[]): QuickFix[] {
  return fixes(
    ...names.map((name) =>
      fix(
        localize({ en: 'Use `{name}`', ru: 'Указать `{name}`' }, { name }),
        replaceValue(object, path, scalarText(name)),
      ),
    ),
  );
}

function claimTemplate(name: string): PersistentVolumeClaim {
  return {
    metadata: { name },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: PLACEHOLDER_SIZE } },
    },
  };
}

/**
 * A pod volume that holds data (`emptyDir`, `hostPath`) moved onto a claim: in a StatefulSet a
 * `volumeClaimTemplates` entry of the same name (one claim per replica), elsewhere a new
 * PersistentVolumeClaim `<object>-<volume>` next to the object.
 */
export function dataVolumeToClaimFix(
  object: IndexedObject,
  volumePath: YamlPath,
  volumeName: string,
  source: 'emptyDir' | 'hostPath',
): QuickFix | undefined {
  if (object.kind === 'StatefulSet') {
    return fix(
      localize(
        {
          en: 'Move volume `{name}` to `volumeClaimTemplates` ({size} per replica)',
          ru: 'Перенести том `{name}` в `volumeClaimTemplates` ({size} на реплику)',
        },
        { name: volumeName, size: PLACEHOLDER_SIZE },
      ),
      removeSeqItem(object, volumePath),
      insertInSeq(object, ['spec', 'volumeClaimTemplates'], claimTemplate(volumeName)),
    );
  }
  if (object.kind === 'DaemonSet') return undefined; // one claim cannot follow a pod per node
  const claimName = `${object.name ?? 'app'}-${volumeName}`;
  const claim: PersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: object.namespace
      ? { name: claimName, namespace: object.namespace }
      : { name: claimName },
    spec: claimTemplate(claimName).spec,
  };
  return fix(
    localize(
      {
        en: 'Keep volume `{name}` on a new PersistentVolumeClaim `{claim}` ({size})',
        ru: 'Хранить том `{name}` на новой заявке `{claim}` ({size})',
      },
      { name: volumeName, claim: claimName, size: PLACEHOLDER_SIZE },
    ),
    replacePair(object, [...volumePath, source], 'persistentVolumeClaim', { claimName }),
    appendDocument(object, claim),
  );
}

/** `spec.nodeAffinity.required` of a local volume, on `kubernetes.io/hostname`, to fill in. */
export function localNodeAffinityFix(object: IndexedObject, data: unknown): QuickFix | undefined {
  const required = {
    nodeSelectorTerms: [
      {
        matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }],
      },
    ],
  };
  const title = {
    en: 'Add `nodeAffinity` for one node (replace `node-1` with its name)',
    ru: 'Добавить `nodeAffinity` с одним узлом (замените `node-1` на его имя)',
  };
  const affinity = get(data, ['spec', 'nodeAffinity']);
  if (affinity === undefined) {
    return fix(title, insertInMap(object, ['spec'], 'nodeAffinity', { required }));
  }
  if (isRecord(affinity) && affinity.required === undefined) {
    return fix(title, insertInMap(object, ['spec', 'nodeAffinity'], 'required', required));
  }
  return undefined;
}

/** Removes the default-class annotation from every other default class (in any file). */
export function keepDefaultClassFix(
  object: IndexedObject,
  defaults: readonly Found<StorageClass>[],
): QuickFix | undefined {
  const others = defaults.filter((d) => !sameObject(d.object, object));
  if (!others.length) return undefined;
  return fix(
    localize(
      {
        en: 'Keep `{name}` as the only default class (unmark {others})',
        ru: 'Оставить `{name}` единственным классом по умолчанию (снять отметку с {others})',
      },
      {
        name: object.name ?? '?',
        others: others.map((d) => '`' + (d.object.name ?? '?') + '`').join(', '),
      },
    ),
    ...others.flatMap((d) =>
      defaultClassAnnotations(d.data.metadata).map((a) =>
        removeKey(d.object, ['metadata', 'annotations', a]),
      ),
    ),
  );
}

/** A claim's `volumeName` changed to a volume it could bind, or removed. */
export function volumeNameFixes(
  object: IndexedObject,
  data: Record<string, unknown>,
  missing: string,
  lookups: Lookups,
): QuickFix[] {
  const claimClass = get(data, ['spec', 'storageClassName']);
  const fitting = [...lookups.volumes.values()].filter((pv) => {
    const pvClass = str(pv.data.spec?.storageClassName) ?? '';
    if (typeof claimClass === 'string' && pvClass !== claimClass) return false;
    const ref = pv.data.spec?.claimRef;
    return (
      !isRecord(ref) ||
      (ref.name === object.name && (str(ref.namespace) || 'default') === namespaceOf(object))
    );
  });
  return fixes(
    ...useNameFixes(
      object,
      ['spec', 'volumeName'],
      nearest(missing, fitting.map((pv) => pv.object.name ?? '').filter(Boolean)),
    ),
    fix(
      {
        en: 'Remove `volumeName` (bind to any fitting volume)',
        ru: 'Убрать `volumeName` (привязать к любому подходящему тому)',
      },
      removeKey(object, ['spec', 'volumeName']),
    ),
  );
}

/**
 * A class name replaced by one of the workspace's classes (nearest first), or removed so that
 * the cluster's default class provisions the volume.
 */
export function storageClassFixes(
  object: IndexedObject,
  path: YamlPath,
  missing: string,
  lookups: Lookups,
): QuickFix[] {
  return fixes(
    ...useNameFixes(object, path, nearest(missing, lookups.storageClasses.keys())),
    fix(
      {
        en: "Remove `storageClassName` (use the cluster's default class)",
        ru: 'Убрать `storageClassName` (взять класс хранилища кластера по умолчанию)',
      },
      removeKey(object, path),
    ),
  );
}

/**
 * A claim that will stay Pending given a class that provisions volumes (nearest first), or left
 * to the cluster's default class when the workspace declares none.
 */
export function provisioningClassFixes(
  object: IndexedObject,
  specPath: YamlPath,
  spec: unknown,
  lookups: Lookups,
): QuickFix[] {
  const current = get(spec, ['storageClassName']);
  const provisioning = [...lookups.storageClasses.values()]
    .filter((sc) => {
      const p = str(sc.data.provisioner);
      return p && p !== NO_PROVISIONER;
    })
    .map((sc) => sc.object.name ?? '')
    .filter(Boolean);
  const list = nearest(typeof current === 'string' ? current : '', provisioning).map((name) =>
    fix(
      localize(
        { en: 'Use StorageClass `{name}`', ru: 'Указать класс хранилища `{name}`' },
        { name },
      ),
      setKey(object, specPath, 'storageClassName', name),
    ),
  );
  if (typeof current === 'string' && !lookups.defaultClasses.length) {
    list.push(
      fix(
        {
          en: "Remove `storageClassName` (the cluster's default class provisions a volume)",
          ru: 'Убрать `storageClassName` (том выделит класс хранилища кластера по умолчанию)',
        },
        removeKey(object, [...specPath, 'storageClassName']),
      ),
    );
  }
  return fixes(...list);
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

/** The claim asks only for the modes the volume offers (those it asked for, else all offered). */
export function offeredModesFix(
  object: IndexedObject,
  asked: string[],
  offered: string[],
): QuickFix | undefined {
  const kept = asked.filter((m) => offered.includes(m));
  const modes = kept.length ? kept : offered;
  if (!modes.length) return undefined;
  const text = `[${modes.join(', ')}]`;
  return fix(
    localize({ en: 'Request `{modes}`', ru: 'Запросить `{modes}`' }, { modes: text }),
    replaceValue(object, ['spec', 'accessModes'], text),
  );
}

/** The volume's `claimRef` pointed at this claim instead (the volume may be in another file). */
export function reserveVolumeFix(
  claim: IndexedObject,
  pv: Found<PersistentVolume>,
): QuickFix | undefined {
  const ref = pv.data.spec?.claimRef;
  if (!isRecord(ref) || !claim.name) return undefined;
  const ns = namespaceOf(claim);
  const edits = [setKey(pv.object, ['spec', 'claimRef'], 'name', claim.name)];
  if (typeof ref.namespace === 'string' || ns !== 'default')
    edits.push(setKey(pv.object, ['spec', 'claimRef'], 'namespace', ns));
  if (ref.uid !== undefined) edits.push(removeKey(pv.object, ['spec', 'claimRef', 'uid']));
  return fix(
    localize(
      {
        en: 'Reserve volume `{pv}` for this claim (`claimRef`)',
        ru: 'Зарезервировать том `{pv}` за этой заявкой (`claimRef`)',
      },
      { pv: pv.object.name ?? '?' },
    ),
    ...edits,
  );
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

/** Removes a field the situation makes wrong, with a title naming it. */
export function removeFieldFix(
  object: IndexedObject,
  path: YamlPath,
  title: LocalizedText,
): QuickFix | undefined {
  return fix(title, removeKey(object, path));
}

/** Sets a scalar at `path` (replacing the value there). */
export function replaceScalarFix(
  object: IndexedObject,
  path: YamlPath,
  value: string | number,
  title: LocalizedText,
): QuickFix | undefined {
  return fix(title, replaceValue(object, path, scalarText(value)));
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
