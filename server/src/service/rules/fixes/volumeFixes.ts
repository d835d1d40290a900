/**
 * Fixes to volumes, classes and the claims bound to them: node affinity for a local volume, one
 * default class kept, the access modes a volume offers, a volume reserved for a claim.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { localize } from '../../i18n/format';
import { defaultClassAnnotations } from '../../kubernetes/storageClass';
import type { IndexedObject } from '../../workspace/file';
import { sameObject, type Found } from '../lookups';
import type { QuickFix } from '../types';
import { get, isRecord, namespaceOf } from '../util';
import { insertInMap, removeKey, replaceValue, setKey } from './edits';
import { fix } from './quickFix';

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
  // Always written: a `claimRef` without a namespace reserves the volume for no claim.
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
