/**
 * Links between objects: names that must point at something. The target may live in the cluster
 * rather than in the workspace, so every rule here honours `kubeStorage.rules.knownObjects`.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { Workspace } from '../workspace/workspace';
import type { YamlPath } from '../parse/nodes';
import { knownIn, type Lookups } from './lookups';
import type { QuickFix, Rule } from './types';
import {
  claimSpecFields,
  claimTemplatesOf,
  containersOf,
  ephemeralTemplatesOf,
  get,
  isRecord,
  mountsOf,
  namespaceOf,
  podSpecOf,
  replicasOf,
  str,
  volumesOf,
  workloadKinds,
} from './util';
import {
  addHeadlessClusterIp,
  addVolumeFix,
  createClaimFix,
  createHeadlessServiceFix,
  replaceFix,
  scalarText,
} from './fixes/storageFixes';
import {
  removeFieldFix,
  removeVolumeFix,
  storageClassFixes,
  volumeNameFixes,
} from './fixes/findingFixes';

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

/** The volumes and claim templates of a pod that no container (init, regular, ephemeral) mounts. */
function unmountedVolumes(
  kind: string,
  data: Record<string, unknown>,
): { name: string; path: YamlPath; claim: boolean }[] {
  const at = podSpecOf(kind, data);
  if (!at) return [];
  const used = new Set(containersOf(at).flatMap((c) => mountsOf(c).map((m) => m.mount.name)));
  const out: { name: string; path: YamlPath; claim: boolean }[] = [];
  for (const v of volumesOf(at)) {
    if (used.has(v.volume.name)) continue;
    const claim = isRecord(v.volume.persistentVolumeClaim) || isRecord(v.volume.ephemeral);
    out.push({ name: v.volume.name, path: v.path, claim });
  }
  if (kind === 'StatefulSet') {
    for (const t of claimTemplatesOf(data)) {
      if (t.name && !used.has(t.name)) out.push({ name: t.name, path: t.path, claim: true });
    }
  }
  return out;
}

function nameOfEntry(path: YamlPath): YamlPath {
  return path.includes('volumeClaimTemplates') ? [...path, 'metadata', 'name'] : [...path, 'name'];
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
    en: 'A volume that no container mounts (not an init container, not through a `subPath`) does nothing. It is usually a leftover or a typo in a mount name. Mount it or remove it. Claims and claim templates that nobody mounts are reported by `claim-not-mounted`.',
    ru: 'Том, который не монтирует ни один контейнер (ни init-контейнер, ни через `subPath`), ничего не делает. Обычно это остаток старой версии или опечатка в имени монтирования. Смонтируйте том или удалите его. Заявки и шаблоны заявок, которые никто не монтирует, отмечает правило `claim-not-mounted`.',
  },
  check(object, data, ctx) {
    for (const v of unmountedVolumes(object.kind, data)) {
      if (v.claim) continue;
      ctx.report(
        nameOfEntry(v.path),
        localize(
          {
            en: 'No container mounts volume `{name}`. It is probably a leftover or a typo in a mount name. Mount it or remove it.',
            ru: 'Том `{name}` не монтирует ни один контейнер. Вероятно, это остаток или опечатка в имени монтирования. Смонтируйте том или удалите его.',
          },
          { name: v.name },
        ),
        { fix: () => removeVolumeFix(object, v.path, v.name) },
      );
    }
  },
};

export const claimNotMounted: Rule = {
  id: 'claim-not-mounted',
  family: 'links',
  severity: 'warning',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A claim volume or claim template is mounted by no container',
    ru: 'Том из заявки или шаблон заявки не монтирует ни один контейнер',
  },
  docs: {
    en: "A claim that no container mounts (not an init container, not through a `subPath`) still has to bind before the pod starts, yet the data meant for it goes to the container's writable layer and is lost with the container. It is almost always a typo in a mount name or a leftover. Mount the claim where the application keeps its data, or remove it.",
    ru: 'Заявка, которую не монтирует ни один контейнер (ни init-контейнер, ни через `subPath`), всё равно должна привязаться до запуска пода, а данные, предназначенные для неё, пишутся в слой контейнера и пропадают вместе с ним. Почти всегда это опечатка в имени монтирования или остаток старой версии. Смонтируйте заявку туда, где приложение хранит данные, или удалите её.',
  },
  check(object, data, ctx) {
    for (const v of unmountedVolumes(object.kind, data)) {
      if (!v.claim) continue;
      ctx.report(
        nameOfEntry(v.path),
        localize(
          {
            en: "No container mounts claim volume `{name}`. The claim is bound for nothing, and the data meant for it goes to the container's writable layer, lost with the container. Mount it where the data lives, or remove it.",
            ru: 'Том `{name}` из заявки не монтирует ни один контейнер. Заявка привязывается впустую, а данные, предназначенные для неё, уходят в слой контейнера и пропадут вместе с ним. Смонтируйте её туда, где лежат данные, или удалите.',
          },
          { name: v.name },
        ),
        { fix: () => removeVolumeFix(object, v.path, v.name) },
      );
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
    en: '`serviceName` names the headless Service that gives each replica a stable DNS name (`<pod>.<service>`). Without the Service the pods start, but peers cannot find each other by name, which breaks most clustered databases. Create a headless Service (the quick fix adds one) or list it in `kubeStorage.rules.knownObjects.services`. Reported only for more than one replica: `serviceName` is optional, and a single pod has no peers (charts create the headless Service only when they scale out, CSI controllers set a name without a Service).',
    ru: '`serviceName` называет headless-сервис, который даёт каждой реплике постоянное DNS-имя (`<под>.<сервис>`). Без сервиса поды запустятся, но не найдут друг друга по имени — а на этом держится большинство кластерных баз данных. Создайте headless-сервис (быстрое исправление добавит его) или добавьте его в `kubeStorage.rules.knownObjects.services`. Отмечается только при нескольких репликах: `serviceName` необязателен, а у единственного пода нет соседей (чарты создают headless-сервис, только когда реплик больше одной, а контроллеры CSI указывают имя без сервиса).',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'serviceName']));
    const replicas = replicasOf(data);
    if (!name || replicas <= 1) return;
    const ns = namespaceOf(object);
    if (ctx.lookups.service(ns, name)) return;
    if (knownIn(ctx.settings.knownObjects.services, name, ns)) return;
    ctx.report(
      ['spec', 'serviceName'],
      localize(
        {
          en: 'No Service `{name}` in namespace `{ns}`. The {replicas} replicas get no per-pod DNS names (`<pod>.{name}`), so peers cannot find each other. Create a headless Service (`clusterIP: None`) with this name.',
          ru: 'В пространстве имён `{ns}` нет сервиса `{name}`. Реплики ({replicas}) не получат DNS-имён подов (`<под>.{name}`) и не найдут друг друга. Создайте headless-сервис (`clusterIP: None`) с этим именем.',
        },
        { name, ns, replicas },
      ),
      { fix: () => createHeadlessServiceFix(object, data, name) },
    );
  },
};

/**
 * The headless Service of the namespace that selects the StatefulSet's pods. Of several (a
 * gossip ring selecting every member, a per-component one), the one named after the StatefulSet
 * or its `serviceName` wins, then the one with the most specific selector.
 */
function headlessServiceFor(
  lookups: Lookups,
  namespace: string,
  names: readonly string[],
  data: Record<string, unknown>,
): string | undefined {
  const labels = get(data, ['spec', 'template', 'metadata', 'labels']);
  if (!isRecord(labels)) return undefined;
  let best: { name: string; score: number } | undefined;
  for (const found of lookups.services.values()) {
    const spec = found.data.spec;
    const name = found.object.name;
    if (!name || namespaceOf(found.object) !== namespace || spec?.clusterIP !== 'None') continue;
    const selector = isRecord(spec.selector) ? Object.entries(spec.selector) : [];
    if (!selector.length || !selector.every(([k, v]) => labels[k] === v)) continue;
    const named = names.some((n) => n && name.startsWith(n)) ? 1000 : 0;
    const score = named + selector.length;
    if (!best || score > best.score) best = { name, score };
  }
  return best?.name;
}

export const statefulSetServiceNotHeadless: Rule = {
  id: 'statefulset-service-not-headless',
  family: 'links',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'The Service of a replicated StatefulSet is not headless',
    ru: 'Сервис StatefulSet с несколькими репликами не headless',
  },
  docs: {
    en: 'Per-pod DNS records (`<pod>.<service>.<namespace>.svc`) exist only for a headless Service, one with `clusterIP: None`. The API server accepts a StatefulSet whose `serviceName` is a normal ClusterIP Service, but then replicas cannot address each other by name. Point `serviceName` at the headless Service that selects the pods (the quick fix offers it when there is one), or set `clusterIP: None` (an existing Service must be recreated, the field is immutable) and keep a separate Service for client traffic. Reported only for more than one replica: a single pod has no peers to find.',
    ru: 'DNS-записи отдельных подов (`<под>.<сервис>.<пространство имён>.svc`) есть только у headless-сервиса — сервиса с `clusterIP: None`. API-сервер примет StatefulSet, у которого `serviceName` указывает на обычный ClusterIP-сервис, но тогда реплики не смогут обратиться друг к другу по имени. Укажите в `serviceName` headless-сервис, который выбирает эти поды (быстрое исправление предложит его, если он есть), или задайте `clusterIP: None` (существующий сервис придётся пересоздать — поле неизменяемое), а для клиентского трафика заведите отдельный сервис. Отмечается только при нескольких репликах: единственному поду искать некого.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'serviceName']));
    const replicas = replicasOf(data);
    if (!name || replicas <= 1) return;
    const ns = namespaceOf(object);
    const service = ctx.lookups.service(ns, name);
    if (!service || service.object.template) return;
    const clusterIP = service.data.spec?.clusterIP;
    if (clusterIP === 'None' || service.data.spec?.type === 'ExternalName') return;
    const headless = headlessServiceFor(ctx.lookups, ns, [object.name ?? '', name], data);
    const params = {
      name,
      replicas,
      headless: headless ?? '',
      detail: clusterIP
        ? `\`clusterIP: ${clusterIP}\``
        : '`clusterIP` is not set, so it gets a cluster IP',
      detailRu: clusterIP
        ? `\`clusterIP: ${clusterIP}\``
        : '`clusterIP` не задан, и сервису выдаётся кластерный IP',
    };
    ctx.report(
      ['spec', 'serviceName'],
      headless
        ? localize(
            {
              en: 'Service `{name}` is not headless ({detail}), so the {replicas} replicas get no per-pod DNS names and cannot address each other by name. Service `{headless}` is headless and selects these pods: set `serviceName: {headless}`.',
              ru: 'Сервис `{name}` не headless ({detailRu}), поэтому реплики ({replicas}) не получат DNS-имён подов и не смогут обратиться друг к другу по имени. Сервис `{headless}` — headless и выбирает эти поды: укажите `serviceName: {headless}`.',
            },
            params,
          )
        : localize(
            {
              en: 'Service `{name}` is not headless ({detail}), so the {replicas} replicas get no per-pod DNS names and cannot address each other by name. Set `clusterIP: None` on it, or point `serviceName` at a headless Service.',
              ru: 'Сервис `{name}` не headless ({detailRu}), поэтому реплики ({replicas}) не получат DNS-имён подов и не смогут обратиться друг к другу по имени. Укажите в нём `clusterIP: None` или направьте `serviceName` на headless-сервис.',
            },
            params,
          ),
      {
        fix: () => {
          const makeHeadless = addHeadlessClusterIp(service.object);
          if (!headless) return makeHeadless;
          const useHeadless = replaceFix(
            object,
            ['spec', 'serviceName'],
            scalarText(headless),
            localize(
              { en: 'Use `serviceName: {name}`', ru: 'Указать `serviceName: {name}`' },
              { name: headless },
            ),
          )();
          return [useHeadless, makeHeadless].filter((f): f is QuickFix => f !== undefined);
        },
      },
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
  claimNotMounted,
  statefulSetServiceNotFound,
  statefulSetServiceNotHeadless,
  volumeNameNotFound,
  claimRefNotFound,
];
export const initContainerRules: Rule[] = [initContainerVolumeNotFound];
