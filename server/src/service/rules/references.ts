/**
 * References by name: a pod's claim, a claim's StorageClass and volume, a volume's claimRef must
 * point at something. The target may live in the cluster rather than in the workspace, so every
 * rule here honours `kubeStorage.rules.knownObjects`.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { Workspace } from '../workspace/workspace';
import { knownIn } from './lookups';
import type { Rule } from './types';
import {
  claimSpecFields,
  ephemeralTemplatesOf,
  get,
  isRecord,
  namespaceOf,
  podSpecOf,
  str,
  volumesOf,
  workloadKinds,
} from './util';
import { createClaimFix } from './fixes/storageFixes';
import { storageClassFixes, volumeNameFixes } from './fixes/nameFixes';
import { removeFieldFix } from './fixes/quickFix';

/** `kubeStorage.cluster.defaultStorageClass` names a class: it exists in the cluster. */
function isClusterDefaultClass(workspace: Workspace, name: string): boolean {
  const setting = workspace.cluster.defaultStorageClass;
  return setting.mode === 'named' && setting.name === name;
}

export const claimNotFound: Rule = {
  id: 'claim-not-found',
  family: 'links',
  severity: 'warning',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A pod volume names a PersistentVolumeClaim that does not exist',
    ru: 'Том пода ссылается на несуществующую заявку (PVC)',
  },
  docs: {
    en: 'A `persistentVolumeClaim.claimName` must name a PVC in the same namespace as the pod. Without it the pod stays in `ContainerCreating`/`Pending` and never starts. Create the claim (the quick fix adds one next to the pod), fix the name, or list the claim in `kubeStorage.rules.knownObjects.persistentVolumeClaims` if it already exists in the cluster.',
    ru: 'Поле `persistentVolumeClaim.claimName` должно называть заявку (PVC) в том же пространстве имён, что и под. Без неё под застрянет в `ContainerCreating`/`Pending` и не запустится. Создайте заявку (быстрое исправление добавит её рядом с подом), исправьте имя или перечислите заявку в `kubeStorage.rules.knownObjects.persistentVolumeClaims`, если она уже есть в кластере.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const ns = namespaceOf(object);
    for (const v of volumesOf(at)) {
      const name = str(v.volume.persistentVolumeClaim?.claimName);
      if (!name || ctx.lookups.claim(ns, name)) continue;
      if (knownIn(ctx.settings.knownObjects.persistentVolumeClaims, name, ns)) continue;
      ctx.report(
        [...v.path, 'persistentVolumeClaim', 'claimName'],
        localize(
          {
            en: 'No PersistentVolumeClaim `{name}` in namespace `{ns}`. The pod will not start until the claim exists. Create it, fix the name, or list it in `kubeStorage.rules.knownObjects` if it lives in the cluster.',
            ru: 'В пространстве имён `{ns}` нет заявки `{name}`. Под не запустится, пока заявки нет. Создайте её, исправьте имя или добавьте в `kubeStorage.rules.knownObjects`, если она уже есть в кластере.',
          },
          { name, ns },
        ),
        { data: { claimName: name }, fix: () => createClaimFix(object, name) },
      );
    }
  },
};

export const storageClassNotFound: Rule = {
  id: 'storage-class-not-found',
  family: 'links',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', ...workloadKinds],
  fixable: true,
  title: {
    en: 'A claim names a StorageClass that does not exist',
    ru: 'Заявка ссылается на несуществующий класс хранилища',
  },
  docs: {
    en: 'A claim with `storageClassName` set waits for a volume of that class. If no StorageClass of that name exists, nothing can provision a volume and the claim stays `Pending`. Create the StorageClass, use an existing one, or list the cluster\'s classes in `kubeStorage.rules.knownObjects.storageClasses`. `""` (no class) is not checked. The claim templates of StatefulSets and of generic ephemeral volumes (`ephemeral.volumeClaimTemplate`) are checked like claims.',
    ru: 'Заявка с `storageClassName` ждёт том этого класса. Если класса хранилища с таким именем нет, выделить том некому, и заявка останется в `Pending`. Создайте класс хранилища, выберите существующий или перечислите классы кластера в `kubeStorage.rules.knownObjects.storageClasses`. Значение `""` (без класса) не проверяется. Шаблоны заявок StatefulSet и универсальных эфемерных томов (`ephemeral.volumeClaimTemplate`) проверяются так же, как заявки.',
  },
  check(object, data, ctx) {
    const classNames =
      object.kind === 'PersistentVolumeClaim' || object.kind === 'StatefulSet'
        ? claimSpecFields(object.kind, data, 'storageClassName')
        : [];
    // Generic ephemeral volumes: the claim each pod gets is created from the template's spec.
    for (const t of ephemeralTemplatesOf(object.kind, data))
      classNames.push({ value: t.spec.storageClassName, path: [...t.path, 'storageClassName'] });
    for (const { value: className, path } of classNames) {
      if (typeof className !== 'string' || className === '') continue;
      if (ctx.lookups.storageClasses.has(className)) continue;
      if (knownIn(ctx.settings.knownObjects.storageClasses, className)) continue;
      if (isClusterDefaultClass(ctx.lookups.workspace, className)) continue;
      ctx.report(
        path,
        localize(
          {
            en: 'No StorageClass `{name}` in the workspace. Nothing will provision a volume for this claim, so it stays `Pending`. Create the class, use an existing one, or list it in `kubeStorage.rules.knownObjects.storageClasses`.',
            ru: 'Класса хранилища `{name}` в рабочей области нет. Выделить том для этой заявки некому — она останется в `Pending`. Создайте класс, выберите существующий или добавьте его в `kubeStorage.rules.knownObjects.storageClasses`.',
          },
          { name: className },
        ),
        { fix: () => storageClassFixes(object, path, className, ctx.lookups) },
      );
    }
  },
};

export const volumeNameNotFound: Rule = {
  id: 'volume-name-not-found',
  family: 'links',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A claim names a PersistentVolume that does not exist',
    ru: 'Заявка ссылается на несуществующий постоянный том',
  },
  docs: {
    en: 'A claim with `spec.volumeName` binds only to that PersistentVolume and never gets a dynamically provisioned one. If the volume does not exist, the claim stays `Pending` forever. Create the PV, remove `volumeName` to let the claim bind normally, or list the volume in `kubeStorage.rules.knownObjects.persistentVolumes`.',
    ru: 'Заявка с `spec.volumeName` привязывается только к этому постоянному тому и никогда не получит динамически выделенный. Если тома нет, заявка навсегда останется в `Pending`. Создайте PV, уберите `volumeName`, чтобы заявка привязалась обычным путём, или добавьте том в `kubeStorage.rules.knownObjects.persistentVolumes`.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'volumeName']));
    if (!name || ctx.lookups.volumes.has(name)) return;
    if (knownIn(ctx.settings.knownObjects.persistentVolumes, name)) return;
    ctx.report(
      ['spec', 'volumeName'],
      localize(
        {
          en: 'No PersistentVolume `{name}` in the workspace. A claim with `volumeName` waits for exactly this volume and stays `Pending` without it. Create the volume or remove `volumeName`.',
          ru: 'Постоянного тома `{name}` в рабочей области нет. Заявка с `volumeName` ждёт именно этот том и без него останется в `Pending`. Создайте том или уберите `volumeName`.',
        },
        { name },
      ),
      { fix: () => volumeNameFixes(object, data, name, ctx.lookups) },
    );
  },
};

export const claimRefNotFound: Rule = {
  id: 'claim-ref-not-found',
  family: 'links',
  severity: 'warning',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: 'A PersistentVolume is reserved for a claim that does not exist',
    ru: 'Постоянный том зарезервирован за несуществующей заявкой',
  },
  docs: {
    en: "A PV with `spec.claimRef` is reserved: only the named claim can bind to it. If that claim never appears, the volume sits unused, and other claims cannot take it. Check the claim's name and namespace (an unset namespace means `default`), create the claim, or remove `claimRef`.",
    ru: 'Постоянный том с `spec.claimRef` зарезервирован: привязаться к нему может только указанная заявка. Если она так и не появится, том простаивает, а другие заявки взять его не могут. Проверьте имя и пространство имён заявки (если не указано — `default`), создайте заявку или уберите `claimRef`.',
  },
  check(object, data, ctx) {
    const ref = (data as unknown as PersistentVolume).spec?.claimRef;
    if (!isRecord(ref) || typeof ref.name !== 'string' || !ref.name) return;
    const ns = typeof ref.namespace === 'string' && ref.namespace ? ref.namespace : 'default';
    if (ctx.lookups.claim(ns, ref.name)) return;
    if (knownIn(ctx.settings.knownObjects.persistentVolumeClaims, ref.name, ns)) return;
    ctx.report(
      ['spec', 'claimRef', 'name'],
      localize(
        {
          en: 'No PersistentVolumeClaim `{name}` in namespace `{ns}`. The volume is reserved for it and no other claim can bind it. Create the claim, fix `claimRef`, or remove it.',
          ru: 'В пространстве имён `{ns}` нет заявки `{name}`. Том зарезервирован за ней, и другие заявки к нему не привяжутся. Создайте заявку, исправьте `claimRef` или уберите его.',
        },
        { name: ref.name, ns },
      ),
      {
        fix: () =>
          removeFieldFix(object, ['spec', 'claimRef'], {
            en: 'Remove `claimRef` (free the volume for any claim)',
            ru: 'Убрать `claimRef` (освободить том для любой заявки)',
          }),
      },
    );
  },
};
