/**
 * Links between objects: names that must point at something. The target may live in the cluster
 * rather than in the workspace, so every rule here honours `kubeStorage.rules.knownObjects`.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import { knownIn } from './lookups';
import type { Rule } from './types';
import {
  claimSpecFields,
  claimTemplatesOf,
  containersOf,
  get,
  isRecord,
  mountsOf,
  namespaceOf,
  podSpecOf,
  str,
  volumesOf,
  workloadKinds,
} from './util';
import {
  addHeadlessClusterIp,
  addVolumeFix,
  createClaimFix,
  createHeadlessServiceFix,
} from './fixes/storageFixes';
import {
  removeFieldFix,
  removeVolumeFix,
  storageClassFixes,
  volumeNameFixes,
} from './fixes/findingFixes';

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
  kinds: ['PersistentVolumeClaim', 'StatefulSet'],
  fixable: true,
  title: {
    en: 'A claim names a StorageClass that does not exist',
    ru: 'Заявка ссылается на несуществующий класс хранилища',
  },
  docs: {
    en: 'A claim with `storageClassName` set waits for a volume of that class. If no StorageClass of that name exists, nothing can provision a volume and the claim stays `Pending`. Create the StorageClass, use an existing one, or list the cluster\'s classes in `kubeStorage.rules.knownObjects.storageClasses`. `""` (no class) is not checked.',
    ru: 'Заявка с `storageClassName` ждёт том этого класса. Если класса хранилища с таким именем нет, выделить том некому, и заявка останется в `Pending`. Создайте класс хранилища, выберите существующий или перечислите классы кластера в `kubeStorage.rules.knownObjects.storageClasses`. Значение `""` (без класса) не проверяется.',
  },
  check(object, data, ctx) {
    const classNames = claimSpecFields(object.kind, data, 'storageClassName');
    for (const { value: className, path } of classNames) {
      if (typeof className !== 'string' || className === '') continue;
      if (ctx.lookups.storageClasses.has(className)) continue;
      if (knownIn(ctx.settings.knownObjects.storageClasses, className)) continue;
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

export const volumeMountNotFound: Rule = {
  id: 'volume-mount-not-found',
  family: 'links',
  severity: 'error',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A container mounts a volume the pod does not declare',
    ru: 'Контейнер монтирует том, которого нет в поде',
  },
  docs: {
    en: "Every `volumeMounts[].name` and `volumeDevices[].name` must match an entry of the pod's `volumes` (or, in a StatefulSet, a `volumeClaimTemplates` name). The API server rejects the object otherwise. Add the volume (the quick fix adds one backed by a claim of the same name) or fix the name.",
    ru: 'Каждое имя в `volumeMounts[].name` и `volumeDevices[].name` должно совпадать с томом из `volumes` пода (а в StatefulSet — ещё и с именем из `volumeClaimTemplates`). Иначе API-сервер отклонит объект. Добавьте том (быстрое исправление добавит том с заявкой того же имени) или исправьте имя.',
  },
  check(object, data, ctx) {
    checkMounts(object, data, ctx, false);
  },
};

export const initContainerVolumeNotFound: Rule = {
  id: 'init-container-volume-not-found',
  family: 'permissions',
  severity: 'error',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'An init container mounts a volume the pod does not declare',
    ru: 'Init-контейнер монтирует том, которого нет в поде',
  },
  docs: {
    en: "Init containers often prepare data (restore a backup, `chown` a data directory) on a volume the main container uses. If the name in the init container's `volumeMounts` matches no pod volume, the API server rejects the pod, and a typo here often means the preparation would have gone to the wrong place. Use the same name as the main container or add the volume.",
    ru: 'Init-контейнеры часто готовят данные (восстанавливают резервную копию, делают `chown` каталога) на томе, который потом использует основной контейнер. Если имя в `volumeMounts` init-контейнера не совпадает ни с одним томом пода, API-сервер отклонит под, а опечатка здесь часто значит, что подготовка ушла бы не туда. Используйте то же имя, что у основного контейнера, или добавьте том.',
  },
  check(object, data, ctx) {
    checkMounts(object, data, ctx, true);
  },
};

function checkMounts(
  object: Parameters<Rule['check']>[0],
  data: Record<string, unknown>,
  ctx: Parameters<Rule['check']>[2],
  init: boolean,
): void {
  const at = podSpecOf(object.kind, data);
  if (!at) return;
  const declared = new Set(volumesOf(at).map((v) => v.volume.name));
  if (object.kind === 'StatefulSet') {
    for (const t of claimTemplatesOf(data)) declared.add(t.name);
  }
  for (const c of containersOf(at)) {
    if ((c.group === 'initContainers') !== init) continue;
    for (const m of mountsOf(c)) {
      if (declared.has(m.mount.name)) continue;
      const params = { name: m.mount.name, container: String(c.container.name ?? '?') };
      ctx.report(
        [...m.path, 'name'],
        init
          ? localize(
              {
                en: 'Init container `{container}` mounts `{name}`, but the pod declares no such volume. The API server rejects the pod. Use the name of a volume the main containers mount, or add the volume.',
                ru: 'Init-контейнер `{container}` монтирует `{name}`, но такого тома в поде нет. API-сервер отклонит под. Возьмите имя тома, который монтируют основные контейнеры, или добавьте том.',
              },
              params,
            )
          : localize(
              {
                en: 'Container `{container}` mounts `{name}`, but the pod declares no such volume. The API server rejects the object. Add the volume to `volumes` or fix the name.',
                ru: 'Контейнер `{container}` монтирует `{name}`, но такого тома в поде нет. API-сервер отклонит объект. Добавьте том в `volumes` или исправьте имя.',
              },
              params,
            ),
        { data: { volume: m.mount.name }, fix: () => addVolumeFix(object, at.path, m.mount.name) },
      );
    }
  }
}

export const volumeNotMounted: Rule = {
  id: 'volume-not-mounted',
  family: 'links',
  severity: 'information',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A declared volume is mounted by no container',
    ru: 'Объявленный том не монтирует ни один контейнер',
  },
  docs: {
    en: 'A volume (or claim template) that no container mounts does nothing, except that a claim still has to bind before the pod can start. It is usually a leftover or a typo in a mount name. Mount it or remove it.',
    ru: 'Том (или шаблон заявки), который не монтирует ни один контейнер, ничего не делает — разве что заявка всё равно должна привязаться, прежде чем под запустится. Обычно это остаток старой версии или опечатка в имени монтирования. Смонтируйте том или удалите его.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const used = new Set<string>();
    for (const c of containersOf(at)) for (const m of mountsOf(c)) used.add(m.mount.name);
    const message = (name: string) =>
      localize(
        {
          en: 'No container mounts volume `{name}`. It is probably a leftover or a typo in a mount name. Mount it or remove it.',
          ru: 'Том `{name}` не монтирует ни один контейнер. Вероятно, это остаток или опечатка в имени монтирования. Смонтируйте том или удалите его.',
        },
        { name },
      );
    for (const v of volumesOf(at)) {
      if (!used.has(v.volume.name))
        ctx.report([...v.path, 'name'], message(v.volume.name), {
          fix: () => removeVolumeFix(object, v.path, v.volume.name),
        });
    }
    if (object.kind === 'StatefulSet') {
      for (const t of claimTemplatesOf(data)) {
        if (t.name && !used.has(t.name))
          ctx.report([...t.path, 'metadata', 'name'], message(t.name), {
            fix: () => removeVolumeFix(object, t.path, t.name),
          });
      }
    }
  },
};

export const statefulSetServiceNotFound: Rule = {
  id: 'statefulset-service-not-found',
  family: 'links',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'A StatefulSet names a Service that does not exist',
    ru: 'StatefulSet ссылается на несуществующий сервис',
  },
  docs: {
    en: '`serviceName` names the headless Service that gives each replica a stable DNS name (`<pod>.<service>`). Without the Service the pods start, but peers cannot find each other by name, which breaks most clustered databases. Create a headless Service (the quick fix adds one) or list it in `kubeStorage.rules.knownObjects.services`.',
    ru: '`serviceName` называет headless-сервис, который даёт каждой реплике постоянное DNS-имя (`<под>.<сервис>`). Без сервиса поды запустятся, но не найдут друг друга по имени — а на этом держится большинство кластерных баз данных. Создайте headless-сервис (быстрое исправление добавит его) или добавьте его в `kubeStorage.rules.knownObjects.services`.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'serviceName']));
    if (!name) return;
    const ns = namespaceOf(object);
    if (ctx.lookups.service(ns, name)) return;
    if (knownIn(ctx.settings.knownObjects.services, name, ns)) return;
    ctx.report(
      ['spec', 'serviceName'],
      localize(
        {
          en: 'No Service `{name}` in namespace `{ns}`. Replicas will not get stable DNS names, so peers cannot find each other. Create a headless Service (`clusterIP: None`) with this name.',
          ru: 'В пространстве имён `{ns}` нет сервиса `{name}`. Реплики не получат постоянные DNS-имена и не найдут друг друга. Создайте headless-сервис (`clusterIP: None`) с этим именем.',
        },
        { name, ns },
      ),
      { fix: () => createHeadlessServiceFix(object, data, name) },
    );
  },
};

export const statefulSetServiceNotHeadless: Rule = {
  id: 'statefulset-service-not-headless',
  family: 'links',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'The Service of a StatefulSet is not headless',
    ru: 'Сервис StatefulSet не headless',
  },
  docs: {
    en: 'Per-pod DNS records (`<pod>.<service>.<namespace>.svc`) exist only for a headless Service, one with `clusterIP: None`. With a normal ClusterIP Service clients reach a random replica, and replicas cannot address each other. Set `clusterIP: None` (the quick fix does it; an existing Service must be recreated, the field is immutable), and keep a separate Service for client traffic if you need one.',
    ru: 'DNS-записи отдельных подов (`<под>.<сервис>.<пространство имён>.svc`) есть только у headless-сервиса — сервиса с `clusterIP: None`. Через обычный ClusterIP-сервис клиент попадает на случайную реплику, а реплики не могут обратиться друг к другу. Укажите `clusterIP: None` (это сделает быстрое исправление; существующий сервис придётся пересоздать — поле неизменяемое), а для клиентского трафика при необходимости заведите отдельный сервис.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'serviceName']));
    if (!name) return;
    const service = ctx.lookups.service(namespaceOf(object), name);
    if (!service || service.object.template) return;
    const clusterIP = service.data.spec?.clusterIP;
    if (clusterIP === 'None' || service.data.spec?.type === 'ExternalName') return;
    ctx.report(
      ['spec', 'serviceName'],
      localize(
        {
          en: 'Service `{name}` is not headless ({detail}). Replicas get no per-pod DNS names, so peers cannot address each other. Set `clusterIP: None` on the Service.',
          ru: 'Сервис `{name}` не headless ({detailRu}). У реплик не будет DNS-имён, и они не смогут обратиться друг к другу. Укажите в сервисе `clusterIP: None`.',
        },
        {
          name,
          detail: clusterIP
            ? `\`clusterIP: ${clusterIP}\``
            : '`clusterIP` is not set, so it gets a cluster IP',
          detailRu: clusterIP
            ? `\`clusterIP: ${clusterIP}\``
            : '`clusterIP` не задан, и сервису выдаётся кластерный IP',
        },
      ),
      { fix: () => addHeadlessClusterIp(service.object) },
    );
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

export const linkRules: Rule[] = [
  claimNotFound,
  storageClassNotFound,
  volumeMountNotFound,
  volumeNotMounted,
  statefulSetServiceNotFound,
  statefulSetServiceNotHeadless,
  volumeNameNotFound,
  claimRefNotFound,
];
export const initContainerRules: Rule[] = [initContainerVolumeNotFound];
