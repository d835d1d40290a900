/**
 * Fixes that replace a name by one that exists (nearest first: a plausible typo before the rest),
 * or remove it so that the cluster decides: a claim's volume, a StorageClass.
 */
import { NO_PROVISIONER } from '../../binding/state';
import { localize } from '../../i18n/format';
import type { YamlPath } from '../../parse/nodes';
import { closestMatch, editDistance } from '../../text/similarity';
import type { IndexedObject } from '../../workspace/file';
import type { Lookups } from '../lookups';
import type { QuickFix } from '../types';
import { get, isRecord, namespaceOf, str } from '../util';
import { removeKey, replaceValue, scalarText, setKey } from './edits';
import { fix, fixes } from './quickFix';

/** At most this many "use `<name>` instead" alternatives. */
const MAX_ALTERNATIVES = 4;

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

/** `Use `<name>`` at `path`, one fix per name, in the order given. */
export function useNameFixes(object: IndexedObject, path: YamlPath, names: string[]): QuickFix[] {
  return fixes(
    ...names.map((name) =>
      fix(
        localize({ en: 'Use `{name}`', ru: 'Указать `{name}`' }, { name }),
        replaceValue(object, path, scalarText(name)),
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

/**
 * Renames the name at `path` to `name`, and the same name at each of `alsoAt` (the mounts of a
 * renamed volume): one fix, or undefined when one of the edits cannot be built.
 */
export function renameFix(
  object: IndexedObject,
  path: YamlPath,
  name: string,
  alsoAt: readonly YamlPath[] = [],
): QuickFix | undefined {
  const text = scalarText(name);
  return fix(
    localize({ en: 'Rename to `{name}`', ru: 'Переименовать в `{name}`' }, { name }),
    replaceValue(object, path, text),
    ...alsoAt.map((p) => replaceValue(object, p, text)),
  );
}
