/** Volumes and classes: PersistentVolume, PersistentVolumeClaim and StorageClass settings. */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { localize } from '../i18n/format';
import { NO_PROVISIONER } from '../binding/state';
import type { YamlPath } from '../parse/nodes';
import { describeBytes, parseQuantity } from '../quantity';
import { sameObject } from './lookups';
import { DEFAULT_CLASS_ANNOTATION, defaultClassAnnotation } from '../kubernetes/storageClass';
import type { Rule } from './types';
import { claimSpecFields, get, isRecord, str, strings } from './util';
import { replaceFix, setValueFix } from './fixes/storageFixes';
import { scalarText } from './fixes/edits';
import { keepDefaultClassFix, localNodeAffinityFix } from './fixes/volumeFixes';

const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

const retainTitle = { en: 'Use `Retain`', ru: 'Заменить на `Retain`' };

function reclaimPath(kind: string): YamlPath {
  return kind === 'StorageClass' ? ['reclaimPolicy'] : ['spec', 'persistentVolumeReclaimPolicy'];
}

export const recycleReclaimPolicy: Rule = {
  id: 'recycle-reclaim-policy',
  family: 'volumes',
  severity: 'warning',
  kinds: ['PersistentVolume', 'StorageClass'],
  fixable: true,
  title: {
    en: 'The deprecated `Recycle` reclaim policy',
    ru: 'Устаревшая политика освобождения `Recycle`',
  },
  docs: {
    en: '`Recycle` wipes the volume (`rm -rf` on it) when its claim is deleted and offers it to the next claim. It is deprecated, works only for NFS and hostPath, and the wipe is irreversible. Use `Retain` and clean volumes up deliberately, or dynamic provisioning with `Delete`.',
    ru: '`Recycle` стирает том (`rm -rf`) после удаления заявки и отдаёт его следующей. Политика устарела, работает только для NFS и hostPath, а стирание необратимо. Используйте `Retain` и очищайте тома осознанно либо динамическое выделение томов с `Delete`.',
  },
  check(object, data, ctx) {
    const path = reclaimPath(object.kind);
    if (get(data, path) !== 'Recycle') return;
    ctx.report(
      path,
      {
        en: "`Recycle` is deprecated: it erases the volume's files as soon as the claim is released. Use `Retain` (keep the data, clean up by hand) or dynamic provisioning.",
        ru: '`Recycle` устарела: она стирает файлы тома, как только заявку освободят. Используйте `Retain` (данные сохранятся, очистка вручную) или динамическое выделение томов.',
      },
      { fix: replaceFix(object, path, 'Retain', retainTitle) },
    );
  },
};

export const readWriteOncePodCombined: Rule = {
  id: 'read-write-once-pod-combined',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolume', 'PersistentVolumeClaim', 'StatefulSet'],
  fixable: true,
  title: {
    en: '`ReadWriteOncePod` combined with other access modes',
    ru: '`ReadWriteOncePod` вместе с другими режимами доступа',
  },
  docs: {
    en: '`ReadWriteOncePod` means "one pod in the whole cluster". It cannot be combined with other access modes: the API server rejects such a claim or volume. Use `ReadWriteOncePod` alone (the quick fix leaves only it), or drop it.',
    ru: '`ReadWriteOncePod` означает «один под на весь кластер». Сочетать его с другими режимами доступа нельзя: такую заявку или том API-сервер отклонит. Оставьте только `ReadWriteOncePod` (это сделает быстрое исправление) или уберите его.',
  },
  check(object, data, ctx) {
    for (const { value, path } of claimSpecFields(object.kind, data, 'accessModes')) {
      const modes = strings(value);
      if (!modes.includes('ReadWriteOncePod') || modes.length < 2) continue;
      ctx.report(
        path,
        {
          en: '`ReadWriteOncePod` cannot be combined with other access modes; the API server rejects this. Keep only `ReadWriteOncePod`, or remove it.',
          ru: '`ReadWriteOncePod` нельзя сочетать с другими режимами доступа — API-сервер это отклонит. Оставьте только `ReadWriteOncePod` или уберите его.',
        },
        {
          fix: replaceFix(object, path, '[ReadWriteOncePod]', {
            en: 'Keep only `ReadWriteOncePod`',
            ru: 'Оставить только `ReadWriteOncePod`',
          }),
        },
      );
    }
  },
};

export const sharedModeOnNodeLocalVolume: Rule = {
  id: 'shared-mode-on-node-local-volume',
  family: 'volumes',
  severity: 'warning',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: '`ReadWriteMany`/`ReadOnlyMany` on a hostPath or local volume',
    ru: '`ReadWriteMany`/`ReadOnlyMany` у тома `hostPath` или `local`',
  },
  docs: {
    en: 'A `hostPath` or `local` volume is a directory or disk of one node. Declaring `ReadWriteMany` or `ReadOnlyMany` lets claims that need sharing bind to it, but pods on other nodes can never use it: they stay `Pending` or see different data. Declare `ReadWriteOnce` and use network storage (NFS, CephFS, a CSI driver with RWX) for sharing.',
    ru: 'Том `hostPath` или `local` — это каталог или диск одного узла. Если объявить `ReadWriteMany` или `ReadOnlyMany`, к нему привяжутся заявки, которым нужен общий доступ, но поды на других узлах использовать его не смогут: они застрянут в `Pending` или увидят другие данные. Объявите `ReadWriteOnce`, а для общего доступа используйте сетевое хранилище (NFS, CephFS, CSI-драйвер с RWX).',
  },
  check(object, data, ctx) {
    const spec = (data as PersistentVolume).spec;
    if (!spec || (!isRecord(spec.hostPath) && !isRecord(spec.local))) return;
    const shared = strings(spec.accessModes).filter(
      (m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany',
    );
    if (!shared.length) return;
    ctx.report(
      ['spec', 'accessModes'],
      localize(
        {
          en: 'This {type} volume lives on one node, yet it offers {modes}. Pods on other nodes cannot use it. Offer `ReadWriteOnce` and use network storage for sharing.',
          ru: 'Этот том {type} находится на одном узле, но объявляет {modes}. Поды на других узлах его использовать не смогут. Объявите `ReadWriteOnce`, а для общего доступа возьмите сетевое хранилище.',
        },
        {
          type: isRecord(spec.local) ? '`local`' : '`hostPath`',
          modes: shared.map((m) => '`' + m + '`').join(', '),
        },
      ),
      {
        fix: replaceFix(object, ['spec', 'accessModes'], '[ReadWriteOnce]', {
          en: 'Offer only `ReadWriteOnce`',
          ru: 'Оставить только `ReadWriteOnce`',
        }),
      },
    );
  },
};

export const localVolumeWithoutNodeAffinity: Rule = {
  id: 'local-volume-without-node-affinity',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: 'A `local` volume without required node affinity',
    ru: 'Том `local` без обязательной привязки к узлам',
  },
  docs: {
    en: 'A `local` PersistentVolume is a disk on one node; `spec.nodeAffinity.required` tells the scheduler which node. The API server rejects a local volume without it, and without it pods could be placed on a node where the disk does not exist. Add `nodeAffinity.required.nodeSelectorTerms` matching the node (usually `kubernetes.io/hostname`).',
    ru: 'Постоянный том `local` — это диск одного узла; `spec.nodeAffinity.required` сообщает планировщику, какого именно. Без этого поля API-сервер том не примет, а поды могли бы попасть на узел, где диска нет. Добавьте `nodeAffinity.required.nodeSelectorTerms` с нужным узлом (обычно по `kubernetes.io/hostname`).',
  },
  check(object, data, ctx) {
    const spec = (data as PersistentVolume).spec;
    if (!spec || !isRecord(spec.local)) return;
    const terms = spec.nodeAffinity?.required?.nodeSelectorTerms;
    if (Array.isArray(terms) && terms.length) return;
    ctx.report(
      ['spec', 'local'],
      {
        en: 'A `local` volume needs `spec.nodeAffinity.required` naming its node. The API server rejects it otherwise. Add node affinity on `kubernetes.io/hostname`.',
        ru: 'Тому `local` нужна `spec.nodeAffinity.required` с его узлом, иначе API-сервер его не примет. Добавьте привязку к узлу по `kubernetes.io/hostname`.',
      },
      { onKey: true, fix: () => localNodeAffinityFix(object, data) },
    );
  },
};

export const localClassImmediateBinding: Rule = {
  id: 'local-class-immediate-binding',
  family: 'volumes',
  severity: 'warning',
  kinds: ['StorageClass'],
  fixable: true,
  title: {
    en: 'A local or no-provisioner StorageClass binds immediately',
    ru: 'Класс хранилища для локальных томов с немедленной привязкой',
  },
  docs: {
    en: 'With `volumeBindingMode: Immediate` (the default) a claim binds to a volume before the scheduler picks a node for the pod. For node-local volumes this chooses the node by accident: the pod may need resources the node does not have, or conflict with other volumes, and stays `Pending`. Use `WaitForFirstConsumer` (the quick fix sets it) so binding waits for scheduling.',
    ru: 'При `volumeBindingMode: Immediate` (по умолчанию) заявка привязывается к тому ещё до того, как планировщик выберет узел для пода. Для локальных томов это выбирает узел случайно: поду может не хватить ресурсов узла или помешать другой том, и он останется в `Pending`. Укажите `WaitForFirstConsumer` (это сделает быстрое исправление), чтобы привязка ждала планирования.',
  },
  check(object, data, ctx) {
    const sc = data as unknown as StorageClass;
    const provisioner = str(sc.provisioner) ?? '';
    if (provisioner !== NO_PROVISIONER && !/(^|[/.-])local([/.-]|$)/.test(provisioner)) return;
    if (sc.volumeBindingMode === 'WaitForFirstConsumer') return;
    ctx.report(
      sc.volumeBindingMode ? ['volumeBindingMode'] : ['provisioner'],
      localize(
        {
          en: 'Class `{name}` serves node-local volumes but binds immediately, before the pod is scheduled. Pods can end up `Pending` on a wrong node. Set `volumeBindingMode: WaitForFirstConsumer`.',
          ru: 'Класс `{name}` обслуживает локальные тома, но привязывает их сразу, до планирования пода. Поды могут застрять в `Pending` из-за неудачного узла. Укажите `volumeBindingMode: WaitForFirstConsumer`.',
        },
        { name: object.name ?? '?' },
      ),
      {
        fix: setValueFix(object, [], 'volumeBindingMode', 'WaitForFirstConsumer', {
          en: 'Use `WaitForFirstConsumer`',
          ru: 'Указать `WaitForFirstConsumer`',
        }),
      },
    );
  },
};

export const multipleDefaultClasses: Rule = {
  id: 'multiple-default-storage-classes',
  family: 'volumes',
  severity: 'warning',
  kinds: ['StorageClass'],
  fixable: true,
  title: {
    en: 'More than one StorageClass is marked default',
    ru: 'По умолчанию отмечено несколько классов хранилища',
  },
  docs: {
    en: 'Claims without `storageClassName` get the default StorageClass. With several classes annotated `storageclass.kubernetes.io/is-default-class: "true"`, Kubernetes picks the most recently created one, so which class new claims get depends on creation order. Keep exactly one default.',
    ru: 'Заявки без `storageClassName` получают класс хранилища по умолчанию. Если аннотацию `storageclass.kubernetes.io/is-default-class: "true"` несут несколько классов, Kubernetes выберет созданный последним, и класс новых заявок зависит от порядка создания. Оставьте ровно один класс по умолчанию.',
  },
  check(object, data, ctx) {
    const defaults = ctx.lookups.defaultClasses;
    if (defaults.length < 2 || !defaults.some((d) => sameObject(d.object, object))) return;
    const annotation =
      defaultClassAnnotation((data as Partial<StorageClass>).metadata) ?? DEFAULT_CLASS_ANNOTATION;
    ctx.report(
      ['metadata', 'annotations', annotation],
      localize(
        {
          en: '{count} StorageClasses are marked default ({names}). Claims without a class get whichever was created last. Keep one default.',
          ru: 'По умолчанию отмечено классов хранилища: {count} ({names}). Заявки без класса получат тот, что создан последним. Оставьте один класс по умолчанию.',
        },
        {
          count: defaults.length,
          names: defaults.map((d) => '`' + (d.object.name ?? '?') + '`').join(', '),
        },
      ),
      { onKey: true, fix: () => keepDefaultClassFix(object, defaults) },
    );
  },
};

const STATIC_SOURCES = ['nfs', 'hostPath', 'local', 'iscsi', 'fc', 'cephfs', 'glusterfs'];

export const deleteReclaimOnStaticVolume: Rule = {
  id: 'delete-reclaim-on-static-volume',
  family: 'volumes',
  severity: 'warning',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: '`Delete` reclaim policy on a hand-made volume',
    ru: 'Политика освобождения `Delete` у тома, созданного вручную',
  },
  docs: {
    en: 'For a volume you created by hand (NFS, hostPath, local, iSCSI...), there is no plugin that can delete the storage behind it. With `persistentVolumeReclaimPolicy: Delete` the volume goes `Failed` once its claim is deleted, and with some plugins the data is really removed. Use `Retain` (the quick fix sets it); `Delete` is for dynamically provisioned volumes.',
    ru: 'Для тома, созданного вручную (NFS, hostPath, local, iSCSI…), нет плагина, который умеет удалить хранилище за ним. С `persistentVolumeReclaimPolicy: Delete` после удаления заявки том перейдёт в `Failed`, а с некоторыми плагинами данные действительно удалятся. Укажите `Retain` (это сделает быстрое исправление); `Delete` — для динамически выделенных томов.',
  },
  check(object, data, ctx) {
    const pv = data as PersistentVolume;
    if (pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (pv.metadata?.annotations?.[PROVISIONED_BY]) return;
    const source = STATIC_SOURCES.find((s) => isRecord((pv.spec as Record<string, unknown>)[s]));
    if (!source) return;
    const path = reclaimPath('PersistentVolume');
    ctx.report(
      path,
      localize(
        {
          en: 'This `{source}` volume was made by hand, yet its reclaim policy is `Delete`. Nothing can delete such storage cleanly: the volume goes `Failed` when the claim is removed, or the data is erased. Use `Retain`.',
          ru: 'Этот том `{source}` создан вручную, а политика освобождения у него `Delete`. Удалить такое хранилище аккуратно некому: после удаления заявки том перейдёт в `Failed` или данные сотрутся. Укажите `Retain`.',
        },
        { source },
      ),
      { fix: replaceFix(object, path, 'Retain', retainTitle) },
    );
  },
};

export const volumeWithoutCapacity: Rule = {
  id: 'volume-without-capacity',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: 'A PersistentVolume without capacity',
    ru: 'Постоянный том без ёмкости',
  },
  docs: {
    en: "`spec.capacity.storage` is required on a PersistentVolume: the API server rejects a volume without it, and the binder compares it with each claim's request. Write the real size of the storage behind the volume (the quick fix adds `1Gi` as a placeholder).",
    ru: '`spec.capacity.storage` у постоянного тома обязательна: без неё API-сервер том не примет, а при привязке её сравнивают с запросом заявки. Укажите реальный размер хранилища (быстрое исправление подставит `1Gi` как заготовку).',
  },
  check(object, data, ctx) {
    if (get(data, ['spec', 'capacity', 'storage']) !== undefined) return;
    ctx.report(
      ['spec', 'capacity'],
      {
        en: 'The volume has no `capacity.storage`. The API server rejects it and no claim could be matched by size. Add the size of the storage.',
        ru: 'У тома нет `capacity.storage`. API-сервер его не примет, а подобрать заявку по размеру будет нельзя. Укажите ёмкость хранилища.',
      },
      {
        onKey: true,
        fix: setValueFix(object, ['spec', 'capacity'], 'storage', '1Gi', {
          en: 'Add `capacity.storage: 1Gi`',
          ru: 'Добавить `capacity.storage: 1Gi`',
        }),
      },
    );
  },
};

export const claimWithoutStorageRequest: Rule = {
  id: 'claim-without-storage-request',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A PersistentVolumeClaim without a storage request',
    ru: 'Заявка на том без запроса ёмкости',
  },
  docs: {
    en: 'A claim must say how much storage it needs in `spec.resources.requests.storage`; the API server rejects it otherwise. The provisioner creates a volume of that size and the binder only offers volumes at least that big. Add the request (the quick fix adds `1Gi`; set what you need).',
    ru: 'Заявка должна указать нужный объём в `spec.resources.requests.storage`, иначе API-сервер её не примет. Провижинер создаёт том такого размера, а при привязке подходят только тома не меньше. Добавьте запрос (быстрое исправление подставит `1Gi` — укажите нужный размер).',
  },
  check(object, data, ctx) {
    if (get(data, ['spec', 'resources', 'requests', 'storage']) !== undefined) return;
    ctx.report(
      ['spec', 'resources'],
      {
        en: 'The claim has no `resources.requests.storage`. The API server rejects it. Add a storage request.',
        ru: 'В заявке нет `resources.requests.storage`. API-сервер её не примет. Добавьте запрос ёмкости.',
      },
      {
        onKey: true,
        fix: setValueFix(object, ['spec', 'resources', 'requests'], 'storage', '1Gi', {
          en: 'Add a storage request (`1Gi`)',
          ru: 'Добавить запрос ёмкости (`1Gi`)',
        }),
      },
    );
  },
};

export const storageLimitBelowRequest: Rule = {
  id: 'storage-limit-below-request',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolumeClaim', 'StatefulSet'],
  fixable: true,
  title: {
    en: "A claim's storage limit is below its request",
    ru: 'Лимит ёмкости заявки меньше запроса',
  },
  docs: {
    en: '`resources.limits.storage` on a claim must not be smaller than `resources.requests.storage`; the API server rejects the claim otherwise. Most provisioners ignore the limit anyway: usually it is simplest to remove it.',
    ru: '`resources.limits.storage` у заявки не может быть меньше `resources.requests.storage`, иначе API-сервер её не примет. Большинство провижинеров лимит всё равно не учитывают — обычно проще его убрать.',
  },
  check(_object, data, ctx) {
    for (const { value: resources, path } of claimSpecFields(_object.kind, data, 'resources')) {
      const request = parseQuantity(get(resources, ['requests', 'storage']));
      const limit = parseQuantity(get(resources, ['limits', 'storage']));
      if (request === undefined || limit === undefined || limit >= request) continue;
      ctx.report(
        [...path, 'limits', 'storage'],
        localize(
          {
            en: 'The limit ({limit}) is below the request ({request}). The API server rejects the claim. Raise or remove the limit.',
            ru: 'Лимит ({limit}) меньше запроса ({request}). API-сервер не примет заявку. Увеличьте лимит или уберите его.',
          },
          { limit: describeBytes(limit).binary, request: describeBytes(request).binary },
        ),
        {
          fix: replaceFix(
            _object,
            [...path, 'limits', 'storage'],
            scalarText(get(resources, ['requests', 'storage'])),
            {
              en: 'Raise the limit to the request',
              ru: 'Поднять лимит до запроса',
            },
          ),
        },
      );
    }
  },
};

const ONE_MIB = 1024 * 1024;

export const storageSizeWithoutUnit: Rule = {
  id: 'storage-size-without-unit',
  family: 'volumes',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', 'PersistentVolume', 'StatefulSet'],
  fixable: true,
  title: {
    en: 'A storage size is tiny: probably a missing unit',
    ru: 'Подозрительно маленький размер: вероятно, забыта единица',
  },
  docs: {
    en: 'A quantity without a unit counts bytes: `storage: 10` is ten bytes, not ten gigabytes, and `storage: 500m` is half a byte. Sizes below 1Mi are almost always a missing `Gi`/`Mi`. Write the unit (the quick fix appends `Gi` to a bare number).',
    ru: 'Количество без единицы измерения — это байты: `storage: 10` — десять байт, а не гигабайт, а `storage: 500m` — полбайта. Размеры меньше 1Mi почти всегда означают забытые `Gi`/`Mi`. Укажите единицу (быстрое исправление допишет `Gi` к числу без единицы).',
  },
  check(object, data, ctx) {
    const targets: { value: unknown; path: YamlPath }[] = [];
    if (object.kind === 'PersistentVolume') {
      targets.push({
        value: get(data, ['spec', 'capacity', 'storage']),
        path: ['spec', 'capacity', 'storage'],
      });
    } else {
      for (const t of claimSpecFields(object.kind, data, 'resources')) {
        for (const k of ['requests', 'limits']) {
          targets.push({
            value: get(t.value, [k, 'storage']),
            path: [...t.path, k, 'storage'],
          });
        }
      }
    }
    for (const { value, path } of targets) {
      const bytes = parseQuantity(value);
      if (bytes === undefined || bytes <= 0 || bytes >= ONE_MIB) continue;
      const text = String(value);
      const bare = /^\d+$/.test(text);
      ctx.report(
        path,
        localize(
          {
            en: '`{value}` is only {bytes} byte(s). A quantity without a unit counts bytes. Did you mean `{value}Gi`?',
            ru: 'Размер `{value}` меньше одного мебибайта: количество без единицы измерения считается в байтах. Может быть, имелось в виду `{value}Gi`?',
          },
          { value: text, bytes: Math.round(bytes * 1000) / 1000 },
        ),
        bare
          ? {
              fix: replaceFix(object, path, `${text}Gi`, {
                en: `Use \`${text}Gi\``,
                ru: `Заменить на \`${text}Gi\``,
              }),
            }
          : undefined,
      );
    }
  },
};

export const volumeRules: Rule[] = [
  recycleReclaimPolicy,
  readWriteOncePodCombined,
  sharedModeOnNodeLocalVolume,
  localVolumeWithoutNodeAffinity,
  localClassImmediateBinding,
  multipleDefaultClasses,
  deleteReclaimOnStaticVolume,
  volumeWithoutCapacity,
  claimWithoutStorageRequest,
  storageLimitBelowRequest,
  storageSizeWithoutUnit,
];
