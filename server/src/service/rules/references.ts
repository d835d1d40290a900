/**
 * References by name: a pod's claim, a claim's StorageClass and volume, a volume's claimRef must
 * point at something. The target may live in the cluster rather than in the workspace, so every
 * rule here honours `kubeStorage.rules.knownObjects`.
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import { platformsCreatingClass } from '../kubernetes/platformClasses';
import { CLASS_NAME_RULE, isValidName } from '../kubernetes/names';
import { claimState, volumeState } from '../binding/build';
import { volumeCouldBind } from '../binding/match';
import type { IndexedObject } from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import { assumedToExist, type Found } from './lookups';
import { filledInLater } from '../text/placeholders';
import type { QuickFix, Rule, RuleContext } from './types';
import {
  claimSpecsOf,
  codeList,
  get,
  isRecord,
  namespaceOf,
  podSpecOf,
  str,
  volumesOf,
  workloadKinds,
} from './util';
import { createClaimFix, setValueFix } from './fixes/storageFixes';
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
      // With only the namespace left to a later tool, a claim of that name in any namespace will do.
      const laterNamespace = filledInLater(ns, data);
      const known = ctx.settings.knownObjects.persistentVolumeClaims;
      if (assumedToExist(known, name, laterNamespace ? undefined : ns, data)) continue;
      if (laterNamespace && ctx.lookups.claimNamed(name)) continue;
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

/**
 * A written volume of the class could bind the claim: the PV controller matches classes by name
 * alone (`FindMatchingVolume`), and needs the StorageClass object only to provision. Judged by
 * the engine's checks for one claim (binding/match.ts `volumeCouldBind`), not the whole
 * simulation: claims competing for one volume are the simulation's to tell. A volume whose
 * `claimRef` names a claim this object creates (a StatefulSet replica's) counts for it.
 */
function classVolumeFits(
  object: IndexedObject,
  data: Record<string, unknown>,
  spec: Record<string, unknown>,
  volumes: readonly Found<PersistentVolume>[],
  ctx: RuleContext,
): boolean {
  const ns = namespaceOf(object);
  const own = object.kind === 'PersistentVolumeClaim';
  const pvc = own ? data : { metadata: { name: '\u0000template', namespace: ns }, spec };
  const claim = claimState(pvc as PersistentVolumeClaim, ns, undefined, null);
  if (!claim) return false;
  return volumes.some((pv) => {
    const volume = volumeState(pv.data, 0, undefined);
    const ref = volume?.claimRef;
    const mine =
      !own && ref && ctx.lookups.claim(ref.namespace, ref.name, object.uri)?.object === object;
    return !!volume && volumeCouldBind(mine ? { ...claim, ...ref, uid: claim.uid } : claim, volume);
  });
}

/** A missing class that a Kubernetes distribution creates in each of its clusters. */
const PLATFORM_CLASS_MISSING = {
  en: 'No StorageClass `{name}` in the workspace, but every cluster of {platforms} has one of its own. If the claim is meant for such a cluster, list the class in `kubeStorage.rules.knownObjects.storageClasses`; elsewhere nothing will provision a volume for it, and it stays `Pending`.',
  ru: 'Класса хранилища `{name}` в рабочей области нет, но он есть в каждом кластере {platforms}. Если заявка предназначена для такого кластера, добавьте класс в `kubeStorage.rules.knownObjects.storageClasses`; в другом кластере выделить том некому, и заявка останется в `Pending`.',
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
    en: 'A claim with `storageClassName` set binds only volumes of that class, and only the StorageClass of that name can provision one. The PV controller matches classes by name alone: a written PersistentVolume with the same `storageClassName` binds the claim even though no StorageClass object exists (the Kubernetes tutorial "Configure a Pod to Use a PersistentVolume" does exactly this with `manual`), so such a claim is not reported. If no StorageClass of that name exists and no written volume of that class fits the claim, nothing can provision a volume and the claim stays `Pending`. Create the StorageClass, use an existing one, add a fitting volume, or list the cluster\'s classes in `kubeStorage.rules.knownObjects.storageClasses`. A class that a Kubernetes distribution creates in each of its clusters (GKE\'s `standard-rwo` and `premium-rwo`, AKS\'s `managed-csi` and `azurefile-csi`, `standard` of kind and minikube, `local-path` of k3s…) is named as such. A class made by an operator or a chart whose release the workspace declares exists too: Longhorn\'s class from its ConfigMap, the classes of a Flux HelmRelease or an Argo CD Application of `rook-ceph-cluster` (`ceph-block`…), `nfs-subdir-external-provisioner` or `local-path-provisioner`. `""` (no class) is not checked, nor a claim with a `selector`: provisioners never serve such a claim, it binds only to an existing volume of that class whose labels match (the `selector` mode of the neo4j chart), whether or not the StorageClass exists. The claim templates of StatefulSets and of generic ephemeral volumes (`ephemeral.volumeClaimTemplate`) are checked like claims.',
    ru: 'Заявка с `storageClassName` привязывается только к томам этого класса, а выделить том может только класс хранилища с таким именем. Контроллер PV сравнивает классы только по имени: постоянный том в файлах с тем же `storageClassName` привяжется к заявке, даже если объекта StorageClass нет (так делает учебник Kubernetes «Configure a Pod to Use a PersistentVolume» с классом `manual`), поэтому о такой заявке правило молчит. Если класса хранилища с таким именем нет и ни один том этого класса в файлах заявке не подходит, выделить том некому, и заявка останется в `Pending`. Создайте класс хранилища, выберите существующий, добавьте подходящий том или перечислите классы кластера в `kubeStorage.rules.knownObjects.storageClasses`. О классе, который дистрибутив Kubernetes создаёт в каждом своём кластере (`standard-rwo` и `premium-rwo` в GKE, `managed-csi` и `azurefile-csi` в AKS, `standard` в kind и minikube, `local-path` в k3s…), так и сказано. Существующим считается и класс, который создаёт оператор или чарт, если его релиз описан в рабочей области: класс Longhorn из его ConfigMap, классы из HelmRelease (Flux) или Application (Argo CD) с чартом `rook-ceph-cluster` (`ceph-block`…), `nfs-subdir-external-provisioner` или `local-path-provisioner`. Не проверяются значение `""` (без класса) и заявки с `selector`: провижинеры такие заявки не обслуживают, они привязываются только к уже существующему тому этого класса с подходящими метками (режим `selector` в чарте neo4j), есть объект StorageClass или нет. Шаблоны заявок StatefulSet и универсальных эфемерных томов (`ephemeral.volumeClaimTemplate`) проверяются так же, как заявки.',
  },
  check(object, data, ctx) {
    for (const { spec, path: specPath } of claimSpecsOf(object.kind, data)) {
      const className = spec.storageClassName;
      const path = [...specPath, 'storageClassName'];
      if (typeof className !== 'string' || className === '') continue;
      // A name no class can have (Helm's `"-"`): invalid-name says the API server refuses it.
      if (!isValidName(className, CLASS_NAME_RULE)) continue;
      // No class provisions for a claim with a selector: it binds a written volume or none.
      if (spec.selector !== undefined && spec.selector !== null) continue;
      if (ctx.lookups.storageClasses.has(className)) continue;
      if (assumedToExist(ctx.settings.knownObjects.storageClasses, className, undefined, data))
        continue;
      if (isClusterDefaultClass(ctx.lookups.workspace, className)) continue;
      const volumes = ctx.lookups.volumesByClass.get(className) ?? [];
      if (volumes.length && classVolumeFits(object, data, spec, volumes, ctx)) continue;
      const names = volumes.map((pv) => pv.object.name ?? '?');
      const platforms = platformsCreatingClass(className);
      const message = localize(
        platforms
          ? PLATFORM_CLASS_MISSING
          : names.length
            ? {
                en: 'No StorageClass `{name}` in the workspace, and no volume of that class ({volumes}) fits this claim. Nothing will provision a volume for it, so it stays `Pending`. Create the class, make a volume fit, or list the class in `kubeStorage.rules.knownObjects.storageClasses`.',
                ru: 'Класса хранилища `{name}` в рабочей области нет, а тома этого класса ({volumes}) заявке не подходят. Выделить том некому — она останется в `Pending`. Создайте класс, подгоните том или добавьте класс в `kubeStorage.rules.knownObjects.storageClasses`.',
              }
            : {
                en: 'No StorageClass `{name}` in the workspace. Nothing will provision a volume for this claim, so it stays `Pending`. Create the class, use an existing one, or list it in `kubeStorage.rules.knownObjects.storageClasses`.',
                ru: 'Класса хранилища `{name}` в рабочей области нет. Выделить том для этой заявки некому — она останется в `Pending`. Создайте класс, выберите существующий или добавьте его в `kubeStorage.rules.knownObjects.storageClasses`.',
              },
        { name: className, volumes: codeList(names, 3), platforms: platforms ?? '' },
      );
      ctx.report(path, message, {
        fix: () => storageClassFixes(object, path, className, ctx.lookups),
      });
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
    if (assumedToExist(ctx.settings.knownObjects.persistentVolumes, name, undefined, data)) return;
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
    en: "A PV with `spec.claimRef` is reserved: only the named claim can bind to it. If that claim never appears, the volume sits unused, and other claims cannot take it. Check the claim's name and namespace, create the claim, or remove `claimRef`. Pitfall: `claimRef.namespace` must be written. The API server does not fill it in, and the PV controller compares it with the claim's namespace exactly (`IsVolumeBoundToClaim`), so a `claimRef` without a namespace reserves the volume for no claim at all, not for one in `default`; the quick fix adds the namespace.",
    ru: 'Постоянный том с `spec.claimRef` зарезервирован: привязаться к нему может только указанная заявка. Если она так и не появится, том простаивает, а другие заявки взять его не могут. Проверьте имя и пространство имён заявки, создайте заявку или уберите `claimRef`. Подвох: `claimRef.namespace` нужно указать явно. API-сервер его не подставляет, а контроллер PV сравнивает его с пространством имён заявки точно (`IsVolumeBoundToClaim`), поэтому `claimRef` без пространства имён резервирует том ни за какой заявкой, а вовсе не за заявкой из `default`; быстрое исправление добавит пространство имён.',
  },
  check(object, data, ctx) {
    const ref = (data as unknown as PersistentVolume).spec?.claimRef;
    if (!isRecord(ref) || typeof ref.name !== 'string' || !ref.name) return;
    const ns = str(ref.namespace);
    if (!ns) {
      reportRefWithoutNamespace(object, ref.name, ctx);
      return;
    }
    if (ctx.lookups.claim(ns, ref.name)) return;
    if (assumedToExist(ctx.settings.knownObjects.persistentVolumeClaims, ref.name, ns, data))
      return;
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

/**
 * A `claimRef` without a namespace: nothing defaults it (core/v1 `SetDefaults_PersistentVolume`
 * leaves `claimRef` alone) and `IsVolumeBoundToClaim` compares namespaces exactly, so it matches
 * no claim. The fixes add the namespace of each claim of that name, else `default`.
 */
function reportRefWithoutNamespace(object: IndexedObject, name: string, ctx: RuleContext): void {
  const namespaces = [...ctx.lookups.claims.keys()]
    .filter((k) => k.endsWith('/' + name) && k.length > name.length + 1)
    .map((k) => k.slice(0, -name.length - 1))
    .sort();
  const choices = namespaces.length ? namespaces.slice(0, 5) : ['default'];
  ctx.report(
    ['spec', 'claimRef', 'name'],
    localize(
      {
        en: "`claimRef` names claim `{name}` but no `namespace`. The API server does not fill it in and the PV controller compares namespaces exactly, so no claim matches this reservation: the volume sits unused and no other claim can bind it. Add the claim's namespace (`namespace: {ns}`).",
        ru: '`claimRef` называет заявку `{name}`, но без `namespace`. API-сервер его не подставляет, а контроллер PV сравнивает пространства имён точно, поэтому под этот резерв не подойдёт ни одна заявка: том простаивает, и другие заявки к нему не привяжутся. Добавьте пространство имён заявки (`namespace: {ns}`).',
      },
      { name, ns: choices[0]! },
    ),
    {
      fix: () =>
        choices
          .map((ns) =>
            setValueFix(
              object,
              ['spec', 'claimRef'],
              'namespace',
              ns,
              localize(
                {
                  en: 'Add `namespace: {ns}` to `claimRef`',
                  ru: 'Добавить `namespace: {ns}` в `claimRef`',
                },
                { ns },
              ),
            )(),
          )
          .filter((f): f is QuickFix => !!f),
    },
  );
}
