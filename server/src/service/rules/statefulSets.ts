/** StatefulSets: their claim templates, update strategy and what happens to claims on deletion. */
import { localize } from '../i18n/format';
import type { Rule } from './types';
import { claimTemplatesOf, get, podSpecOf, replicasOf, strings, writtenVolumesOf } from './util';
import { setValueFix } from './fixes/storageFixes';
import { replaceScalarFix } from './fixes/quickFix';
import { onDeleteFixes, removeVolumeFix } from './fixes/workloadFixes';

export const claimTemplateWithoutStorage: Rule = {
  id: 'claim-template-without-storage',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'A claim template has no storage request',
    ru: 'В шаблоне заявки нет запроса ёмкости',
  },
  docs: {
    en: "Every claim made from a `volumeClaimTemplates` entry needs `spec.resources.requests.storage`; the API server rejects the claims without it (or with `storage:` left empty, as a chart prints an unset size: that is a zero quantity, refused as not greater than zero) and the StatefulSet's pods never start. Add a request (the quick fix adds `1Gi`; set the size you need). Claim templates cannot be changed later without recreating the StatefulSet, so choose the size with room to grow.",
    ru: 'Каждой заявке из `volumeClaimTemplates` нужен `spec.resources.requests.storage`; без него (или с пустым `storage:` — так чарт выводит незаданный размер; это нулевое количество, а оно должно быть больше нуля) API-сервер не примет заявки, и поды StatefulSet не запустятся. Добавьте запрос (быстрое исправление подставит `1Gi` — укажите нужный размер). Шаблоны заявок нельзя поменять без пересоздания StatefulSet, так что берите размер с запасом.',
  },
  check(object, data, ctx) {
    for (const t of claimTemplatesOf(data)) {
      // `storage:` with no value (a chart's unset size) is no request: it decodes to a zero
      // quantity, which ValidatePersistentVolumeClaimSpec refuses as well.
      const requestPath = [...t.path, 'spec', 'resources', 'requests', 'storage'];
      const request = get(data, requestPath);
      if (request != null) continue;
      const empty = request === null;
      ctx.report(
        empty ? requestPath : [...t.path, 'metadata', 'name'],
        localize(
          empty
            ? {
                en: 'Claim template `{name}` has an empty `resources.requests.storage`, a zero size. Its claims are rejected and the pods never start. Set the size.',
                ru: 'В шаблоне заявки `{name}` пустой `resources.requests.storage` — нулевой размер. Заявки не создадутся, поды не запустятся. Укажите размер.',
              }
            : {
                en: 'Claim template `{name}` has no `resources.requests.storage`. Its claims are rejected and the pods never start. Add a storage request.',
                ru: 'В шаблоне заявки `{name}` нет `resources.requests.storage`. Заявки не создадутся, поды не запустятся. Добавьте запрос ёмкости.',
              },
          { name: t.name || '?' },
        ),
        {
          onKey: empty,
          fix: setValueFix(object, [...t.path, 'spec', 'resources', 'requests'], 'storage', '1Gi', {
            en: 'Add a storage request (`1Gi`)',
            ru: 'Добавить запрос ёмкости (`1Gi`)',
          }),
        },
      );
    }
  },
};

export const claimTemplateWithoutAccessModes: Rule = {
  id: 'claim-template-without-access-modes',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'A claim template has no access modes',
    ru: 'В шаблоне заявки нет режимов доступа',
  },
  docs: {
    en: 'A claim needs at least one access mode; the API server rejects claims made from a template without `spec.accessModes`. For one replica per volume, which is what a StatefulSet wants, use `ReadWriteOnce` (the quick fix adds it) or `ReadWriteOncePod`.',
    ru: 'Заявке нужен хотя бы один режим доступа; заявки из шаблона без `spec.accessModes` API-сервер не примет. Для StatefulSet, где у каждой реплики свой том, подходит `ReadWriteOnce` (его добавит быстрое исправление) или `ReadWriteOncePod`.',
  },
  check(object, data, ctx) {
    for (const t of claimTemplatesOf(data)) {
      // An item without a value (`- {{ .Values.accessMode }}` with the value unset) decodes to
      // "", refused as an unsupported mode, not as a missing one: the schema reports the item.
      const modes = get(t.template, ['spec', 'accessModes']);
      if (strings(modes).length || (Array.isArray(modes) && modes.includes(null))) continue;
      ctx.report(
        [...t.path, 'metadata', 'name'],
        localize(
          {
            en: 'Claim template `{name}` has no `accessModes`. Its claims are rejected and the pods never start. Add `accessModes: [ReadWriteOnce]`.',
            ru: 'В шаблоне заявки `{name}` нет `accessModes`. Заявки не создадутся, поды не запустятся. Добавьте `accessModes: [ReadWriteOnce]`.',
          },
          { name: t.name || '?' },
        ),
        {
          fix: setValueFix(object, [...t.path, 'spec'], 'accessModes', ['ReadWriteOnce'], {
            en: 'Add `accessModes: [ReadWriteOnce]`',
            ru: 'Добавить `accessModes: [ReadWriteOnce]`',
          }),
        },
      );
    }
  },
};

export const rollingUpdateWithOnDelete: Rule = {
  id: 'statefulset-rolling-update-with-on-delete',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'rollingUpdate settings with the OnDelete update strategy',
    ru: 'Параметры `rollingUpdate` при стратегии `OnDelete`',
  },
  docs: {
    en: 'With `updateStrategy.type: OnDelete` the controller never replaces pods on its own: a new template applies only to pods you delete by hand. `rollingUpdate` (`partition`, `maxUnavailable`) is only allowed with `RollingUpdate`, and the API server rejects the combination. Either switch to `RollingUpdate` or remove `rollingUpdate`.',
    ru: 'При `updateStrategy.type: OnDelete` контроллер сам поды не заменяет: новый шаблон применится только к подам, которые вы удалите вручную. `rollingUpdate` (`partition`, `maxUnavailable`) разрешён только с `RollingUpdate`, и такую комбинацию API-сервер отклонит. Переключитесь на `RollingUpdate` или уберите `rollingUpdate`.',
  },
  check(object, data, ctx) {
    if (get(data, ['spec', 'updateStrategy', 'type']) !== 'OnDelete') return;
    // `rollingUpdate: null` decodes to nil, which ValidateStatefulSetSpec accepts with OnDelete
    // (charts write it to switch strategies).
    if (get(data, ['spec', 'updateStrategy', 'rollingUpdate']) == null) return;
    ctx.report(
      ['spec', 'updateStrategy', 'rollingUpdate'],
      {
        en: '`rollingUpdate` has no effect with `type: OnDelete`, and the API server rejects it. With `OnDelete` pods are updated only when you delete them. Remove `rollingUpdate` or use `type: RollingUpdate`.',
        ru: '`rollingUpdate` не действует при `type: OnDelete`, и API-сервер такое не примет. С `OnDelete` поды обновляются, только когда вы их удаляете. Уберите `rollingUpdate` или укажите `type: RollingUpdate`.',
      },
      { onKey: true, fix: () => onDeleteFixes(object) },
    );
  },
};

export const partitionBlocksUpdate: Rule = {
  id: 'statefulset-partition-blocks-update',
  family: 'workloads',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'The rolling update partition is not below the replica count',
    ru: '`partition` не меньше числа реплик',
  },
  docs: {
    en: 'During a rolling update only pods with an ordinal at or above `rollingUpdate.partition` get the new template. With `partition` at or above `replicas` no pod is updated at all, and people wonder why their change "did not apply". This is fine for a staged rollout; otherwise lower `partition` (usually to 0).',
    ru: 'При плавном обновлении новый шаблон получают только поды с порядковым номером не меньше `rollingUpdate.partition`. Если `partition` не меньше `replicas`, не обновится ни один под — и изменение «не применяется». Для поэтапного выката это нормально, иначе уменьшите `partition` (обычно до 0).',
  },
  check(object, data, ctx) {
    const partition = get(data, ['spec', 'updateStrategy', 'rollingUpdate', 'partition']);
    if (typeof partition !== 'number' || partition <= 0) return;
    const replicas = replicasOf(data);
    const start = get(data, ['spec', 'ordinals', 'start']);
    const first = typeof start === 'number' ? start : 0;
    if (partition < first + replicas) return;
    ctx.report(
      ['spec', 'updateStrategy', 'rollingUpdate', 'partition'],
      localize(
        {
          en: '`partition: {partition}` is not below the last ordinal ({last}), so no pod gets the new template. Lower `partition` unless you are holding the rollout on purpose.',
          ru: '`partition: {partition}` не меньше последнего порядкового номера ({last}), поэтому новый шаблон не получит ни один под. Уменьшите `partition`, если не придерживаете выкат намеренно.',
        },
        { partition, last: first + replicas - 1 },
      ),
      {
        fix: () =>
          replaceScalarFix(object, ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], 0, {
            en: 'Set `partition: 0` (update every pod)',
            ru: 'Указать `partition: 0` (обновить все поды)',
          }),
      },
    );
  },
};

export const claimRetentionDeletesData: Rule = {
  id: 'claim-retention-deletes-data',
  family: 'workloads',
  severity: 'warning',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'The StatefulSet deletes its claims when it is deleted',
    ru: 'StatefulSet удаляет свои заявки вместе с собой',
  },
  docs: {
    en: 'By default claims made from `volumeClaimTemplates` outlive the StatefulSet: a `helm uninstall` keeps the data. `persistentVolumeClaimRetentionPolicy.whenDeleted: Delete` removes the claims with the StatefulSet, and with the usual `Delete` reclaim policy of provisioned volumes the data is gone for good. Keep `Retain` for data you care about, or make sure backups exist. `whenScaled: Delete` is not reported: dropping the claims of replicas removed by a scale-down is a deliberate choice for per-replica data that is disposable (a cache) or copied again from the other replicas.',
    ru: 'По умолчанию заявки из `volumeClaimTemplates` переживают StatefulSet: после `helm uninstall` данные остаются. `persistentVolumeClaimRetentionPolicy.whenDeleted: Delete` удаляет заявки вместе со StatefulSet, а при обычной для динамически выделенных томов политике освобождения `Delete` данные пропадают навсегда. Для важных данных оставьте `Retain` или убедитесь, что есть резервные копии. `whenScaled: Delete` не отмечается: удалять заявки реплик, убранных при уменьшении числа реплик, — осознанный выбор для данных, которые не жалко (кэш) или которые снова скопируются с других реплик.',
  },
  check(object, data, ctx) {
    const path = ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted'];
    if (get(data, path) !== 'Delete') return;
    ctx.report(
      path,
      {
        en: 'Deleting the StatefulSet also deletes its claims, and usually the data with them. Use `Retain` unless the data is disposable or backed up.',
        ru: 'При удалении StatefulSet удалятся и его заявки, а обычно и данные. Оставьте `Retain`, если данные не одноразовые и нет резервных копий.',
      },
      {
        fix: () =>
          replaceScalarFix(object, path, 'Retain', {
            en: 'Use `Retain`',
            ru: 'Заменить на `Retain`',
          }),
      },
    );
  },
};

/** What the replaced volume of the pod template would have mounted. */
const WRITTEN_SOURCE = {
  en: 'the `{source}` written here',
  ru: 'указанный здесь `{source}`',
};
const WRITTEN_WITHOUT_SOURCE = {
  en: 'the volume written here (it has no source: the API server would make it an `emptyDir`)',
  ru: 'том, описанный здесь (у него нет источника, API-сервер сделал бы его `emptyDir`)',
};

export const volumeReplacedByClaimTemplate: Rule = {
  id: 'volume-replaced-by-claim-template',
  family: 'workloads',
  severity: 'information',
  kinds: ['StatefulSet'],
  fixable: true,
  title: {
    en: 'A pod volume has the name of a claim template, which replaces it',
    ru: 'Том пода назван как шаблон заявки и заменяется им',
  },
  docs: {
    en: "The StatefulSet controller gives each pod a volume for each `volumeClaimTemplates` entry, named like the template and backed by that replica's claim (`<template>-<set>-<ordinal>`). A volume of the pod template with the same name is dropped: its `emptyDir`, `hostPath` or `persistentVolumeClaim` is never mounted. The API server accepts the pair, so nothing warns that, say, an `emptyDir` meant for a test run is ignored, or that a fixed `claimName` is not the claim the pods get. The other rules check the pods as the controller makes them. Remove the volume (the quick fix does), or rename one of the two if both were meant.",
    ru: 'Контроллер StatefulSet даёт каждому поду по тому на каждый шаблон из `volumeClaimTemplates`: том называется как шаблон, а за ним стоит заявка этой реплики (`<шаблон>-<набор>-<номер>`). Том из шаблона пода с тем же именем отбрасывается — его `emptyDir`, `hostPath` или `persistentVolumeClaim` не монтируется. API-сервер такую пару принимает, поэтому никто не предупредит, что, например, `emptyDir` для пробного запуска игнорируется или что заявка из `claimName` — не та, которую получат поды. Остальные правила проверяют поды такими, какими их создаёт контроллер. Удалите том (это сделает быстрое исправление) или переименуйте один из двух, если нужны оба.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at?.replaced.size) return;
    for (const v of writtenVolumesOf(at)) {
      if (!at.replaced.has(v.volume.name)) continue;
      const source = Object.keys(v.volume).find((key) => key !== 'name');
      ctx.report(
        [...v.path, 'name'],
        localize(
          {
            en: 'Volume `{name}` is replaced by claim template `{name}`: the pods mount their own claim `{name}-{set}-<ordinal>`, not {written}. Remove the volume.',
            ru: 'Том `{name}` заменяется шаблоном заявки `{name}`: поды монтируют свою заявку `{name}-{set}-<номер>`, а не {written}. Удалите том.',
          },
          {
            name: v.volume.name,
            set: object.name || '?',
            written: localize(source ? WRITTEN_SOURCE : WRITTEN_WITHOUT_SOURCE, {
              source: source ?? '',
            }),
          },
        ),
        { fix: () => removeVolumeFix(object, v.path, v.volume.name) },
      );
    }
  },
};
