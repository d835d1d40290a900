/** Reclaim policies: what happens to a volume's data when its claim goes. */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { YamlPath } from '../parse/nodes';
import type { Rule } from './types';
import { get, isRecord } from './util';
import { replaceFix } from './fixes/storageFixes';

const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

const retainTitle = { en: 'Use `Retain`', ru: 'Заменить на `Retain`' };

const RECLAIM_PATH: YamlPath = ['spec', 'persistentVolumeReclaimPolicy'];

export const recycleReclaimPolicy: Rule = {
  id: 'recycle-reclaim-policy',
  family: 'volumes',
  severity: 'warning',
  // A StorageClass takes only `Retain` and `Delete`: its `Recycle` is a schema error (invalid-enum,
  // with a fix per allowed value), not a second finding.
  kinds: ['PersistentVolume'],
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
    const path = RECLAIM_PATH;
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
    const path = RECLAIM_PATH;
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
