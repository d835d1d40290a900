/**
 * A claim and the volume it names must be of one class, read as the binding engine reads it
 * (`claimClass`: the beta annotation, even `""`, wins). A claim without either gets
 * the cluster's default class when it is created (the `DefaultStorageClass` admission plugin), so
 * it is not a claim without class: the well-known way a hand-made volume stays unbound.
 */
import { localize } from '../i18n/format';
import { classMismatch } from '../binding/match';
import { ANN_BETA_STORAGE_CLASS, claimClass, claimHasClass } from '../binding/state';
import type { IndexedObject } from '../workspace/file';
import { namedVolume, namesEachOther } from './namedVolumes';
import type { Rule, RuleContext } from './types';
import { replaceFix, setValueFix } from './fixes/storageFixes';
import { scalarText } from './fixes/edits';

export const volumeClassMismatch: Rule = {
  id: 'volume-class-mismatch',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A claim and the volume it names have different StorageClasses',
    ru: 'У заявки и указанного тома разные классы хранилища',
  },
  docs: {
    en: 'A volume binds only to claims of its own `storageClassName`; `""` and an unset class on a volume mean "no class". A claim that names a volume of another class stays `Pending`. Not reported when the volume\'s `claimRef` names the claim too: the PV controller binds a claim and a volume that name each other without comparing classes. Set the same class on both (often `storageClassName: ""` on the claim for a hand-made volume). A claim without `storageClassName` is not a claim without class: when the cluster has a default StorageClass, the API server writes its name into the claim as it is created (the `DefaultStorageClass` admission plugin; `volumeName` makes no difference), so it never binds a volume without class. This is reported unless `kubeStorage.cluster.defaultStorageClass` is `none` and no StorageClass of the workspace is marked default.',
    ru: 'Том привязывается только к заявкам своего класса `storageClassName`; `""` и отсутствие класса у тома означают «без класса». Заявка, указавшая том другого класса, останется в `Pending`. Правило молчит, если `claimRef` тома тоже указывает на эту заявку: заявку и том, которые указывают друг на друга, контроллер PV привязывает, не сравнивая классы. Укажите одинаковый класс (для тома, созданного вручную, часто это `storageClassName: ""` у заявки). Заявка без `storageClassName` — не то же, что заявка без класса: если в кластере есть класс хранилища по умолчанию, API-сервер впишет его имя в заявку при создании (admission-плагин `DefaultStorageClass`; `volumeName` тут ничего не меняет), и к тому без класса она не привяжется. Об этом сообщается, если только `kubeStorage.cluster.defaultStorageClass` не равен `none` или какой-то класс хранилища в рабочей области отмечен как класс по умолчанию.',
  },
  check(object, data, ctx) {
    const found = namedVolume(object, data, ctx);
    if (!found) return;
    if (!claimHasClass(found.claim)) {
      checkDefaultClassOnNamedVolume(object, found, ctx);
      return;
    }
    if (!classMismatch(found.claim, found.volume) || namesEachOther(found)) return;
    const claimClassName = claimClass(found.claim);
    const volumeClass = found.volume.storageClass;
    // The beta annotation, when present, is what the claim's class is read from.
    const classPath =
      found.claim.classAnnotation !== undefined
        ? ['metadata', 'annotations', ANN_BETA_STORAGE_CLASS]
        : ['spec', 'storageClassName'];
    ctx.report(
      classPath,
      localize(
        {
          en: 'The claim is of class {claim}, volume `{pv}` of class {volume}. They will not bind. Use the same `storageClassName` on both.',
          ru: 'Заявка класса {claim}, а том `{pv}` — класса {volume}. Привязки не будет. Укажите одинаковый `storageClassName`.',
        },
        {
          claim: '`' + (claimClassName || '""') + '`',
          volume: '`' + (volumeClass || '""') + '`',
          pv: found.pv.object.name ?? '?',
        },
      ),
      {
        fix: replaceFix(
          object,
          classPath,
          scalarText(volumeClass),
          localize(
            { en: "Use the volume's class ({cls})", ru: 'Взять класс тома ({cls})' },
            { cls: '`' + (volumeClass || '""') + '`' },
          ),
        ),
      },
    );
  },
};

/**
 * The claim has no `storageClassName` and names a volume without class: with a default class in
 * the cluster (assumed unless the setting says `none`) or in the workspace, the claim is created
 * with that class and the volume never fits.
 */
function checkDefaultClassOnNamedVolume(
  object: IndexedObject,
  found: NonNullable<ReturnType<typeof namedVolume>>,
  ctx: RuleContext,
): void {
  if (found.volume.storageClass !== '' || namesEachOther(found)) return;
  const setting = ctx.lookups.workspace.cluster.defaultStorageClass;
  const workspaceDefault = ctx.lookups.defaultClasses[0]?.object.name;
  const defaultClass = workspaceDefault ?? (setting.mode === 'named' ? setting.name : undefined);
  if (!defaultClass && setting.mode === 'none') return;
  ctx.report(
    ['spec', 'volumeName'],
    localize(
      {
        en: 'The claim has no `storageClassName`, so it is created with the cluster\'s default class{named}, and volume `{pv}` has no class: they will not bind. Write `storageClassName: ""` on the claim.',
        ru: 'У заявки нет `storageClassName`, поэтому при создании ей впишут класс по умолчанию{named}, а у тома `{pv}` класса нет: привязки не будет. Укажите у заявки `storageClassName: ""`.',
      },
      {
        pv: found.pv.object.name ?? '?',
        named: defaultClass ? ` (\`${defaultClass}\`)` : '',
      },
    ),
    {
      fix: setValueFix(object, ['spec'], 'storageClassName', '', {
        en: 'Write `storageClassName: ""` (no class, like the volume)',
        ru: 'Указать `storageClassName: ""` (без класса, как у тома)',
      }),
    },
  );
}
